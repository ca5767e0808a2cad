/// Statements: everything C has, plus GNU case ranges, `asm` kept opaque, and kernel iterator
/// macros (`list_for_each_entry(...) body`) kept as loops over an uninterpreted header.
extension CParser {
    mutating func parseCompound() throws(CParseError) -> CStmt {
        let open = try expect(.leftBrace)
        try enter()
        defer { leave() }
        var items: [CStmt] = []
        while !check(.rightBrace) {
            if atEnd { throw error("expected '}' at end of input (the '{' at \(open.location) is never closed)") }
            items.append(try parseStatement())
        }
        advance()
        return CStmt(.compound(items), at: open.location)
    }

    mutating func parseStatement() throws(CParseError) -> CStmt {
        try enter()
        defer { leave() }
        if check(.leftBrace) { return try parseCompound() }
        let t = current
        let at = t.location
        if t.punctuator == .semicolon {
            advance()
            return CStmt(.empty, at: at)
        }
        if t.kind == .keyword {
            switch t.text {
            case "if":
                advance()
                let condition = try parseParenthesisedCondition("if")
                let then = try parseStatement()
                var otherwise: CStmt?
                if current.isKeyword("else") {
                    advance()
                    otherwise = try parseStatement()
                }
                return CStmt(.ifElse(condition: condition, then: then, else: otherwise), at: at)
            case "while":
                advance()
                let condition = try parseParenthesisedCondition("while")
                return CStmt(.whileLoop(condition: condition, body: try parseStatement()), at: at)
            case "do":
                advance()
                let body = try parseStatement()
                guard current.isKeyword("while") else { throw error("expected 'while' in do/while loop") }
                advance()
                let condition = try parseParenthesisedCondition("while")
                try expect(.semicolon, "after do/while statement")
                return CStmt(.doWhile(body: body, condition: condition), at: at)
            case "for":
                return try parseFor()
            case "switch":
                advance()
                let subject = try parseParenthesisedCondition("switch")
                return CStmt(.switchStmt(subject: subject, body: try parseStatement()), at: at)
            case "case":
                advance()
                let value = try parseConditional()
                var upTo: CExpr?
                if accept(.ellipsis) { upTo = try parseConditional() }
                try expect(.colon, "after 'case'")
                return CStmt(.caseLabel(value: value, upTo: upTo, statement: try parseLabelled()), at: at)
            case "default":
                advance()
                try expect(.colon, "after 'default'")
                return CStmt(.defaultLabel(statement: try parseLabelled()), at: at)
            case "goto":
                advance()
                let label = try expectIdentifier("label name")
                try expect(.semicolon, "after goto statement")
                return CStmt(.gotoStmt(label.text), at: at)
            case "break", "continue":
                advance()
                try expect(.semicolon, "after \(t.text) statement")
                return CStmt(t.text == "break" ? .breakStmt : .continueStmt, at: at)
            case "return":
                advance()
                var value: CExpr?
                if !check(.semicolon) { value = try parseExpression() }
                try expect(.semicolon, "after return statement")
                return CStmt(.returnStmt(value), at: at)
            case "asm", "__asm__", "__asm":
                let start = position
                advance()
                while kind() == .keyword { advance() }  // volatile, inline, goto
                guard check(.leftParen) else { throw error("expected '(' after 'asm'") }
                _ = try skipBalanced()
                let text = CToken.spell(tokens[start..<position], keepSpaces: true)
                try expect(.semicolon, "after asm statement")
                return CStmt(.opaque(text), at: at)
            case "_Static_assert":
                advance()
                _ = try skipBalanced()
                try expect(.semicolon)
                return CStmt(.empty, at: at)
            case "else":
                throw error("'else' without a previous 'if'")
            default: break
            }
        }
        // `label:` (a name then `:`); a label closing a block labels an empty statement.
        if t.kind == .identifier && punctuator(at: 1) == .colon {
            advance()
            advance()
            return CStmt(.label(name: t.text, statement: try parseLabelled()), at: at)
        }
        if startsDeclaration() {
            let spec = try parseSpecifiers()
            if accept(.semicolon) { return CStmt(.declaration([]), at: at) }
            return CStmt(.declaration(try parseInitDeclarators(spec)), at: at)
        }
        let expr = try parseExpression()
        // `list_for_each_entry(pos, head, member) { ... }`: an iterator macro heading a loop.
        if !check(.semicolon), case .call(let callee, _) = expr.kind, case .identifier(let name) = callee.kind,
            name.contains("for_each")
        {
            return CStmt(.iteratorLoop(header: expr, body: try parseStatement()), at: at)
        }
        try expect(.semicolon, "after expression")
        return CStmt(.expression(expr), at: at)
    }

    /// The statement after a label; C23 (and GCC) allow the label to end a block.
    private mutating func parseLabelled() throws(CParseError) -> CStmt {
        if check(.rightBrace) { return CStmt(.empty, at: current.location) }
        return try parseStatement()
    }

    private mutating func parseParenthesisedCondition(_ keyword: String) throws(CParseError) -> CExpr {
        try expect(.leftParen, "after '\(keyword)'")
        let e = try parseExpression()
        try expect(.rightParen, "after \(keyword) condition")
        return e
    }

    private mutating func parseFor() throws(CParseError) -> CStmt {
        let at = advance().location
        try expect(.leftParen, "after 'for'")
        var initial: CStmt?
        if !accept(.semicolon) {
            let initAt = current.location
            if startsDeclaration() {
                let spec = try parseSpecifiers()
                initial = CStmt(.declaration(try parseInitDeclarators(spec)), at: initAt)
            } else {
                initial = CStmt(.expression(try parseExpression()), at: initAt)
                try expect(.semicolon, "in 'for' statement")
            }
        }
        var condition: CExpr?
        if !check(.semicolon) { condition = try parseExpression() }
        try expect(.semicolon, "in 'for' statement")
        var step: CExpr?
        if !check(.rightParen) { step = try parseExpression() }
        try expect(.rightParen, "after 'for' clauses")
        return CStmt(.forLoop(initial: initial, condition: condition, step: step, body: try parseStatement()), at: at)
    }
}

/// Expressions: precedence climbing for the binary operators, recursive descent for the rest.
/// Every expression is located at its first token.
extension CParser {
    /// Binary operators by precedence, loosest first; all left-associative.
    private static func binaryOperator(_ p: CPunctuator?) -> (op: CExpr.BinaryOp, precedence: Int)? {
        switch p {
        case .pipePipe: (.logicalOr, 1)
        case .ampersandAmpersand: (.logicalAnd, 2)
        case .pipe: (.bitOr, 3)
        case .caret: (.bitXor, 4)
        case .ampersand: (.bitAnd, 5)
        case .equalEqual: (.eq, 6)
        case .notEqual: (.ne, 6)
        case .less: (.lt, 7)
        case .greater: (.gt, 7)
        case .lessEqual: (.le, 7)
        case .greaterEqual: (.ge, 7)
        case .shiftLeft: (.shl, 8)
        case .shiftRight: (.shr, 8)
        case .plus: (.add, 9)
        case .minus: (.sub, 9)
        case .star: (.mul, 10)
        case .slash: (.div, 10)
        case .percent: (.mod, 10)
        default: nil
        }
    }

    /// `=` gives `.some(nil)` (plain assignment); compound assignments give their operator.
    private static func assignmentOperator(_ p: CPunctuator?) -> CExpr.BinaryOp?? {
        switch p {
        case .assign: .some(nil)
        case .plusAssign: .add
        case .minusAssign: .sub
        case .starAssign: .mul
        case .slashAssign: .div
        case .percentAssign: .mod
        case .shiftLeftAssign: .shl
        case .shiftRightAssign: .shr
        case .ampersandAssign: .bitAnd
        case .pipeAssign: .bitOr
        case .caretAssign: .bitXor
        default: nil
        }
    }

    /// A full expression, comma operator included.
    mutating func parseExpression() throws(CParseError) -> CExpr {
        let first = try parseAssignment()
        guard check(.comma) else { return first }
        var items = [first]
        while accept(.comma) { items.append(try parseAssignment()) }
        return CExpr(.comma(items), at: first.location)
    }

    /// Assignment is right-associative: `a = b = c` is `a = (b = c)`.
    mutating func parseAssignment() throws(CParseError) -> CExpr {
        try enter()
        defer { leave() }
        let lhs = try parseConditional()
        guard let op = Self.assignmentOperator(currentPunctuator) else { return lhs }
        advance()
        let rhs = try parseAssignment()
        return CExpr(.assign(op: op, target: lhs, value: rhs), at: lhs.location)
    }

    /// `c ? a : b`, right-associative; GNU `c ?: b` repeats the condition as the middle operand.
    mutating func parseConditional() throws(CParseError) -> CExpr {
        let condition = try parseBinary(1)
        guard accept(.question) else { return condition }
        var then = condition
        if !check(.colon) { then = try parseExpression() }
        try expect(.colon, "in conditional expression")
        let otherwise = try parseConditionalNested()
        return CExpr(.conditional(condition: condition, then: then, else: otherwise), at: condition.location)
    }

    private mutating func parseConditionalNested() throws(CParseError) -> CExpr {
        try enter()
        defer { leave() }
        return try parseConditional()
    }

    /// Each operator of a chain (`a + b + c`) deepens the left-leaning tree by one, and a tree is
    /// destroyed recursively: chains count against the nesting limit like parentheses do.
    private mutating func parseBinary(_ minimum: Int) throws(CParseError) -> CExpr {
        var lhs = try parseCast()
        var levels = 0
        defer { depth -= levels }
        while let (op, precedence) = Self.binaryOperator(currentPunctuator), precedence >= minimum {
            advance()
            try enter()
            levels += 1
            let rhs = try parseBinary(precedence + 1)
            lhs = CExpr(.binary(op: op, lhs: lhs, rhs: rhs), at: lhs.location)
        }
        return lhs
    }

    /// `(type) operand`, `(type){ ... }`, or a unary expression.
    mutating func parseCast() throws(CParseError) -> CExpr {
        guard check(.leftParen), let unknownName = parenthesisedTypeAhead() else { return try parseUnary() }
        let open = advance()
        try enter()
        defer { leave() }
        let type = try parseTypeName(unknownNameIsType: unknownName)
        try expect(.rightParen, "after type name")
        if check(.leftBrace) {
            let list = try parseInitializerList()
            return try parsePostfix(CExpr(.compoundLiteral(type: type, initializer: list), at: open.location))
        }
        let operand = try parseCast()
        return CExpr(.cast(type: type, operand: operand), at: open.location)
    }

    /// At `(`: does a type name follow? Nil if not; true if it is a name no typedef declared that
    /// the context shows to be a type: `(foo_t *)`, or `(foo_t)` followed by something an
    /// expression cannot be followed by (a name, a constant, `{`, `!`, `~`).
    func parenthesisedTypeAhead() -> Bool? {
        if startsTypeName(at: 1) { return false }
        guard kind(at: 1) == .identifier else { return nil }
        var k = 2
        if peek(k).isPunctuator(.star) {
            while peek(k).isPunctuator(.star) { k += 1 }
            return peek(k).isPunctuator(.rightParen) ? true : nil
        }
        guard peek(k).isPunctuator(.rightParen) else { return nil }
        let after = peek(k + 1)
        switch after.kind {
        case .identifier, .integer, .character, .string, .floating: return true
        case .punctuator: return ["{", "!", "~"].contains(after.text) ? true : nil
        case .keyword: return after.text == "sizeof" ? true : nil
        default: return nil
        }
    }

    private mutating func parseUnary() throws(CParseError) -> CExpr {
        try enter()
        defer { leave() }
        let k = kind()
        guard k == .punctuator || k == .keyword else { return try parsePostfix(try parsePrimary()) }
        let t = current
        let at = t.location
        if let p = t.punctuator {
            let op: CExpr.UnaryOp?
            switch p {
            case .increment: op = .preIncrement
            case .decrement: op = .preDecrement
            case .ampersand: op = .addressOf
            case .star: op = .deref
            case .plus: op = .plus
            case .minus: op = .negate
            case .tilde: op = .bitNot
            case .bang: op = .not
            case .ampersandAmpersand: throw error("labels as values ('&&label') are not supported")
            default: op = nil
            }
            if let op {
                advance()
                let operand = op == .preIncrement || op == .preDecrement ? try parseUnary() : try parseCast()
                return CExpr(.unary(op: op, operand: operand), at: at)
            }
        }
        if t.kind == .keyword {
            switch t.text {
            case "sizeof":
                advance()
                if check(.leftParen), let unknownName = parenthesisedTypeAhead(),
                    !(unknownName && punctuator(at: 2) != .star)
                {
                    advance()
                    let type = try parseTypeName(unknownNameIsType: unknownName)
                    try expect(.rightParen, "after type name")
                    if check(.leftBrace) {
                        // sizeof a compound literal
                        let list = try parseInitializerList()
                        let literal = try parsePostfix(CExpr(.compoundLiteral(type: type, initializer: list), at: at))
                        return CExpr(.sizeofExpr(literal), at: at)
                    }
                    return CExpr(.sizeofType(type), at: at)
                }
                return CExpr(.sizeofExpr(try parseUnary()), at: at)
            case "__extension__":
                advance()
                return try parseCast()
            case "_Alignof", "__alignof__":
                throw error("'\(t.text)' is not supported")
            default: break
            }
        }
        return try parsePostfix(try parsePrimary())
    }

    private mutating func parsePostfix(_ base: CExpr) throws(CParseError) -> CExpr {
        var e = base
        var levels = 0
        defer { depth -= levels }
        while let p = currentPunctuator {
            if [.leftBracket, .leftParen, .dot, .arrow, .increment, .decrement].contains(p) {
                try enter()  // `a->b->c...` deepens the tree as a chain of operators does
                levels += 1
            }
            switch p {
            case .leftBracket:
                advance()
                let index = try parseExpression()
                try expect(.rightBracket, "after subscript")
                e = CExpr(.subscriptAccess(base: e, index: index), at: e.location)
            case .leftParen:
                advance()
                var arguments: [CExpr] = []
                while !check(.rightParen) {
                    arguments.append(try parseArgument())
                    if !accept(.comma) { break }
                }
                try expect(.rightParen, "after call arguments")
                e = CExpr(.call(callee: e, arguments: arguments), at: e.location)
            case .dot, .arrow:
                let arrow = advance().punctuator == .arrow
                let name = try expectIdentifier("member name")
                e = CExpr(.member(base: e, name: name.text, arrow: arrow), at: e.location)
            case .increment:
                advance()
                e = CExpr(.unary(op: .postIncrement, operand: e), at: e.location)
            case .decrement:
                advance()
                e = CExpr(.unary(op: .postDecrement, operand: e), at: e.location)
            default:
                return e
            }
        }
        return e
    }

    /// A call argument; a type stands as one when followed by `,` or `)` (macros kept as calls:
    /// `container_of(p, struct page, lru)`).
    private mutating func parseArgument() throws(CParseError) -> CExpr {
        if startsTypeName(),
            !(kind() == .identifier && punctuator(at: 1) != .star && punctuator(at: 1) != .comma
                && punctuator(at: 1) != .rightParen)
        {
            let save = position
            let at = current.location
            if let type = try? parseTypeName(), check(.comma) || check(.rightParen) {
                return CExpr(.typeArgument(type), at: at)
            }
            position = save
        }
        return try parseAssignment()
    }

    private mutating func parsePrimary() throws(CParseError) -> CExpr {
        let t = current
        switch t.kind {
        case .identifier:
            advance()
            return CExpr(.identifier(t.text), at: t.location)
        case .integer, .character:
            advance()
            return CExpr(.integer(t.value), at: t.location)
        case .string:
            // Adjacent string literals are one (translation phase 6).
            var text = ""
            while kind() == .string {
                text += Self.stringValue(advance().text)
            }
            return CExpr(.string(text), at: t.location)
        case .floating:
            throw error("floating-point constant '\(t.text)' in kernel code")
        case .punctuator where t.punctuator == .leftParen:
            advance()
            if check(.leftBrace) {
                // GNU statement expression `({ ...; value; })`.
                let body = try parseCompound()
                try expect(.rightParen, "after statement expression")
                return CExpr(.statementExpression(body), at: t.location)
            }
            let inner = try parseExpression()
            try expect(.rightParen, "after expression")
            return inner
        case .unknown:
            throw error("stray '\(t.text)' in program")
        default:
            throw error("expected expression before \(describe(t))")
        }
    }

    /// The characters of a string literal's spelling (prefix and quotes removed, escapes resolved).
    static func stringValue(_ spelling: String) -> String {
        let bytes = Array(spelling.utf8)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "\"")), bytes.count >= open + 2 else { return "" }
        let end = bytes.last == UInt8(ascii: "\"") ? bytes.count - 1 : bytes.count
        let body = bytes[(open + 1)..<max(open + 1, end)]
        if !body.contains(UInt8(ascii: "\\")) { return String(decoding: body, as: UTF8.self) }
        let decoded = CLexer.decodeEscapes(body).map { UInt8(truncatingIfNeeded: $0) }
        return String(decoding: decoded, as: UTF8.self)
    }
}

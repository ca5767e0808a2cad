/// Declarations: specifiers, declarators, initializers, struct/union/enum bodies, type names, and
/// the top-level items (function definitions, prototypes, globals, typedefs) they make up.
extension CParser {
    struct Specifiers {
        var type: CType
        var isStatic = false
        var isInline = false
        var isTypedef = false
        var isExtern = false
        /// `__attribute__((...))` as written, for function annotations.
        var attributes: [String] = []
        var location: CLocation
    }

    struct Declarator {
        var name: String?
        var nameToken: CToken?
        var type: CType
        /// The parameters of the function declarator applied directly to the name (a definition's).
        var parameters: [CParameter]?
    }

    private static let storageAndQualifiers: Set<String> = [
        "static", "extern", "inline", "__inline", "__inline__", "typedef", "register", "auto", "_Noreturn",
        "_Thread_local", "const", "volatile", "restrict", "__restrict", "__restrict__", "__volatile__", "__volatile",
        "__const", "__const__", "__extension__",
    ]
    private static let typeKeywords: Set<String> = [
        "void", "char", "short", "int", "long", "signed", "unsigned", "_Bool", "float", "double", "__signed__",
        "__signed", "struct", "union", "enum", "typeof", "__typeof__", "__typeof", "__auto_type",
    ]
    private static let qualifiers: Set<String> = [
        "const", "volatile", "restrict", "__restrict", "__restrict__", "__volatile__", "__volatile", "__const",
        "__const__",
    ]

    // MARK: Telling declarations from expressions

    /// Whether the token at `offset` starts a type name: a type keyword, a qualifier, or a typedef.
    func startsTypeName(at offset: Int = 0) -> Bool {
        let t = peek(offset)
        switch t.kind {
        case .keyword: return Self.typeKeywords.contains(t.text) || Self.qualifiers.contains(t.text)
        case .identifier: return typedefs.contains(t.text)
        default: return false
        }
    }

    /// At a statement's start: is this a declaration? Keywords decide; a known typedef followed by
    /// a declarator does; and, C's usual heuristic for types whose typedef we never saw, an unknown
    /// name followed by a name (`foo_t x`) or by `*`s, a name and `;` `=` `,` `[` or `)`
    /// (`foo_t *p;`), since such an expression statement would compute nothing.
    func startsDeclaration() -> Bool {
        let t = current
        if t.kind == .keyword {
            return Self.typeKeywords.contains(t.text) || Self.storageAndQualifiers.contains(t.text)
                || t.text == "__attribute__" || t.text == "__attribute" || t.text == "_Static_assert"
        }
        guard t.kind == .identifier else { return false }
        let next = peek(1)
        if typedefs.contains(t.text) {
            return next.kind == .identifier || next.isPunctuator(.star) || next.isPunctuator(.leftParen)
                || (next.kind == .keyword
                    && (Self.qualifiers.contains(next.text) || next.text.hasPrefix("__attribute")))
        }
        return looksLikeUnknownType(at: 0)
    }

    /// The unknown-typedef heuristic: `name name` or `name * ... * name` then a declarator's end.
    func looksLikeUnknownType(at offset: Int) -> Bool {
        let next = peek(offset + 1)
        if next.kind == .identifier {
            let after = peek(offset + 2)
            return after.kind == .punctuator && [";", "=", ",", "[", ")", "("].contains(after.text)
                || after.kind == .keyword
        }
        guard next.isPunctuator(.star) else { return false }
        var k = offset + 1
        while peek(k).isPunctuator(.star) || (peek(k).kind == .keyword && Self.qualifiers.contains(peek(k).text)) {
            k += 1
        }
        guard peek(k).kind == .identifier else { return false }
        let end = peek(k + 1)
        return end.kind == .punctuator && [";", "=", ",", "[", ")"].contains(end.text)
    }

    // MARK: Specifiers

    /// `unknownNameIsType`: the caller has decided the next name is a type even though no typedef
    /// says so (a cast like `(foo_t)x`).
    mutating func parseSpecifiers(unknownNameIsType: Bool = false) throws(CParseError) -> Specifiers {
        let start = current
        var spec = Specifiers(type: .void, location: start.location)
        var base: CType?
        var signedness: String?
        var longs = 0
        var short = false
        var sawInt = false
        var sawChar = false
        var sawOther: String?
        loop: while true {
            let t = current
            if t.kind == .keyword {
                switch t.text {
                case "static": spec.isStatic = true
                case "extern": spec.isExtern = true
                case "inline", "__inline", "__inline__": spec.isInline = true
                case "typedef": spec.isTypedef = true
                case "register", "auto", "_Noreturn", "_Thread_local", "__extension__": break
                case _ where Self.qualifiers.contains(t.text): break
                case "__attribute__", "__attribute":
                    advance()
                    spec.attributes.append(t.text + CToken.spell(try skipBalanced()))
                    continue loop
                case "unsigned": signedness = "unsigned"
                case "signed", "__signed__", "__signed": signedness = "signed"
                case "long": longs += 1
                case "short": short = true
                case "int": sawInt = true
                case "char": sawChar = true
                case "void", "_Bool", "float", "double": sawOther = t.text
                case "struct", "union", "enum":
                    guard base == nil else { break loop }
                    base = try parseTagged()
                    continue loop
                case "typeof", "__typeof__", "__typeof":
                    advance()
                    base = .named("typeof" + CToken.spell(try skipBalanced()))
                    continue loop
                case "__auto_type": base = .named("__auto_type")
                default: break loop
                }
                advance()
                continue
            }
            // A typedef name is a type only where no type has been seen yet: in `pte_t pte_t;`
            // the second one would be the declarator.
            if t.kind == .identifier, base == nil, signedness == nil, longs == 0, !short, !sawInt, !sawChar,
                sawOther == nil, typedefs.contains(t.text) || unknownNameIsType || looksLikeUnknownType(at: 0)
            {
                if !typedefs.contains(t.text) { typedefs.insert(t.text) }
                base = t.text == "bool" ? .named("bool") : .named(t.text)
                advance()
                continue
            }
            break
        }
        if let b = base {
            spec.type = b
        } else if let other = sawOther {
            switch other {
            case "void": spec.type = .void
            case "_Bool": spec.type = .named("bool")
            case "double" where longs > 0: spec.type = .named("long double")
            default: spec.type = .named(other)
            }
        } else if sawChar {
            spec.type = .named(signedness.map { $0 + " char" } ?? "char")
        } else if short || longs > 0 || sawInt || signedness != nil {
            let size = short ? "short" : longs >= 2 ? "long long" : longs == 1 ? "long" : "int"
            spec.type = .named(signedness == "unsigned" ? "unsigned " + size : size)
        } else {
            throw error("expected declaration specifiers before \(describe(current))", at: start)
        }
        return spec
    }

    /// `struct name`, `struct name { ... }`, `union ...`, `enum name { A, B = 2 }`. Bodies are recorded
    /// in the unit (struct fields, enum constants).
    private mutating func parseTagged() throws(CParseError) -> CType {
        let kindToken = advance()
        while atAttribute {
            advance()
            _ = try skipBalanced()
        }
        var name = ""
        if kind() == .identifier { name = advance().text }
        guard check(.leftBrace) else {
            if name.isEmpty { throw error("expected identifier or '{' after '\(kindToken.text)'") }
            return .tagged(kind: kindToken.text, name: name)
        }
        if kindToken.text == "enum" {
            try parseEnumBody()
        } else {
            let fields = try parseFieldList()
            if !name.isEmpty { unit.structs[name] = fields }
            pendingAnonymousFields = fields
        }
        while atAttribute {
            advance()
            _ = try skipBalanced()
        }
        return .tagged(kind: kindToken.text, name: name)
    }

    /// `{ type a, *b; unsigned x : 1; union { ... }; }`. Members of an anonymous struct or union
    /// are flattened into the enclosing one, as C11 makes them accessible.
    private mutating func parseFieldList() throws(CParseError) -> [CParameter] {
        try expect(.leftBrace)
        try enter()
        defer { leave() }
        var fields: [CParameter] = []
        while !check(.rightBrace) {
            if atEnd { throw error("expected '}' at end of member list") }
            if accept(.semicolon) { continue }
            pendingAnonymousFields = nil
            let spec = try parseSpecifiers()
            if check(.semicolon) {
                if case .tagged(let kind, let name) = spec.type, kind != "enum", name.isEmpty {
                    fields.append(contentsOf: pendingAnonymousFields ?? [])
                }
                advance()
                continue
            }
            repeat {
                if accept(.colon) {
                    _ = try parseConditional()  // an unnamed bit-field: padding
                    continue
                }
                let d = try parseDeclarator(base: spec.type)
                if accept(.colon) { _ = try parseConditional() }
                skipAttributes()
                fields.append(CParameter(name: d.name, type: d.type))
            } while accept(.comma)
            try expect(.semicolon, "at end of member declaration")
        }
        advance()
        return fields
    }

    private mutating func parseEnumBody() throws(CParseError) {
        try expect(.leftBrace)
        var next: Int64? = 0
        while !check(.rightBrace) {
            let nameToken = try expectIdentifier("enumerator name")
            skipAttributes()
            if accept(.assign) {
                let e = try parseConditional()
                var known = unit.enumConstants
                known.merge(knownConstantMacros) { a, _ in a }
                if case .success(let v) = ConstantEvaluator.evaluate(e, constants: known) {
                    next = v
                } else {
                    next = nil
                }
            }
            if let v = next {
                unit.enumConstants[nameToken.text] = v
                next = v &+ 1
            }
            if !accept(.comma) { break }
        }
        try expect(.rightBrace, "at end of enumeration")
    }

    /// Integer values of `true`/`false` for enum initialisers (after expansion they are numbers
    /// already; this covers files that `#undef` them).
    private var knownConstantMacros: [String: Int64] { ["true": 1, "false": 0] }

    mutating func skipAttributes() {
        while atAttribute {
            advance()
            _ = try? skipBalanced()
        }
    }

    // MARK: Declarators

    /// A (possibly abstract) declarator over `base`: pointers, a name or a parenthesised inner
    /// declarator (`(*fn)`), then array and function suffixes.
    mutating func parseDeclarator(base: CType, abstract: Bool = false) throws(CParseError) -> Declarator {
        try enter()
        defer { leave() }
        var type = base
        while true {
            if accept(.star) {
                type = .pointer(type)
            } else if kind() == .keyword && Self.qualifiers.contains(current.text) {
                advance()
            } else if atAttribute {
                skipAttributes()
            } else {
                break
            }
        }
        var inner: Declarator?
        var declarator = Declarator(name: nil, nameToken: nil, type: type, parameters: nil)
        if check(.leftParen),
            punctuator(at: 1) == .star || punctuator(at: 1) == .leftParen || punctuator(at: 1) == .caret
                || (kind(at: 1) == .identifier && !typedefs.contains(peek(1).text) && !abstract)
        {
            advance()
            inner = try parseDeclarator(base: Self.hole, abstract: abstract)
            try expect(.rightParen, "in declarator")
        } else if kind() == .identifier {
            let t = advance()
            declarator.name = t.text
            declarator.nameToken = t
        } else if !abstract {
            throw error("expected identifier or '(' before \(describe(current))")
        }
        // Suffixes, outermost first in the written order: `a[2][3]` is an array of 2 arrays of 3.
        var suffixes: [(count: CExpr?, function: (params: [CParameter], variadic: Bool)?)] = []
        while true {
            if accept(.leftBracket) {
                var count: CExpr?
                while kind() == .keyword && (Self.qualifiers.contains(current.text) || current.text == "static") {
                    advance()
                }
                if !check(.rightBracket) { count = try parseAssignment() }
                try expect(.rightBracket, "in array declarator")
                suffixes.append((count, nil))
            } else if check(.leftParen) {
                let (params, variadic) = try parseParameterList()
                suffixes.append((nil, (params, variadic)))
            } else {
                break
            }
        }
        if inner == nil, let first = suffixes.first, let fn = first.function { declarator.parameters = fn.params }
        for s in suffixes.reversed() {
            if let fn = s.function {
                type = .function(returns: type, parameters: fn.params.map(\.type), variadic: fn.variadic)
            } else {
                type = .array(type, count: s.count)
            }
        }
        skipAttributes()
        if let inner {
            declarator.name = inner.name
            declarator.nameToken = inner.nameToken
            declarator.parameters = inner.parameters
            declarator.type = Self.fill(inner.type, with: type)
        } else {
            declarator.type = type
        }
        return declarator
    }

    /// Stands for the type outside a parenthesised declarator until it is known.
    private static let hole = CType.named("\u{0}hole")

    private static func fill(_ t: CType, with outer: CType) -> CType {
        switch t {
        case .named(let n) where n == "\u{0}hole": outer
        case .pointer(let p): .pointer(fill(p, with: outer))
        case .array(let e, let count): .array(fill(e, with: outer), count: count)
        case .function(let r, let ps, let v): .function(returns: fill(r, with: outer), parameters: ps, variadic: v)
        default: t
        }
    }

    /// `(void)`, `()`, `(struct page *page, int *total, ...)`.
    private mutating func parseParameterList() throws(CParseError) -> ([CParameter], Bool) {
        try expect(.leftParen)
        var params: [CParameter] = []
        var variadic = false
        if current.isKeyword("void"), punctuator(at: 1) == .rightParen {
            advance()
        }
        while !check(.rightParen) {
            if accept(.ellipsis) {
                variadic = true
                break
            }
            let spec = try parseSpecifiers()
            let d = try parseDeclarator(base: spec.type, abstract: true)
            params.append(CParameter(name: d.name, type: d.type))
            if !accept(.comma) { break }
        }
        try expect(.rightParen, "after parameter list")
        return (params, variadic)
    }

    /// A type name as in casts and `sizeof`: specifiers and an abstract declarator.
    mutating func parseTypeName(unknownNameIsType: Bool = false) throws(CParseError) -> CType {
        let spec = try parseSpecifiers(unknownNameIsType: unknownNameIsType)
        return try parseDeclarator(base: spec.type, abstract: true).type
    }

    // MARK: Initializers

    mutating func parseInitializer() throws(CParseError) -> CInitializer {
        if check(.leftBrace) { return .list(try parseInitializerList()) }
        return .expression(try parseAssignment())
    }

    /// `{ a, [2] = b, .field = c, .x.y[1] = d, }`; designators are kept as written.
    mutating func parseInitializerList() throws(CParseError) -> CInitializerList {
        try expect(.leftBrace)
        try enter()
        defer { leave() }
        var items: [CInitializerItem] = []
        while !check(.rightBrace) {
            var designator: String?
            if check(.dot) || check(.leftBracket) {
                let start = position
                while check(.dot) || check(.leftBracket) {
                    if accept(.dot) {
                        _ = try expectIdentifier("field name")
                    } else {
                        _ = try skipBalanced()
                    }
                }
                designator = CToken.spell(tokens[start..<position])
                try expect(.assign, "in designated initializer")
            } else if kind() == .identifier && punctuator(at: 1) == .colon {
                // The old GNU form `field: value`.
                designator = "." + advance().text
                advance()
            }
            items.append(CInitializerItem(designator: designator, value: try parseInitializer()))
            if !accept(.comma) { break }
        }
        try expect(.rightBrace, "at end of initializer")
        return CInitializerList(items: items)
    }

    // MARK: Declarations in blocks and at top level

    /// `int a, *b = x, c[] = { 1, 2 };` after its specifiers. Typedefs are learned; nothing is
    /// returned for them.
    mutating func parseInitDeclarators(_ spec: Specifiers) throws(CParseError) -> [CDeclaration] {
        var declarations: [CDeclaration] = []
        repeat {
            let d = try parseDeclarator(base: spec.type)
            skipAsmLabel()
            skipAttributes()
            guard let name = d.name, let nameToken = d.nameToken else { throw error("expected identifier") }
            if spec.isTypedef {
                typedefs.insert(name)
                unit.typedefs[name] = d.type
                if case .tagged(let kind, let tag) = spec.type, tag.isEmpty, kind != "enum" {
                    unit.structs[name] = pendingAnonymousFields ?? []
                }
                continue
            }
            var initializer: CInitializer?
            if accept(.assign) { initializer = try parseInitializer() }
            declarations.append(
                CDeclaration(
                    name: name, type: d.type, initializer: initializer, isStatic: spec.isStatic,
                    location: nameToken.location))
        } while accept(.comma)
        try expect(.semicolon, "after declaration")
        return declarations
    }

    /// `asm("label")` after a declarator names its symbol; nothing for us.
    private mutating func skipAsmLabel() {
        if current.text == "asm" || current.text == "__asm__" || current.text == "__asm" {
            advance()
            _ = try? skipBalanced()
        }
    }

    /// One top-level item.
    mutating func parseExternalDeclaration() throws(CParseError) {
        if accept(.semicolon) { return }
        let first = current
        if first.text == "asm" || first.text == "__asm__" || first.text == "_Static_assert" {
            advance()
            while kind() == .keyword && current.text != "_Static_assert" && !check(.leftParen) { advance() }
            _ = try skipBalanced()
            try expect(.semicolon)
            return
        }
        // A macro invocation standing alone, `EXPORT_SYMBOL(f);`, `DEFINE_MUTEX(m);`: nothing to parse.
        if first.kind == .identifier, !typedefs.contains(first.text), punctuator(at: 1) == .leftParen {
            let save = position
            advance()
            _ = try skipBalanced()
            if accept(.semicolon) { return }
            position = save
        }
        var spec = try parseSpecifiers()
        if accept(.semicolon) { return }  // `struct x { ... };`, `struct x;`, `enum { ... };`
        var d = try parseDeclarator(base: spec.type)
        currentItem = d.name
        skipAsmLabel()
        // Annotations between the signature and the body: `__releases(vmf->ptl)`, attributes.
        var annotations: [String] = []
        if case .function = d.type {
            while true {
                if atAttribute {
                    let t = advance()
                    annotations.append(t.text + CToken.spell(try skipBalanced()))
                } else if kind() == .identifier && punctuator(at: 1) == .leftParen {
                    let t = advance()
                    annotations.append(t.text + CToken.spell(try skipBalanced()))
                } else {
                    break
                }
            }
        }
        if case .function(let returns, _, _) = d.type, check(.leftBrace) {
            guard let name = d.name else { throw error("function definition without a name") }
            let body = try parseCompound()
            let close = tokens[position - 1]
            unit.functions.append(
                CFunction(
                    name: name, returnType: returns, parameters: d.parameters ?? [], isStatic: spec.isStatic,
                    isInline: spec.isInline, annotations: spec.attributes + annotations, body: body,
                    location: spec.location, endLine: close.location.line))
            return
        }
        // Not a definition: a prototype, a global, a typedef, possibly several declarators.
        while true {
            guard let name = d.name, let nameToken = d.nameToken else { throw error("expected identifier") }
            skipAttributes()
            if spec.isTypedef {
                typedefs.insert(name)
                unit.typedefs[name] = d.type
                if case .tagged(let kind, let tag) = spec.type, tag.isEmpty, kind != "enum" {
                    unit.structs[name] = pendingAnonymousFields ?? []
                }
            } else if case .function = d.type {
                unit.prototypes[name] = d.type
            } else {
                var initializer: CInitializer?
                if accept(.assign) { initializer = try parseInitializer() }
                unit.globals.append(
                    CDeclaration(
                        name: name, type: d.type, initializer: initializer, isStatic: spec.isStatic,
                        location: nameToken.location))
            }
            guard accept(.comma) else { break }
            spec.attributes = []
            d = try parseDeclarator(base: spec.type)
            skipAsmLabel()
        }
        try expect(.semicolon, "after top level declarator")
    }
}

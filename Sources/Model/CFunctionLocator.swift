/// Finds function (and struct) definitions in C source by name, from their first line (the return
/// type may stand on the line before the name) to the closing brace. A small lexer skips comments,
/// strings and character literals so braces inside them do not count.
public struct CDefinition: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case function, structure }
    public var name: String
    public var kind: Kind
    /// 1-based, inclusive.
    public var startLine: Int
    public var endLine: Int
}

public enum CFunctionLocator {
    /// Every top-level definition in `lines` (without line terminators), in order.
    public static func definitions(in lines: [String]) -> [CDefinition] {
        var result: [CDefinition] = []
        var depth = 0
        var inBlockComment = false
        var pendingStart: Int?  // first line of the declaration being read at depth 0
        var pendingText = ""
        var openedAt: (name: String, kind: CDefinition.Kind, start: Int)?
        for (i, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            let trimmedFirst = bytes.first(where: { $0 != 0x20 && $0 != 0x09 })
            if depth == 0 && !inBlockComment && trimmedFirst == UInt8(ascii: "#") {
                pendingStart = nil
                pendingText = ""
                continue
            }
            var k = 0
            var inString: UInt8? = nil
            var sawCode = false
            while k < bytes.count {
                let c = bytes[k]
                if inBlockComment {
                    if c == UInt8(ascii: "*") && k + 1 < bytes.count && bytes[k + 1] == UInt8(ascii: "/") {
                        inBlockComment = false
                        k += 2
                        continue
                    }
                    k += 1
                    continue
                }
                if let q = inString {
                    if c == UInt8(ascii: "\\") {
                        k += 2
                        continue
                    }
                    if c == q { inString = nil }
                    k += 1
                    continue
                }
                if c == UInt8(ascii: "/") && k + 1 < bytes.count {
                    if bytes[k + 1] == UInt8(ascii: "*") {
                        inBlockComment = true
                        k += 2
                        continue
                    }
                    if bytes[k + 1] == UInt8(ascii: "/") { break }
                }
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    inString = c
                    k += 1
                    continue
                }
                if c != 0x20 && c != 0x09 && depth == 0 { sawCode = true }
                if depth == 0 {
                    if c == UInt8(ascii: "{") {
                        let header = pendingText + String(decoding: bytes[0..<k], as: UTF8.self)
                        if let (name, kind) = Self.definitionName(header) {
                            openedAt = (name, kind, (pendingStart ?? i) + 1)
                        } else {
                            openedAt = nil
                        }
                        depth = 1
                        pendingStart = nil
                        pendingText = ""
                        k += 1
                        continue
                    }
                    if c == UInt8(ascii: ";") {
                        pendingStart = nil
                        pendingText = ""
                        sawCode = false
                        k += 1
                        continue
                    }
                } else if c == UInt8(ascii: "{") {
                    depth += 1
                } else if c == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 {
                        if let o = openedAt {
                            result.append(CDefinition(name: o.name, kind: o.kind, startLine: o.start, endLine: i + 1))
                        }
                        openedAt = nil
                        // What follows `}` on this line (`;` of a struct) ends the statement.
                        pendingStart = nil
                        pendingText = ""
                        k += 1
                        while k < bytes.count && bytes[k] != UInt8(ascii: ";") && bytes[k] != UInt8(ascii: "{") {
                            k += 1
                        }
                        if k < bytes.count && bytes[k] == UInt8(ascii: ";") { k += 1 }
                        sawCode = false
                        continue
                    }
                }
                k += 1
            }
            if depth == 0 && sawCode {
                if pendingStart == nil { pendingStart = i }
                pendingText += line + "\n"
            }
        }
        return result
    }

    /// `static int foo(struct x *a, ...)` → `foo`; `struct vm_fault` → `vm_fault`; otherwise nil
    /// (initialisers `= {`, enums, unions are not definitions we look up).
    static func definitionName(_ header: String) -> (String, CDefinition.Kind)? {
        let flat = header.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        if let paren = flat.firstIndex(of: "(") {
            let before = flat[..<paren]
            if before.contains("=") { return nil }
            let ident = before.reversed().drop(while: { $0 == " " }).prefix(while: {
                $0.isLetter || $0.isNumber || $0 == "_"
            })
            let name = String(ident.reversed())
            guard !name.isEmpty, !["if", "while", "for", "switch", "return", "sizeof"].contains(name) else {
                return nil
            }
            return (name, .function)
        }
        let words = flat.split(separator: " ")
        if let s = words.firstIndex(of: "struct"), s + 1 < words.count, !flat.contains("=") {
            return (String(words[s + 1]), .structure)
        }
        return nil
    }

    /// The first definition of `name` (a `#ifdef`/`#else` pair holds two: `definitions(in:)`
    /// gives both).
    public static func find(_ name: String, in lines: [String]) -> CDefinition? {
        definitions(in: lines).first { $0.name == name }
    }
}

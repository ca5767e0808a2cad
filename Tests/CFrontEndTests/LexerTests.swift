import CFrontEnd
import Testing

@Suite struct LexerTests {
    func lex(_ s: String) -> [CToken] { CLexer.tokenize(s, file: "t.c").tokens }

    @Test(arguments: [
        ("42", Int64(42)), ("0x1f", 31), ("0X1FUL", 31), ("017", 15), ("0", 0), ("10u", 10), ("10UL", 10),
        ("10ULL", 10), ("7llu", 7), ("0b101", 5), ("0xffffffffffffffffUL", -1), ("'a'", 97), ("'\\n'", 10),
        ("'\\0'", 0), ("'\\x41'", 65), ("'\\''", 39), ("'\\\\'", 92), ("'\\177'", 127),
    ])
    func literalValues(_ spelling: String, _ value: Int64) {
        let t = lex(spelling)
        #expect(t.count == 1)
        #expect(t.first?.value == value, "\(spelling)")
        #expect(t.first?.kind == (spelling.hasPrefix("'") ? .character : .integer))
    }

    @Test func punctuatorsLongestMatch() {
        let t = lex("a->b <<= c >>= ... ## # ++x-- && || != == <= >= -= |= ^= %= .5")
        #expect(
            t.map(\.text) == [
                "a", "->", "b", "<<=", "c", ">>=", "...", "##", "#", "++", "x", "--", "&&", "||", "!=", "==", "<=",
                ">=", "-=", "|=", "^=", "%=", ".5",
            ])
        #expect(t.last?.kind == .floating)
    }

    @Test func keywordsAndIdentifiers() {
        let t = lex("static inline int __attribute__ pte_t struct folio $x")
        #expect(
            t.map(\.kind) == [.keyword, .keyword, .keyword, .keyword, .identifier, .keyword, .identifier, .identifier])
    }

    @Test func commentsSplicesAndLocations() {
        let src = "int a; /* one\n two */ b // three \\\n still comment\n\tc \\\n d\n\"s\\\"q\" L'x' u8\"y\""
        let t = lex(src)
        #expect(t.map(\.text) == ["int", "a", ";", "b", "c", "d", "\"s\\\"q\"", "L'x'", "u8\"y\""])
        let c = t[4]
        #expect(c.location == CLocation(file: "t.c", line: 4, column: 2))
        #expect(c.atLineStart)
        #expect(!t[5].atLineStart)  // after a line splice: the same logical line
        #expect(t[5].location.line == 5)
        #expect(t[3].location == CLocation(file: "t.c", line: 2, column: 9))
        #expect(!t[3].atLineStart)  // the comment's newline is inside it
    }

    @Test func lexicalErrorsAreLocated() {
        let (_, errors) = CLexer.tokenize("int x;\n  \"open\nchar c = '';\n/* never closed", file: "t.c")
        #expect(errors.map(\.location.line) == [2, 3, 4])
        #expect(errors[0].description.hasPrefix("t.c:2:3: error: missing terminating"))
    }
}

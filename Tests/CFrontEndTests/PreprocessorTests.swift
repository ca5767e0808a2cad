import CFrontEnd
import Testing

@Suite struct PreprocessorTests {
    func expand(_ s: String, _ configuration: CConfiguration = .init()) -> CPreprocessedFile {
        CPreprocessor(file: "t.c", configuration: configuration).preprocess(s)
    }

    func spelled(_ s: String, _ configuration: CConfiguration = .init()) -> String {
        let out = expand(s, configuration)
        #expect(out.errors.isEmpty, "\(out.errors)")
        return CToken.spell(out.tokens, keepSpaces: true)
    }

    @Test func objectAndFunctionLikeMacros() {
        #expect(spelled("#define N 4\n#define SQ(x) ((x) * (x))\nSQ(N + 1)") == "((4 + 1) * (4 + 1))")
        // A function-like macro's name without arguments is left alone.
        #expect(spelled("#define f(x) x\nint f;") == "int f;")
        // `#define g (x)` is object-like: the space decides.
        #expect(spelled("#define g (x)\ng(1)") == "(x)(1)")
        #expect(spelled("#define A 1\n#undef A\nA") == "A")
    }

    @Test func variadicStringifyAndPaste() {
        #expect(spelled("#define p(fmt, ...) printk(fmt, __VA_ARGS__)\np(\"a\", 1, 2)") == "printk(\"a\", 1, 2)")
        #expect(
            spelled("#define q(fmt, args...) printk(fmt, ##args)\nq(\"a\")\nq(\"b\", x)")
                == "printk(\"a\")\nprintk(\"b\", x)".replacingOccurrences(of: "\n", with: " "))
        #expect(spelled("#define s(x) #x\ns(a  +  \"b\")") == "\"a + \\\"b\\\"\"")
        #expect(spelled("#define cat(a, b) a ## b\ncat(pte_, none)(x) cat(, y) cat(1, 2)") == "pte_none(x) y 12")
    }

    @Test func recursionStopsAtTheMacroItself() {
        // include/linux/pgtable.h: `#define pte_sw_mkyoung pte_sw_mkyoung`.
        #expect(spelled("#define pte_sw_mkyoung pte_sw_mkyoung\npte_sw_mkyoung(e)") == "pte_sw_mkyoung(e)")
        #expect(spelled("#define a b\n#define b a\na b") == "a b")
        #expect(spelled("#define f(x) g(x)\n#define g(x) f(x) + 1\nf(2)") == "f(2) + 1")
    }

    @Test func expansionKeepsTheUseLocation() {
        let out = expand("#define ONE 1\n\tx = ONE;\n\ty = likely(\n\t\tz);")
        let one = out.tokens[2]
        #expect(one.text == "1" && one.location == CLocation(file: "t.c", line: 2, column: 6))
        // likely(x) is (x): the parentheses are at `likely`, the argument where it was written.
        let z = out.tokens.first { $0.text == "z" }
        #expect(z?.location == CLocation(file: "t.c", line: 4, column: 3))
        let paren = out.tokens.first { $0.text == "(" }
        #expect(paren?.location == CLocation(file: "t.c", line: 3, column: 6))
    }

    @Test func kernelMacros() {
        #expect(spelled("READ_ONCE(p->x)") == "(p->x)")
        #expect(spelled("WRITE_ONCE(p->x, 1)") == "((p->x) = (1))")
        #expect(spelled("min_t(int, a, b)") == "min((int)(a), (int)(b))")
        #expect(
            spelled("VM_BUG_ON(x); WARN_ON_ONCE(y); ALIGN_DOWN(a, b)")
                == "VM_BUG_ON(x); WARN_ON_ONCE(y); ALIGN_DOWN(a, b)")
        #expect(
            spelled("static __always_inline noinline int f(void __user *p) __releases(x)")
                == "static inline int f(void *p) __releases(x)")
        #expect(spelled("BIT(3) NULL true false") == "(1UL << (3)) ((void *)0) 1 0")
        // Every table entry is a well-formed definition.
        for entry in KernelMacros.definitions {
            #expect(expand("#define " + entry.definition).errors.isEmpty, "\(entry.definition)")
        }
    }

    @Test func conditionalsFollowTheConfiguration() {
        let src = """
            #ifdef CONFIG_FLEXIBLE_THP
            int a;
            #elif defined(CONFIG_B) && !IS_ENABLED(CONFIG_C)
            int b;
            #else
            int c;
            #endif
            #if IS_ENABLED(CONFIG_D) || (CONFIG_E + 1 > 1)
            int d;
            #endif
            int e = IS_ENABLED(CONFIG_C);
            """
        #expect(spelled(src) == "int c; int e = 0;")
        #expect(spelled(src, CConfiguration(enabled: ["CONFIG_FLEXIBLE_THP"])) == "int a; int e = 0;")
        #expect(spelled(src, CConfiguration(enabled: ["CONFIG_B"])) == "int b; int e = 0;")
        #expect(spelled(src, CConfiguration(enabled: ["CONFIG_B", "CONFIG_C"])) == "int c; int e = 1;")
        #expect(spelled(src, CConfiguration(enabled: ["CONFIG_D_MODULE"])) == "int c; int d; int e = 0;")
        #expect(spelled(src, CConfiguration(enabled: ["CONFIG_E"])) == "int c; int d; int e = 0;")
        #expect(
            CPreprocessor.configurationSymbols(in: src)
                == ["CONFIG_FLEXIBLE_THP", "CONFIG_B", "CONFIG_C", "CONFIG_D", "CONFIG_E"])
    }

    @Test func nestedDeadGroupsAndIncludes() {
        let src = """
            #include <linux/mm.h>
            #include "internal.h"
            #if 0
            #if garbage ((
            #error not reached
            #endif
            #define X 1
            #else
            #define X 2
            #endif
            X
            """
        let out = expand(src)
        #expect(out.errors.isEmpty)
        #expect(out.includes == ["<linux/mm.h>", "\"internal.h\""])
        #expect(out.macros == ["X": "X 2"])
        #expect(out.tokens.map(\.text) == ["2"])
    }

    @Test func configurationMacrosAndTheirErrors() {
        let c = CConfiguration(macros: ["ALIGN_DOWN(x, a)": "((x) & ~((a) - 1))", "NR": "3"])
        #expect(spelled("ALIGN_DOWN(v, NR)", c) == "((v) & ~((3) - 1))")
        let bad = expand(
            "#if 1 +\n#endif\n#elif\n#endif\n#if 1/0\n#endif\n#ifdef\n#endif\n#define\n#bogus\nf(1\n#define f(x) x\nf(1, 2)\n#if 1"
        )
        #expect(bad.errors.count >= 8, "\(bad.errors)")
        #expect(bad.errors.allSatisfy { $0.location.file == "t.c" && $0.location.line >= 1 })
        #expect(bad.errors.contains { $0.message == "unterminated conditional directive" && $0.location.line == 14 })
        #expect(bad.errors.contains { $0.message.contains("passed 2 arguments, but takes just 1") })
    }

    @Test func macroBombEndsInAnError() {
        var src = "#define a0 x x\n"
        for i in 1...40 { src += "#define a\(i) a\(i - 1) a\(i - 1)\n" }
        src += "a40\n"
        let out = CPreprocessor(file: "t.c", maximumTokens: 50_000).preprocess(src)
        #expect(out.errors.contains { $0.message.contains("token limit") && $0.location.line == 42 })
        #expect(out.tokens.count <= 50_000)
    }
}

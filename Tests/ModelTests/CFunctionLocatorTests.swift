import Model
import Testing

@Suite struct CFunctionLocatorTests {
    let source = """
        #include <linux/mm.h>

        /* a comment with { braces } */
        struct vm_fault {
        \tunsigned long address;
        \tstruct page *page;
        };

        static inline int
        copy_present_ptes(struct vm_area_struct *dst_vma,
        \t\t  unsigned long addr)
        {
        \tif (x) {
        \t\ty = "}";
        \t}
        \treturn '{';
        }

        int f(void);

        #ifdef CONFIG_X
        static int g(int a) { return a; }
        #else
        static inline int g(int a)
        {
        \treturn 0;
        }
        #endif
        static int table[] = { 1, 2 };
        """

    @Test func findsFunctionsAndStructs() {
        let lines = SourceLines.split(source)
        let defs = CFunctionLocator.definitions(in: lines)
        #expect(defs.map(\.name) == ["vm_fault", "copy_present_ptes", "g", "g"])
        let c = defs[1]
        #expect(c.startLine == 9)
        #expect(c.endLine == 17)
        #expect(defs[0].kind == .structure)
        #expect((defs[0].startLine, defs[0].endLine) == (4, 7))
        #expect(defs[2].startLine == defs[2].endLine)
        #expect(CFunctionLocator.find("f", in: lines) == nil)
    }
}

/// Lines of kernel-style C: tab indented, with the statements mm code is made of. They are what
/// the diff scanner and function tracker look at, so they must look like code, not lorem ipsum.
enum CodeLines {
    static func line(_ random: inout SeededRandom) -> String {
        let v = KernelVocabulary.locals
        let h = KernelVocabulary.helpers
        let indent = String(repeating: "\t", count: random.int(1...3))
        switch random.int(0...13) {
        case 0: return ""
        case 1: return indent + "if (!\(random.pick(h))(\(random.pick(v))))"
        case 2:
            return indent + "\t"
                + random.pick(["return VM_FAULT_OOM;", "goto out_unlock;", "return 0;", "break;", "continue;"])
        case 3: return indent + "\(random.pick(v)) = \(random.pick(h))(\(random.pick(v)), \(random.pick(v)));"
        case 4: return indent + "spin_lock(vmf->ptl);"
        case 5: return indent + "spin_unlock(vmf->ptl);"
        case 6: return indent + "for (i = 0; i < \(random.pick(v)); i++) {"
        case 7: return indent + "}"
        case 8:
            return indent + "/* \(ProseWriter.fill(random.pick(KernelVocabulary.proseMiddles), &random).prefix(60)) */"
        case 9: return indent + "VM_BUG_ON_FOLIO(!folio_test_locked(folio), folio);"
        case 10: return indent + "\(random.pick(h))(\(random.pick(v)), \(random.pick(v)), \(random.pick(v)));"
        case 11: return random.pick(["out_unlock:", "out:", "unlock:", "release:"])
        case 12:
            return indent
                + "if (\(random.pick(v)) \(random.pick(["==", "!=", ">", "<", ">="])) \(random.pick(v)) && \(random.pick(h))(\(random.pick(v)))) {"
        default: return indent + "\(random.pick(v)) \(random.pick(["+=", "-=", "=", "|="])) \(random.pick(v));"
        }
    }

    /// A function signature, as git puts it after a hunk's `@@`.
    static func signature(_ random: inout SeededRandom) -> String {
        let result = random.pick([
            "static vm_fault_t", "static int", "void", "static inline bool", "int", "static void",
        ])
        let params = (0..<random.int(1...3)).map { _ in random.pick(KernelVocabulary.types) }.joined(separator: ", ")
        return "\(result) \(random.pick(KernelVocabulary.functions))(\(params))"
    }
}

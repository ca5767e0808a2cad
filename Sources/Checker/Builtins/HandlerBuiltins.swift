/// Calls through `vma->vm_ops`: the filesystem's fault handlers, by their documented contract.
enum HandlerBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        // include/linux/mm.h struct vm_operations_struct ->fault(), v3.14: returns an error
        // (VM_FAULT_OOM/SIGBUS...), VM_FAULT_NOPAGE (it installed the PTE itself), VM_FAULT_RETRY,
        // or a page in vmf->page with a reference, locked when VM_FAULT_LOCKED is set. With the
        // 2014 DAX patch (seed 004, "Allow page fault handlers to perform the COW"), a handler
        // given vmf->cow_page may instead copy into it and return VM_FAULT_COWED with no page and
        // the mapping's i_mmap_mutex held (the contract in its do_cow_fault() comment); never
        // together with an error.
        r.add(
            "->fault",
            models: "include/linux/mm.h vm_operations_struct->fault(), v3.14 + the 2014 VM_FAULT_COWED contract"
        ) { m, a in
            let v = try m.values(a)
            guard v.count > 1, case .pointer(let vmf) = v[1] else { return .unknown("->fault") }
            let cowPage = try m.load(.pointer(vmf.appending(.field("cow_page"))))
            let canCow = m.page(of: cowPage) != nil
            var outcomes = ["error", "nopage", "retry", "locked page", "unlocked page"]
            if canCow { outcomes.append("cowed") }
            let k = m.choose(outcomes.count, "the ->fault handler returns: outcome #")
            let c = KernelConstants.table
            switch outcomes[k] {
            case "error": return .int(c["VM_FAULT_SIGBUS"]!)
            case "nopage": return .int(c["VM_FAULT_NOPAGE"]!)
            case "retry": return .int(c["VM_FAULT_RETRY"]!)
            case "cowed":
                try m.store(vmf.appending(.field("page")), .null)
                guard v.count > 0, case .pointer(let vma) = v[0],
                    case .pointer(let file) = try m.load(.pointer(vma.appending(.field("vm_file")))),
                    case .pointer(let mapping) = try m.load(.pointer(file.appending(.field("f_mapping"))))
                else { return .unknown("->fault COWed without a mapping") }
                let lock = m.lockName(of: .pointer(mapping.appending(.field("i_mmap_mutex")))) ?? "i_mmap_mutex"
                m.acquire(lock, .mutex)
                return .int(c["VM_FAULT_COWED"]!)
            default:
                // A page cache page with a reference for the caller, locked or not.
                let n = m.state.pages.count
                let locked = outcomes[k] == "locked page"
                m.state.pages.append(
                    PageState(id: n, refcount: 2, mapcount: 0, flags: [.uptodate, .pageCache]))
                m.state.ownRefs[n] = 1
                // A page cache page belongs to the file's mapping (page->mapping, which
                // do_page_mkwrite() re-checks after taking the page lock, 3.15).
                if v.count > 0, case .pointer(let vma) = v[0],
                    case .pointer(let file)? = try? m.load(.pointer(vma.appending(.field("vm_file")))),
                    let mapping = try? m.load(.pointer(file.appending(.field("f_mapping"))))
                {
                    m.pageFields[n, default: [:]]["mapping"] = mapping
                }
                if locked { m.takePageLock(n) }
                try m.store(vmf.appending(.field("page")), m.pagePointer(n))
                return .int(locked ? c["VM_FAULT_LOCKED"]! : 0)
            }
        }
        // include/linux/mm.h ->page_mkwrite(), v3.14 (Documentation/filesystems/Locking): 0 with
        // the page unlocked, VM_FAULT_LOCKED with vmf->page locked by the handler, or an error.
        r.add("->page_mkwrite", models: "include/linux/mm.h vm_operations_struct->page_mkwrite(), v3.14") { m, a in
            let v = try m.values(a)
            let k = m.choose(3, "the ->page_mkwrite handler returns: outcome #")
            let locked = KernelConstants.table["VM_FAULT_LOCKED"]!
            if k == 1, v.count > 1, case .pointer(let vmf) = v[1],
                let n = m.page(of: try m.load(.pointer(vmf.appending(.field("page")))))
            {
                m.emit(.mightSleep(name: "->page_mkwrite"))
                m.takePageLock(n)
            }
            return .int([0, locked, KernelConstants.table["VM_FAULT_SIGBUS"]!][k])
        }
    }
}

import CFrontEnd

/// Runs one path: the interpreter's state (mm state, heap, frames, trace) and the choices made.
/// A fresh Machine runs each path; the explorer replays choices to reach the others.
final class Machine {
    var state: MMState
    var heap: [HeapObject] = []
    /// Fields of page objects (`page->index`, `page->mapping`), by page.
    var pageFields: [Int: [String: Value]] = [:]
    var globals: [String: Value] = [:]
    var frames: [[String: Value]] = []
    var functionStack: [String] = []
    let program: Program
    let builtins: BuiltinRegistry
    var chooser: Chooser
    var trace: [TraceEvent] = []
    var unknownCalls: Set<String> = []
    var steps = 0
    let limits: CheckLimits
    /// Other CPUs' references taken so far on this path (bounded by `limits.foreignRefs`).
    var foreignRefsTaken = 0
    /// Locks this path released at least once (a PTE may change while its lock was dropped).
    var droppedLocks: Set<String> = []
    var location = CLocation(file: "", line: 0, column: 0)
    /// Recording operand values for `cond.redundant`: no choices, no events.
    var quiet = false
    /// Locals whose address was taken live in cells, by frame depth and name.
    var cellOf: [String: ObjectID] = [:]
    var ptlObject: ObjectID?
    /// Heap objects below this id existed before the checked function was called.
    var callerVisibleObjects = Int.max
    private var zeroPageID: ObjectID?
    /// ZERO_PAGE(): an object that is no scenario page.
    var zeroPageObject: ObjectID {
        if let id = zeroPageID { return id }
        let id = allocate(.cell(.null))
        zeroPageID = id
        return id
    }
    var pteTableObject: ObjectID?
    /// The scenario's mm (its vma's `vm_mm`), whose table holds the scenario's PTEs.
    var primaryMM: ObjectID?
    var otherTables: [ObjectID: (lock: String, table: ObjectID)] = [:]
    var lockObjects: [String: ObjectID] = [:]
    /// The scenario's `int *rss` array (fork), whose stores are rss counter changes.
    var rssArray: ObjectID?
    /// The address PTE 0 maps.
    var scenarioBaseAddress: Int64 = 0x7f00_0000_0000
    /// pte_offset_map() may return NULL (v6.5 and later).
    var pteMapCanFail = false
    /// Lines (in the checked function's file) whose conditions `cond.redundant` judges: only
    /// there are operands sampled over other states (it costs a few hundred evaluations).
    var conditionLines: Set<Int> = []
    var checkedFile = ""

    init(program: Program, builtins: BuiltinRegistry, chooser: Chooser, initial: MMState, limits: CheckLimits) {
        self.program = program
        self.builtins = builtins
        self.chooser = chooser
        self.state = initial
        self.limits = limits
    }

    var currentFunction: String { functionStack.last ?? "" }

    // MARK: heap

    func allocate(_ o: HeapObject) -> ObjectID {
        heap.append(o)
        return ObjectID(raw: heap.count - 1)
    }

    func record(type: String, _ fields: [String: Value]) -> Value {
        .pointer(Pointer(object: allocate(.record(type: type, fields: fields))))
    }

    // MARK: events

    func emit(_ kind: TraceEvent.Kind) {
        if quiet { return }
        // Line events carry no state snapshot: paths are long, and only the other events'
        // states are read (see `PathRecord.state(after:)`).
        if case .line = kind {
            trace.append(TraceEvent(kind: kind, location: location, function: currentFunction, state: MMState()))
            return
        }
        trace.append(TraceEvent(kind: kind, location: location, function: currentFunction, state: state))
    }

    /// A nondeterministic choice between `n` outcomes, explored by the path explorer.
    func choose(_ n: Int, _ why: String) -> Int {
        if quiet { return 0 }
        return chooser.choose(n, why)
    }

    // MARK: pages and locks

    /// The page a value points to (a page/folio pointer, possibly at a subpage index).
    func page(of v: Value) -> Int? {
        guard case .pointer(let p) = v, p.object.raw < heap.count, case .page(let n) = heap[p.object.raw] else {
            return nil
        }
        return n
    }

    /// The subpage index of a page pointer (`page + i`).
    func subpage(of v: Value) -> Int {
        guard case .pointer(let p) = v, case .index(let i) = p.path.last else { return 0 }
        return i
    }

    func pagePointer(_ n: Int, subpage: Int = 0) -> Value {
        let id =
            pageObjects[n]
            ?? {
                let id = allocate(.page(n))
                pageObjects[n] = id
                return id
            }()
        return .pointer(Pointer(object: id, path: subpage == 0 ? [] : [.index(subpage)]))
    }
    var pageObjects: [Int: ObjectID] = [:]

    /// The name of the lock a value designates: a lock object, or `&x->ptl` naming it.
    func lockName(of v: Value) -> String? {
        switch v {
        case .pointer(let p):
            guard p.object.raw < heap.count else { return nil }
            if case .lock(let name) = heap[p.object.raw], p.path.isEmpty { return name }
            if let target = try? load(.pointer(p)), case .pointer(let q) = target, q.object.raw < heap.count,
                case .lock(let name) = heap[q.object.raw]
            {
                return name
            }
            // Before split PTLs (2.6.15) the PTE lock was the mm's own: `&mm->page_table_lock` of
            // the scenario's mm is its PTL (mm/memory.c, 2.6.11: "page_table_lock held").
            if p.object == primaryMM, p.path == [.field("page_table_lock")] { return "ptl" }
            // Other locks in records are named by the struct's type and the field, so contracts
            // can name them (`mm_struct.mmap_sem`).
            var type = "obj\(p.object.raw)"
            if case .record(let t, _) = heap[p.object.raw] { type = t }
            return type + p.path.map { if case .field(let f) = $0 { return ".\(f)" } else { return "[]" } }.joined()
        default: return nil
        }
    }

    func acquire(_ lock: String, _ kind: MMState.LockKind, blocking: Bool = true) {
        if blocking { emit(.wait(lock: lock)) }
        if state.held[lock] != nil {
            emit(.lockMisuse(lock: lock, what: "acquired while already held (deadlock)"))
        }
        state.held[lock] = kind
        emit(.acquire(lock: lock, kind: kind))
    }

    /// The PTL taken again after this path dropped it: another CPU may have changed the entry
    /// meanwhile (a racing fault, reclaim), which only pte_same() tells.
    func ptlRetaken() {
        if droppedLocks.contains("ptl"), !state.ptes.isEmpty,
            choose(2, "another CPU changed the PTE while the PTL was dropped") == 1
        {
            state.ptes[0].generation += 1
            state.ptes[0].young.toggle()
            emit(.pteChanged(index: 0))
        }
    }

    func release(_ lock: String, _ kind: MMState.LockKind) {
        if let held = state.held[lock] {
            if held != kind {
                emit(.lockMisuse(lock: lock, what: "released as \(kind.rawValue) but held as \(held.rawValue)"))
            }
        } else {
            emit(.lockMisuse(lock: lock, what: "released but not held"))
        }
        state.held[lock] = nil
        droppedLocks.insert(lock)
        emit(.release(lock: lock, kind: kind))
    }

    /// Another CPU may take a reference to a mapped page at any point where no lock forbids it:
    /// GUP-fast walks page tables locklessly (mm/gup.c, gup_pte_range, v5.8: get_page under
    /// IRQs off only), so neither the PTL nor the page lock excludes it. Bounded per path.
    func interleaveForeignReference(_ n: Int, before what: String) {
        guard foreignRefsTaken < limits.foreignRefs, n < state.pages.count else { return }
        let p = state.pages[n]
        guard p.mapcount > 0, !p.frozen else { return }
        if choose(2, "another CPU takes a GUP-fast reference to page\(n) before \(what)") == 1 {
            state.pages[n].refcount += 1
            state.pages[n].foreignRefs += 1
            foreignRefsTaken += 1
            emit(.foreignRef(page: n, by: "GUP-fast on another CPU, before \(what)"))
        }
    }
}

/// Bounds of one check, each reported when hit.
public struct CheckLimits: Sendable {
    public var maxPaths = 2048
    public var maxSteps = 200_000
    public var maxLoopIterations = 16
    public var maxCallDepth = 12
    public var foreignRefs = 1
    /// Per function, all starting states together.
    public var seconds: Double = 4
    public init() {}
}

/// The functions a check may call into (the patched file's, the base's), by name.
struct Program {
    var functions: [String: CFunction]
    var globals: [CDeclaration]
    var enumConstants: [String: Int64]
}

extension Program {
    /// One parsed file as the whole program (the first definition of a name wins).
    init(unit: CTranslationUnit) {
        self.init(
            functions: Dictionary(unit.functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }),
            globals: unit.globals, enumConstants: unit.enumConstants)
    }
}

extension Machine {
    /// The scenario's PTE lock object.
    var ptlPointer: Value {
        if let id = ptlObject { return .pointer(Pointer(object: id)) }
        let id = allocate(.lock("ptl"))
        ptlObject = id
        return .pointer(Pointer(object: id))
    }

    /// A pointer into the page table for an address (index relative to the scenario's start).
    func ptePointer(address: Value) -> Value {
        let table =
            pteTableObject
            ?? {
                let id = allocate(.pteTable(base: 0))
                pteTableObject = id
                return id
            }()
        let i = address.intValue.map { Int(($0 - scenarioBaseAddress) >> 12) } ?? 0
        return .pointer(Pointer(object: table, path: [.index(max(0, min(i, max(0, state.ptes.count - 1))))]))
    }

    /// The page table and PTE lock of an mm: the scenario's own mm has `ptl` and PTE 0 on; another
    /// mm (fork's destination) gets its own lock and an empty table of its own.
    /// The PTE for `address` in a table `pageTable(of:)` gave: the scenario's own, or another
    /// mm's (fork's child).
    func ptePointer(lock: String, table: ObjectID, address: Value) -> Value {
        if lock == "ptl" { return ptePointer(address: address) }
        return .pointer(Pointer(object: table, path: [.index(pteIndex(address))]))
    }

    func pageTable(of mm: Value) -> (lock: String, table: ObjectID) {
        _ = ptlPointer
        _ = ptePointer(address: .int(scenarioBaseAddress))
        guard case .pointer(let p) = mm, let primary = primaryMM, p.object != primary else {
            return ("ptl", pteTableObject!)
        }
        if let t = otherTables[p.object] { return t }
        let base = state.ptes.count
        state.ptes += Array(repeating: .none, count: 16)
        let name = "ptl#\(otherTables.count + 2)"
        let t = (name, allocate(.pteTable(base: base)))
        otherTables[p.object] = t
        return t
    }

    func lockPointer(_ name: String) -> Value {
        if name == "ptl" { return ptlPointer }
        if let id = lockObjects[name] { return .pointer(Pointer(object: id)) }
        let id = allocate(.lock(name))
        lockObjects[name] = id
        return .pointer(Pointer(object: id))
    }

    func pteIndex(_ address: Value) -> Int {
        address.intValue.map { max(0, min(15, Int(($0 - scenarioBaseAddress) >> 12))) } ?? 0
    }

    func pfnBase(_ n: Int) -> Int { MMState.pfnBase(n) }
}

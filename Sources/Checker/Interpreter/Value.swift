import CFrontEnd

/// A value the interpreter computes with. Integers are concrete; a call the model does not know
/// yields `.unknown`, which taints what depends on it (a verdict that rests on it is "unknown").
public indirect enum Value: Sendable, Hashable {
    case int(Int64)
    case pointer(Pointer)
    case null
    /// A page table entry's content (what `*pte` / `ptep_get()` read).
    case pte(PTEState)
    /// The result of a call nobody modelled: which call, where.
    case unknown(String)
    case function(String)
    /// A struct value (copied on assignment), e.g. `struct vm_fault vmf;` on the stack.
    case record(ObjectID)

    public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    /// C truth: nonzero, non-null. nil when unknown.
    public var truth: Bool? {
        switch self {
        case .int(let v): return v != 0
        case .pointer: return true
        case .null: return false
        case .pte(let p): return p.present || p.page != nil
        case .unknown: return nil
        case .function, .record: return true
        }
    }

    public var intValue: Int64? {
        switch self {
        case .int(let v): return v
        case .null: return 0
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .int(let v): return "\(v)"
        case .pointer(let p): return p.description
        case .null: return "NULL"
        case .pte(let p): return p.summary
        case .unknown(let why): return "unknown(\(why))"
        case .function(let n): return "&\(n)"
        case .record(let id): return "struct#\(id.raw)"
        }
    }
}

public struct ObjectID: Sendable, Hashable {
    public var raw: Int
}

/// Where a pointer points: an object, then fields and indices into it.
public struct Pointer: Sendable, Hashable, CustomStringConvertible {
    public enum Step: Sendable, Hashable {
        case field(String)
        case index(Int)
    }
    public var object: ObjectID
    public var path: [Step]

    public init(object: ObjectID, path: [Step] = []) {
        self.object = object
        self.path = path
    }

    public var description: String {
        "obj\(object.raw)"
            + path.map { s in
                switch s {
                case .field(let f): return ".\(f)"
                case .index(let i): return "[\(i)]"
                }
            }.joined()
    }

    func appending(_ s: Step) -> Pointer {
        var p = self
        p.path.append(s)
        return p
    }

    /// Pointer arithmetic on the last index (`pte++`, `page + i`).
    func offset(by n: Int) -> Pointer {
        var p = self
        if case .index(let i) = p.path.last {
            p.path[p.path.count - 1] = .index(i + n)
        } else {
            p.path.append(.index(n))
        }
        return p
    }
}

/// What a heap object is.
public enum HeapObject: Sendable, Hashable {
    /// A struct instance: fields by name (missing fields read as unknown).
    case record(type: String, fields: [String: Value])
    /// `struct page` / `struct folio` number N in `MMState.pages` (a folio is its head page).
    case page(Int)
    /// The page table: element i is `MMState.ptes[base + i]`.
    case pteTable(base: Int)
    /// A spinlock, mutex or other lock, by name.
    case lock(String)
    /// A local array (`int orders[] = {...}`, `int rss[NR_MM_COUNTERS]`).
    case array([Value])
    /// A scalar cell (`int x; &x`).
    case cell(Value)
}

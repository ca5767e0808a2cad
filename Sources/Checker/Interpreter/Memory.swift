import CFrontEnd

/// Loading and storing through pointers and variables.
extension Machine {
    enum LValue {
        case variable(String)
        case memory(Pointer)
    }

    func lookup(_ name: String) -> Value? {
        if let id = cellOf["\(frames.count):\(name)"], case .cell(let v) = heap[id.raw] { return v }
        if let v = frames.last?[name] { return v }
        return globals[name]
    }

    func assign(_ name: String, _ v: Value) {
        if let id = cellOf["\(frames.count):\(name)"] {
            heap[id.raw] = .cell(v)
            return
        }
        if frames.isEmpty { frames.append([:]) }
        if frames[frames.count - 1][name] != nil || globals[name] == nil {
            frames[frames.count - 1][name] = v
        } else {
            globals[name] = v
        }
    }

    func load(_ lv: LValue) throws -> Value {
        switch lv {
        case .variable(let n): return lookup(n) ?? .unknown("uninitialised \(n)")
        case .memory(let p): return try load(.pointer(p))
        }
    }

    /// The value a pointer points at.
    func load(_ v: Value) throws -> Value {
        guard case .pointer(let p) = v else {
            if case .unknown(let why) = v { return .unknown(why) }
            throw InterpreterStop.unsupported("dereferencing \(v.description)", location)
        }
        guard p.object.raw < heap.count else { return .unknown("dangling pointer") }
        return walk(object: p.object, path: p.path[...])
    }

    private func walk(object: ObjectID, path: ArraySlice<Pointer.Step>) -> Value {
        let o = heap[object.raw]
        guard let first = path.first else {
            switch o {
            case .record: return .record(object)
            case .page: return .pointer(Pointer(object: object))
            case .pteTable(let base):
                return base < state.ptes.count ? .pte(state.ptes[base]) : .unknown("pte out of range")
            case .lock: return .pointer(Pointer(object: object))
            case .array(let a): return a.first ?? .unknown("empty array")
            case .cell(let v): return v
            }
        }
        let rest = path.dropFirst()
        switch (o, first) {
        case (.record(_, let fields), .field(let f)):
            let v = fields[f] ?? .unknown("field \(f)")
            if !rest.isEmpty, case .record(let inner) = v { return walk(object: inner, path: rest) }
            return rest.isEmpty ? v : .unknown("field path")
        case (.pteTable(let base), .index(let i)):
            let k = base + i
            return k >= 0 && k < state.ptes.count ? .pte(state.ptes[k]) : .unknown("pte \(i) outside the table")
        case (.array(let a), .index(let i)):
            return i >= 0 && i < a.count ? a[i] : .unknown("index \(i) outside the array")
        case (.page(let n), .field(let f)):
            // A folio's `page` member is its head page.
            if f == "page" { return pagePointer(n) }
            return pageFields[n]?[f] ?? .unknown("page->\(f)")
        case (.page(let n), .index(let i)):
            if rest.isEmpty { return pagePointer(n, subpage: i) }
            if case .field(let f) = rest.first { return pageFields[n]?[f] ?? .unknown("page[\(i)]->\(f)") }
            return .unknown("page path")
        case (.cell(let v), _):
            if case .pointer(let q) = v { return walk(object: q.object, path: q.path[...] + path) }
            return .unknown("cell path")
        default:
            return .unknown("path into \(o)")
        }
    }

    func store(_ lv: LValue, _ v: Value) throws {
        switch lv {
        case .variable(let n): assign(n, v)
        case .memory(let p): try store(p, v)
        }
    }

    func store(_ p: Pointer, _ v: Value) throws {
        guard p.object.raw < heap.count else { return }
        // Only memory the caller can see (what existed before the call: arguments, out-parameter
        // cells, globals) hands a page on; a local struct does not.
        if p.object.raw < callerVisibleObjects, let n = page(of: v) { state.escaped.insert(n) }
        try store(object: p.object, path: p.path[...], v)
    }

    private func store(object: ObjectID, path: ArraySlice<Pointer.Step>, _ v: Value) throws {
        let o = heap[object.raw]
        guard let first = path.first else {
            switch o {
            case .cell: heap[object.raw] = .cell(v)
            case .pteTable(let base):
                if case .pte(let p) = v, base < state.ptes.count { state.ptes[base] = p }
            case .array(var a):
                if !a.isEmpty { a[0] = v }
                heap[object.raw] = .array(a)
            default: break
            }
            return
        }
        let rest = path.dropFirst()
        switch (o, first) {
        case (.record(let t, var fields), .field(let f)):
            if !rest.isEmpty, case .record(let inner)? = fields[f] {
                try store(object: inner, path: rest, v)
                return
            }
            // 2.6.11's mm->rss (pages mapped, before the 2.6.14 counters): its changes are rss's.
            if object == primaryMM, f == "rss", let old = fields[f]?.intValue, let new = v.intValue, old != new {
                countRSS("mm->rss", Int(new - old))
            }
            fields[f] = v
            heap[object.raw] = .record(type: t, fields: fields)
        case (.pteTable(let base), .index(let i)):
            let k = base + i
            if case .pte(let p) = v, k >= 0, k < state.ptes.count {
                state.ptes[k] = p
                emit(.pteWrite(index: k, page: p.page))
            }
        case (.array(var a), .index(let i)):
            if i >= 0 && i < a.count {
                // Fork's rss[] array: its changes are the rss counters'.
                if object == rssArray, let old = a[i].intValue, let new = v.intValue, old != new {
                    let name = FaultBuiltins.counterName(Int64(i))
                    countRSS(name, Int(new - old))
                }
                a[i] = v
                heap[object.raw] = .array(a)
            } else {
                throw InterpreterStop.unsupported("store outside an array (index \(i))", location)
            }
        case (.page(let n), .field(let f)):
            pageFields[n, default: [:]][f] = v
        case (.cell(let c), _):
            if case .pointer(let q) = c { try store(object: q.object, path: q.path[...] + path, v) }
        default:
            break
        }
    }
}

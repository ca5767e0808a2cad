/// Findings of two patch versions side by side (`mmreview compare`): which violations and infos
/// the newer version fixed, which it introduced, which are still there. Findings are matched by
/// invariant, function and verdict; lines and messages differ between versions and only inform.
public struct FindingComparison: Sendable, Codable, Equatable {
    public var from: String
    public var to: String
    public var changes: [FindingChange]

    public var fixed: [FindingChange] { changes.filter { $0.status == .fixed } }
    public var introduced: [FindingChange] { changes.filter { $0.status == .introduced } }
    public var stillThere: [FindingChange] { changes.filter { $0.status == .stillThere } }
    /// The newer version still violates something (introduced or left).
    public var newHasViolations: Bool { changes.contains { $0.status != .fixed && $0.verdict == .violated } }

    public init(from: String, to: String, old: [Finding], new: [Finding]) {
        self.from = from
        self.to = to
        func key(_ f: Finding) -> String { "\(f.verdict.rawValue)|\(f.invariant)|\(f.function)" }
        let judged: (Finding) -> Bool = { $0.verdict == .violated || $0.verdict == .info }
        var oldByKey: [String: Finding] = [:]
        var order: [String] = []
        for f in old where judged(f) && oldByKey[key(f)] == nil {
            oldByKey[key(f)] = f
            order.append(key(f))
        }
        var newByKey: [String: Finding] = [:]
        for f in new where judged(f) && newByKey[key(f)] == nil {
            newByKey[key(f)] = f
            if oldByKey[key(f)] == nil { order.append(key(f)) }
        }
        changes = order.map { k in
            let o = oldByKey[k]
            let n = newByKey[k]
            let any = (n ?? o)!
            let status: FindingChange.Status = o == nil ? .introduced : (n == nil ? .fixed : .stillThere)
            return FindingChange(
                status: status, invariant: any.invariant, verdict: any.verdict, function: any.function,
                file: any.file, oldLine: o?.line, newLine: n?.line, oldMessage: o?.message, newMessage: n?.message)
        }
    }
}

public struct FindingChange: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case fixed
        case introduced
        case stillThere = "still-there"
    }
    public var status: Status
    public var invariant: String
    public var verdict: Finding.Verdict
    public var function: String
    public var file: String
    public var oldLine: Int?
    public var newLine: Int?
    public var oldMessage: String?
    public var newMessage: String?
}

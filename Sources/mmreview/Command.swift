/// One subcommand of `mmreview`: the options it takes (those with a value, and flags) and what it
/// does with them. `main.swift` parses the arguments and answers `--help` for all of them alike.
/// (`SendableMetatype`: the table below holds the types in a global, which Swift 6 wants Sendable.)
protocol Command: SendableMetatype {
    static var valued: Set<String> { get }
    static var flags: Set<String> { get }
    static func run(_ args: Arguments) throws(UsageError) -> Int32
}

/// Every command by name (one file each, `...Command.swift`).
enum Commands {
    static let byName: [String: any Command.Type] = [
        "extract": ExtractCommand.self, "apply": ApplyCommand.self, "compare": CompareCommand.self,
        "check": CheckCommand.self, "report": ReportCommand.self, "batch": BatchCommand.self,
        "merge": MergeCommand.self, "model": ModelCommand.self,
    ]
}

extension ExtractCommand: Command {}
extension ApplyCommand: Command {}
extension CompareCommand: Command {}
extension CheckCommand: Command {}
extension ReportCommand: Command {}
extension BatchCommand: Command {}
extension MergeCommand: Command {}
extension ModelCommand: Command {}

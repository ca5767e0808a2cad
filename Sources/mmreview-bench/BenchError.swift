/// A benchmark that cannot go on (unwritable temp folder, missing peer tool, disk full).
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

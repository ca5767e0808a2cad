/// A small argument reader: `command [options] [inputs]`, options as `--name value` or
/// `--name=value`, flags as `--name`. Unknown options are usage errors (exit 2).
struct Arguments {
    var command: String
    var positional: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    /// `valued` options take a value; `flagNames` take none.
    init(_ argv: [String], valued: Set<String>, flagNames: Set<String>) throws(UsageError) {
        guard let first = argv.first else { throw UsageError("no command given") }
        command = first
        var i = 1
        while i < argv.count {
            let a = argv[i]
            i += 1
            if a == "-" || !a.hasPrefix("-") {
                positional.append(a)
                continue
            }
            if a == "--" {
                positional.append(contentsOf: argv[i...])
                break
            }
            var name = a
            var value: String?
            if let eq = a.firstIndex(of: "=") {
                name = String(a[..<eq])
                value = String(a[a.index(after: eq)...])
            }
            if flagNames.contains(name) {
                if value != nil { throw UsageError("option \(name) takes no value") }
                flags.insert(name)
            } else if valued.contains(name) {
                if value == nil {
                    guard i < argv.count else { throw UsageError("option \(name) needs a value") }
                    value = argv[i]
                    i += 1
                }
                options[name] = value
            } else {
                throw UsageError("unknown option \(name)")
            }
        }
    }
}

extension Arguments {
    /// The one input of a command that takes exactly one.
    func singleInput() throws(UsageError) -> String {
        guard positional.count == 1 else {
            throw UsageError("\(command) takes one input (a file, a folder, or - for stdin)")
        }
        return positional[0]
    }

    /// The value of option `name`, which must be one of `allowed`; the first is the default.
    func choice(_ name: String, of allowed: [String]) throws(UsageError) -> String {
        let value = options[name] ?? allowed[0]
        guard allowed.contains(value) else {
            throw UsageError("unknown \(name) \(value) (\(allowed.joined(separator: ", ")))")
        }
        return value
    }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

import Foundation

/// Any JSON value, decoded without Foundation's NSNumber ambiguity (a boolean is not a number).
indirect enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }
}

/// The subset of JSON Schema docs/report.schema.json uses: `type` (one name), `required`,
/// `properties`, `additionalProperties` (false or a schema), `items`, `enum` of strings, and
/// `$ref` to `#/$defs/NAME`. Anything else in a schema is an error, so the schema cannot grow a
/// keyword this checker silently ignores.
struct MiniJSONSchema {
    let root: JSONValue
    static let known: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "required", "properties",
        "additionalProperties", "items", "enum",
    ]

    /// Every problem found, as `path: what`; empty when the value conforms.
    func validate(_ value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: root, at: "$", depth: 0, into: &problems)
        return problems
    }

    private func check(_ v: JSONValue, against s: JSONValue, at path: String, depth: Int, into p: inout [String]) {
        guard depth < 64 else { return p.append("\(path): schema nesting too deep") }
        guard case .object(let schema) = s else { return p.append("\(path): schema is not an object") }
        for k in schema.keys where !Self.known.contains(k) { p.append("\(path): unsupported keyword \(k)") }
        if case .string(let ref)? = schema["$ref"] {
            let prefix = "#/$defs/"
            guard ref.hasPrefix(prefix), case .object(let root) = root, case .object(let defs)? = root["$defs"],
                let target = defs[String(ref.dropFirst(prefix.count))]
            else { return p.append("\(path): unresolved $ref \(ref)") }
            return check(v, against: target, at: path, depth: depth + 1, into: &p)
        }
        if case .string(let type)? = schema["type"], !Self.matches(v, type) {
            return p.append("\(path): expected \(type), found \(Self.kind(v))")
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(v) {
            p.append("\(path): \(v) is not one of the enum values")
        }
        if case .object(let obj) = v {
            if case .array(let req)? = schema["required"] {
                for case .string(let k) in req where obj[k] == nil { p.append("\(path): missing required \(k)") }
            }
            var props: [String: JSONValue] = [:]
            if case .object(let ps)? = schema["properties"] { props = ps }
            for (k, sub) in obj.sorted(by: { $0.key < $1.key }) {
                if let ps = props[k] {
                    check(sub, against: ps, at: "\(path).\(k)", depth: depth + 1, into: &p)
                } else if case .bool(false)? = schema["additionalProperties"] {
                    p.append("\(path): property \(k) is not in the schema")
                } else if case .object? = schema["additionalProperties"], let extra = schema["additionalProperties"] {
                    check(sub, against: extra, at: "\(path).\(k)", depth: depth + 1, into: &p)
                }
            }
        }
        if case .array(let items) = v, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() {
                check(item, against: itemSchema, at: "\(path)[\(i)]", depth: depth + 1, into: &p)
            }
        }
    }

    static func matches(_ v: JSONValue, _ type: String) -> Bool {
        switch (type, v) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("string", .string), ("array", .array),
            ("object", .object):
            return true
        case ("number", .integer), ("number", .number): return true
        default: return false
        }
    }

    static func kind(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

import Foundation

/// JSON output for tools: keys sorted, so two runs give identical bytes.
public enum JSONRendering {
    public static func render<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        String(decoding: try ReportJSON.encodeValue(value, pretty: pretty), as: UTF8.self)
    }
}

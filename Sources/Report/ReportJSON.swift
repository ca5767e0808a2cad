import Foundation

/// The report's JSON bytes: keys sorted and no measured value anywhere in the report, so two
/// runs on the same input give identical bytes. Compact output is one line (strings escape their
/// newlines), for JSON Lines.
public enum ReportJSON {
    public static func encode(_ report: ReviewReport, pretty: Bool = true) throws -> [UInt8] {
        try encodeValue(report, pretty: pretty)
    }

    /// Several reports (an input with several threads): an array in the same form.
    public static func encode(_ reports: [ReviewReport], pretty: Bool = true) throws -> [UInt8] {
        try encodeValue(reports, pretty: pretty)
    }

    static func encodeValue<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}

import Foundation
import Mail

/// Results of pure parsers, remembered for one thread: replies repeat their subjects, quoted
/// attribution lines and the dates in them. Keys compare by UTF-8 bytes (not by String's
/// canonical equivalence), so a remembered result is always the one its exact input gives.
struct ThreadMemo {
    struct Key: Hashable {
        let text: String
        func hash(into h: inout Hasher) {
            var t = text
            t.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        static func == (a: Key, b: Key) -> Bool {
            // Native strings are contiguous UTF-8: compare the buffers with memcmp, not byte by
            // byte through a generic loop (a long attribution line cost thousands of steps).
            var x = a.text
            var y = b.text
            return x.withUTF8 { p in
                y.withUTF8 { q in
                    p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0)
                }
            }
        }
    }

    private var subjects: [Key: PatchSubject] = [:]
    private var attributions: [Key: Attribution?] = [:]
    private var dates: [Key: MailDate] = [:]

    mutating func subject(_ s: String) -> PatchSubject { Self.remember(s, in: &subjects, PatchSubject.parse) }

    /// A line that is no attribution is remembered as nil too.
    mutating func attribution(_ s: String) -> Attribution? {
        Self.remember(s, in: &attributions, AttributionParser.parse)
    }

    mutating func date(_ s: String) -> MailDate { Self.remember(s, in: &dates, MailDate.parse) }

    /// `parse(s)`, from `table` when `s` was seen before.
    private static func remember<V>(_ s: String, in table: inout [Key: V], _ parse: (String) -> V) -> V {
        let k = Key(text: s)
        if let v = table[k] { return v }
        let v = parse(s)
        table[k] = v
        return v
    }
}

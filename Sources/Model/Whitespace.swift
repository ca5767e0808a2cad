/// Whitespace-insensitive text: renders and mail clients change whitespace, never tokens.
enum Whitespace {
    static func squeezed(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}

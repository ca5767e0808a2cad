/// Optional integers stored without Optional's tag byte, which pads an `Int?` to 16 bytes inside
/// a struct: `Int.min` stands for nil. For the numbers of values held by the million (diff lines,
/// comments, anchors): line numbers, indices, levels and versions, which are never `Int.min` (a
/// count that wraps past `Int.max` in a lying hunk header reads as unknown).
public enum OptionalNumber {
    public static let none = Int.min
    @inline(__always) public static func read(_ n: Int) -> Int? { n == none ? nil : n }
    @inline(__always) public static func store(_ n: Int?) -> Int { n ?? none }
}

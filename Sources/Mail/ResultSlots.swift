/// Output slots written by disjoint indices from concurrent workers (`concurrentPerform`), then
/// read once all are done.
public final class ResultSlots<T>: @unchecked Sendable {
    public let slots: UnsafeMutableBufferPointer<T?>
    public init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    /// Every slot's value; each must have been written.
    public func collect() -> [T] { slots.map { $0! } }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}

/// Output slots written by disjoint indices from concurrent workers, then read once all are done.
final class ResultSlots<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    /// Every slot's value; each must have been written.
    func collect() -> [T] { slots.map { $0! } }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}

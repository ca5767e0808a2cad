import Foundation

/// A value shared between the main thread, a watchdog and a signal handler. (The standard
/// library's `Mutex` needs macOS 15; the package supports macOS 13.)
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

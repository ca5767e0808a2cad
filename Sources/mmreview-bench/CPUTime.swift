#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU seconds (user + system) used so far. The benchmark machine may be shared (other builds
/// and tests run beside it), which stretches wall times but barely changes CPU times, so both are
/// reported; CPU time also shows how much of our wall time ran on both cores.
enum CPUTime {
    /// This process, all threads.
    static var ownSeconds: Double { seconds(who: .own) }

    /// Children that have exited and been waited for (the peer tools).
    static var childrenSeconds: Double { seconds(who: .children) }

    /// The 1-minute load average, to tell a quiet machine from a busy one in the report.
    static var loadAverage: Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? loads[0] : -1
    }

    private enum Who { case own, children }

    private static func seconds(who: Who) -> Double {
        var usage = rusage()
        #if canImport(Darwin)
            getrusage(who == .own ? RUSAGE_SELF : RUSAGE_CHILDREN, &usage)
        #else
            getrusage(who == .own ? RUSAGE_SELF.rawValue : RUSAGE_CHILDREN.rawValue, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}

/// The shortest edit script between two line arrays (Myers' O(ND) algorithm), after the common
/// prefix and suffix are taken off. Bounded: past `maxEdits` differences the middle is written as
/// all-deleted then all-inserted instead of searched further (still a correct script).
enum LineDiff {
    static func script(old: [String], new: [String], maxEdits: Int = 2000) -> EditScript {
        // Equal lines get equal ids, so the search compares integers.
        var ids: [String: Int] = [:]
        func id(_ s: String) -> Int {
            if let k = ids[s] { return k }
            ids[s] = ids.count
            return ids.count - 1
        }
        let a = old.map(id)
        let b = new.map(id)
        return script(a, b, maxEdits: maxEdits)
    }

    static func script(_ a: [Int], _ b: [Int], maxEdits: Int = 2000) -> EditScript {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
            && a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        var script = EditScript()
        script.append(.keep, prefix)
        let midA = Array(a[prefix..<(a.count - suffix)])
        let midB = Array(b[prefix..<(b.count - suffix)])
        for op in myers(midA, midB, maxEdits: maxEdits) ?? replaceAll(midA.count, midB.count) {
            script.append(op)
        }
        script.append(.keep, suffix)
        return script
    }

    private static func replaceAll(_ n: Int, _ m: Int) -> [EditScript.Op] {
        Array(repeating: .delete, count: n) + Array(repeating: .insert, count: m)
    }

    /// The ops in order, or nil when more than `maxEdits` edits are needed.
    private static func myers(_ a: [Int], _ b: [Int], maxEdits: Int) -> [EditScript.Op]? {
        let n = a.count
        let m = b.count
        if n == 0 || m == 0 { return replaceAll(n, m) }
        let limit = min(n + m, maxEdits)
        let off = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d] holds v[-d...d] as it was before round d (what backtracking needs).
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(Array(v[(off - d)...(off + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[off + k] = x
                if x >= n && y >= m { return backtrack(trace, d: d, n: n, m: m) }
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], d final: Int, n: Int, m: Int) -> [EditScript.Op] {
        var ops: [EditScript.Op] = []
        var x = n
        var y = m
        var d = final
        while d >= 0 {
            let v = trace[d]  // index k + d
            let k = x - y
            if d == 0 {
                while x > 0 && y > 0 {
                    ops.append(.keep)
                    x -= 1
                    y -= 1
                }
                break
            }
            let down = k == -d || (k != d && v[k - 1 + d] < v[k + 1 + d])
            let prevK = down ? k + 1 : k - 1
            let prevX = v[prevK + d]
            let prevY = prevX - prevK
            while x > prevX && y > prevY {
                ops.append(.keep)
                x -= 1
                y -= 1
            }
            ops.append(down ? .insert : .delete)
            x = prevX
            y = prevY
            d -= 1
        }
        return ops.reversed()
    }
}

/// Who posted a patch version, and where, as every renderer states it under the version's title:
/// `v2 3/5 RFC by Name, 2020-08-11; quoted at level 1 in message 4`. Each renderer passes its own
/// escaping for the author and its own form of a message reference.
enum PostingLine {
    static func text(
        _ v: ReportVersion, author: (String) -> String = { $0 }, message: (Int) -> String = { "\($0)" }
    ) -> String {
        var who = "v\(v.version)"
        if let p = v.part { who += " \(p)/\(v.total ?? 0)" }
        if v.isRFC { who += " RFC" }
        if let a = v.author { who += " by \(author(a))" }
        if let d = FindingWords.day(v.date) { who += ", \(d)" }
        who +=
            v.quoteLevel == 0
            ? "; posted in message \(message(v.message))"
            : "; quoted at level \(v.quoteLevel) in message \(message(v.message))"
        return who
    }
}

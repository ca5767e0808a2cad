/// Finds patch series among mails by their subjects (`[PATCH v2 3/5]`) and authors.
///
/// A posting's identity is (author, version, total); an unnumbered lone patch adds its title, so
/// two lone patches by one author stay apart. Replies, forwards and pull requests are never
/// series members. Within a posting the earliest mail claiming a part wins; later ones are kept
/// as `duplicates`.
public enum SeriesGrouper {
    /// The series in one thread; indexes point into `thread.messages`.
    public static func series(in thread: MailThread) -> [PatchSeries] {
        group(thread.messages, candidates: Array(thread.messages.indices))
    }

    /// The series among any messages; indexes point into `messages`.
    ///
    /// The messages are threaded first, so two unrelated postings by one author that happen to
    /// share version and size stay apart. Then postings split over several threads (a series
    /// sent with `--no-thread`) are merged when they have the same identity and no part in common.
    public static func series(in messages: [Message]) -> [PatchSeries] {
        series(in: messages, subjects: nil)
    }

    /// The same, with `subjects[i]` the parsed subject of `messages[i]` (parsed by the caller).
    public static func series(in messages: [Message], subjects: [PatchSubject]) -> [PatchSeries] {
        precondition(subjects.count == messages.count)
        return series(in: messages, subjects: Optional(subjects))
    }

    private static func series(in messages: [Message], subjects: [PatchSubject]?) -> [PatchSeries] {
        var found: [PatchSeries] = []
        for thread in Threader.threads(messages) {
            let inputIndex = thread.positions.map(\.inputIndex)
            let threadPostings =
                subjects.map { all in
                    group(thread.messages, candidates: Array(thread.messages.indices)) { all[inputIndex[$0]] }
                } ?? series(in: thread)
            for var posting in threadPostings {
                posting.coverLetter = posting.coverLetter.map { inputIndex[$0] }
                posting.parts = posting.parts.mapValues { inputIndex[$0] }
                posting.duplicates = posting.duplicates.map { inputIndex[$0] }
                found.append(posting)
            }
        }
        return sorted(mergingFragments(sorted(found)))
    }

    /// Groups postings of the same series across versions: same author, same normalised title.
    public static func versions(of series: [PatchSeries]) -> [SeriesVersions] {
        var groups: [SeriesVersions] = []
        var groupOf: [String: Int] = [:]
        for posting in sorted(series) {
            let key = authorKey(posting.author) + "\n" + posting.normalizedTitle
            if let index = groupOf[key] {
                groups[index].postings.append(posting)
            } else {
                groupOf[key] = groups.count
                groups.append(
                    SeriesVersions(
                        author: posting.author, title: posting.title,
                        normalizedTitle: posting.normalizedTitle, postings: [posting]))
            }
        }
        for index in groups.indices {
            // Stable sort: postings of one version keep their date order.
            groups[index].postings = stableSorted(groups[index].postings) {
                $0.version < $1.version
            }
            if let newest = groups[index].postings.last {
                groups[index].title = newest.title
            }
        }
        return groups
    }

    // MARK: - Grouping

    private struct Identity: Hashable {
        var author: String
        var version: Int
        /// 0 for an unnumbered lone patch.
        var total: Int
        /// Only for unnumbered lone patches.
        var loneTitle: String
    }

    private static func group(_ messages: [Message], candidates: [Int]) -> [PatchSeries] {
        group(messages, candidates: candidates) { PatchSubject.parse(messages[$0].subject) }
    }

    private static func group(
        _ messages: [Message], candidates: [Int], subject subjectOf: (Int) -> PatchSubject
    ) -> [PatchSeries] {
        let ordered = candidates.sorted {
            Threader.sortKey(of: messages[$0], at: $0) < Threader.sortKey(of: messages[$1], at: $1)
        }
        var postings: [PatchSeries] = []
        var titles: [[Int: String]] = []
        var postingOf: [Identity: Int] = [:]
        for index in ordered {
            let message = messages[index]
            let subject = subjectOf(index)
            guard !subject.isReply, !subject.isForward, !subject.isPullRequest,
                subject.isPatch || subject.isRFC || subject.part != nil
            else { continue }
            let identity = Identity(
                author: authorKey(message.from), version: subject.version,
                total: subject.total ?? 0,
                loneTitle: subject.total == nil ? subject.normalized : "")
            let posting: Int
            if let existing = postingOf[identity] {
                posting = existing
            } else {
                posting = postings.count
                postingOf[identity] = posting
                postings.append(
                    PatchSeries(
                        author: message.from, version: subject.version, total: subject.total,
                        title: "", normalizedTitle: "", date: message.date))
                titles.append([:])
            }
            postings[posting].isRFC = postings[posting].isRFC || subject.isRFC
            let part = subject.part ?? 1
            if part == 0 {
                if postings[posting].coverLetter == nil {
                    postings[posting].coverLetter = index
                    titles[posting][0] = subject.title
                } else {
                    postings[posting].duplicates.append(index)
                }
            } else if postings[posting].parts[part] == nil {
                postings[posting].parts[part] = index
                titles[posting][part] = subject.title
            } else {
                postings[posting].duplicates.append(index)
            }
        }
        for posting in postings.indices {
            // The cover letter (part 0) names the series; else the lowest-numbered patch.
            if let lowest = titles[posting].keys.min(), let title = titles[posting][lowest] {
                postings[posting].title = title
                postings[posting].normalizedTitle = PatchSubject.parse(title).normalized
            }
        }
        return postings
    }

    /// Joins fragments of one posting found in different threads: same identity, disjoint parts,
    /// at most one cover letter. Input sorted by date, so fragments join the earliest posting.
    private static func mergingFragments(_ postings: [PatchSeries]) -> [PatchSeries] {
        var result: [PatchSeries] = []
        var open: [Identity: [Int]] = [:]
        for posting in postings {
            guard let total = posting.total, total > 1 else {
                result.append(posting)
                continue
            }
            let identity = Identity(
                author: authorKey(posting.author), version: posting.version, total: total,
                loneTitle: "")
            let target = open[identity, default: []].first { candidate in
                let other = result[candidate]
                return Set(other.parts.keys).isDisjoint(with: posting.parts.keys)
                    && (other.coverLetter == nil || posting.coverLetter == nil)
            }
            guard let target else {
                open[identity, default: []].append(result.count)
                result.append(posting)
                continue
            }
            // The title follows the same rule as within a thread: cover letter, else lowest part.
            let targetLowest = result[target].parts.keys.min() ?? .max
            let takesTitle =
                posting.coverLetter != nil
                || (result[target].coverLetter == nil
                    && (posting.parts.keys.min() ?? .max) < targetLowest)
            if takesTitle {
                result[target].title = posting.title
                result[target].normalizedTitle = posting.normalizedTitle
            }
            result[target].coverLetter = result[target].coverLetter ?? posting.coverLetter
            result[target].parts.merge(posting.parts) { first, _ in first }
            result[target].duplicates += posting.duplicates
            result[target].isRFC = result[target].isRFC || posting.isRFC
        }
        return result
    }

    /// Postings by date of their earliest mail, then by their first message index.
    private static func sorted(_ postings: [PatchSeries]) -> [PatchSeries] {
        postings.sorted {
            ($0.date?.epochSeconds ?? .max, $0.messageIndexes.min() ?? .max)
                < ($1.date?.epochSeconds ?? .max, $1.messageIndexes.min() ?? .max)
        }
    }

    private static func stableSorted<T>(_ values: [T], by less: (T, T) -> Bool) -> [T] {
        values.enumerated().sorted { lhs, rhs in
            less(lhs.element, rhs.element)
                || (!less(rhs.element, lhs.element) && lhs.offset < rhs.offset)
        }.map(\.element)
    }

    /// The display name folded (renders carry names only, so names match across sources);
    /// the address when there is no name.
    static func authorKey(_ address: Address) -> String {
        let name = PatchSubject.collapsingWhitespace(address.name).lowercasedASCIIFast()
        return name.isEmpty ? address.email.lowercasedASCIIFast() : name
    }
}

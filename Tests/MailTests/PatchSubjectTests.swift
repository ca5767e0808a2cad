import Foundation
import Testing

@testable import Mail

/// Real subject forms, many from ../shared/real-mail and ../shared/peer-mail (patchwork, git, b4
/// test mail), plus the traps: brackets inside titles, interleaved prefixes, glued versions.
struct PatchSubjectTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var subject: String
        var expected: PatchSubject
        var testDescription: String { subject }
    }

    /// Builds the expected value; `normalized` always follows `title`, so it is derived here.
    static func expect(
        _ subject: String, reply: Bool = false, forward: Bool = false, tags: [String] = [],
        patch: Bool = false, rfc: Bool = false, resend: Bool = false, pull: Bool = false,
        version: Int = 1, versionRaw: String? = nil, part: Int? = nil, total: Int? = nil,
        extras: [String] = [], title: String
    ) -> Case {
        Case(
            subject: subject,
            expected: PatchSubject(
                isReply: reply, isForward: forward, tags: tags, isPatch: patch, isRFC: rfc,
                isResend: resend, isPullRequest: pull, version: version, versionRaw: versionRaw,
                part: part, total: total, isCoverLetter: part == 0, prefixExtras: extras,
                title: title, normalized: title.lowercased()))
    }

    static let cases: [Case] = [
        expect(
            "[PATCH] thp: use is_zero_pfn after pte_present check", tags: ["PATCH"], patch: true,
            title: "thp: use is_zero_pfn after pte_present check"),
        expect(
            "Re: [PATCH] thp: use is_zero_pfn after pte_present check", reply: true,
            tags: ["PATCH"], patch: true, title: "thp: use is_zero_pfn after pte_present check"),
        expect(
            "Re: [PATCH v10 08/25] mm: VMA sequence count", reply: true,
            tags: ["PATCH", "v10", "08/25"], patch: true, version: 10, versionRaw: "v10", part: 8,
            total: 25, title: "mm: VMA sequence count"),
        expect(
            "[PATCH v2 03/15] mm: foo", tags: ["PATCH", "v2", "03/15"], patch: true, version: 2,
            versionRaw: "v2", part: 3, total: 15, title: "mm: foo"),
        expect(
            "[RFC PATCH v2 03/15] mm: foo", tags: ["RFC", "PATCH", "v2", "03/15"], patch: true,
            rfc: true, version: 2, versionRaw: "v2", part: 3, total: 15, title: "mm: foo"),
        expect(
            "[PATCH RFC v2] mm: foo", tags: ["PATCH", "RFC", "v2"], patch: true, rfc: true,
            version: 2, versionRaw: "v2", title: "mm: foo"),
        expect(
            "[RFC][PATCH] mm: foo", tags: ["RFC", "PATCH"], patch: true, rfc: true,
            title: "mm: foo"),
        expect(
            "Re: [RFC][PATCH 2/9] conditionally define generic get_order() (ARCH_HAS_GET_ORDER)",
            reply: true, tags: ["RFC", "PATCH", "2/9"], patch: true, rfc: true, part: 2, total: 9,
            title: "conditionally define generic get_order() (ARCH_HAS_GET_ORDER)"),
        expect(
            "[PATCH RESEND] mm: foo", tags: ["PATCH", "RESEND"], patch: true, resend: true,
            title: "mm: foo"),
        expect(
            "[RESEND PATCH v4 2/3] mm: foo", tags: ["RESEND", "PATCH", "v4", "2/3"], patch: true,
            resend: true, version: 4, versionRaw: "v4", part: 2, total: 3, title: "mm: foo"),
        expect(
            "[PATCH -mm] mm: foo", tags: ["PATCH", "-mm"], patch: true, extras: ["-mm"],
            title: "mm: foo"),
        expect(
            "[PATCH 2.6.12-rc1] mm: foo", tags: ["PATCH", "2.6.12-rc1"], patch: true,
            extras: ["2.6.12-rc1"], title: "mm: foo"),
        expect(
            "[PATCHv3] mm: foo", tags: ["PATCH", "v3"], patch: true, version: 3, versionRaw: "v3",
            title: "mm: foo"),
        expect(
            "[RFCv2 1/2] mm: glued rfc", tags: ["RFC", "v2", "1/2"], rfc: true, version: 2,
            versionRaw: "v2", part: 1, total: 2, title: "mm: glued rfc"),
        expect(
            "Re: [PATCH v3 3/4] mm: FLEXIBLE_THP for improved performance", reply: true,
            tags: ["PATCH", "v3", "3/4"], patch: true, version: 3, versionRaw: "v3", part: 3,
            total: 4, title: "mm: FLEXIBLE_THP for improved performance"),
        expect(
            "Re: [PATCH v7 02/22] Allow page fault handlers to perform the COW", reply: true,
            tags: ["PATCH", "v7", "02/22"], patch: true, version: 7, versionRaw: "v7", part: 2,
            total: 22, title: "Allow page fault handlers to perform the COW"),
        expect(
            "Re: [RFC] Changing COW detection to be memory hotplug friendly", reply: true,
            tags: ["RFC"], rfc: true, title: "Changing COW detection to be memory hotplug friendly"
        ),
        expect("[git pull] mm fixes", tags: ["git", "pull"], pull: true, title: "mm fixes"),
        expect(
            "[GIT PULL] DaVinci SoC updates for v5.6", tags: ["GIT", "PULL"], pull: true,
            title: "DaVinci SoC updates for v5.6"),
        expect("[GIT] Networking", tags: ["GIT"], pull: true, title: "Networking"),
        expect(
            "Fwd: [GIT PULL] soc: updates for v5.5", forward: true, tags: ["GIT", "PULL"],
            pull: true, title: "soc: updates for v5.5"),
        expect(
            "Re: Re: [PATCH] mm: nested", reply: true, tags: ["PATCH"], patch: true,
            title: "mm: nested"),
        expect(
            "RE: AW: Fwd: Sv: [PATCH] mm: every prefix", reply: true, forward: true,
            tags: ["PATCH"], patch: true, title: "mm: every prefix"),
        expect(
            "Re: [PATCH] mm: kill [add|del]_page_to_lru_list()", reply: true, tags: ["PATCH"],
            patch: true, title: "mm: kill [add|del]_page_to_lru_list()"),
        expect(
            "mm: kill [add|del]_page_to_lru_list()", title: "mm: kill [add|del]_page_to_lru_list()"
        ),
        expect(
            "Re: page fault scalability patch V10: [2/7] defer/omit taking page_table_lock",
            reply: true,
            title: "page fault scalability patch V10: [2/7] defer/omit taking page_table_lock"),
        expect(
            "[PATCH v2 0/2] Simple cover", tags: ["PATCH", "v2", "0/2"], patch: true, version: 2,
            versionRaw: "v2", part: 0, total: 2, title: "Simple cover"),
        expect(
            "Re: [PATCH v2 0/2] Simple cover", reply: true, tags: ["PATCH", "v2", "0/2"],
            patch: true, version: 2, versionRaw: "v2", part: 0, total: 2, title: "Simple cover"),
        expect(
            "[PATCH 00/15] mm: two-digit cover", tags: ["PATCH", "00/15"], patch: true, part: 0,
            total: 15, title: "mm: two-digit cover"),
        expect(
            "[PATCH 3/3 v2] Xyzzy", tags: ["PATCH", "3/3", "v2"], patch: true, version: 2,
            versionRaw: "v2", part: 3, total: 3, title: "Xyzzy"),
        expect(
            "[Buildroot] [PATCH 01/11] package/rpi-userland: rename patches",
            tags: ["Buildroot", "PATCH", "01/11"], patch: true, part: 1, total: 11,
            extras: ["Buildroot"], title: "package/rpi-userland: rename patches"),
        expect(
            "Re: [PATCH -next] bpf: Use PTR_ERR_OR_ZERO in xsk_map_inc()", reply: true,
            tags: ["PATCH", "-next"], patch: true, extras: ["-next"],
            title: "bpf: Use PTR_ERR_OR_ZERO in xsk_map_inc()"),
        expect(
            "[PATCH net-next v2 1/3] net: foo", tags: ["PATCH", "net-next", "v2", "1/3"],
            patch: true, version: 2, versionRaw: "v2", part: 1, total: 3, extras: ["net-next"],
            title: "net: foo"),
        expect(
            "[PATCH mm-unstable v3.1 2/5] mm: bar", tags: ["PATCH", "mm-unstable", "v3.1", "2/5"],
            patch: true, version: 3, versionRaw: "v3.1", part: 2, total: 5,
            extras: ["mm-unstable"], title: "mm: bar"),
        expect(
            "Re[2]: [PATCH V10 1/1] mm: upper-case version", reply: true,
            tags: ["PATCH", "V10", "1/1"], patch: true, version: 10, versionRaw: "V10", part: 1,
            total: 1, title: "mm: upper-case version"),
        expect(
            "[PATCH 5.10 012/200] mm: stable review", tags: ["PATCH", "5.10", "012/200"],
            patch: true, part: 12, total: 200, extras: ["5.10"], title: "mm: stable review"),
        expect(
            "[PATCH v2, 3/4] mm: comma", tags: ["PATCH", "v2", "3/4"], patch: true, version: 2,
            versionRaw: "v2", part: 3, total: 4, title: "mm: comma"),
        expect(
            "Re:[PATCH]mm: no spaces", reply: true, tags: ["PATCH"], patch: true,
            title: "mm: no spaces"),
        expect(
            "Re:  [PATCH   v2]\tmm:   collapse\n whitespace ", reply: true, tags: ["PATCH", "v2"],
            patch: true, version: 2, versionRaw: "v2", title: "mm: collapse whitespace"),
        expect(
            "[PATCH] Re: odd order", reply: true, tags: ["PATCH"], patch: true, title: "odd order"),
        expect(
            "[Navy-patches] [PATCH]", tags: ["Navy-patches", "PATCH"], patch: true,
            extras: ["Navy-patches"], title: ""),
        expect("Revert \"mm: foo\"", title: "Revert \"mm: foo\""),
        expect("Reply: not a prefix word", title: "Reply: not a prefix word"),
        expect("fwnode: not a forward", title: "fwnode: not a forward"),
        expect("RFC-HDR care and feeding", title: "RFC-HDR care and feeding"),
        expect("", title: ""),
    ]

    @Test(arguments: cases)
    func parses(_ entry: Case) {
        #expect(PatchSubject.parse(entry.subject) == entry.expected)
    }

    /// Keywords and reply words match in any case, on the byte path and the Character path
    /// alike; a non-ASCII tag is upper-cased as Unicode says (`gıt` is `GIT`).
    @Test func keywordsAndPrefixesInAnyCase() {
        let mixed = PatchSubject.parse("rE: AW: fWd: [pAtCh ReSeNd rfc v2 1/3] [Git-Pull] x")
        #expect(mixed.isReply && mixed.isForward && mixed.isPatch && mixed.isResend && mixed.isRFC)
        #expect(mixed.isPullRequest && mixed.version == 2 && mixed.part == 1 && mixed.title == "x")
        let nonASCII = PatchSubject.parse("Antw: [gıt pull] [PATCHSET é] ñ")
        #expect(nonASCII.isReply && nonASCII.isPullRequest && nonASCII.isPatch)
        #expect(nonASCII.prefixExtras == ["é"])
        #expect(nonASCII.title == "ñ")
        for word in ["re", "RE", "aW", "Sv", "ANTW", "odp", "Fwd", "FW"] {
            let p = PatchSubject.parse("\(word): t")
            #expect(p.isReply || p.isForward, "\(word)")
            #expect(p.title == "t")
        }
        for word in ["rex", "mm", "odps", "fwdd", "a"] {
            let p = PatchSubject.parse("\(word): t")
            #expect(!p.isReply && !p.isForward, "\(word)")
        }
    }

    @Test func coverLetterFlagFollowsPartZero() {
        #expect(PatchSubject.parse("[PATCH 0/4] x").isCoverLetter)
        #expect(!PatchSubject.parse("[PATCH 1/4] x").isCoverLetter)
        #expect(!PatchSubject.parse("[PATCH] x").isCoverLetter)
    }

    @Test func repliesAndVersionsShareTheNormalizedTitle() {
        let keys = [
            "[PATCH v2 1/3] mm: Revert Handling", "Re: [PATCH v3 1/3] mm: revert  handling",
            "RE: Re: [RFC PATCH] MM: revert handling",
        ].map { PatchSubject.parse($0).normalized }
        #expect(Set(keys) == ["mm: revert handling"])
    }

    @Test func roundTripsThroughCodable() throws {
        let value = PatchSubject.parse("Re: [RFC PATCH v3.1 0/7] mm: x")
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(PatchSubject.self, from: data) == value)
    }
}

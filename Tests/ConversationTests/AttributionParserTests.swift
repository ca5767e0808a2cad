import Testing

@testable import Conversation

/// Attribution lines in the forms mailers write, and the byte paths for ASCII text agreeing with
/// the Character paths they stand in for.
@Suite struct AttributionParserTests {
    @Test(
        arguments: [
            ("On Thu 20-08-20 15:01:00, Linus Torvalds wrote:", "Linus Torvalds", nil, "Thu 20-08-20 15:01:00"),
            (
                "On Mon, 3 Feb 2025 at 10:11, Ryan Roberts <ryan.roberts@arm.com> wrote:", "Ryan Roberts",
                "ryan.roberts@arm.com", "Mon, 3 Feb 2025 at 10:11"
            ),
            ("Ryan Roberts <ryan.roberts@arm.com> writes:", "Ryan Roberts", "ryan.roberts@arm.com", nil),
            ("Quoting Hugh Dickins (2005-02-07):", "Hugh Dickins", nil, "2005-02-07"),
            ("* Jan Kara <jack@suse.cz> [2020-08-20 15:01]:", "Jan Kara", "jack@suse.cz", "2020-08-20 15:01"),
            ("On 2024/1/2 10:00, david@redhat.com wrote:", nil, "david@redhat.com", "2024/1/2 10:00"),
            ("Le 03/02/2025 à 10:11, Jérôme Glisse a écrit :", "Jérôme Glisse", nil, "03/02/2025 à 10:11"),
        ] as [(String, String?, String?, String?)])
    func parsesAttributions(line: String, name: String?, email: String?, date: String?) throws {
        let a = try #require(AttributionParser.parse(line))
        #expect(a.name == name)
        #expect(a.email == email)
        #expect(a.dateText == date)
    }

    @Test(arguments: [
        "This is what the patch above wrote:",
        "For example, the code previously said:",
        "Note the following:",
        "",
        "He wrote:",
    ])
    func proseIsNoAttributionOrNamesNobody(line: String) {
        let a = AttributionParser.parse(line)
        #expect(a == nil || (a?.name == nil && a?.email == nil))
    }

    /// Tokens, names and word lists from the forms above and their edge cases: the byte paths
    /// must give what the Character paths give.
    @Test func bytePathsAgreeWithCharacterPaths() {
        let tokens = [
            "", ",", ",,", "Thu,", "20-08-20", "UTC", "(UTC)", "(PST)", "(x)", "(", ")", "am", "AM", "At", "-",
            "Linus", "Torvalds,", "cest", "CEST,", ",gmt,", "2025", "a1", "previously", "( )",
        ]
        for t in tokens {
            #expect(AttributionParser.isDateToken(t) == AttributionParser.isDateTokenCharacters(t), "\(t)")
        }
        let names = [
            "Linus Torvalds", "The patch", "this", "a b c d e f", "a b c d e f g", "", " ", "  Jan   Kara ",
            "\"Kirill A. Shutemov\"", "'quoted'", "1st person", "Code Review", "code", "Originally Here",
            "Previously", "x y", "-dash", "PATCH v2",
        ]
        for n in names {
            #expect(AttributionParser.looksLikeName(n) == AttributionParser.looksLikeNameCharacters(n), "\(n)")
        }
        let texts = ["", " ", "a", "  a  b\tc ", "\t\t", "On Thu, 20 Aug 2020 15:01:00 +0200", "x\ty z"]
        for s in texts {
            for seps in [[0x20], [0x20, 0x09]] as [[UInt8]] {
                #expect(
                    AttributionParser.words(s, separatedBy: seps)
                        == AttributionParser.wordsCharacters(s, separatedBy: seps), "\(s)")
            }
        }
    }
}

import Conversation
import Mail
import Testing

/// A reply that quotes one hunk of a posted patch, with the file header snipped, quotes the same
/// patch: one patch with two occurrences, not a second path-less patch.
@Suite struct QuotedHunkMergeTests {
    static let mbox = """
        From alice@example.org Mon Jan  1 00:00:00 2024
        From: Alice Author <alice@example.org>
        Subject: [PATCH v2] mm: make foo faster
        Date: Mon, 1 Jan 2024 10:00:00 +0000
        Message-ID: <patch@example.org>

        Foo was slow.

        Signed-off-by: Alice Author <alice@example.org>
        ---
         mm/bar.c | 2 +-
         mm/foo.c | 2 +-
         2 files changed, 2 insertions(+), 2 deletions(-)

        diff --git a/mm/foo.c b/mm/foo.c
        index 1111111..2222222 100644
        --- a/mm/foo.c
        +++ b/mm/foo.c
        @@ -10,3 +10,3 @@ static int foo(void)
         {
        -\tint a = slow();
        +\tint a = fast();
         }
        diff --git a/mm/bar.c b/mm/bar.c
        index 3333333..4444444 100644
        --- a/mm/bar.c
        +++ b/mm/bar.c
        @@ -40,3 +40,3 @@ static int bar(void)
         {
        -\treturn slow_bar();
        +\treturn fast_bar();
         }
        --
        2.40.0

        From bob@example.org Mon Jan  1 00:00:00 2024
        From: Bob Reviewer <bob@example.org>
        Subject: Re: [PATCH v2] mm: make foo faster
        Date: Mon, 1 Jan 2024 11:00:00 +0000
        Message-ID: <reply@example.org>
        In-Reply-To: <patch@example.org>
        References: <patch@example.org>

        On Mon, 1 Jan 2024 10:00:00 +0000, Alice Author wrote:
        > @@ -40,3 +40,3 @@ static int bar(void)
        >  {
        > -\treturn slow_bar();
        > +\treturn fast_bar();
        >  }

        Is fast_bar() safe under the lock?

        """

    @Test func quotedHunkWithoutFileHeaderJoinsThePostedPatch() throws {
        let archive = MailReader.read(bytes: Array(Self.mbox.utf8), name: "t.mbox")
        let threads = ArchiveExtractor.extract(archive).threads
        #expect(threads.count == 1)
        let t = try #require(threads.first)
        #expect(t.messages.count == 2)
        #expect(t.patches.count == 1)
        let p = try #require(t.patches.first)
        #expect(p.occurrences.map(\.message) == [0, 1])
        #expect(p.occurrences.map(\.quoteLevel) == [0, 1])
        #expect(p.files.map(\.path) == ["mm/foo.c", "mm/bar.c"])
        // The comment answers the quoted line, in the posted patch's file that has that hunk.
        let c = try #require(t.comments.first { $0.text.contains("fast_bar") })
        #expect(c.patch == 0)
        #expect(c.file == "mm/bar.c")
        #expect(c.function == "bar")
    }
}

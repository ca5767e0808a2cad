import Testing

@testable import Conversation

/// Reply and forward prefixes come off subjects the same on bytes as on Characters.
@Suite struct ReplyPrefixTests {
    @Test func bytePathAgreesWithCharacterPath() {
        let subjects = [
            "", " ", "Re:", "re: ", "Re: [PATCH v3] mm: x", "RE: Re: AW: Fwd: [PATCH] a", "  Re:Re:  b  ",
            "Fw: x", "SV: y", "Antw: z", "Ref: not a prefix", "Reply: no", "Re [PATCH] no colon", "fwd:",
            "Re:\tRe:\ttabs", "Re: \r", "sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv:sv: many",
            "[PATCH] mm: Re: inside", "Ré: accented",
        ]
        for s in subjects {
            #expect(
                PatchCatalog.withoutReplyPrefixes(s) == PatchCatalog.withoutReplyPrefixesCharacters(s), "\(s)")
        }
        #expect(PatchCatalog.withoutReplyPrefixes("RE: Re: AW: Fwd: [PATCH] a") == "[PATCH] a")
    }
}

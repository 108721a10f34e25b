import AufwindCore
import Testing

@Suite("German folding and edit distance")
struct GermanFoldingTests {
    @Test("umlauts, ß, diacritics and punctuation fold")
    func folding() {
        #expect(GermanFolding.words("Münster, Stadt", umlauts: .expanded) == ["muenster", "stadt"])
        #expect(GermanFolding.words("MÜNSTER", umlauts: .stripped) == ["munster"])
        #expect(GermanFolding.words("Weißenfels", umlauts: .expanded) == ["weissenfels"])
        #expect(GermanFolding.words("Budyšin", umlauts: .expanded) == ["budysin"])
        #expect(GermanFolding.words("Castrop-Rauxel", umlauts: .expanded) == ["castrop", "rauxel"])
    }

    @Test("one edit apart, or not")
    func editDistance() {
        #expect(EditDistance.isWithinOne("warendorf", "warendorv"))
        #expect(EditDistance.isWithinOne("warendorf", "warndorf"))
        #expect(EditDistance.isWithinOne("warendorf", "wraendorf"))
        #expect(!EditDistance.isWithinOne("warendorf", "wrandorf"))
        #expect(!EditDistance.isWithinOne("ahlen", "ahlenxx"))
    }
}

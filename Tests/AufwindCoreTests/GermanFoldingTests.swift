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

@Suite("German number and date formats")
struct GermanFormatTests {
    @Test("thousands with dots, decimals with a comma")
    func numbers() {
        #expect(GermanFormat.integer(12_300) == "12.300")
        #expect(GermanFormat.integer(308_258) == "308.258")
        #expect(GermanFormat.integer(999) == "999")
        #expect(GermanFormat.decimal(1234.5, digits: 1) == "1.234,5")
        #expect(GermanFormat.decimal(303.28, digits: 2) == "303,28")
        #expect(GermanFormat.date(iso: "2025-11-30") == "30.11.2025")
    }
}

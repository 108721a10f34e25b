import AufwindCore
import Foundation
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

    @Test("dates in German time, counts and units: the one formatter for pages, mails and commands")
    func datesAndUnits() throws {
        // 23:30 UTC on 30 November is already 1 December in Berlin.
        let lateEvening = try #require(ISO8601DateFormatter().date(from: "2026-11-30T23:30:00Z"))
        #expect(GermanFormat.date(lateEvening) == "01.12.2026")
        #expect(GermanFormat.dateTime(lateEvening) == "01.12.2026, 00:30 Uhr")
        #expect(GermanFormat.count(1, "Gemeinde", "Gemeinden") == "1 Gemeinde")
        #expect(GermanFormat.count(1_396, "Gemeinde", "Gemeinden") == "1.396 Gemeinden")
        #expect(GermanFormat.einwohner(12_300) == "12.300 Einwohner")
        #expect(GermanFormat.km2(1234.567) == "1.234,57 km²")
        #expect(GermanFormat.km(12.25) == "12,3 km")
        #expect(GermanFormat.density(230.4) == "230 Einwohner je km²" && GermanFormat.density(nil) == "–")
    }

    @Test("durations: milliseconds, seconds with a decimal comma, minutes and hours, never Swift's `2.534901857 seconds`")
    func durations() {
        #expect(GermanFormat.duration(.nanoseconds(2_534_901_857)) == "2,5 s")
        #expect(GermanFormat.duration(.milliseconds(120)) == "120 ms")
        #expect(GermanFormat.duration(.microseconds(2_540)) == "2,5 ms")
        #expect(GermanFormat.duration(.zero) == "0 ms")
        #expect(GermanFormat.duration(.milliseconds(999)) == "999 ms")
        #expect(GermanFormat.duration(.microseconds(999_600)) == "1 s")
        #expect(GermanFormat.duration(.seconds(3)) == "3 s")
        #expect(GermanFormat.duration(.milliseconds(59_940)) == "59,9 s")
        #expect(GermanFormat.duration(.milliseconds(59_960)) == "1 min")
        #expect(GermanFormat.duration(.seconds(185)) == "3 min 5 s")
        #expect(GermanFormat.duration(.seconds(3599)) == "59 min 59 s")
        #expect(GermanFormat.duration(.seconds(3600)) == "1 h")
        #expect(GermanFormat.duration(.seconds(4800)) == "1 h 20 min")
        #expect(GermanFormat.duration(seconds: 2.25) == "2,3 s")
        #expect(GermanFormat.duration(seconds: -1.5) == "-1,5 s")
        #expect(GermanFormat.duration(seconds: .infinity) == "–")
    }
}

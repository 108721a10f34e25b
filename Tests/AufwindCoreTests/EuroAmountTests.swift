import AufwindCore
import Testing

@Suite("Euro amounts as typed in German forms")
struct EuroAmountTests {
    static func cents(_ text: String) -> Int? { try? EuroAmount.parse(text).get().cents }
    static func message(_ text: String) -> String? {
        if case .failure(let message) = EuroAmount.parse(text) { return message.text }
        return nil
    }

    @Test(
        "German notation: thousands by dot or space, cents after the comma, with or without the currency",
        arguments: [
            ("1.234,56 €", 123_456), ("1234,5", 123_450), ("12 000", 1_200_000), ("80.000", 8_000_000), ("80000", 8_000_000),
            ("80.000,00", 8_000_000), ("0", 0), ("0,05", 5), ("  7,05  ", 705), ("€ 250.000,50", 25_000_050), ("250.000 EUR", 25_000_000),
            ("1.000.000 Euro", 100_000_000), ("3 euro", 300), ("12\u{00A0}000 €", 1_200_000), ("12\u{202F}000,10", 1_200_010),
            ("1.234.567,89", 123_456_789), ("007", 700),
        ])
    func accepted(text: String, cents: Int) {
        #expect(Self.cents(text) == cents, "\(text)")
    }

    @Test("negative amounts are refused, whatever the minus looks like", arguments: ["-5", "−5 €", "– 1.234,56", "-0"])
    func negative(text: String) {
        #expect(Self.message(text) == "„\(text)“ ist negativ; bitte geben Sie einen Betrag ab 0 € an.")
    }

    @Test(
        "anything else is not an amount, and the message quotes it",
        arguments: ["viel", "1,2,3", "12.34.567", "1e5", "+5", "5,", ",50", "NaN", "١٢٣", "1 2", "1.234 567", "12.000.0", "1.234,5x", "€", "€€ 5"])
    func garbage(text: String) {
        #expect(Self.message(text) == "„\(text)“ ist kein Eurobetrag (z. B. 80.000 oder 1.234,56 €).", "\(text)")
    }

    @Test("a dot before the cents, too many decimals, too large and nothing get a message of their own")
    func specificMessages() {
        #expect(Self.message("1234.50") == "„1234.50“: Bitte trennen Sie die Cent mit einem Komma ab (z. B. 1.234,50); der Punkt trennt Tausender.")
        #expect(Self.message("80000.5") != nil && Self.cents("80.000") == 8_000_000)
        #expect(Self.message("1,234") == "„1,234“ hat mehr als zwei Nachkommastellen; ein Eurobetrag endet beim Cent.")
        #expect(Self.cents("1.000.000.000.000") == EuroAmount.maximum.cents)
        #expect(Self.message("1.000.000.000.000,01") == "„1.000.000.000.000,01“ ist zu groß (höchstens 1.000.000.000.000,00 €).")
        #expect(Self.message("99999999999999999999999") == "„99999999999999999999999“ ist zu groß (höchstens 1.000.000.000.000,00 €).")
        #expect(Self.message("") == "Bitte geben Sie einen Betrag in Euro an.")
        #expect(Self.message("   ") == "Bitte geben Sie einen Betrag in Euro an.")
    }

    @Test("an amount is written the German way and reads back as itself")
    func description() {
        #expect(EuroAmount(cents: 123_456).description == "1.234,56 €")
        #expect(EuroAmount(cents: 5).description == "0,05 €")
        #expect(EuroAmount(cents: -150).description == "-1,50 €")
        for cents in [0, 1, 99, 100, 123_456, 8_000_000, 100_000_000_000_000] {
            #expect(Self.cents(EuroAmount(cents: cents).description) == cents)
        }
        #expect(EuroAmount(cents: 150).euros == 1.5 && EuroAmount.zero < EuroAmount(cents: 1))
    }
}

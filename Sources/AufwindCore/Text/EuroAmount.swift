/// An amount of money in euro, exact to the cent, read the way people type it in German forms:
/// `1.234,56 €`, `1234,5`, `12 000`, `80.000 EUR`. Negative amounts and anything else are refused
/// with a German message that quotes what was typed.
public struct EuroAmount: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var cents: Int

    public init(cents: Int) { self.cents = cents }

    public static let zero = EuroAmount(cents: 0)
    /// The largest amount accepted (one trillion euro); anything larger is a typing error here.
    public static let maximum = EuroAmount(cents: 100_000_000_000_000)

    public var euros: Double { Double(cents) / 100 }

    /// `1.234,56 €`.
    public var description: String {
        let (euros, fraction) = cents.magnitude.quotientAndRemainder(dividingBy: 100)
        return "\(cents < 0 ? "-" : "")\(GermanFormat.integer(Int(euros))),\(fraction < 10 ? "0" : "")\(fraction) €"
    }

    public static func < (lhs: EuroAmount, rhs: EuroAmount) -> Bool { lhs.cents < rhs.cents }

    /// Reads an amount: digits, optionally grouped in threes by dots or spaces, optionally a comma
    /// and one or two digits of cents, optionally `€`, `EUR` or `Euro` before or after.
    public static func parse(_ text: String) -> Result<EuroAmount, ValidationMessage> {
        let typed = text.trimmingSpaces
        guard !typed.isEmpty else { return .failure("Bitte geben Sie einen Betrag in Euro an.") }
        let number = withoutCurrency(typed)
        if let sign = number.first, "-−–".contains(sign) {
            return .failure("„\(typed)“ ist negativ; bitte geben Sie einen Betrag ab 0 € an.")
        }
        let parts = number.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .failure(notAnAmount(typed)) }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard let whole = wholeEuros(parts[0]) else {
            return .failure(parts.count == 1 && centsAfterDot(parts[0]) ? dotForCents(typed) : notAnAmount(typed))
        }
        guard parts.count == 1 || (!fraction.isEmpty && fraction.allSatisfy(\.isASCIIDigit)) else { return .failure(notAnAmount(typed)) }
        guard fraction.count <= 2 else { return .failure("„\(typed)“ hat mehr als zwei Nachkommastellen; ein Eurobetrag endet beim Cent.") }
        guard whole.count <= 13, let euros = Int(whole), let cents = Int(fraction + String(repeating: "0", count: 2 - fraction.count)),
            euros * 100 + cents <= maximum.cents
        else { return .failure("„\(typed)“ ist zu groß (höchstens \(maximum)).") }
        return .success(EuroAmount(cents: euros * 100 + cents))
    }

    private static func notAnAmount(_ typed: String) -> ValidationMessage {
        "„\(typed)“ ist kein Eurobetrag (z. B. 80.000 oder 1.234,56 €)."
    }

    private static func dotForCents(_ typed: String) -> ValidationMessage {
        "„\(typed)“: Bitte trennen Sie die Cent mit einem Komma ab (z. B. 1.234,50); der Punkt trennt Tausender."
    }

    /// The text without a currency sign or word at either end.
    private static func withoutCurrency(_ typed: String) -> Substring {
        var text = Substring(typed)
        for unit in ["€", "EUR", "Euro"] {
            if text.lowercased().hasSuffix(unit.lowercased()) {
                text = text.dropLast(unit.count)
                break
            }
            if text.lowercased().hasPrefix(unit.lowercased()) {
                text = text.dropFirst(unit.count)
                break
            }
        }
        return Substring(String(text).trimmingSpaces)
    }

    /// The digits of whole euros: plain digits, or groups of three after the first (1 to 3 digits),
    /// separated throughout by the same dot or space.
    private static func wholeEuros(_ text: Substring) -> String? {
        guard let separator = text.first(where: { !$0.isASCIIDigit }) else { return text.isEmpty ? nil : String(text) }
        guard separator == "." || separator.isWhitespace else { return nil }
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
            groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return groups.joined()
    }

    /// `1234.5` or `80000.50`: a dot where German puts the comma.
    private static func centsAfterDot(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) } && (1...2).contains(parts[1].count)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// What the Germany map colours its Kreise by, with the classes of its legend. Fixed class limits
/// (not quantiles), so that a colour means the same on every day and in every Handlungsfeld.
public enum AtlasIndicator: String, Sendable, CaseIterable {
    /// Share of Gemeinden active on Aufwind.
    case aktiv
    /// Cooperations per 100,000 inhabitants.
    case kooperationen
    /// Verbünde with a town of the Kreis.
    case verbuende
    /// Share of isolated Gemeinden (no item, no cooperation, no Verbund).
    case isoliert

    public var label: String {
        switch self {
        case .aktiv: "Aktive Gemeinden"
        case .kooperationen: "Kooperationen je 100.000 Einwohner"
        case .verbuende: "Verbünde"
        case .isoliert: "Isolierte Gemeinden"
        }
    }

    /// What the figure of a Kreis means, for the map's description and the table's column.
    public var explanation: String {
        switch self {
        case .aktiv: "Anteil der Gemeinden mit einem bestätigten Mitglied oder einem veröffentlichten Eintrag"
        case .kooperationen: "Kooperationen mit einer Kommune des Kreises je 100.000 Einwohner"
        case .verbuende: "Verbünde mit einer Kommune des Kreises (ab „Antrag in Vorbereitung“, ohne abgelehnte)"
        case .isoliert: "Anteil der Gemeinden, die weder einen Eintrag noch eine Kooperation noch einen Verbund haben"
        }
    }

    /// One class of the legend: figures up to `upTo` (inclusive; the last class has none).
    public struct Class: Sendable, Equatable {
        public var index: Int
        public var label: String
    }

    /// The class limits, ascending; a figure above the last falls into the last class.
    private var limits: [Double] {
        switch self {
        case .aktiv: [0, 0.1, 0.25, 0.5]
        // Isolation is the rule at first: the classes part the many Kreise where almost every town is alone.
        case .isoliert: [0.5, 0.75, 0.9, 0.995]
        case .kooperationen: [0, 1, 5, 20]
        case .verbuende: [0, 1, 3, 9]
        }
    }

    public func value(_ kreis: KreisActivity) -> Double {
        switch self {
        case .aktiv: kreis.activeShare
        case .kooperationen: kreis.cooperationsPer100k
        case .verbuende: Double(kreis.verbuende)
        case .isoliert: kreis.isolatedShare
        }
    }

    /// The figure as German text: "12 %", "3,4", "7"; a share that rounds to 0 or 100 % without
    /// being it reads "unter 1 %" or "über 99 %", a rate that rounds to 0,0 "unter 0,1".
    public func text(_ kreis: KreisActivity) -> String {
        switch self {
        case .aktiv, .isoliert:
            let (part, whole) = self == .aktiv ? (kreis.activeGemeinden, kreis.gemeinden) : (kreis.isolatedGemeinden, kreis.gemeinden)
            let percent = (value(kreis) * 100).rounded()
            if part > 0 && percent == 0 { return "unter 1 %" }
            if part < whole && percent == 100 { return "über 99 %" }
            return GermanFormat.decimal(percent, digits: 0) + " %"
        case .kooperationen:
            return kreis.cooperations > 0 && value(kreis) < 0.05 ? "unter 0,1" : GermanFormat.decimal(value(kreis), digits: 1)
        case .verbuende: return GermanFormat.integer(kreis.verbuende)
        }
    }

    /// The class (0…4) of a figure.
    public func classIndex(_ value: Double) -> Int {
        limits.firstIndex { value <= $0 + 1e-9 } ?? limits.count
    }

    /// The class of a Kreis's figure as the page shows it (rounded as in `text`), so that "20,0" is
    /// never "über 20"; but something is never in the class of nothing, and not all never in that of all.
    public func classIndex(of kreis: KreisActivity) -> Int {
        let value = value(kreis)
        switch self {
        case .aktiv:
            return kreis.activeGemeinden == 0 ? 0 : max(1, classIndex((value * 100).rounded() / 100))
        case .isoliert:
            let rounded = classIndex((value * 100).rounded() / 100)
            return kreis.isolatedGemeinden < kreis.gemeinden ? min(limits.count - 1, rounded) : rounded
        case .kooperationen:
            return kreis.cooperations == 0 ? 0 : max(1, classIndex((value * 10).rounded() / 10))
        case .verbuende: return classIndex(value)
        }
    }

    public var classes: [Class] {
        let percent = { (value: Double) in GermanFormat.decimal(value * 100, digits: 0) + " %" }
        let labels: [String]
        switch self {
        case .isoliert:
            labels = ["bis 50 %", "über 50 bis 75 %", "über 75 bis 90 %", "über 90 bis unter 100 %", "100 %"]
        case .aktiv:
            labels = [
                "0 %", "über 0 bis \(percent(0.1))", "über \(percent(0.1)) bis \(percent(0.25))", "über \(percent(0.25)) bis \(percent(0.5))",
                "über \(percent(0.5))",
            ]
        case .kooperationen:
            labels = ["keine", "über 0 bis 1", "über 1 bis 5", "über 5 bis 20", "über 20"]
        case .verbuende:
            labels = ["keine", "1", "2 bis 3", "4 bis 9", "10 und mehr"]
        }
        return labels.enumerated().map { Class(index: $0.offset, label: $0.element) }
    }
}

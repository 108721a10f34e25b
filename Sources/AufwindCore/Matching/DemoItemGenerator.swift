/// Plausible generated items for real towns (more in bigger towns), for benchmarks, load tests
/// and demonstrations. Every item's id starts with "demo-" so that it is never mistaken for
/// real data.
public struct DemoItemGenerator {
    static let templates: [Handlungsfeld: [String]] = [
        .klimaEnergie: ["Kommunale Wärmeplanung", "Solardächer auf Schulen", "Energieberatung für Vereine", "Klimaanpassung im Ortskern"],
        .mobilitaet: ["Bürgerbus im Ehrenamt", "Radweg zwischen den Ortsteilen", "Mitfahrbänke", "On-Demand-Shuttle"],
        .schuleBildung: ["Digitale Schulverwaltung", "Tablets für Grundschulen", "Offener Ganztag", "Medienkompetenz für Lehrkräfte"],
        .engagementEhrenamt: ["Ehrenamtsbörse", "Dorfwerkstatt", "Anerkennungskultur für Ehrenamtliche", "Vereinsplattform"],
        .wohnen: ["Leerstandsmanagement", "Genossenschaftliches Wohnen", "Wohnen für Jung und Alt", "Baulückenkataster"],
        .arbeitWirtschaft: ["Coworking auf dem Land", "Fachkräfte halten", "Gründerzentrum", "Regionale Wirtschaftsförderung"],
        .innenstadtOrtskern: ["Belebung der Innenstadt", "Pop-up-Läden", "Marktplatz neu gestalten", "Citymanagement"],
        .digitaleVerwaltung: ["Online-Bürgerservice", "E-Akte im Rathaus", "Digitale Bauanträge", "Ratsinformationssystem"],
        .gesundheitPflege: ["Gemeindeschwester plus", "Ärztehaus", "Telemedizin", "Pflegestützpunkt"],
        .kulturTourismus: ["Radtourismus", "Kulturhaus", "Heimatmuseum digital", "Wanderwege"],
        .daseinsvorsorge: ["Dorfladen", "Glasfaserausbau", "Mobile Bürgerdienste", "Nahversorgung sichern"],
        .sicherheit: ["Feuerwehr-Nachwuchs", "Katastrophenschutz-Leuchttürme", "Warnsysteme", "Hochwasserschutz"],
    ]
    static let phrases = [
        "Wir möchten das gemeinsam mit Nachbarkommunen angehen.", "Erfahrungen aus anderen Kommunen sind willkommen.",
        "Eine Förderung ist beantragt.", "Das Konzept ist erprobt und lässt sich nachnutzen.", "Personal könnten wir teilen.",
        "Die Umsetzung läuft seit zwei Jahren.", "Wir suchen eine Lösung, die wenig Personal bindet.",
    ]

    public var seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// `count` items spread over `towns`, weighted by the square root of their population.
    public func items(count: Int, towns: [TownFacts]) -> [CooperationItem] {
        guard !towns.isEmpty else { return [] }
        var random = SplitMix64(seed: seed)
        var cumulative: [Double] = []
        var total = 0.0
        for town in towns {
            total += Double(max(1, town.population)).squareRoot()
            cumulative.append(total)
        }
        return (0..<count).map { index in
            let pick = Double.random(in: 0..<total, using: &random)
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] <= pick { low = mid + 1 } else { high = mid }
            }
            let town = towns[low]
            let field = Handlungsfeld.allCases.randomElement(using: &random)!
            var fields: Set<Handlungsfeld> = [field]
            if Bool.random(using: &random) { fields.insert(Handlungsfeld.allCases.randomElement(using: &random)!) }
            let title = Self.templates[field]!.randomElement(using: &random)!
            let text = (0..<3).map { _ in Self.phrases.randomElement(using: &random)! }.joined(separator: " ")
            return CooperationItem(
                id: "demo-\(seed)-\(index)", kind: ItemKind.allCases.randomElement(using: &random)!, ownerKey: town.key,
                title: title, description: "\(title) in \(town.name). \(text)", handlungsfelder: fields,
                reach: Reach.allCases.randomElement(using: &random)!)
        }
    }
}

/// SplitMix64: small, fast, deterministic.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation

/// Generated solutions of generated Anbieter, with references of real towns (bigger towns more
/// often, by population), for demos, benchmarks and load tests. Deterministic for a seed.
public struct DemoSolutionGenerator {
    public struct Solution: Sendable {
        public var providerIndex: Int
        public var input: SolutionInput
        public var users: [SolutionUser]
    }

    static let products: [Handlungsfeld: [String]] = [
        .klimaEnergie: ["Wärmeplaner", "Energiemonitor", "Solarkataster"], .mobilitaet: ["Bürgerbus-Planer", "Mitfahrportal", "Radwegemelder"],
        .schuleBildung: ["Schulcloud", "Medienentwicklungsplaner", "Ganztagsverwaltung"],
        .engagementEhrenamt: ["Ehrenamtsbörse", "Vereinsportal", "Engagementkarte"], .wohnen: ["Leerstandsmelder", "Baulückenkataster"],
        .arbeitWirtschaft: ["Gewerbeflächenportal", "Coworking-Buchung"], .innenstadtOrtskern: ["Leerstandsbörse", "Stadtgutschein"],
        .digitaleVerwaltung: ["Ratsinfo", "Bürgerservice-Portal", "E-Akte", "Terminbuchung"], .gesundheitPflege: ["Pflegeplatzbörse", "Telemedizin"],
        .kulturTourismus: ["Veranstaltungskalender", "Tourenportal"], .daseinsvorsorge: ["Mängelmelder", "Breitbandatlas"],
        .sicherheit: ["Warn-App", "Einsatzplaner"],
    ]
    static let companies = ["Kommunalsoft", "Ortsnetz", "Landwerk", "Dorfdigital", "Rathaus IT", "Kreiswerk", "Gemeindeplus", "Regio Systems"]
    static let forms = ["GmbH", "eG", "UG", "AG"]
    static let interfaces = ["FIT-Connect", "XBau", "XÖV", "OZG-Schnittstelle", "XPlanung", "OSCI", "BundID", "XMeld"]

    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// Names of `count` Anbieter.
    public func providers(count: Int) -> [String] {
        (0..<count).map { index in
            "\(Self.companies[index % Self.companies.count]) \(index / Self.companies.count + 1) \(Self.forms[index % Self.forms.count]) (Demo)"
        }
    }

    /// `count` solutions of `providers` Anbieter; each has up to 20 users (10 on average), drawn
    /// from `towns` weighted by population, confirmed in the last 20 months.
    public func solutions(count: Int, providers: Int, towns: [(key: String, population: Int)], now: Date) -> [Solution] {
        guard !towns.isEmpty, providers > 0 else { return [] }
        var random = SplitMix64(seed: seed)
        var cumulative: [Double] = []
        var total = 0.0
        for town in towns {
            total += Double(max(1, town.population))
            cumulative.append(total)
        }
        func town() -> String {
            let pick = Double.random(in: 0..<total, using: &random)
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] <= pick { low = mid + 1 } else { high = mid }
            }
            return towns[low].key
        }
        let statuses: [(ReferenceStatus, Double)] = [(.imEinsatz, 0.7), (.inErprobung, 0.15), (.geplant, 0.1), (.abgeloest, 0.05)]
        return (0..<count).map { index in
            let field = Handlungsfeld.allCases.randomElement(using: &random)!
            let product = Self.products[field]!.randomElement(using: &random)!
            let open = Bool.random(using: &random)
            let name = "\(product) \(index + 1)"
            let input = SolutionInput(
                name: name, shortDescription: "\(product) für kleine Kommunen (Demo-Daten)",
                description: "\(product): erzeugte Demo-Lösung Nr. \(index + 1), um Aufwind zu zeigen und zu messen.", handlungsfelder: [field],
                licence: open ? .openSource : .proprietaer, repositoryURL: open ? "https://gitlab.opencode.de/demo/loesung-\(index + 1)" : "",
                licenceID: open ? "EUPL-1.2" : "", operations: [SolutionOperation.allCases.randomElement(using: &random)!],
                euHosting: Double.random(in: 0..<1, using: &random) < 0.9,
                interfaces: Array(Self.interfaces.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))),
                priceModel: open ? "" : "Jahreslizenz nach Einwohnerzahl")
            var users: [String: SolutionUser] = [:]
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                let key = town()
                var roll = Double.random(in: 0..<1, using: &random)
                let status =
                    statuses.first {
                        roll -= $0.1
                        return roll < 0
                    }?.0 ?? .imEinsatz
                let age = Double.random(in: 0..<(20 * 30 * 86_400), using: &random)
                users[key] = SolutionUser(
                    townKey: key, status: status, since: String(2018 + Int.random(in: 0...7, using: &random)),
                    confirmedAt: now.addingTimeInterval(-age), mayBeAsked: false)
            }
            return Solution(
                providerIndex: Int.random(in: 0..<providers, using: &random), input: input,
                users: users.values.sorted { $0.townKey < $1.townKey })
        }
    }
}

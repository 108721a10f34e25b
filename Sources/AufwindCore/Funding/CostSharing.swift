/// How a shared cost is split between the members of a Verbund.
public enum CostSplitMethod: Sendable, Equatable {
    /// In proportion to inhabitants.
    case byPopulation
    /// The same share for everyone.
    case equally
    /// In proportion to the expected usage given per member (e.g. cases per year).
    case byUsage([String: Double])
    /// A base amount per member, the rest by inhabitants.
    case basePlusPerCapita(base: Double)

    public var label: String {
        switch self {
        case .byPopulation: "nach Einwohnern"
        case .equally: "zu gleichen Teilen"
        case .byUsage: "nach erwarteter Nutzung"
        case .basePlusPerCapita(let base): "Sockelbetrag \(GermanFormat.integer(Int(base.rounded()))) € je Mitglied, Rest nach Einwohnern"
        }
    }
}

/// One member's line of the split.
public struct CostShare: Sendable, Equatable {
    public var key: String
    public var name: String
    public var population: Int
    /// Euro cents, so that the lines add up exactly.
    public var grossCents: Int
    public var fundingCents: Int
    public var netCents: Int { grossCents - fundingCents }
}

public enum CostSharing {
    /// Splits `totalCost` (and the expected `funding`, deducted in the same proportion) between
    /// the members that bear costs (providers do not). Cents are distributed by the largest
    /// remainder, so the lines always add up to the totals. Nil with a German message when the
    /// split cannot be made.
    public static func split(
        totalCost: Double, funding: Double = 0, members: [VerbundMember], method: CostSplitMethod
    ) -> Result<[CostShare], ValidationMessage> {
        let payers = members.filter(\.type.canApply)
        guard !payers.isEmpty else { return .failure("Kein Mitglied trägt Kosten (Anbieter zahlen nicht mit).") }
        guard totalCost.isFinite, totalCost > 0, totalCost <= 1e12 else { return .failure("Die Kosten müssen eine positive Zahl sein.") }
        guard funding.isFinite, funding >= 0, funding <= totalCost else { return .failure("Die Förderung muss zwischen 0 und den Kosten liegen.") }
        let weights: [Double]
        switch method {
        case .byPopulation:
            // Members without inhabitants of their own (a Zweckverband) pay nothing by population.
            guard payers.contains(where: { $0.population > 0 }) else {
                return .failure("Für die Aufteilung nach Einwohnern braucht mindestens ein Mitglied eine Einwohnerzahl.")
            }
            weights = payers.map { Double($0.population) }
        case .equally:
            weights = payers.map { _ in 1 }
        case .byUsage(let usage):
            let values = payers.map { usage[$0.key] ?? -1 }
            if let missing = zip(payers, values).first(where: { $0.1 < 0 || !$0.1.isFinite }) {
                return .failure("Für \(missing.0.name) fehlt die erwartete Nutzung (eine Zahl ≥ 0).")
            }
            guard values.reduce(0, +) > 0 else { return .failure("Die erwartete Nutzung ist insgesamt 0.") }
            weights = values
        case .basePlusPerCapita(let base):
            guard base.isFinite, base >= 0, base * Double(payers.count) <= totalCost else {
                return .failure("Die Sockelbeträge (\(payers.count) × \(GermanFormat.integer(Int(base.rounded()))) €) übersteigen die Kosten.")
            }
            let rest = totalCost - base * Double(payers.count)
            let population = Double(payers.reduce(0) { $0 + $1.population })
            guard population > 0 || rest == 0 else { return .failure("Für den Anteil nach Einwohnern braucht jedes Mitglied eine Einwohnerzahl.") }
            weights = payers.map { base + (population > 0 ? rest * Double($0.population) / population : 0) }
        }
        let gross = distribute(cents: Int((totalCost * 100).rounded()), weights: weights)
        let funded = distribute(cents: Int((funding * 100).rounded()), weights: weights)
        return .success(
            payers.indices.map {
                CostShare(
                    key: payers[$0].key, name: payers[$0].name, population: payers[$0].population, grossCents: gross[$0], fundingCents: funded[$0])
            })
    }

    /// Cents in proportion to `weights`, remainders to the largest fractions (ties: first).
    static func distribute(cents: Int, weights: [Double]) -> [Int] {
        let total = weights.reduce(0, +)
        guard total > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(cents) * $0 / total }
        var shares = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(shares[$0]), -$0) > (exact[$1] - Double(shares[$1]), -$1) }
        for index in order.prefix(cents - shares.reduce(0, +)) { shares[index] += 1 }
        return shares
    }

    /// A CSV for German Excel: UTF-8 with BOM, `;` as separator, decimal comma, CRLF.
    public static func csv(_ shares: [CostShare], method: CostSplitMethod) -> String {
        func money(_ cents: Int) -> String {
            let sign = cents < 0 ? "-" : ""
            let value = abs(cents)
            return "\(sign)\(value / 100),\(value % 100 < 10 ? "0" : "")\(value % 100)"
        }
        let field = GermanCSV.field
        var lines = ["Mitglied;Schlüssel;Einwohner;Anteil brutto (€);Förderung (€);Eigenanteil (€)"]
        for share in shares {
            lines.append(
                [
                    field(share.name), field(share.key), String(share.population), money(share.grossCents), money(share.fundingCents),
                    money(share.netCents),
                ]
                .joined(separator: ";"))
        }
        let gross = shares.reduce(0) { $0 + $1.grossCents }
        let funding = shares.reduce(0) { $0 + $1.fundingCents }
        lines.append("Summe;;\(shares.reduce(0) { $0 + $1.population });\(money(gross));\(money(funding));\(money(gross - funding))")
        lines.append(field("Aufteilung: \(method.label)") + ";;;;;")
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// A town that a typed name may mean, with what tells it apart from its namesakes: its Kreis and
/// its Land.
public struct TownChoice: Sendable, Equatable {
    /// AGS of the Gemeinde.
    public var key: String
    public var name: String
    /// "Kreis Warendorf", "Landkreis Marburg-Biedenkopf"; "kreisfreie Stadt" for a city that is its own Kreis.
    public var kreis: String
    public var land: String
    public var population: Int

    public init(key: String, name: String, kreis: String, land: String, population: Int) {
        self.key = key
        self.name = name
        self.kreis = kreis
        self.land = land
        self.population = population
    }
}

/// Which town a typed name, AGS or Kreis key means. Only a key, or a name that exactly one town
/// bears, is taken at once; a name several towns share, or that only begins or resembles a
/// name, is answered with the towns to choose from, so that nobody is invited by surprise.
public struct TownChoices: Sendable {
    public enum Answer: Sendable, Equatable {
        /// Exactly this town (AGS or Kreis key).
        case town(String)
        /// These towns could be meant (best first); `more` when the register has further ones.
        case choose([TownChoice], more: Bool)
        case notFound
    }

    public static let limit = 20

    public var catalog: RegisterCatalog

    public init(catalog: RegisterCatalog) { self.catalog = catalog }

    public func lookup(_ typed: String) -> Answer {
        let text = typed.trimmingSpaces
        guard !text.isEmpty else { return .notFound }
        let directory = TownDirectory(catalog: catalog)
        if text.allSatisfy(\.isNumber) { return directory.resolve(text).map(Answer.town) ?? .notFound }
        let resolver = VerbundResolver(catalog: catalog)
        let hits = ((try? catalog.query(GemeindeQuery(text: text, perPage: GemeindeQuery.maximumPerPage)))?.items ?? [])
            .filter { resolver.member(key: $0.gemeinde.ags) != nil }
        guard let first = hits.first else { return .notFound }
        let best = first.quality ?? .typo
        let tier = hits.filter { ($0.quality ?? .typo) == best }
        // "Neustadt" is one village's whole name, and the start of "Neustadt an der Weinstraße" and
        // a dozen more: that is a question, not an answer.
        let folded = text.lowercased()
        let namesakes = hits.filter { $0.gemeinde.shortName.lowercased().hasPrefix(folded) }
        if tier.count == 1, best <= .variant, namesakes.count <= 1 { return .town(first.gemeinde.ags) }
        // A name several towns bear or begin with: those; otherwise (only the beginning of a name,
        // or a letter off) every town the name could mean.
        let shown =
            best <= .variant
            ? hits.filter { hit in tier.contains { $0.gemeinde.ags == hit.gemeinde.ags } || namesakes.contains { $0.gemeinde.ags == hit.gemeinde.ags }
            } : hits
        return .choose(shown.prefix(Self.limit).map { choice($0.gemeinde) }, more: shown.count > Self.limit)
    }

    /// `chosen` (an AGS picked from the choices) when it is one of the towns `typed` may mean;
    /// else what `typed` alone means.
    public func lookup(_ typed: String, chosen: String?) -> Answer {
        let answer = lookup(typed)
        if let chosen, case .choose(let choices, _) = answer, choices.contains(where: { $0.key == chosen }) { return .town(chosen) }
        return answer
    }

    /// The Gemeinde as one of the choices: name, Kreis, Land and population.
    public func choice(_ gemeinde: Gemeinde) -> TownChoice {
        let kreis = catalog.unit(key: gemeinde.kreisKey)
        let kreisLabel: String
        switch kreis {
        case let unit? where unit.typeCode == 41 || unit.typeCode == 42: kreisLabel = "kreisfreie Stadt"
        case let unit?: kreisLabel = unit.kreisLabel
        case nil: kreisLabel = "Kreis \(gemeinde.kreisKey)"
        }
        return TownChoice(
            key: gemeinde.ags, name: gemeinde.displayName, kreis: kreisLabel,
            land: catalog.unit(key: gemeinde.landCode)?.name ?? "Land \(gemeinde.landCode)",
            population: gemeinde.population)
    }
}

import Foundation

/// The component values of one candidate (0…1 each) and its topic tier, before weighting.
struct MatchValues: Equatable {
    var tier: MatchExplanation.TopicTier
    var theme, text, complement, structure, geography, activity: Double

    /// Within the band of the tier: fields and words, as the tier weighs them.
    var topicalFit: Double {
        let band = tier.band
        let weights = tier.weights
        return band.floor + band.span * (weights.theme * theme + weights.text * text)
    }

    /// Σ weight × value over the setting's components, always in this order.
    var setting: Double {
        typealias C = MatchExplanation.Component
        var sum = 0.0
        sum += C.settingWeight(.ergaenzung) * complement
        sum += C.settingWeight(.struktur) * structure
        sum += C.settingWeight(.geografie) * geography
        sum += C.settingWeight(.aktivitaet) * activity
        return sum
    }

    /// The one formula both the ranking and the explanation use, so that they agree to the bit.
    var score: Double { topicalFit * (0.6 + 0.4 * setting) }

    /// The highest score the topical values and the complementarity allow, whatever the town:
    /// full marks for size, place and activity (the score only grows with them).
    var bestCase: Double {
        MatchValues(tier: tier, theme: theme, text: text, complement: complement, structure: 1, geography: 1, activity: 1).score
    }
}

/// What the score needs to know about a candidate's town, for one query: the same for all its items.
struct TownValues: Equatable {
    var structure, geography, activity: Double
    var placement: Placement
}

/// Scores one candidate item against a query item, component by component.
struct MatchScorer {
    /// Normalises a BM25 sum into 0…1.
    static func textValue(_ bm25: Double) -> Double { bm25 / (bm25 + 3) }

    /// Weighted Jaccard over Handlungsfelder (weight 1) and sub-themes (weight ½): with no
    /// sub-themes on either side it is the plain Jaccard of the fields.
    static func themeValue(sharedFields: Int, unionFields: Int, sharedSub: Int, unionSub: Int) -> Double {
        let union = Double(unionFields) + 0.5 * Double(unionSub)
        return union == 0 ? 0 : (Double(sharedFields) + 0.5 * Double(sharedSub)) / union
    }

    static func tier(sharedFields: Int, sharedSub: Int) -> MatchExplanation.TopicTier {
        sharedSub > 0 ? .unterthema : sharedFields > 0 ? .handlungsfeld : .begriffe
    }

    /// Recent items and answered requests, five of them make a fully active town.
    static func activityValue(_ town: TownFacts?) -> Double {
        min(1, Double((town?.recentItems ?? 0) + (town?.answeredRequests ?? 0)) / 5)
    }

    /// 1 − the distance of log₁₀(population) (½ without the query's town), halved towards the
    /// wished size classes.
    static func structureValue(desiredSizes: Set<Groessenklasse>, queryTown: TownFacts?, candidateTown: TownFacts) -> Double {
        var value = 0.5
        if let queryTown {
            let gap = abs(log10(Double(max(1, queryTown.population))) - log10(Double(max(1, candidateTown.population))))
            value = max(0, 1 - gap)
        }
        if !desiredSizes.isEmpty { value = desiredSizes.contains(candidateTown.groessenklasse) ? (value + 1) / 2 : value / 2 }
        return value
    }

    /// By the reach: Nachbarschaft 1 → ½ up to 25 km, then falling; Region the same up to 75 km
    /// or in the same Kreis; bundesweit always 1.
    static func geographyValue(reach: Reach, placement: Placement) -> Double {
        guard let km = placement.distanceKm else { return reach == .bundesweit ? 1 : placement.inReach ? 0.5 : 0 }
        switch reach {
        case .bundesweit: return 1
        case .nachbarschaft: return km <= 25 ? 1 - 0.5 * km / 25 : max(0, 0.5 - (km - 25) / 100)
        case .region: return placement.inReach ? 1 - 0.5 * min(km, 75) / 75 : max(0, 0.5 - (km - 75) / 150)
        }
    }

    /// Size, place, activity and reach of a candidate town for a query, as numbers only.
    func townValues(query: CooperationItem, queryTown: TownFacts?, candidateTown: TownFacts?) -> TownValues {
        let placement = Placement(reach: query.reach, queryTown: queryTown, candidateTown: candidateTown)
        return TownValues(
            structure: candidateTown.map { Self.structureValue(desiredSizes: query.desiredSizes, queryTown: queryTown, candidateTown: $0) } ?? 0,
            geography: Self.geographyValue(reach: query.reach, placement: placement), activity: Self.activityValue(candidateTown),
            placement: placement)
    }

    /// The candidate with its explanation; `sharedWords` are the shared terms as people wrote them.
    func score(
        query: CooperationItem, queryTown: TownFacts?, candidate: CooperationItem, candidateTown: TownFacts?, bm25: Double,
        sharedWords: [String]
    ) -> ItemMatch? {
        guard candidate.id != query.id, candidate.ownerKey != query.ownerKey else { return nil }
        let shared = query.handlungsfelder.intersection(candidate.handlungsfelder)
        let union = query.handlungsfelder.union(candidate.handlungsfelder)
        let sharedSub = query.unterthemen.intersection(candidate.unterthemen)
        let unionSub = query.unterthemen.union(candidate.unterthemen)
        let theme = Self.themeValue(sharedFields: shared.count, unionFields: union.count, sharedSub: sharedSub.count, unionSub: unionSub.count)
        let text = Self.textValue(bm25)
        // Only topical matches count: shape, place and activity rank them, never make one.
        guard theme > 0 || text > 0 else { return nil }
        let tier = Self.tier(sharedFields: shared.count, sharedSub: sharedSub.count)
        let town = townValues(query: query, queryTown: queryTown, candidateTown: candidateTown)
        let townName = candidateTown?.name ?? candidate.ownerKey
        typealias C = MatchExplanation.Component
        var parts: [MatchExplanation.Part] = []

        let sharedLabels = Handlungsfeld.allCases.filter(shared.contains).map(\.label)
        let sharedThemeLabels = Unterthema.all.filter { sharedSub.contains($0.id) }.map(\.label)
        var themeReason = shared.isEmpty ? "keine gemeinsamen Handlungsfelder" : "gemeinsame Handlungsfelder: \(sharedLabels.joined(separator: ", "))"
        if !sharedThemeLabels.isEmpty { themeReason += "; Unterthemen: \(sharedThemeLabels.joined(separator: ", "))" }
        parts.append(.init(component: .thema, weight: tier.weights.theme, value: theme, reason: themeReason))
        parts.append(
            .init(
                component: .text, weight: tier.weights.text, value: text,
                reason: sharedWords.isEmpty ? "keine gemeinsamen Begriffe" : "ähnliche Begriffe: \(sharedWords.joined(separator: ", "))"))
        parts.append(
            .init(
                component: .ergaenzung, weight: C.settingWeight(.ergaenzung), value: query.kind.complementarity(with: candidate.kind),
                reason: Self.complementReason(query: query, candidate: candidate, town: townName)))
        parts.append(
            .init(
                component: .struktur, weight: C.settingWeight(.struktur), value: town.structure,
                reason: Self.structureReason(query: query, queryTown: queryTown, candidateTown: candidateTown)))
        parts.append(
            .init(
                component: .geografie, weight: C.settingWeight(.geografie), value: town.geography,
                reason: Self.geographyReason(reach: query.reach, placement: town.placement, candidateTown: candidateTown)))
        parts.append(
            .init(
                component: .aktivitaet, weight: C.settingWeight(.aktivitaet), value: town.activity, reason: Self.activityReason(candidateTown)))
        let explanation = MatchExplanation(tier: tier, parts: parts)
        return ItemMatch(
            item: candidate, score: explanation.score, explanation: explanation, distanceKm: town.placement.distanceKm,
            inReach: town.placement.inReach)
    }

    static func activityReason(_ town: TownFacts?) -> String {
        let recent = town?.recentItems ?? 0
        let answered = town?.answeredRequests ?? 0
        var facts: [String] = []
        if recent > 0 { facts.append(recent == 1 ? "1 Eintrag in den letzten 90 Tagen" : "\(recent) Einträge in den letzten 90 Tagen") }
        if answered > 0 { facts.append(answered == 1 ? "1 Anfrage beantwortet" : "\(answered) Anfragen beantwortet") }
        return facts.isEmpty ? "zuletzt keine weiteren Einträge" : "aktiv: " + facts.joined(separator: ", ")
    }

    static func complementReason(query: CooperationItem, candidate: CooperationItem, town: String) -> String {
        switch (query.kind, candidate.kind) {
        case (.bedarf, .angebot): "\(town) bietet „\(candidate.title)“ an – passt zu Ihrem Bedarf"
        case (.angebot, .bedarf): "\(town) sucht „\(candidate.title)“ – passt zu Ihrem Angebot"
        case (.personalBedarf, .personalAngebot): "\(town) bietet Personal: „\(candidate.title)“ – passt zu Ihrem Personalbedarf"
        case (.personalAngebot, .personalBedarf): "\(town) sucht Personal: „\(candidate.title)“ – passt zu Ihrem Angebot"
        case (.vorhaben, .vorhaben): "\(town) verfolgt ein ähnliches Vorhaben: „\(candidate.title)“"
        default: "\(candidate.kind.label) von \(town): „\(candidate.title)“"
        }
    }

    static func structureReason(query: CooperationItem, queryTown: TownFacts?, candidateTown: TownFacts?) -> String {
        guard let candidateTown else { return "Größe unbekannt" }
        let klasse = candidateTown.groessenklasse
        let population = "\(GermanFormat.integer(candidateTown.population)) EW"
        var reason =
            klasse == queryTown?.groessenklasse ? "ebenfalls \(klasse.shortLabel) (\(population))" : "\(klasse.shortLabel) (\(population))"
        if !query.desiredSizes.isEmpty {
            reason += query.desiredSizes.contains(klasse) ? ", gewünschte Größe" : ", nicht die gewünschte Größe"
        }
        return reason
    }

    static func geographyReason(reach: Reach, placement: Placement, candidateTown: TownFacts?) -> String {
        guard let km = placement.distanceKm, let candidateTown else {
            return reach == .region && placement.sameKreis ? "im selben Kreis, Entfernung unbekannt" : "Entfernung unbekannt"
        }
        let distance = "\(GermanFormat.integer(Int(km.rounded()))) km entfernt, \(candidateTown.kreisName)"
        switch reach {
        case .bundesweit: return "bundesweit gesucht: \(distance) – Entfernung zählt nicht"
        case .nachbarschaft: return placement.inReach ? "Nachbar: \(distance)" : "außerhalb der Nachbarschaft: \(distance)"
        case .region: return placement.inReach ? "in der Region: \(distance)" : "außerhalb der Region: \(distance)"
        }
    }
}

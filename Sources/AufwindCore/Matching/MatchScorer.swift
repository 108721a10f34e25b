import Foundation

/// The component values of one candidate (0…1 each), before weighting.
struct MatchValues: Equatable {
    var theme, text, complement, structure, geography, activity: Double

    /// Σ weight × value, in the same order as `MatchExplanation.score`, so both agree to the bit.
    var score: Double {
        var sum = 0.0
        sum += MatchExplanation.Component.thema.weight * theme
        sum += MatchExplanation.Component.text.weight * text
        sum += MatchExplanation.Component.ergaenzung.weight * complement
        sum += MatchExplanation.Component.struktur.weight * structure
        sum += MatchExplanation.Component.geografie.weight * geography
        sum += MatchExplanation.Component.aktivitaet.weight * activity
        return sum
    }
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

    /// Recent items and answered requests, five of them make a fully active town.
    static func activityValue(_ town: TownFacts?) -> Double {
        min(1, Double((town?.recentItems ?? 0) + (town?.answeredRequests ?? 0)) / 5)
    }

    /// Structure, geography and activity of a candidate town for a query: the same for all its items.
    func townValues(query: CooperationItem, queryTown: TownFacts?, candidateTown: TownFacts?) -> (
        structure: Double, geography: Double, activity: Double
    ) {
        (
            structure(query: query, queryTown: queryTown, candidateTown: candidateTown).value,
            geography(reach: query.reach, queryTown: queryTown, candidateTown: candidateTown).value,
            Self.activityValue(candidateTown)
        )
    }

    func score(
        query: CooperationItem, queryTown: TownFacts?, candidate: CooperationItem, candidateTown: TownFacts?, bm25: Double,
        sharedTerms: [String]
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
        let townName = candidateTown?.name ?? candidate.ownerKey
        var parts: [MatchExplanation.Part] = []

        let sharedLabels = Handlungsfeld.allCases.filter(shared.contains).map(\.label)
        let sharedThemeLabels = Unterthema.all.filter { sharedSub.contains($0.id) }.map(\.label)
        var themeReason = shared.isEmpty ? "keine gemeinsamen Handlungsfelder" : "gemeinsame Handlungsfelder: \(sharedLabels.joined(separator: ", "))"
        if !sharedThemeLabels.isEmpty { themeReason += "; Unterthemen: \(sharedThemeLabels.joined(separator: ", "))" }
        parts.append(.init(component: .thema, value: theme, reason: themeReason))
        parts.append(
            .init(
                component: .text, value: text,
                reason: sharedTerms.isEmpty ? "keine gemeinsamen Begriffe" : "ähnliche Begriffe: \(sharedTerms.prefix(4).joined(separator: ", "))"))

        let complement = query.kind.complementarity(with: candidate.kind)
        parts.append(
            .init(component: .ergaenzung, value: complement, reason: Self.complementReason(query: query, candidate: candidate, town: townName)))
        parts.append(structure(query: query, queryTown: queryTown, candidateTown: candidateTown))
        parts.append(geography(reach: query.reach, queryTown: queryTown, candidateTown: candidateTown))
        parts.append(.init(component: .aktivitaet, value: Self.activityValue(candidateTown), reason: Self.activityReason(candidateTown)))
        let explanation = MatchExplanation(parts: parts)
        return ItemMatch(item: candidate, score: explanation.score, explanation: explanation)
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

    func structure(query: CooperationItem, queryTown: TownFacts?, candidateTown: TownFacts?) -> MatchExplanation.Part {
        guard let candidateTown else { return .init(component: .struktur, value: 0, reason: "Größe unbekannt") }
        let klasse = candidateTown.groessenklasse
        let population = "\(GermanFormat.integer(candidateTown.population)) EW"
        var value: Double
        var reason: String
        if let queryTown {
            let gap = abs(log10(Double(max(1, queryTown.population))) - log10(Double(max(1, candidateTown.population))))
            value = max(0, 1 - gap)
            reason =
                klasse == queryTown.groessenklasse
                ? "ebenfalls \(klasse.shortLabel) (\(population))" : "\(klasse.shortLabel) (\(population))"
        } else {
            value = 0.5
            reason = "\(klasse.shortLabel) (\(population))"
        }
        if !query.desiredSizes.isEmpty {
            let wanted = query.desiredSizes.contains(klasse)
            value = wanted ? (value + 1) / 2 : value / 2
            reason += wanted ? ", gewünschte Größe" : ", nicht die gewünschte Größe"
        }
        return .init(component: .struktur, value: value, reason: reason)
    }

    func geography(reach: Reach, queryTown: TownFacts?, candidateTown: TownFacts?) -> MatchExplanation.Part {
        guard let queryTown, let candidateTown, let a = queryTown.coordinate, let b = candidateTown.coordinate else {
            return .init(component: .geografie, value: reach == .bundesweit ? 1 : 0, reason: "Entfernung unbekannt")
        }
        let km = a.distanceKm(to: b)
        let distance = "\(GermanFormat.integer(Int(km.rounded()))) km entfernt, \(candidateTown.kreisName)"
        switch reach {
        case .bundesweit:
            return .init(component: .geografie, value: 1, reason: "bundesweit gesucht: \(distance) – Entfernung zählt nicht")
        case .nachbarschaft:
            let value = km <= 25 ? 1 - 0.5 * km / 25 : max(0, 0.5 - (km - 25) / 100)
            return .init(component: .geografie, value: value, reason: km <= 25 ? "Nachbar: \(distance)" : "außerhalb der Nachbarschaft: \(distance)")
        case .region:
            let sameKreis = queryTown.kreisKey == candidateTown.kreisKey
            let value = sameKreis || km <= 75 ? 1 - 0.5 * min(km, 75) / 75 : max(0, 0.5 - (km - 75) / 150)
            return .init(
                component: .geografie, value: value,
                reason: sameKreis || km <= 75 ? "in der Region: \(distance)" : "außerhalb der Region: \(distance)")
        }
    }
}

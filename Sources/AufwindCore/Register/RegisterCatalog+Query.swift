/// One page of a Kommunenverzeichnis listing.
public struct GemeindePage: Sendable {
    public struct Item: Sendable {
        public var gemeinde: Gemeinde
        /// How the search text matched, when there was one.
        public var quality: RegisterSearchIndex.MatchQuality?
        /// Distance to the query's reference Gemeinde, when there is one.
        public var distanceKm: Double?
    }

    public var items: [Item]
    public var total: Int
    public var page: Int
    public var perPage: Int

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}

public enum GemeindeQueryProblem: Error, Sendable, Equatable {
    case unknownReference(ags: String)
}

extension RegisterCatalog {
    /// Searches, filters, sorts and pages the listed Gemeinden.
    public func query(_ query: GemeindeQuery) throws(GemeindeQueryProblem) -> GemeindePage {
        let result = try ranked(query, gemeindenOnly: true)
        return GemeindePage(
            items: result.items.map { .init(gemeinde: gemeinden[$0.id], quality: $0.quality, distanceKm: $0.distanceKm) },
            total: result.total, page: query.page, perPage: query.perPage)
    }

    /// The one search box for places: with search text, Gemeinden, Kreise and Gemeindeverbände
    /// by name, postcode or key, filtered, sorted and paged as `query` does (a Größenklasse
    /// filter keeps Gemeinden only); without, the listing of Gemeinden.
    public func places(_ query: GemeindeQuery) throws(GemeindeQueryProblem) -> PlacePage {
        let result = try ranked(query, gemeindenOnly: false)
        return PlacePage(
            items: result.items.map { .init(place: place(id: $0.id), quality: $0.quality, distanceKm: $0.distanceKm) },
            total: result.total, page: query.page, perPage: query.perPage)
    }

    /// The hits of one page (by search id) and the number of all.
    private func ranked(
        _ query: GemeindeQuery, gemeindenOnly: Bool
    ) throws(GemeindeQueryProblem) -> (items: [(id: Int, quality: RegisterSearchIndex.MatchQuality?, distanceKm: Double?)], total: Int) {
        var origin: GeoPoint?
        if let from = query.distanceFrom {
            guard let point = gemeinde(ags: from)?.coordinate else { throw .unknownReference(ags: from) }
            origin = point
        }
        let listedCount = gemeinden.count
        let filter = { (id: Int) -> Bool in
            guard id < listedCount else {
                guard !gemeindenOnly, query.groessenklasse == nil else { return false }
                let key = self.searchUnits[id - listedCount].key
                for area in [query.land, query.regierungsbezirk, query.kreis] {
                    if let area, !key.hasPrefix(area) { return false }
                }
                return true
            }
            let g = self.gemeinden[id]
            if let land = query.land, g.landCode != land { return false }
            if let regbez = query.regierungsbezirk, g.regierungsbezirkCode != regbez { return false }
            if let kreis = query.kreis, g.kreisKey != kreis { return false }
            if let klasse = query.groessenklasse, g.groessenklasse != klasse { return false }
            return true
        }
        var ordered: [(id: Int, quality: RegisterSearchIndex.MatchQuality?)]
        if let text = query.text, !text.isEmpty {
            let hits = codeIndex.matches(text).map { searchIndex.ranked($0, preferring: .gemeinde) } ?? searchIndex.search(text)
            ordered = hits.filter { filter($0.id) }.map { ($0.id, $0.quality) }
            if let order = ranks(for: query.effectiveSort) {
                let rank = order.rank
                ordered.sort { order.descending ? rank[$0.id] > rank[$1.id] : rank[$0.id] < rank[$1.id] }
            }
        } else {
            ordered = presortedOrder(query.effectiveSort).filter { filter($0) }.map { ($0, nil) }
        }
        var distances: [Int: Double] = [:]
        if let origin {
            for entry in ordered {
                if let point = coordinate(id: entry.id) { distances[entry.id] = origin.distanceKm(to: point) }
            }
            if query.effectiveSort == .distance {
                ordered.sort { (distances[$0.id] ?? .infinity, $0.id) < (distances[$1.id] ?? .infinity, $1.id) }
            }
        }
        let start = (query.page - 1) * query.perPage
        let slice = start < ordered.count ? ordered[start..<min(ordered.count, start + query.perPage)] : []
        return (slice.map { ($0.id, $0.quality, distances[$0.id]) }, ordered.count)
    }

    /// Ranks of Gemeinden and search units in a sort order; nil for relevance and distance.
    private func ranks(for sort: GemeindeQuery.Sort) -> (rank: [Int32], descending: Bool)? {
        switch sort {
        case .relevance, .distance: nil
        case .nameAscending: (rankByName, false)
        case .nameDescending: (rankByName, true)
        case .populationAscending: (rankByPopulation, false)
        case .populationDescending: (rankByPopulation, true)
        case .areaAscending: (rankByArea, false)
        case .areaDescending: (rankByArea, true)
        }
    }

    private func presortedOrder(_ sort: GemeindeQuery.Sort) -> [Int] {
        switch sort {
        case .nameAscending, .relevance, .distance: namesOrder
        case .nameDescending: namesOrder.reversed()
        case .populationAscending: populationOrder
        case .populationDescending: populationOrder.reversed()
        case .areaAscending: areaOrder
        case .areaDescending: areaOrder.reversed()
        }
    }
}

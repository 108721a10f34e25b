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
        var origin: GeoPoint?
        if let from = query.distanceFrom {
            guard let point = gemeinde(ags: from)?.coordinate else { throw .unknownReference(ags: from) }
            origin = point
        }
        let filter = { (g: Gemeinde) -> Bool in
            if let land = query.land, g.landCode != land { return false }
            if let regbez = query.regierungsbezirk, g.regierungsbezirkCode != regbez { return false }
            if let kreis = query.kreis, g.kreisKey != kreis { return false }
            if let klasse = query.groessenklasse, g.groessenklasse != klasse { return false }
            return true
        }
        var ordered: [(index: Int, quality: RegisterSearchIndex.MatchQuality?)]
        if let text = query.text, !text.isEmpty {
            ordered = searchIndex.search(text).filter { filter(gemeinden[$0.id]) }.map { ($0.id, $0.quality) }
            switch query.effectiveSort {
            case .relevance, .distance: break
            default:
                let rank = Dictionary(uniqueKeysWithValues: presortedOrder(query.effectiveSort).enumerated().map { ($1, $0) })
                ordered.sort { rank[$0.index]! < rank[$1.index]! }
            }
        } else {
            ordered = presortedOrder(query.effectiveSort).filter { filter(gemeinden[$0]) }.map { ($0, nil) }
        }
        var distances: [Int: Double] = [:]
        if let origin {
            for entry in ordered {
                if let point = gemeinden[entry.index].coordinate { distances[entry.index] = origin.distanceKm(to: point) }
            }
            if query.effectiveSort == .distance {
                ordered.sort { (distances[$0.index] ?? .infinity, $0.index) < (distances[$1.index] ?? .infinity, $1.index) }
            }
        }
        let start = (query.page - 1) * query.perPage
        let slice = start < ordered.count ? ordered[start..<min(ordered.count, start + query.perPage)] : []
        return GemeindePage(
            items: slice.map { .init(gemeinde: gemeinden[$0.index], quality: $0.quality, distanceKm: distances[$0.index]) },
            total: ordered.count, page: query.page, perPage: query.perPage)
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

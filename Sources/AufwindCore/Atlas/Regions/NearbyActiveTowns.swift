/// For a Gemeinde without any cooperation: the nearest Gemeinden that are already active with
/// public items — neighbours to start with. Built once for a set of active towns, asked per town.
public struct NearbyActiveTowns: Sendable {
    public struct Suggestion: Sendable, Equatable {
        public var gemeinde: Gemeinde
        public var km: Double
        public var items: Int
    }

    /// Farther than this is no neighbour to start with.
    public static let maximumKm = 40.0

    private let candidates: [(gemeinde: Gemeinde, point: GeoPoint, items: Int)]

    /// The Gemeinden of `catalog` with public items (`figures`), as candidates.
    public init(catalog: RegisterCatalog, figures: AtlasFigures) {
        candidates = zip(catalog.gemeinden, figures.gemeinden).compactMap { gemeinde, activity in
            guard activity.items > 0, let point = gemeinde.coordinate else { return nil }
            return (gemeinde, point, activity.items)
        }
    }

    /// The `limit` nearest candidates within `maximumKm` of `gemeinde` (itself excluded), nearest first.
    public func suggestions(for gemeinde: Gemeinde, limit: Int = 3) -> [Suggestion] {
        guard let origin = gemeinde.coordinate else { return [] }
        var best: [Suggestion] = []
        for candidate in candidates where candidate.gemeinde.ags != gemeinde.ags {
            let km = origin.distanceKm(to: candidate.point)
            guard km <= Self.maximumKm, best.count < limit || km < best[best.count - 1].km else { continue }
            best.insert(Suggestion(gemeinde: candidate.gemeinde, km: km, items: candidate.items), at: best.firstIndex { km < $0.km } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}

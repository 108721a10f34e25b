/// One page of the place search: Gemeinden, Kreise and Gemeindeverbände.
public struct PlacePage: Sendable {
    public struct Item: Sendable {
        public var place: Place
        /// How the search text matched, when there was one.
        public var quality: RegisterSearchIndex.MatchQuality?
        /// Distance to the query's reference Gemeinde (for a Kreis or Verband: to its centre).
        public var distanceKm: Double?
    }

    public var items: [Item]
    public var total: Int
    public var page: Int
    public var perPage: Int

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}

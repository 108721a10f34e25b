/// The border of a Kreis (or kreisfreie Stadt) as the BKG's VG5000 has it: one or more polygons,
/// each an outer ring and possibly holes, every ring closed (first point = last point), in WGS84.
public struct KreisShape: Sendable, Equatable {
    /// The five-digit Kreis key.
    public var key: String
    public var name: String
    /// "Kreis", "Landkreis", "Kreisfreie Stadt", …
    public var type: String
    /// Polygons; each is its rings, the outer ring first.
    public var polygons: [[[GeoPoint]]]

    public init(key: String, name: String, type: String, polygons: [[[GeoPoint]]]) {
        self.key = key
        self.name = name
        self.type = type
        self.polygons = polygons
    }

    public var pointCount: Int { polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
}

/// A Kreis's border on the map plane, simplified once: its polygons (outer ring first, then holes),
/// oriented by the right-hand rule (outer rings counter-clockwise, holes clockwise, as RFC 7946 asks),
/// and its bounding box.
public struct ProjectedKreis: Sendable, Equatable {
    public var key: String
    public var name: String
    public var polygons: [[[MapPoint]]]
    /// Every ring of every polygon, for drawing with the even-odd rule.
    public var rings: [[MapPoint]]
    public var bounds: MapBounds
    /// The bounds of its largest ring: what a map of the Kreis frames (Helgoland does not shrink Pinneberg).
    public var mainBounds: MapBounds

    /// Projects and simplifies `shape`; polygons whose outer ring would shrink below a triangle are
    /// left out (tiny islands at this scale), as are such holes, except that a Kreis keeps at least
    /// its largest ring.
    public init(_ shape: KreisShape, projection: MapProjection, tolerance: Double) {
        key = shape.key
        name = shape.name
        let projected = shape.polygons.map { $0.map { $0.map(projection.project) } }
        var polygons: [[[MapPoint]]] = projected.compactMap { polygon in
            guard let outer = polygon.first, let simple = LineSimplifier.simplifyRing(outer, tolerance: tolerance) else { return nil }
            let holes = polygon.dropFirst().compactMap { LineSimplifier.simplifyRing($0, tolerance: tolerance) }
            return [RingGeometry.oriented(simple, counterClockwise: true)] + holes.map { RingGeometry.oriented($0, counterClockwise: false) }
        }
        if polygons.isEmpty, let largest = projected.compactMap(\.first).max(by: { $0.count < $1.count }) {
            polygons = [[RingGeometry.oriented(largest, counterClockwise: true)]]
        }
        self.polygons = polygons
        rings = polygons.flatMap { $0 }
        let empty = MapBounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
        bounds = MapBounds(rings.joined()) ?? empty
        let largest = polygons.compactMap { $0.first.flatMap(MapBounds.init) }.max { $0.width * $0.height < $1.width * $1.height }
        mainBounds = largest ?? bounds
    }

    public var pointCount: Int { rings.reduce(0) { $0 + $1.count } }

    /// Its area on the map plane in km² (outer rings less holes).
    public var area: Double { rings.reduce(0) { $0 + RingGeometry.signedArea($1) } }
}

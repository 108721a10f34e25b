/// A Kreis's border on the map plane, simplified once: its rings (outer rings and holes, drawn with
/// the even-odd rule) and its bounding box.
public struct ProjectedKreis: Sendable, Equatable {
    public var key: String
    public var name: String
    public var rings: [[MapPoint]]
    public var bounds: MapBounds

    /// Projects and simplifies `shape`; rings that would shrink below a triangle are left out (tiny
    /// islands at this scale), except that a Kreis keeps at least its largest ring.
    public init(_ shape: KreisShape, projection: MapProjection, tolerance: Double) {
        key = shape.key
        name = shape.name
        let projected = shape.polygons.flatMap { $0 }.map { $0.map(projection.project) }
        var rings = projected.compactMap { LineSimplifier.simplifyRing($0, tolerance: tolerance) }
        if rings.isEmpty, let largest = projected.max(by: { $0.count < $1.count }) { rings = [largest] }
        self.rings = rings
        bounds = MapBounds(rings.joined()) ?? MapBounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
    }

    public var pointCount: Int { rings.reduce(0) { $0 + $1.count } }
}

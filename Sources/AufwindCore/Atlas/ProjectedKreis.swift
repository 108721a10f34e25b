/// A Kreis's border on the map plane, simplified once: its rings (outer rings and holes, drawn with
/// the even-odd rule) and its bounding box.
public struct ProjectedKreis: Sendable, Equatable {
    public var key: String
    public var name: String
    public var rings: [[MapPoint]]
    public var bounds: MapBounds
    /// The bounds of its largest ring: what a map of the Kreis frames (Helgoland does not shrink Pinneberg).
    public var mainBounds: MapBounds

    /// Projects and simplifies `shape`; rings that would shrink below a triangle are left out (tiny
    /// islands at this scale), except that a Kreis keeps at least its largest ring.
    public init(_ shape: KreisShape, projection: MapProjection, tolerance: Double) {
        key = shape.key
        name = shape.name
        let projected = shape.polygons.flatMap { $0 }.map { $0.map(projection.project) }
        var rings = projected.compactMap { LineSimplifier.simplifyRing($0, tolerance: tolerance) }
        if rings.isEmpty, let largest = projected.max(by: { $0.count < $1.count }) { rings = [largest] }
        self.rings = rings
        let empty = MapBounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
        bounds = MapBounds(rings.joined()) ?? empty
        let largest = rings.compactMap(MapBounds.init).max { $0.width * $0.height < $1.width * $1.height }
        mainBounds = largest ?? bounds
    }

    public var pointCount: Int { rings.reduce(0) { $0 + $1.count } }
}

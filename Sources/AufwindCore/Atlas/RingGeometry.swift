/// Measures of closed rings on the map plane (first point = last point).
public enum RingGeometry {
    /// Shoelace area in km²: positive when the ring runs counter-clockwise (x east, y north).
    public static func signedArea(_ ring: [MapPoint]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for index in 0..<(ring.count - 1) {
            sum += ring[index].x * ring[index + 1].y - ring[index + 1].x * ring[index].y
        }
        return sum / 2
    }

    /// Whether two edges of the ring cross or touch, other than neighbouring edges at their shared
    /// point. A sweep along x: each edge is compared only with the edges whose x-range overlaps its own.
    public static func selfIntersects(_ ring: [MapPoint]) -> Bool {
        let count = ring.count - 1
        guard count > 3 else { return false }
        struct Edge {
            var index: Int
            var minX: Double
            var maxX: Double
        }
        let edges = (0..<count).map { index in
            Edge(index: index, minX: min(ring[index].x, ring[index + 1].x), maxX: max(ring[index].x, ring[index + 1].x))
        }.sorted { $0.minX < $1.minX }
        for (position, edge) in edges.enumerated() {
            var next = position + 1
            while next < edges.count, edges[next].minX <= edge.maxX {
                let other = edges[next].index
                next += 1
                let distance = abs(edge.index - other)
                if distance == 1 || distance == count - 1 { continue }
                if segmentsIntersect(ring[edge.index], ring[edge.index + 1], ring[other], ring[other + 1]) { return true }
            }
        }
        return false
    }

    /// Whether segments p1–p2 and q1–q2 have a point in common.
    static func segmentsIntersect(_ p1: MapPoint, _ p2: MapPoint, _ q1: MapPoint, _ q2: MapPoint) -> Bool {
        func orientation(_ a: MapPoint, _ b: MapPoint, _ c: MapPoint) -> Double { (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) }
        func onSegment(_ a: MapPoint, _ b: MapPoint, _ c: MapPoint) -> Bool {
            min(a.x, b.x) <= c.x && c.x <= max(a.x, b.x) && min(a.y, b.y) <= c.y && c.y <= max(a.y, b.y)
        }
        let d1 = orientation(q1, q2, p1)
        let d2 = orientation(q1, q2, p2)
        let d3 = orientation(p1, p2, q1)
        let d4 = orientation(p1, p2, q2)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        if d1 == 0 && onSegment(q1, q2, p1) { return true }
        if d2 == 0 && onSegment(q1, q2, p2) { return true }
        if d3 == 0 && onSegment(p1, p2, q1) { return true }
        if d4 == 0 && onSegment(p1, p2, q2) { return true }
        return false
    }

    /// The ring running counter-clockwise (`true`) or clockwise.
    public static func oriented(_ ring: [MapPoint], counterClockwise: Bool) -> [MapPoint] {
        (signedArea(ring) >= 0) == counterClockwise ? ring : ring.reversed()
    }
}

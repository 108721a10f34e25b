/// Douglas–Peucker simplification of lines and closed rings on the map plane: every point left
/// out lies within `tolerance` (km) of the simplified line, and a ring's first and last points stay.
public enum LineSimplifier {
    /// The points of `line` to keep, in order (the first and last always).
    public static func simplify(_ line: [MapPoint], tolerance: Double) -> [MapPoint] {
        guard line.count > 2 else { return line }
        var keep = [Bool](repeating: false, count: line.count)
        keep[0] = true
        keep[line.count - 1] = true
        var stack = [(0, line.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first
            var distance = 0.0
            for index in (first + 1)..<last {
                let d = segmentDistance(line[index], line[first], line[last])
                if d > distance {
                    distance = d
                    farthest = index
                }
            }
            if distance > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return line.indices.filter { keep[$0] }.map { line[$0] }
    }

    /// A closed ring (first = last), simplified; nil when fewer than four points (a triangle) would remain.
    /// Douglas–Peucker can make a ring cross itself where the border runs back close to itself (a
    /// narrow bay): then the ring is simplified again with half the tolerance, at most three times, and
    /// kept as it was if that does not help. A ring that crossed itself before may still cross.
    public static func simplifyRing(_ ring: [MapPoint], tolerance: Double) -> [MapPoint]? {
        guard let first = simplifyRingOnce(ring, tolerance: tolerance) else { return nil }
        guard RingGeometry.selfIntersects(first) else { return first }
        var tolerance = tolerance
        for _ in 0..<3 {
            tolerance /= 2
            if let again = simplifyRingOnce(ring, tolerance: tolerance), !RingGeometry.selfIntersects(again) { return again }
        }
        return RingGeometry.selfIntersects(ring) ? first : ring
    }

    static func simplifyRingOnce(_ ring: [MapPoint], tolerance: Double) -> [MapPoint]? {
        guard ring.count >= 4 else { return nil }
        // Split at the point farthest from the start, so the ring's two halves are simplified as lines.
        let start = ring[0]
        let split = ring.indices.max { distanceSquared(ring[$0], start) < distanceSquared(ring[$1], start) } ?? ring.count / 2
        guard split > 0, split < ring.count - 1 else { return ring }
        let first = simplify(Array(ring[0...split]), tolerance: tolerance)
        let second = simplify(Array(ring[split...]), tolerance: tolerance)
        let result = first + second.dropFirst()
        return result.count >= 4 ? result : nil
    }

    static func distanceSquared(_ a: MapPoint, _ b: MapPoint) -> Double {
        (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
    }

    /// The distance of `p` from the segment `a`–`b`.
    static func segmentDistance(_ p: MapPoint, _ a: MapPoint, _ b: MapPoint) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = dx * dx + dy * dy
        guard length > 0 else { return distanceSquared(p, a).squareRoot() }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
        return distanceSquared(p, MapPoint(x: a.x + t * dx, y: a.y + t * dy)).squareRoot()
    }
}

import Foundation

/// Every solution's confirmed users as points, to order solutions by their user nearest to a town
/// (`/api/v1/loesungen?nahe=AGS`). Built once from the references, then read by every request:
/// one pass over all points, no database work.
///
/// Each point is kept as a unit vector on the sphere, so finding the nearest user of a solution
/// takes three multiplications per point (the largest dot product is the smallest great-circle
/// distance) and no trigonometry; only each solution's nearest point is turned into kilometres.
public struct SolutionProximityIndex<Key: Hashable & Sendable>: Sendable {
    private let keys: [Key]
    /// Per solution, the range of its points in `xs`/`ys`/`zs`.
    private let starts: [Int]
    private let xs: [Double]
    private let ys: [Double]
    private let zs: [Double]

    /// - Parameter users: each solution's users that count for nearness (unknown places left out).
    public init(users: [Key: [GeoPoint]]) {
        var keys: [Key] = []
        var starts: [Int] = []
        var xs: [Double] = []
        var ys: [Double] = []
        var zs: [Double] = []
        for (key, points) in users where !points.isEmpty {
            keys.append(key)
            starts.append(xs.count)
            for point in points {
                let (x, y, z) = Self.vector(point)
                xs.append(x)
                ys.append(y)
                zs.append(z)
            }
        }
        starts.append(xs.count)
        self.keys = keys
        self.starts = starts
        self.xs = xs
        self.ys = ys
        self.zs = zs
    }

    public var solutionCount: Int { keys.count }
    public var pointCount: Int { xs.count }

    /// The distance of each solution's nearest user from `origin`, in km (great circle, as `GeoPoint.distanceKm`).
    public func nearest(from origin: GeoPoint) -> [Key: Double] {
        let (ox, oy, oz) = Self.vector(origin)
        var result: [Key: Double] = [:]
        result.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            var best = -2.0
            for point in starts[index]..<starts[index + 1] {
                let dot = ox * xs[point] + oy * ys[point] + oz * zs[point]
                if dot > best { best = dot }
            }
            result[key] = Self.kilometres(dot: best)
        }
        return result
    }

    private static func vector(_ point: GeoPoint) -> (Double, Double, Double) {
        let latitude = point.latitude * .pi / 180
        let longitude = point.longitude * .pi / 180
        return (cos(latitude) * cos(longitude), cos(latitude) * sin(longitude), sin(latitude))
    }

    /// The great-circle distance for the dot product of two unit vectors, through the chord
    /// (`2·asin(chord/2)`), which stays precise for short distances.
    private static func kilometres(dot: Double) -> Double {
        let chord = sqrt(max(0, 2 - 2 * min(1, dot)))
        return 2 * 6371.0088 * asin(min(1, chord / 2))
    }
}

/// Every solution's confirmed users as points, to order solutions by their user nearest to a town
/// (`/api/v1/loesungen?nahe=AGS`). Built once from the references, then read by every request:
/// one pass over all points, no database work.
public struct SolutionProximityIndex: Sendable {
    /// Solution ids and, per solution, the range of its points in `latitudes`/`longitudes`.
    private let ids: [String]
    private let starts: [Int]
    private let latitudes: [Double]
    private let longitudes: [Double]

    /// - Parameter users: each solution's users that count for nearness (unknown places left out).
    public init(users: [String: [GeoPoint]]) {
        var ids: [String] = []
        var starts: [Int] = []
        var latitudes: [Double] = []
        var longitudes: [Double] = []
        for (id, points) in users.sorted(by: { $0.key < $1.key }) where !points.isEmpty {
            ids.append(id)
            starts.append(latitudes.count)
            for point in points {
                latitudes.append(point.latitude)
                longitudes.append(point.longitude)
            }
        }
        starts.append(latitudes.count)
        self.ids = ids
        self.starts = starts
        self.latitudes = latitudes
        self.longitudes = longitudes
    }

    public var solutionCount: Int { ids.count }
    public var pointCount: Int { latitudes.count }

    /// The distance of each solution's nearest user from `origin`, in km.
    public func nearest(from origin: GeoPoint) -> [String: Double] {
        var result: [String: Double] = [:]
        result.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() {
            var best = Double.infinity
            for point in starts[index]..<starts[index + 1] {
                let km = origin.distanceKm(to: GeoPoint(latitude: latitudes[point], longitude: longitudes[point]))
                if km < best { best = km }
            }
            result[id] = best
        }
        return result
    }
}

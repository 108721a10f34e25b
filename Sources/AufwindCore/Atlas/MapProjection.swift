import Foundation

/// A point on the map plane, in kilometres (x east, y north).
public struct MapPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// Lambert's conformal conic projection on the sphere, set for Germany (standard parallels 48° 40′
/// and 53° 40′, origin 51° N 10° 30′ E, as ETRS89-LCC Germany): shapes keep their angles, and
/// distances within Germany are off by less than 1 % — a Kreis looks as it does on an official map.
/// Coordinates come out in kilometres from the origin.
public struct MapProjection: Sendable {
    public static let germany = MapProjection(standardParallels: (48 + 2.0 / 3, 53 + 2.0 / 3), origin: GeoPoint(latitude: 51, longitude: 10.5))

    static let earthRadiusKm = 6371.0088

    private let n: Double
    private let f: Double
    private let rho0: Double
    private let lambda0: Double

    public init(standardParallels: (Double, Double), origin: GeoPoint) {
        let phi1 = standardParallels.0 * .pi / 180
        let phi2 = standardParallels.1 * .pi / 180
        let phi0 = origin.latitude * .pi / 180
        func t(_ phi: Double) -> Double { tan(.pi / 4 + phi / 2) }
        n = log(cos(phi1) / cos(phi2)) / log(t(phi2) / t(phi1))
        f = cos(phi1) * pow(t(phi1), n) / n
        rho0 = Self.earthRadiusKm * f / pow(t(phi0), n)
        lambda0 = origin.longitude * .pi / 180
    }

    public func project(_ point: GeoPoint) -> MapPoint {
        let phi = point.latitude * .pi / 180
        let rho = Self.earthRadiusKm * f / pow(tan(.pi / 4 + phi / 2), n)
        let theta = n * (point.longitude * .pi / 180 - lambda0)
        return MapPoint(x: rho * sin(theta), y: rho0 - rho * cos(theta))
    }

    /// The inverse, for tests and for reading a position off the map.
    public func unproject(_ point: MapPoint) -> GeoPoint {
        let dy = rho0 - point.y
        let rho = (n < 0 ? -1 : 1) * sqrt(point.x * point.x + dy * dy)
        let theta = atan2(point.x, dy)
        let phi = 2 * atan(pow(Self.earthRadiusKm * f / rho, 1 / n)) - .pi / 2
        return GeoPoint(latitude: phi * 180 / .pi, longitude: (lambda0 + theta / n) * 180 / .pi)
    }
}

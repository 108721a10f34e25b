/// A rectangle on the map plane (km).
public struct MapBounds: Sendable, Equatable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest rectangle around the points; nil for none.
    public init?(_ points: some Sequence<MapPoint>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var bounds = MapBounds(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let point = iterator.next() { bounds = bounds.including(point) }
        self = bounds
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }

    public func including(_ point: MapPoint) -> MapBounds {
        MapBounds(minX: min(minX, point.x), minY: min(minY, point.y), maxX: max(maxX, point.x), maxY: max(maxY, point.y))
    }

    public func union(_ other: MapBounds) -> MapBounds {
        MapBounds(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    public func expanded(by km: Double) -> MapBounds {
        MapBounds(minX: minX - km, minY: minY - km, maxX: maxX + km, maxY: maxY + km)
    }

    public func intersects(_ other: MapBounds) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    public func contains(_ point: MapPoint) -> Bool {
        (minX...maxX).contains(point.x) && (minY...maxY).contains(point.y)
    }
}

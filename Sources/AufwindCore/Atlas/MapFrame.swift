import Foundation

/// Fits a part of the map plane into an SVG viewport (north up), and writes shapes as SVG path data
/// with one decimal (a tenth of a pixel).
public struct MapFrame: Sendable {
    public let width: Double
    public let height: Double
    public let bounds: MapBounds
    private let scale: Double
    private let offsetX: Double
    private let offsetY: Double

    /// `bounds` centred in `width` × `height` with `margin` pixels around, the same scale both ways.
    public init(bounds: MapBounds, width: Double, height: Double, margin: Double) {
        self.width = width
        self.height = height
        let spanX = max(bounds.width, 0.001)
        let spanY = max(bounds.height, 0.001)
        let scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        self.scale = scale
        offsetX = (width - spanX * scale) / 2
        offsetY = (height - spanY * scale) / 2
        // What the viewport shows, margins included.
        self.bounds = MapBounds(
            minX: bounds.minX - offsetX / scale, minY: bounds.minY - offsetY / scale, maxX: bounds.minX + (width - offsetX) / scale,
            maxY: bounds.minY + (height - offsetY) / scale)
        self.originX = bounds.minX
        self.originMaxY = bounds.maxY
        self.spanY = spanY
    }

    private let originX: Double
    private let originMaxY: Double
    private let spanY: Double

    /// The viewport position of a map point.
    public func position(_ point: MapPoint) -> (x: Double, y: Double) {
        (offsetX + (point.x - originX) * scale, offsetY + (originMaxY - point.y) * scale)
    }

    /// SVG path data of closed rings ("M… L… Z" per ring).
    public func pathData(_ rings: [[MapPoint]]) -> String {
        var data = ""
        data.reserveCapacity(rings.reduce(0) { $0 + $1.count } * 12)
        for ring in rings where ring.count > 2 {
            for (index, point) in ring.dropLast().enumerated() {
                let (x, y) = position(point)
                data += (index == 0 ? "M" : "L") + Self.number(x) + " " + Self.number(y)
            }
            data += "Z"
        }
        return data
    }

    /// One decimal, no trailing ".0", no "-0".
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

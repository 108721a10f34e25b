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

    /// SVG path data of closed rings: each starts with an absolute "M", then relative "l" steps between
    /// positions rounded to a tenth of a pixel (so the steps add up exactly), and ends with "z". Steps
    /// that round to nothing are left out.
    public func pathData(_ rings: [[MapPoint]]) -> String {
        var data = ""
        data.reserveCapacity(rings.reduce(0) { $0 + $1.count } * 8)
        for ring in rings where ring.count > 2 {
            var previous: (x: Int, y: Int)?
            var inLine = false
            for point in ring.dropLast() {
                let (x, y) = position(point)
                let current = (x: Int((x * 10).rounded()), y: Int((y * 10).rounded()))
                guard let last = previous else {
                    data += "M" + Self.tenths(current.x) + " " + Self.tenths(current.y)
                    previous = current
                    continue
                }
                let dx = current.x - last.x
                let dy = current.y - last.y
                if dx == 0 && dy == 0 { continue }
                data += inLine ? (dx < 0 ? "" : " ") : "l"
                data += Self.tenths(dx) + (dy < 0 ? "" : " ") + Self.tenths(dy)
                inLine = true
                previous = current
            }
            data += "z"
        }
        return data
    }

    /// One decimal, no trailing ".0", no "-0".
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return tenths(Int((value * 10).rounded()))
    }

    /// A count of tenths written as a decimal: 125 → "12.5", -30 → "-3".
    static func tenths(_ tenths: Int) -> String {
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

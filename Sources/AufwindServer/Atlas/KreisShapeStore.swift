import AufwindCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The Kreis borders for the maps, from `kreise.geojson` in the data directory (BKG VG5000):
/// projected for Germany (`MapProjection.germany`) and simplified once (Douglas–Peucker, 0.3 km:
/// invisible on a regional map). Read on first use; without the file there are no maps and the
/// pages show their tables alone.
final class KreisShapeStore: Sendable {
    static let fileName = "kreise.geojson"
    /// Douglas–Peucker tolerance in km.
    static let tolerance = 0.3

    struct Shapes: Sendable {
        var kreise: [String: ProjectedKreis]
        var attribution: String?
    }

    private let candidates: [String]
    private let loaded = NIOLockedValueBox<Shapes??>(nil)

    init(dataDirectoryCandidates: [String]) { candidates = dataDirectoryCandidates }

    /// The shapes, or nil when no data directory has the file (or it cannot be read; logged once).
    func shapes(logger: Logger) -> Shapes? {
        if let done = loaded.withLockedValue({ $0 }) { return done }
        let result = Self.load(candidates, logger: logger)
        loaded.withLockedValue { $0 = .some(result) }
        return result
    }

    private static func load(_ candidates: [String], logger: Logger) -> Shapes? {
        for directory in candidates {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(fileName)
            guard let data = try? Data(contentsOf: url) else { continue }
            do {
                let collection = try KreisShapesParser.parse(data)
                let kreise = collection.shapes.map { ProjectedKreis($0, projection: .germany, tolerance: tolerance) }
                return Shapes(kreise: Dictionary(kreise.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }), attribution: collection.attribution)
            } catch {
                logger.warning("Kreisgrenzen \(url.path) nicht lesbar, Karten ohne Grenzen: \(error)")
                return nil
            }
        }
        return nil
    }

    /// The Kreis, framed with `margin` km around its main area in a viewport of `width` × `height`,
    /// and every other Kreis that reaches into that frame.
    func neighbourhood(of kreisKey: String, width: Double, height: Double, margin: Double, logger: Logger)
        -> (center: ProjectedKreis, around: [ProjectedKreis], frame: MapFrame)?
    {
        guard let shapes = shapes(logger: logger), let center = shapes.kreise[kreisKey] else { return nil }
        let frame = MapFrame(bounds: center.mainBounds.expanded(by: margin), width: width, height: height, margin: 0)
        let around = shapes.kreise.values.filter { $0.key != kreisKey && $0.bounds.intersects(frame.bounds) }.sorted { $0.key < $1.key }
        return (center, around, frame)
    }
}

extension Application {
    private struct KreisShapeStoreKey: StorageKey { typealias Value = KreisShapeStore }

    /// Set once by `configure(_:)`.
    var kreisShapes: KreisShapeStore {
        get {
            guard let store = storage[KreisShapeStoreKey.self] else { fatalError("configure(_:) sets the Kreis shape store") }
            return store
        }
        set { storage[KreisShapeStoreKey.self] = newValue }
    }
}

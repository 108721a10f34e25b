import AufwindCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The Kreis borders for the maps, from `kreise.geojson` in the data directory (BKG VG5000):
/// projected for Germany (`MapProjection.germany`) and simplified once (Douglas–Peucker): 0.3 km for
/// regional maps and the GeoJSON (invisible on a regional map), 1.2 km for the Germany map (about a
/// pixel there), whose path data is written once. Loaded at start (`load`); without the file there are
/// no maps and the pages show their tables alone.
final class KreisShapeStore: Sendable {
    static let fileName = "kreise.geojson"
    /// Douglas–Peucker tolerance in km for regional maps.
    static let tolerance = 0.3
    /// … and for the Germany map.
    static let countryTolerance = 1.2
    /// The Germany map's viewport.
    static let countryWidth = 560.0, countryHeight = 750.0

    struct Shapes: Sendable {
        var kreise: [String: ProjectedKreis]
        /// Every Kreis at the Germany map's tolerance, by key, with its path data in `countryFrame`.
        var country: [(kreis: ProjectedKreis, path: String)]
        var countryFrame: MapFrame
        var attribution: String?
    }

    private let candidates: [String]
    private let loading = NIOLockedValueBox<Task<Shapes?, Never>?>(nil)

    /// Read and simplified once per process and file: parsing and simplifying all 400 Kreise is seconds
    /// of work in a debug build (and every test application would repeat it).
    private static let parsed = NIOLockedValueBox<[String: Shapes]>([:])

    private let threadPool: NIOThreadPool

    /// `threadPool`: where the file is read and simplified (the application's pool for blocking work).
    init(dataDirectoryCandidates: [String], threadPool: NIOThreadPool) {
        candidates = dataDirectoryCandidates
        self.threadPool = threadPool
    }

    /// Reads the file now (at start), so that no request waits for it.
    func load(logger: Logger) async {
        _ = await shapes(logger: logger)
    }

    /// The shapes, or nil when no data directory has the file (or it cannot be read; logged once).
    /// The work runs once, on the thread pool for blocking work — never on an event loop or a thread
    /// of the task pool, whose other work it would hold up for as long.
    func shapes(logger: Logger) async -> Shapes? {
        let candidates = candidates
        let threadPool = threadPool
        let task = loading.withLockedValue { task -> Task<Shapes?, Never> in
            if let task { return task }
            let started = Task {
                (try? await threadPool.runIfActive { Self.load(candidates, logger: logger) }) ?? nil
            }
            task = started
            return started
        }
        return await task.value
    }

    private static func load(_ candidates: [String], logger: Logger) -> Shapes? {
        for directory in candidates {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(fileName)
            if let done = parsed.withLockedValue({ $0[url.path] }) { return done }
            guard let data = try? Data(contentsOf: url) else { continue }
            do {
                let collection = try KreisShapesParser.parse(data)
                let kreise = collection.shapes.map { ProjectedKreis($0, projection: .germany, tolerance: tolerance) }
                let country = collection.shapes.map { ProjectedKreis($0, projection: .germany, tolerance: countryTolerance) }.sorted {
                    $0.key < $1.key
                }
                let bounds = country.dropFirst().reduce(country.first?.bounds ?? MapBounds(minX: 0, minY: 0, maxX: 1, maxY: 1)) {
                    $0.union($1.bounds)
                }
                let frame = MapFrame(bounds: bounds, width: countryWidth, height: countryHeight, margin: 4)
                let shapes = Shapes(
                    kreise: Dictionary(kreise.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
                    country: country.map { ($0, frame.pathData($0.rings)) }, countryFrame: frame, attribution: collection.attribution)
                parsed.withLockedValue { $0[url.path] = shapes }
                return shapes
            } catch {
                logger.warning("Kreisgrenzen \(url.path) nicht lesbar, Karten ohne Grenzen: \(error)")
                return nil
            }
        }
        return nil
    }

    /// The Kreis, framed with `margin` km around its main area in a viewport of `width` × `height`,
    /// and every other Kreis that reaches into that frame.
    func neighbourhood(of kreisKey: String, width: Double, height: Double, margin: Double, logger: Logger) async
        -> (center: ProjectedKreis, around: [ProjectedKreis], frame: MapFrame)?
    {
        guard let area = await area(of: [kreisKey], width: width, height: height, margin: margin, logger: logger), let center = area.inside.first
        else {
            return nil
        }
        return (center, area.around, area.frame)
    }

    /// The Kreise `keys` (those with a shape), framed with `margin` km around their main areas and
    /// `points`, and every other Kreis that reaches into that frame; nil without shapes or Kreise.
    func area(of keys: [String], including points: [MapPoint] = [], width: Double, height: Double, margin: Double, logger: Logger) async
        -> (inside: [ProjectedKreis], around: [ProjectedKreis], frame: MapFrame)?
    {
        guard let shapes = await shapes(logger: logger) else { return nil }
        let inside = keys.compactMap { shapes.kreise[$0] }
        guard let first = inside.first else { return nil }
        var bounds = inside.dropFirst().reduce(first.mainBounds) { $0.union($1.mainBounds) }
        for point in points { bounds = bounds.including(point) }
        let frame = MapFrame(bounds: bounds.expanded(by: margin), width: width, height: height, margin: 0)
        let keySet = Set(keys)
        let around = shapes.kreise.values.filter { !keySet.contains($0.key) && $0.bounds.intersects(frame.bounds) }.sorted { $0.key < $1.key }
        return (inside, around, frame)
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

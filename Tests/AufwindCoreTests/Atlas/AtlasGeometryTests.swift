import Foundation
import Testing

@testable import AufwindCore

@Suite("Atlas geometry: Kreis borders, projection for Germany, simplification")
struct AtlasGeometryTests {
    static let sample = """
        {"type":"FeatureCollection","attribution":"© GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0","features":[
        {"type":"Feature","properties":{"ags5":"05570","name":"Warendorf","type":"Kreis"},"geometry":{"type":"Polygon","coordinates":
        [[[7.8,51.8],[8.3,51.8],[8.3,52.1],[8.05,52.12],[7.8,52.1],[7.8,51.8]]]}},
        {"type":"Feature","properties":{"ags5":"01001","name":"Flensburg, Stadt","type":"Kreisfreie Stadt"},"geometry":{"type":"MultiPolygon","coordinates":
        [[[[9.4,54.75],[9.5,54.75],[9.5,54.82],[9.4,54.82],[9.4,54.75]]],[[[9.6,54.8],[9.61,54.8],[9.61,54.81],[9.6,54.8]]]]}}
        ]}
        """

    @Test("reads Polygon and MultiPolygon features with their keys, names and the attribution")
    func parse() throws {
        let collection = try KreisShapesParser.parse(Data(Self.sample.utf8))
        #expect(collection.shapes.map(\.key) == ["05570", "01001"])
        #expect(collection.shapes[1].polygons.count == 2 && collection.shapes[0].pointCount == 6)
        #expect(collection.attribution?.contains("GeoBasis-DE / BKG") == true)
    }

    @Test("refuses what is no FeatureCollection of closed rings, naming the Kreis")
    func refuse() {
        let open = Self.sample.replacingOccurrences(of: "[7.8,52.1],[7.8,51.8]]]", with: "[7.8,52.1],[7.81,51.8]]]")
        #expect(throws: KreisShapesParser.Problem(text: "Kreis Nr. 1 (05570): Ein Ring ist nicht geschlossen.")) {
            try KreisShapesParser.parse(Data(open.utf8))
        }
        let noKey = Self.sample.replacingOccurrences(of: "\"ags5\":\"05570\",", with: "")
        #expect(throws: KreisShapesParser.Problem(text: "Kreis Nr. 1: Der Kreisschlüssel „ags5“ fehlt oder hat nicht fünf Ziffern.")) {
            try KreisShapesParser.parse(Data(noKey.utf8))
        }
        #expect(throws: KreisShapesParser.Problem.self) { try KreisShapesParser.parse(Data("{\"type\":\"Feature\"}".utf8)) }
    }

    @Test("the projection: the origin at zero, north up, east right, inverse within a millimetre, distances as on the globe")
    func projection() {
        let germany = MapProjection.germany
        let origin = germany.project(GeoPoint(latitude: 51, longitude: 10.5))
        #expect(abs(origin.x) < 1e-9 && abs(origin.y) < 1e-9)
        let flensburg = GeoPoint(latitude: 54.78, longitude: 9.43)
        let passau = GeoPoint(latitude: 48.57, longitude: 13.43)
        let aachen = GeoPoint(latitude: 50.78, longitude: 6.08)
        let goerlitz = GeoPoint(latitude: 51.15, longitude: 14.99)
        #expect(germany.project(flensburg).y > 400 && germany.project(passau).y < -250)
        #expect(germany.project(aachen).x < -300 && germany.project(goerlitz).x > 300)
        for point in [flensburg, passau, aachen, goerlitz] {
            let back = germany.unproject(germany.project(point))
            #expect(abs(back.latitude - point.latitude) < 1e-8 && abs(back.longitude - point.longitude) < 1e-8)
        }
        // Conformal with standard parallels inside Germany: map distances within 1 % of great-circle ones.
        for (a, b) in [(flensburg, passau), (aachen, goerlitz), (flensburg, aachen), (passau, goerlitz)] {
            let p = germany.project(a)
            let q = germany.project(b)
            let onMap = ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
            #expect(abs(onMap / a.distanceKm(to: b) - 1) < 0.01, "\(a) \(b)")
        }
    }

    @Test("Douglas–Peucker keeps the ends, leaves out only points within the tolerance, keeps rings closed")
    func simplify() {
        let line = (0...100).map { i in MapPoint(x: Double(i), y: sin(Double(i) / 8) * 3 + (i == 50 ? 9 : 0)) }
        let simple = LineSimplifier.simplify(line, tolerance: 0.5)
        #expect(simple.first == line.first && simple.last == line.last && simple.count < line.count)
        #expect(simple.contains(line[50]))
        // Every point left out lies within the tolerance of the simplified line.
        for point in line {
            let nearest = zip(simple, simple.dropFirst()).map { LineSimplifier.segmentDistance(point, $0, $1) }.min()!
            #expect(nearest <= 0.5 + 1e-9)
        }
        let square = [
            MapPoint(x: 0, y: 0), MapPoint(x: 5, y: 0.01), MapPoint(x: 10, y: 0), MapPoint(x: 10, y: 10), MapPoint(x: 0, y: 10), MapPoint(x: 0, y: 0),
        ]
        let ring = LineSimplifier.simplifyRing(square, tolerance: 0.1)
        #expect(ring?.first == ring?.last && ring?.count == 5)
        #expect(
            LineSimplifier.simplifyRing([MapPoint(x: 0, y: 0), MapPoint(x: 0.01, y: 0), MapPoint(x: 0, y: 0.01), MapPoint(x: 0, y: 0)], tolerance: 1)
                == nil)
    }

    @Test("the real Kreis borders: 400 Kreise, simplified at 0.3 km to a fraction, none lost, bounds inside Germany")
    func realBorders() throws {
        let data = try Data(contentsOf: ReferenceData.directory.appendingPathComponent("kreise.geojson"))
        let collection = try KreisShapesParser.parse(data)
        #expect(collection.shapes.count == 400)
        let projected = collection.shapes.map { ProjectedKreis($0, projection: .germany, tolerance: 0.3) }
        let before = collection.shapes.reduce(0) { $0 + $1.pointCount }
        let after = projected.reduce(0) { $0 + $1.pointCount }
        #expect(after < before && after > before / 4, "\(before) → \(after)")
        #expect(projected.allSatisfy { !$0.rings.isEmpty && $0.bounds.width > 0 })
        let all = projected.map(\.bounds).reduce(projected[0].bounds) { $0.union($1) }
        #expect(all.width > 600 && all.width < 700 && all.height > 800 && all.height < 900, "\(all)")
    }

    @Test("the frame: north up, the bounds fit with the margin, one decimal in path data")
    func frame() {
        let frame = MapFrame(bounds: MapBounds(minX: 0, minY: 0, maxX: 100, maxY: 50), width: 220, height: 120, margin: 10)
        let topLeft = frame.position(MapPoint(x: 0, y: 50))
        let bottomRight = frame.position(MapPoint(x: 100, y: 0))
        #expect(topLeft.x == 10 && topLeft.y == 10 && bottomRight.x == 210 && bottomRight.y == 110)
        #expect(
            frame.pathData([[MapPoint(x: 0, y: 0), MapPoint(x: 100, y: 0), MapPoint(x: 50, y: 50), MapPoint(x: 0, y: 0)]])
                == "M10 110L210 110L110 10Z")
        #expect(MapFrame.number(-0.04) == "0" && MapFrame.number(12.25) == "12.3" && MapFrame.number(-3.5) == "-3.5")
        #expect(frame.bounds.contains(MapPoint(x: -2, y: -2)))
    }
}

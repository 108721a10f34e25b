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
                == "M10 110l200 0-100-100z")
        // Relative steps between rounded positions add up exactly; steps that round to nothing go.
        #expect(
            frame.pathData([
                [MapPoint(x: 0, y: 0), MapPoint(x: 0.33, y: 0), MapPoint(x: 0.331, y: 0), MapPoint(x: 0.66, y: 0.01), MapPoint(x: 0, y: 0)]
            ])
                == "M10 110l0.7 0 0.6 0z")
        #expect(MapFrame.number(-0.04) == "0" && MapFrame.number(12.25) == "12.3" && MapFrame.number(-3.5) == "-3.5")
        #expect(frame.bounds.contains(MapPoint(x: -2, y: -2)))
    }

    static let realKreise: [KreisShape] = {
        let data = try! Data(contentsOf: ReferenceData.directory.appendingPathComponent("kreise.geojson"))
        return try! KreisShapesParser.parse(data).shapes
    }()

    /// At 0.3 km (regional maps, GeoJSON) the area stays within 2 %, at 1.2 km (the Germany map, about a pixel) within 5 %.
    @Test(
        "simplified sample Kreise: no ring crosses itself, the area stays close, outer rings counter-clockwise",
        arguments: [(0.3, 0.02), (1.2, 0.05)])
    func shapeKept(tolerance: Double, areaError: Double) {
        // Coastal and river borders (islands, bays, exclaves) and plain ones.
        let sample = ["01054", "01055", "03462", "05570", "05515", "09162", "09780", "13073", "13075", "08335", "07111", "16069"]
        for key in sample {
            let shape = Self.realKreise.first { $0.key == key }!
            let simple = ProjectedKreis(shape, projection: .germany, tolerance: tolerance)
            let original = shape.polygons.map { $0.map { $0.map(MapProjection.germany.project) } }
            let originalArea = original.reduce(0.0) { total, polygon in
                total + abs(RingGeometry.signedArea(polygon[0])) - polygon.dropFirst().reduce(0) { $0 + abs(RingGeometry.signedArea($1)) }
            }
            #expect(abs(simple.area / originalArea - 1) < areaError, "\(key): \(originalArea) → \(simple.area)")
            for polygon in simple.polygons {
                #expect(RingGeometry.signedArea(polygon[0]) > 0, "\(key) outer ring")
                #expect(polygon.dropFirst().allSatisfy { RingGeometry.signedArea($0) < 0 }, "\(key) holes")
            }
            let crossedBefore = original.flatMap { $0 }.contains(where: RingGeometry.selfIntersects)
            if !crossedBefore { #expect(!simple.rings.contains(where: RingGeometry.selfIntersects), "\(key)") }
        }
    }

    @Test("a ring crossing itself is found; a simplification that would cross is done finer")
    func selfIntersection() {
        let bowtie = [MapPoint(x: 0, y: 0), MapPoint(x: 2, y: 2), MapPoint(x: 2, y: 0), MapPoint(x: 0, y: 2), MapPoint(x: 0, y: 0)]
        #expect(RingGeometry.selfIntersects(bowtie))
        let square = [MapPoint(x: 0, y: 0), MapPoint(x: 2, y: 0), MapPoint(x: 2, y: 2), MapPoint(x: 0, y: 2), MapPoint(x: 0, y: 0)]
        #expect(!RingGeometry.selfIntersects(square) && RingGeometry.signedArea(square) == 4)
        // A bay reaching down to just above a dent of the coast: at 1 km the dent is cut straight, and the
        // bay's tip would then lie beyond the coast.
        let bay = [
            MapPoint(x: 0, y: 0), MapPoint(x: 5, y: -0.9), MapPoint(x: 10, y: 0), MapPoint(x: 10, y: 10), MapPoint(x: 6, y: 10),
            MapPoint(x: 5.1, y: -0.5), MapPoint(x: 4.9, y: -0.5), MapPoint(x: 4, y: 10), MapPoint(x: 0, y: 10), MapPoint(x: 0, y: 0),
        ]
        #expect(!RingGeometry.selfIntersects(bay))
        #expect(RingGeometry.selfIntersects(LineSimplifier.simplifyRingOnce(bay, tolerance: 1)!))
        let simple = LineSimplifier.simplifyRing(bay, tolerance: 1)!
        #expect(!RingGeometry.selfIntersects(simple))
    }

    @Test("the Kreise as GeoJSON: a FeatureCollection of 400 MultiPolygons, closed rings by the right-hand rule, under 2 MB")
    func geoJSON() throws {
        let projected = Self.realKreise.map { ProjectedKreis($0, projection: .germany, tolerance: 0.3) }
        let facts = AtlasFacts(memberTowns: ["05570004"], items: [.init(ownerKey: "05570004", fields: [], count: 2)])
        let text = AtlasOpenData.kreiseGeoJSON(
            kreise: projected, projection: .germany, figures: AtlasFigures(catalog: ReferenceData.catalog, facts: facts))
        #expect(text.utf8.count < 2_000_000, "\(text.utf8.count) bytes")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection" && (root["attribution"] as? String)?.contains("dl-de/by-2-0") == true)
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == 400)
        for feature in features {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(feature["type"] as? String == "Feature" && geometry["type"] as? String == "MultiPolygon")
            let polygons = try #require(geometry["coordinates"] as? [[[[Double]]]])
            #expect(!polygons.isEmpty)
            for polygon in polygons {
                for (index, ring) in polygon.enumerated() {
                    #expect(ring.count >= 4 && ring.first == ring.last)
                    #expect(ring.allSatisfy { $0.count == 2 && (5...16).contains($0[0]) && (47...56).contains($0[1]) })
                    let points = ring.map { MapPoint(x: $0[0], y: $0[1]) }
                    #expect((RingGeometry.signedArea(points) > 0) == (index == 0), "\(feature["properties"] ?? "")")
                }
            }
        }
        let warendorf = try #require(
            features.first { ($0["properties"] as? [String: Any])?["ags"] as? String == "05570" }?["properties"] as? [String: Any])
        #expect(warendorf["name"] as? String == "Warendorf" && warendorf["aktiveGemeinden"] as? Int == 1 && warendorf["gemeinden"] as? Int == 13)
        #expect(warendorf["isolierteGemeinden"] as? Int == 12 && warendorf["kooperationen"] as? Int == 0 && warendorf["verbuende"] as? Int == 0)
    }

    @Test("the Gemeinden as CSV: BOM, semicolons, AGS kept as text with its leading zero, one row per Gemeinde")
    func csv() {
        let facts = AtlasFacts(items: [.init(ownerKey: "01001000", fields: [], count: 3)])
        let catalog = ReferenceData.catalog
        let text = AtlasOpenData.gemeindenCSV(catalog: catalog, figures: AtlasFigures(catalog: catalog, facts: facts))
        #expect(text.hasPrefix("\u{FEFF}AGS;Gemeinde;Kreisschlüssel;Kreis;Land;Einwohner;aktiv;Einträge;Kooperationen;Verbünde;isoliert\r\n"))
        let lines = text.split(separator: "\r\n")
        #expect(lines.count == catalog.gemeinden.count + 1)
        #expect(lines[1].hasPrefix("=\"01001000\";Flensburg, Stadt;=\"01001\";Flensburg;Schleswig-Holstein;") && lines[1].hasSuffix(";ja;3;0;0;nein"))
        let plain = AtlasOpenData.gemeindenCSV(catalog: catalog, figures: AtlasFigures(catalog: catalog, facts: facts), excel: false)
        #expect(plain.split(separator: "\r\n")[1].hasPrefix("\"01001000\";Flensburg, Stadt;\"01001\";"))
        // Only digits ever become a formula.
        #expect(GermanCSV.document(header: ["a"], rows: [["=1+1"]], codeColumns: [0]).hasSuffix("'=1+1\r\n"))
    }
}

import Foundation

/// Reads `kreise.geojson` (a GeoJSON FeatureCollection, RFC 7946, with the properties `ags5`,
/// `name`, `type`): Polygon and MultiPolygon geometries. A file that is not such a collection is
/// refused with what is wrong and where (the feature's number and key).
public enum KreisShapesParser {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var text: String
        public var description: String { text }
    }

    public struct Collection: Sendable {
        public var shapes: [KreisShape]
        /// The file's own attribution (the BKG's licence note), if it has one.
        public var attribution: String?
    }

    private struct File: Decodable {
        var type: String
        var attribution: String?
        var features: [Feature]
    }

    private struct Feature: Decodable {
        struct Properties: Decodable {
            var ags5: String?
            var name: String?
            var type: String?
        }
        struct Geometry: Decodable {
            var type: String
            var coordinates: Coordinates
        }
        var properties: Properties
        var geometry: Geometry
    }

    /// Polygon (`[[[lon, lat]]]`) or MultiPolygon (`[[[[lon, lat]]]]`).
    private enum Coordinates: Decodable {
        case polygon([[[Double]]])
        case multiPolygon([[[[Double]]]])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let multi = try? container.decode([[[[Double]]]].self) {
                self = .multiPolygon(multi)
            } else {
                self = .polygon(try container.decode([[[Double]]].self))
            }
        }
    }

    public static func parse(_ data: Data) throws(Problem) -> Collection {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw Problem(text: "Die Kreisgrenzen sind keine GeoJSON-FeatureCollection mit Polygonen: \(error)")
        }
        guard file.type == "FeatureCollection" else { throw Problem(text: "Die Kreisgrenzen sind keine FeatureCollection (type: \(file.type)).") }
        var shapes: [KreisShape] = []
        for (index, feature) in file.features.enumerated() {
            let place = "Kreis Nr. \(index + 1)" + (feature.properties.ags5.map { " (\($0))" } ?? "")
            guard let key = feature.properties.ags5, key.count == 5, key.allSatisfy(\.isASCIIDigit) else {
                throw Problem(text: "\(place): Der Kreisschlüssel „ags5“ fehlt oder hat nicht fünf Ziffern.")
            }
            let raw: [[[[Double]]]]
            switch (feature.geometry.type, feature.geometry.coordinates) {
            case ("Polygon", .polygon(let polygon)): raw = [polygon]
            case ("MultiPolygon", .multiPolygon(let polygons)): raw = polygons
            case ("Polygon", .multiPolygon(let polygons)) where polygons.count == 1: raw = polygons
            default: throw Problem(text: "\(place): Geometrie „\(feature.geometry.type)“ passt nicht zu ihren Koordinaten.")
            }
            var polygons: [[[GeoPoint]]] = []
            for polygon in raw {
                var rings: [[GeoPoint]] = []
                for ring in polygon {
                    guard ring.count >= 4, ring.allSatisfy({ $0.count >= 2 }) else {
                        throw Problem(text: "\(place): Ein Ring hat weniger als vier Punkte.")
                    }
                    let points = ring.map { GeoPoint(latitude: $0[1], longitude: $0[0]) }
                    guard points.allSatisfy(\.isValid) else { throw Problem(text: "\(place): Koordinaten außerhalb von WGS84.") }
                    guard points.first == points.last else { throw Problem(text: "\(place): Ein Ring ist nicht geschlossen.") }
                    rings.append(points)
                }
                if !rings.isEmpty { polygons.append(rings) }
            }
            shapes.append(KreisShape(key: key, name: feature.properties.name ?? key, type: feature.properties.type ?? "", polygons: polygons))
        }
        return Collection(shapes: shapes, attribution: file.attribution)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

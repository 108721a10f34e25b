import Foundation

/// The atlas as open data: the Kreise as GeoJSON (RFC 7946) and the Gemeinden as CSV for German
/// Excel, with the public figures only (`AtlasFacts`) and the attribution the sources ask for.
public enum AtlasOpenData {
    /// Register (Destatis) and geometry (BKG), both under the Datenlizenz Deutschland 2.0.
    public static let attribution =
        "Gemeindeverzeichnis: © Statistisches Bundesamt (Destatis), GV-ISys; Kreisgrenzen: © GeoBasis-DE / BKG (Daten verändert); "
        + "beides Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0); Kennzahlen: Aufwind"
    public static let licence = "https://www.govdata.de/dl-de/by-2-0"

    /// A FeatureCollection of the Kreise, each a MultiPolygon in WGS84 (longitude, latitude; five
    /// decimals, about a metre) with its figures. Rings are closed and follow the right-hand rule
    /// (outer counter-clockwise, holes clockwise). Attribution and licence as foreign members.
    public static func kreiseGeoJSON(kreise: [ProjectedKreis], projection: MapProjection, figures: AtlasFigures) -> String {
        var out = "{\"type\":\"FeatureCollection\",\"attribution\":\(json(attribution)),\"license\":\(json(licence)),\"features\":["
        out.reserveCapacity(kreise.reduce(0) { $0 + $1.pointCount } * 22)
        for (index, kreis) in kreise.enumerated() {
            let activity = figures.kreise[kreis.key] ?? KreisActivity(key: kreis.key)
            if index > 0 { out += "," }
            out += "{\"type\":\"Feature\",\"properties\":{\"ags\":\(json(kreis.key)),\"name\":\(json(kreis.name))"
            out += ",\"gemeinden\":\(activity.gemeinden),\"aktiveGemeinden\":\(activity.activeGemeinden)"
            out += ",\"isolierteGemeinden\":\(activity.isolatedGemeinden),\"kooperationen\":\(activity.cooperations)"
            out += ",\"verbuende\":\(activity.verbuende)},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
            let polygons = kreis.polygons.compactMap { polygon -> [String]? in
                guard let outer = polygon.first.flatMap({ positions($0, projection) }) else { return nil }
                return [outer] + polygon.dropFirst().compactMap { positions($0, projection) }
            }
            out += polygons.map { "[" + $0.joined(separator: ",") + "]" }.joined(separator: ",")
            out += "]}}"
        }
        return out + "]}"
    }

    /// A ring as GeoJSON positions, rounded; points that round onto the one before are left out,
    /// and a ring left with fewer than four positions is dropped.
    private static func positions(_ ring: [MapPoint], _ projection: MapProjection) -> String? {
        var result: [(Int, Int)] = []
        result.reserveCapacity(ring.count)
        for point in ring {
            let geo = projection.unproject(point)
            let position = (Int((geo.longitude * 100_000).rounded()), Int((geo.latitude * 100_000).rounded()))
            if let last = result.last, last == position { continue }
            result.append(position)
        }
        guard result.count >= 4, result.first! == result.last! else { return nil }
        return "[" + result.map { "[\(fixed($0.0)),\(fixed($0.1))]" }.joined(separator: ",") + "]"
    }

    /// Hundred-thousandths as a decimal: 712345 → "7.12345".
    private static func fixed(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = String(magnitude % 100_000)
        return "\(sign)\(magnitude / 100_000)." + String(repeating: "0", count: 5 - fraction.count) + fraction
    }

    private static func json(_ text: String) -> String {
        var out = ""
        OrderedJSON.quote(text, to: &out)
        return out
    }

    /// How the Gemeinden's CSV writes its codes: for German Excel (`="01001000"`, the default) or as
    /// quoted text for statistics programs.
    public enum CSVFlavour: String, Sendable, CaseIterable {
        case excel, text
    }

    public static let csvHeader = [
        "AGS", "Gemeinde", "Kreisschlüssel", "Kreis", "Land", "Einwohner", "aktiv", "Einträge", "Kooperationen", "Verbünde", "isoliert",
    ]

    /// One row per listed Gemeinde, ordered by AGS; AGS and Kreisschlüssel kept as text (see
    /// `GermanCSV.document`), "ja"/"nein" for the yes-no columns.
    public static func gemeindenCSV(catalog: RegisterCatalog, figures: AtlasFigures, excel: Bool = true) -> String {
        let rows = catalog.gemeinden.enumerated().map { index, gemeinde -> [String] in
            let activity = figures.gemeinden[index]
            return [
                gemeinde.ags, gemeinde.name, gemeinde.kreisKey, catalog.unit(key: gemeinde.kreisKey)?.displayName ?? "",
                catalog.unit(key: gemeinde.landCode)?.name ?? "", String(gemeinde.population), activity.isActive ? "ja" : "nein",
                String(activity.items), String(activity.cooperations), String(activity.verbuende), activity.isIsolated ? "ja" : "nein",
            ]
        }
        return GermanCSV.document(header: csvHeader, rows: rows, codeColumns: [0, 2], excel: excel)
    }
}

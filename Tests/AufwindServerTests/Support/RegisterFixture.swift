import AufwindCore
import Foundation
import Vapor

@testable import AufwindServer

/// A small register in GV100AD format: two Länder, three Kreise, a handful of Gemeinden, each
/// with the postcode of its seat. `placesFile` adds a Samtgemeinde with two Gemeinden.
enum RegisterFixture {
    static let nrw = Gebietseinheit(kind: .land, key: "05", name: "Nordrhein-Westfalen", seat: "Düsseldorf", typeCode: nil)
    static let regbezMuenster = Gebietseinheit(kind: .regierungsbezirk, key: "055", name: "Reg.-Bez. Münster", seat: "Münster", typeCode: nil)
    static let kreisMuenster = Gebietseinheit(kind: .kreis, key: "05515", name: "Münster, Stadt", seat: "Münster", typeCode: 41)
    static let warendorf = Gebietseinheit(kind: .kreis, key: "05570", name: "Warendorf", seat: "Warendorf", typeCode: 44)
    static let niedersachsen = Gebietseinheit(kind: .land, key: "03", name: "Niedersachsen", seat: "Hannover", typeCode: nil)
    static let regionLueneburg = Gebietseinheit(kind: .regierungsbezirk, key: "033", name: "Statistische Region Lüneburg", seat: "", typeCode: nil)
    static let heidekreis = Gebietseinheit(kind: .kreis, key: "03358", name: "Heidekreis", seat: "Bad Fallingbostel", typeCode: 44)

    static func verband(_ ars9: String, _ name: String) -> Gebietseinheit {
        Gebietseinheit(kind: .gemeindeverband, key: ars9, name: name, seat: "", typeCode: 50)
    }

    static func gemeinde(
        _ ags: String, _ name: String, type: Int = 63, population: Int, areaHa: Int, postcode: String = "48000", lat: Double, lon: Double,
        verband: String? = nil
    ) -> Gemeinde {
        Gemeinde(
            ags: ags, ars: String(ags.prefix(5)) + (verband ?? "0" + ags.suffix(3)) + ags.suffix(3), name: name, typeCode: type,
            areaHectares: areaHa, population: population, populationMale: population / 2, postcode: postcode,
            hasSeveralPostcodes: false, coordinate: GeoPoint(latitude: lat, longitude: lon))
    }

    static let muenster = Gemeinde(
        ags: "05515000", ars: "055150000000", name: "Münster, Stadt", typeCode: 61, areaHectares: 30_328, population: 308_258,
        populationMale: 147_463, postcode: "48143", hasSeveralPostcodes: true, coordinate: GeoPoint(latitude: 51.961908, longitude: 7.626804))
    static let ahlen = gemeinde("05570004", "Ahlen, Stadt", population: 52_666, areaHa: 12_328, postcode: "59227", lat: 51.7633, lon: 7.8912)
    static let oelde = gemeinde("05570036", "Oelde, Stadt", population: 29_400, areaHa: 10_274, postcode: "59302", lat: 51.8258, lon: 8.1433)
    static let warendorfStadt = gemeinde(
        "05570052", "Warendorf, Stadt", population: 37_800, areaHa: 17_700, postcode: "48231", lat: 51.9539, lon: 7.9933)
    static let munster = gemeinde("03358016", "Munster, Stadt", population: 15_300, areaHa: 19_300, postcode: "29633", lat: 52.9869, lon: 10.0874)

    /// A Samtgemeinde (GV100AD Satzart 50, Textkennzeichen 52) and two of its Gemeinden, which
    /// share the postcode of their seats.
    static let samtgemeindeSchwarmstedt = Gebietseinheit(
        kind: .gemeindeverband, key: "033585403", name: "Schwarmstedt", seat: "Schwarmstedt", typeCode: 52)
    static let schwarmstedt = gemeinde(
        "03358020", "Schwarmstedt", type: 64, population: 5_759, areaHa: 3_023, postcode: "29690", lat: 52.6763, lon: 9.6176, verband: "5403")
    static let buchholz = gemeinde(
        "03358005", "Buchholz (Aller)", type: 64, population: 2_178, areaHa: 2_710, postcode: "29690", lat: 52.6767, lon: 9.6798,
        verband: "5403")

    static var units: [Gebietseinheit] {
        [nrw, regbezMuenster, kreisMuenster, warendorf, niedersachsen, regionLueneburg, heidekreis]
            + [muenster, ahlen, oelde, warendorfStadt, munster].map { verband(String($0.ars.prefix(9)), $0.name) }
    }

    static var gemeinden: [Gemeinde] { [muenster, ahlen, oelde, warendorfStadt, munster] }

    static func file(gebietsstand: String = "20251130", units: [Gebietseinheit] = units, gemeinden: [Gemeinde] = gemeinden) -> String {
        GV100ADWriter(gebietsstand: gebietsstand).file(units: units, gemeinden: gemeinden)
    }

    /// The register with the Samtgemeinde Schwarmstedt and its two Gemeinden.
    static func placesFile(gebietsstand: String = "20251130") -> String {
        file(gebietsstand: gebietsstand, units: units + [samtgemeindeSchwarmstedt], gemeinden: gemeinden + [schwarmstedt, buchholz])
    }

    /// Centres of every fixture Gemeinde (those not in a file are left out by the import).
    static var coordinates: [String: GeoPoint] {
        Dictionary(uniqueKeysWithValues: (gemeinden + [schwarmstedt, buchholz]).compactMap { g in g.coordinate.map { (g.ags, $0) } })
    }

    /// Imports `text` into the app's database and loads the register.
    @discardableResult
    static func importInto(_ app: Application, text: String = file(), fileName: String = "GV100AD_fixture.txt") async throws -> RegisterImportSummary
    {
        let summary = try await RegisterImporter(database: app.db, logger: app.logger)
            .importText(text, fileName: fileName, coordinates: coordinates)
        try await app.reloadRegister()
        return summary
    }
}

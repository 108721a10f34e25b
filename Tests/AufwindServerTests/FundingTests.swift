import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Förderprogramme: catalogue, eligibility check, admin editing")
struct FundingTests {
    static let dataDirectory = ServerProcess.projectRoot.appendingPathComponent("../shared/data").standardizedFileURL.path

    static var catalogueAvailable: Bool {
        FileManager.default.fileExists(atPath: dataDirectory + "/" + FundingImporter.fileName)
    }

    /// Tests on the reference catalogue run where it is (always in CI, where its absence fails
    /// them); elsewhere they show as skipped, with this reason.
    static var needsCatalogue: ConditionTrait {
        .enabled(if: catalogueAvailable || QualityGateTests.inCI, "foerderprogramme.json fehlt in ../shared/data (siehe README)")
    }

    @Test(
        "the catalogue is imported with its rules; pages show sources, warnings and the verdicts of real cases", needsCatalogue,
        arguments: TestDatabase.available)
    func catalogueAndCheck(database: TestDatabase) async throws {
        try #require(Self.catalogueAvailable, "foerderprogramme.json fehlt in \(Self.dataDirectory)")
        // the counts follow the catalogue: every programme is imported, each with its rules
        let catalogue = try FundingProgramme.catalogue(Data(contentsOf: URL(fileURLWithPath: Self.dataDirectory + "/" + FundingImporter.fileName)))
            .get()
        let total = GermanFormat.integer(catalogue.count)
        try await withAufwind(database, dataDirectory: Self.dataDirectory) { app in
            try await RegisterFixture.importInto(app)
            try await app.prepareFunding()
            #expect(app.fundingStore.catalog.programmes.count == catalogue.count)
            #expect(app.fundingStore.catalog.rules.values.filter { !$0.rules.isEmpty }.count == catalogue.count)
            let visitor = Browser(app)
            let list = try await visitor.get("/foerderprogramme")
            #expect(list.status == .ok && list.body.contains("\(total) Programme von \(total)") && list.body.contains("Förderrichtlinie IKZ NRW"))
            let open = try await visitor.get("/foerderprogramme?offen=1&handlungsfeld=klima-energie")
            #expect(!open.body.contains("Smarte.Land.Regionen") && open.body.contains("Kommunalrichtlinie"))

            let ziz = try await visitor.get("/foerderprogramme/ziz-bund")
            #expect(ziz.body.contains("Die Antragsfrist ist am 17.09.2021 abgelaufen.") && ziz.body.contains("https://innenstadtprogramm.bund.de"))
            let krl = try await visitor.get("/foerderprogramme/krl-kommunale-netzwerke")
            #expect(krl.body.contains("Die Angaben stammen von 2022 und sind älter als ein Jahr"))

            let eligible = try await visitor.get("/foerderprogramme/ikz-nrw/pruefen?mitglieder=Ahlen%2C%20Oelde&fuehrung=Ahlen&kosten=250.000")
            #expect(eligible.status == .ok && eligible.body.contains("Ergebnis: förderfähig"))
            #expect(eligible.body.contains("175.000 € für 2 Beteiligte aus Nordrhein-Westfalen"))
            let mixed = try await visitor.get("/foerderprogramme/ikz-nrw/pruefen?mitglieder=05570004%2C03358016")
            #expect(
                mixed.body.contains("Ergebnis: nicht förderfähig")
                    && mixed.body.contains("Munster liegt in Niedersachsen, nicht in Nordrhein-Westfalen."))
            let unknown = try await visitor.get("/foerderprogramme/ikz-nrw/pruefen?mitglieder=Atlantis&kosten=viel")
            #expect(
                unknown.status == .unprocessableEntity && unknown.body.contains("„Atlantis“: keine Gemeinde und kein Kreis gefunden.")
                    && unknown.body.contains("„viel“ ist kein Eurobetrag"))
            let duplicate = try await visitor.get("/foerderprogramme/ikz-nrw/pruefen?mitglieder=Ahlen%2CAhlen&fuehrung=Warendorf")
            #expect(duplicate.status == .unprocessableEntity && duplicate.body.contains("Ahlen ist doppelt im Verbund."))
            #expect(try await visitor.get("/foerderprogramme/gibt-es-nicht").status == .notFound)

            // the same through the API
            let api = try await visitor.get("/api/v1/foerderprogramme/ikz-nrw/pruefung?mitglieder=05570004,03358016&fuehrung=05570004")
            #expect(
                api.status == .ok && api.body.contains("\"urteil\":\"nicht-foerderfaehig\"") && api.body.contains("Munster liegt in Niedersachsen"))
            let estimate = try await visitor.get("/api/v1/foerderprogramme/ikz-nrw/pruefung?mitglieder=05570004,05570036&kosten=250000")
            #expect(estimate.body.contains("\"foerderung\":175000"))
            #expect(try await visitor.get("/api/v1/foerderprogramme/ikz-nrw/pruefung?mitglieder=05570004,05570004").status == .conflict)
            #expect(try await visitor.get("/api/v1/foerderprogramme/ikz-nrw/pruefung?mitglieder=05570004&fuehrung=05570036").status == .conflict)
            #expect(try await visitor.get("/api/v1/foerderprogramme/ikz-nrw/pruefung?mitglieder=99999999").status == .notFound)
            #expect(try await visitor.get("/api/v1/foerderprogramme/ikz-nrw/pruefung?mitglieder=Ahlen").status == .badRequest)
            // the other pinned cases, on this database too
            let big = try await visitor.get("/api/v1/foerderprogramme/buleplus-land-heimat-innovativ/pruefung?mitglieder=05570004,05570036")
            #expect(
                big.body.contains("Ahlen überschreitet die Einwohnergrenze von 35.000 (52.666 Einwohner)")
                    && !big.body.contains("Oelde überschreitet"))
            let smart = try await visitor.get("/api/v1/foerderprogramme/smarte-land-regionen/pruefung?mitglieder=05570,03358")
            #expect(smart.body.contains("Gemeinsame Anträge sind in diesem Programm ausgeschlossen"))
            let five = try await visitor.get(
                "/api/v1/foerderprogramme/krl-kommunale-netzwerke/pruefung?mitglieder=05515000,05570004,05570036,05570052,03358016")
            #expect(five.body.contains("Es fehlt noch mindestens ein weiteres Mitglied (nötig: mindestens 6, bisher 5)."))
            let six = try await visitor.get(
                "/api/v1/foerderprogramme/krl-kommunale-netzwerke/pruefung?mitglieder=05515000,05570004,05570036,05570052,03358016,05570")
            #expect(!six.body.contains("Mitglied (nötig"))
            let programmes = try await visitor.get("/api/v1/foerderprogramme")
            #expect(programmes.status == .ok && programmes.body.contains("\"id\":\"smarte-land-regionen\""))
            #expect(try await visitor.get("/api/v1/foerderprogramme/krl-kommunale-netzwerke").body.contains("\"art\":\"partnerzahl\""))
        }
    }

    @Test(
        "admins edit rules strictly: an unknown rule kind names programme, rule and field and saves nothing; stale saves are refused",
        needsCatalogue, arguments: TestDatabase.available)
    func adminEditing(database: TestDatabase) async throws {
        try #require(Self.catalogueAvailable, "foerderprogramme.json fehlt in \(Self.dataDirectory)")
        try await withAufwind(database, dataDirectory: Self.dataDirectory) { app in
            try await RegisterFixture.importInto(app)
            try await app.prepareFunding()
            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let browser = try await AccountFixture.signedIn(admin, app: app)
            let (_, member) = try await ItemFixture.member("anna@ahlen.de", of: ["05570004"], app: app)
            #expect(try await member.get("/foerderprogramme/ikz-nrw/bearbeiten").status == .forbidden)

            try await browser.get("/foerderprogramme/ikz-nrw/bearbeiten")
            let row = try #require(try await FundingProgrammeModel.find("ikz-nrw", on: app.db))
            let broken = row.rules.replacingOccurrences(of: "\"art\" : \"partnerzahl\"", with: "\"art\" : \"horoskop\"")
            let refused = try await browser.post("/foerderprogramme/ikz-nrw/bearbeiten", ["angaben": row.facts, "regeln": broken, "version": "1"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Programm „ikz-nrw“, Regel „partner-nrw“, Feld „art“: unbekannte Regelart „horoskop“"))
            let foreignSource = row.rules.replacingOccurrences(
                of: "https://mhkbd.nrw/foerderprogramme/foerderung-interkommunaler-zusammenarbeit-ikz-nrw", with: "https://example.org/erfunden")
            let uncited = try await browser.post(
                "/foerderprogramme/ikz-nrw/bearbeiten", ["angaben": row.facts, "regeln": foreignSource, "version": "1"])
            #expect(uncited.status == .unprocessableEntity && uncited.body.contains("ist keine Quelle des Programms"))
            #expect(try await FundingProgrammeModel.find("ikz-nrw", on: app.db)?.version == 1)

            // a valid change: at least 3 NRW partners; then a stale save is refused
            let stricter = row.rules.replacingOccurrences(of: "\"min\" : 2", with: "\"min\" : 3")
            #expect(
                try await browser.post("/foerderprogramme/ikz-nrw/bearbeiten", ["angaben": row.facts, "regeln": stricter, "version": "1"]).status
                    == .seeOther)
            let check = try await Browser(app).get("/foerderprogramme/ikz-nrw/pruefen?mitglieder=Ahlen%2C%20Oelde")
            #expect(check.body.contains("Es fehlt noch mindestens ein weiterer Partner aus Nordrhein-Westfalen (nötig: mindestens 3, bisher 2)."))
            try await browser.get("/foerderprogramme/ikz-nrw/bearbeiten")
            #expect(
                try await browser.post("/foerderprogramme/ikz-nrw/bearbeiten", ["angaben": row.facts, "regeln": row.rules, "version": "1"]).status
                    == .conflict)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "foerderprogramm-geaendert").count() == 1)
        }
    }
}

import AufwindCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

@Suite("Item search page and API: compounds, typos, topic names, partial results with Meinten Sie")
struct ItemSearchPageTests {
    static let ahlen = "05570004", oelde = "05570036"

    /// Three published items of two towns, created through the form.
    static func publishItems(_ app: Application) async throws {
        try await RegisterFixture.importInto(app)
        let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [Self.ahlen], app: app)
        let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [Self.oelde], app: app)
        _ = try await ItemFixture.create(
            anna, ItemFixture.form(kind: .vorhaben, title: "Ratsinformationssystem einführen", fields: [.digitaleVerwaltung], town: Self.ahlen))
        _ = try await ItemFixture.create(
            olga,
            ItemFixture.form(
                kind: .bedarf, title: "Informationssicherheitsbeauftragte gemeinsam bestellen", fields: [.digitaleVerwaltung], town: Self.oelde,
                extra: [("unterthemen[]", "digitale-verwaltung/it-sicherheit")]))
        _ = try await ItemFixture.create(
            olga, ItemFixture.form(kind: .angebot, title: "Kommunale Wärmeplanung", fields: [.klimaEnergie], town: Self.oelde))
    }

    @Test(
        "no item has all words: the partial results under their heading, the words not found, and a Meinten-Sie link, without JavaScript",
        arguments: TestDatabase.available)
    func partialResultsPage(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await Self.publishItems(app)
            let visitor = Browser(app)
            let page = try await visitor.get("/eintraege?q=Ratsinformationssytem%20Hallenbad&art=vorhaben")
            #expect(page.status == .ok)
            let html = StrictHTMLChecker(page.body)
            #expect(html.problems.isEmpty, "\(html.problems)")
            #expect(!page.body.contains("<script"))
            #expect(page.body.contains(#"<h2 id="teiltreffer">Ergebnisse mit einem Teil Ihrer Suchbegriffe</h2>"#))
            #expect(html.text.contains("Nicht gefunden: „Hallenbad“."))
            // the link keeps the filters and carries the corrected words as its text
            #expect(
                page.body.contains(
                    #"Meinten Sie „<a href="/eintraege?q=Ratsinformationssystem%20Hallenbad&amp;art=vorhaben">Ratsinformationssystem Hallenbad</a>“?"#
                ))
            #expect(page.body.contains("Ratsinformationssystem einführen") && !page.body.contains("Kommunale Wärmeplanung"))
            // heading, suggestion and list in this order
            let names = html.elements.map(\.name)
            let heading = try #require(names.firstIndex(of: "h2"))
            let list = try #require(html.elements.firstIndex { $0.name == "ul" && $0.attributes.contains { $0.value == "results" } })
            #expect(heading < list)

            // following the link: the corrected words find the item, but not the missing one
            let corrected = try await visitor.get("/eintraege?q=Ratsinformationssystem%20Hallenbad&art=vorhaben")
            #expect(corrected.body.contains("Ergebnisse mit einem Teil Ihrer Suchbegriffe") && !corrected.body.contains("Meinten Sie"))
        }
    }

    @Test("compound parts, typos and sub-theme names find items; stop words alone find nothing", arguments: TestDatabase.available)
    func germanWords(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await Self.publishItems(app)
            let visitor = Browser(app)
            let compound = try await visitor.get("/eintraege?q=Informationssicherheit")
            #expect(compound.body.contains("Informationssicherheitsbeauftragte gemeinsam bestellen"))
            #expect(compound.body.contains("1 Eintrag gefunden"))
            let subtheme = try await visitor.get("/eintraege?q=IT-Sicherheit")
            #expect(subtheme.body.contains("Informationssicherheitsbeauftragte gemeinsam bestellen") && subtheme.body.contains("1 Eintrag gefunden"))
            let typo = try await visitor.get("/eintraege?q=W%C3%A4rmeplannung")
            #expect(typo.body.contains("Kommunale Wärmeplanung") && typo.body.contains("Meinten Sie"))
            let general = try await visitor.get("/eintraege?q=und%20die%20Kommune")
            #expect(general.body.contains("nur sehr allgemeine Wörter") && !general.body.contains("gefunden,"))
        }
    }

    @Test("the API says when results are partial and offers the corrected text", arguments: TestDatabase.available)
    func api(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await Self.publishItems(app)
            try await app.testing().test(.GET, "/api/v1/eintraege?q=Ratsinformationssytem%20Hallenbad") { response in
                #expect(response.status == .ok)
                let list = try response.content.decode(ItemListDTO.self)
                #expect(list.teiltreffer && !list.zuAllgemein && list.total == 1)
                #expect(list.items.map(\.titel) == ["Ratsinformationssystem einführen"])
                #expect(list.ohneTreffer == ["Hallenbad"])
                #expect(list.meintenSie == "Ratsinformationssystem Hallenbad")
            }
            try await app.testing().test(.GET, "/api/v1/eintraege?q=W%C3%A4rmeplanung") { response in
                let list = try response.content.decode(ItemListDTO.self)
                #expect(!list.teiltreffer && list.total == 1 && list.meintenSie == nil && list.ohneTreffer.isEmpty)
            }
            try await app.testing().test(.GET, "/api/v1/eintraege?q=und") { response in
                let list = try response.content.decode(ItemListDTO.self)
                #expect(list.zuAllgemein && list.total == 0)
            }
        }
    }
}

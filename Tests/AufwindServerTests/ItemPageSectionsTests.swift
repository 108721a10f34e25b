import AufwindCore
import Foundation
import Testing
import Vapor

@testable import AufwindServer

/// The item page keeps its partner and funding sections rendered; whatever changes what they
/// show is on the next view.
@Suite("Item page sections kept per item, version and audience")
struct ItemPageSectionsTests {
    @Test(
        "a partner published, a partner drafted, an edit of the item and a new funding catalogue show on the next view",
        arguments: TestDatabase.available)
    func followsChanges(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let (ids, browser) = try await NearAndFarPartnerTests.world(app)
            try await FundingAdviceHTTPTests.plant(app)
            let path = "/eintraege/\(ids["frage"]!)"
            let first = try await browser.get(path).body
            #expect(
                first.contains("IT-Sicherheit im Verbund</a>")
                    && FundingAdviceHTTPTests.advised(first, after: "<h2>Passende Förderprogramme</h2>").contains("IKZ Test"))
            #expect(app.itemPageSections.count == 1)
            #expect(try await browser.get(path).body == first)

            // A new partner in Oelde: on the next view.
            let pairs = ItemFixture.form(
                kind: .angebot, title: "Informationssicherheit für Rathäuser", description: "Unsere Informationssicherheitsbeauftragte berät.",
                fields: [.digitaleVerwaltung], reach: .region, town: NearAndFarPartnerTests.oelde)
            let added = try await ItemFixture.create(browser, pairs)
            #expect(try await browser.get(path).body.contains("Informationssicherheit für Rathäuser</a>"))

            // Back to a draft: gone from the next view.
            let draft = try await browser.post(
                "/eintraege/\(added)/bearbeiten",
                pairs: ItemFixture.form(
                    kind: .angebot, title: "Informationssicherheit für Rathäuser", description: "Unsere Informationssicherheitsbeauftragte berät.",
                    fields: [.digitaleVerwaltung], reach: .region, town: NearAndFarPartnerTests.oelde, published: false, extra: [("version", "1")]))
            #expect(draft.status == .seeOther)
            #expect(try await !browser.get(path).body.contains("Informationssicherheit für Rathäuser</a>"))

            // The item itself edited to bundesweit: one list without the two groups.
            let edited = try await browser.post(
                "\(path)/bearbeiten",
                pairs: ItemFixture.form(
                    kind: .personalBedarf, title: "Informationssicherheitsbeauftragte gemeinsam bestellen",
                    description: "Wir möchten eine Informationssicherheitsbeauftragte mit Nachbarkommunen teilen.", fields: [.digitaleVerwaltung],
                    reach: .bundesweit, town: NearAndFarPartnerTests.ahlen,
                    extra: [
                        ("version", "1"), ("unterthemen[]", NearAndFarPartnerTests.itSicherheit), ("personal_rolle", "Fachkraft"),
                        ("personal_stunden", "10"), ("personal_dauer", "zwei Jahre"), ("personal_form", "gemeinsame-stelle"),
                    ]))
            #expect(edited.status == .seeOther, "\(edited.body.prefix(3000))")
            let wide = try await browser.get(path).body
            #expect(!wide.contains("<h3>In Ihrer Reichweite</h3>") && wide.contains("IT-Sicherheit im Verbund</a>"))

            // No funding programmes any more: the section goes.
            app.fundingStore.replace(with: .empty)
            #expect(try await !browser.get(path).body.contains("Passende Förderprogramme"))
        }
    }

    @Test("visitors never see a members-only partner another viewer's page was computed with", arguments: TestDatabase.available)
    func audiences(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let (ids, browser) = try await NearAndFarPartnerTests.world(app)
            let hidden = "Informationssicherheit nur für Kommunen"
            _ = try await ItemFixture.create(
                browser,
                ItemFixture.form(
                    kind: .angebot, title: hidden, description: "Unsere Informationssicherheitsbeauftragte berät.", fields: [.digitaleVerwaltung],
                    reach: .region, town: NearAndFarPartnerTests.oelde, visibility: .kommunen))
            let path = "/eintraege/\(ids["frage"]!)"
            #expect(try await browser.get(path).body.contains(hidden))
            let visitor = try await Browser(app).get(path)
            #expect(visitor.status == .ok && visitor.body.contains("IT-Sicherheit im Verbund</a>") && !visitor.body.contains(hidden))
            #expect(app.itemPageSections.count == 2)
        }
    }
}

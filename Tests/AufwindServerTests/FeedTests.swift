import AufwindCore
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Atom feeds per Handlungsfeld, Kreis and Land")
struct FeedTests {
    @Test("the validator refuses what RFC 4287 forbids")
    func validatorBites() {
        #expect(!AtomValidator.problems("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>").isEmpty)
        #expect(!AtomValidator.problems("<rss/>").isEmpty)
        #expect(!AtomValidator.problems("<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>x</id>").isEmpty)
    }

    @Test("feeds list public items only, validate as Atom and escape what towns typed", arguments: TestDatabase.available)
    func feeds(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: ["05570004"], app: app)
            let (_, moritz) = try await ItemFixture.member("moritz@munster.de", of: ["03358016"], app: app)
            _ = try await ItemFixture.create(
                anna,
                ItemFixture.form(
                    kind: .angebot, title: "Wärme & Klima <b>plan</b>", description: "Sonderzeichen: &, <, > und \"Anführung\"",
                    fields: [.klimaEnergie], town: "05570004"))
            _ = try await ItemFixture.create(
                anna, ItemFixture.form(title: "Nur für Kommunen", fields: [.klimaEnergie], town: "05570004", visibility: .kommunen))
            _ = try await ItemFixture.create(
                anna, ItemFixture.form(title: "Entwurf Klima", fields: [.klimaEnergie], town: "05570004", published: false))
            _ = try await ItemFixture.create(moritz, ItemFixture.form(title: "Radweg Heide", fields: [.mobilitaet], town: "03358016"))
            let visitor = Browser(app)
            for path in [
                "/feeds/handlungsfelder/klima-energie", "/feeds/kreise/05570", "/feeds/laender/05", "/feeds/laender/03",
                "/feeds/handlungsfelder/wohnen",
            ] {
                let response = try await visitor.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers.first(name: .contentType) == "application/atom+xml; charset=utf-8")
                #expect(AtomValidator.problems(response.body) == [], "\(path)")
                #expect(!response.body.contains("Nur für Kommunen") && !response.body.contains("Entwurf Klima"), "\(path)")
            }
            let klima = try await visitor.get("/feeds/handlungsfelder/klima-energie").body
            #expect(klima.contains("Angebot: Wärme &amp; Klima &lt;b&gt;plan&lt;/b&gt;") && !klima.contains("Radweg"))
            #expect(try await visitor.get("/feeds/laender/03").body.contains("Radweg Heide"))
            #expect(!(try await visitor.get("/feeds/kreise/05570").body.contains("Radweg")))
            #expect(try await visitor.get("/feeds/handlungsfelder/raumfahrt").status == .notFound)
            #expect(try await visitor.get("/feeds/kreise/99999").status == .notFound)
            #expect(try await visitor.get("/feeds/laender/05570").status == .notFound)
        }
    }
}

import AufwindCore
import Fluent
import Foundation
import Vapor

@testable import AufwindServer

/// Events for the event tests: founded through the form, with rooms and slots.
enum EventFixture {
    static let ahlen = "05570004", oelde = "05570036", warendorf = "05570052"

    /// The day `offset` days from today (events lie in the future so that meeting windows are open).
    static func day(_ offset: Int) -> String { ISODay.adding(offset, to: ISODay.today()) }

    static func id(_ location: String?) -> String { String((location ?? "").split(separator: "/").last ?? "") }

    /// Creates an event for `town` through the form; returns its path.
    static func create(_ browser: Browser, town: String, title: String = "Kleinstadt-Barcamp Westfalen", capacity: Int = 3, tables: Int = 1)
        async throws -> String
    {
        try await browser.get("/veranstaltungen/neu")
        let response = try await browser.post(
            "/veranstaltungen",
            [
                "veranstalter": "kommune:\(town)", "titel": title, "beschreibung": "Themen setzen wir selbst.", "erster_tag": day(7),
                "letzter_tag": day(8), "ort": "Ahlen, Rathaus", "online": "", "plaetze": String(capacity), "tische": String(tables),
            ])
        guard response.status == .seeOther else {
            throw FixtureFailure("creating the event failed: \(response.status) \(response.body.prefix(1500))")
        }
        return response.headers.redirectPath ?? ""
    }

    /// A second server instance on the same database (as behind a load balancer).
    static func withSecondInstance(of app: Application, _ body: (Application) async throws -> Void) async throws {
        let second = try await Application.make(.testing)
        do {
            try configure(second, config: app.aufwindConfig)
            try await body(second)
        } catch {
            try await second.asyncShutdown()
            throw error
        }
        try await second.asyncShutdown()
    }
}

import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Every page with hostile strings in every field")
struct HostileRenderingTests {
    /// GET routes that the crawl cannot visit, each with the reason. Every other GET route is
    /// visited, so a new route is covered (or fails here) without touching this test.
    static let notVisited: [String: String] = [
        "/veranstaltungen/:id/buehne/:block/live": "an event stream that stays open; its data is the JSON of …/zustand, visited",
        "/readyz": "JSON for the load balancer, 503 (by design) until the instance has loaded and follows the change log (ReadinessTests)",
    ]

    /// GET routes that answer no actor of the crawl with 200, each with the reason; their answers
    /// are still checked (an error page is HTML too).
    static let withoutPage: [String: String] = [
        "/api/v1/foerderprogramme/:id/pruefung": "JSON; asks for members in the query (400 without)",
        "/api/v1/verbuende/:id": "JSON for API tokens only (401 for a browser)",
        "/bestaetigen": "needs the token of a confirmation mail (400 without)",
        "/konto/email-bestaetigen": "needs the token of a confirmation mail (400 without)",
        "/nutzungsbedingungen/zustimmen": "only for someone who has not agreed to the current terms (the crawl's actors have: 303 on, or 401)",
        "/foerderprogramme/:id/pruefen": "asks for members (422 without); the visit with a hostile query checks the result",
        "/favicon.ico": "a redirect to /static/favicon.svg",
        "/metrics": "only for a loopback peer or with the metrics token",
        "/api/v1/atlas/kreise.geojson": "needs kreise.geojson in the data directory (404 without); AtlasTests read it with the data",
        "/meldungen/neu": "needs the kind and id of the content in the query (404 without); visited with them in morePages",
    ]

    /// Visited in addition: pages that echo what was asked for.
    static func echoingPaths(_ world: HostileWorld) -> [String] {
        let query = Hostile.text("Suche").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let event = world.parameters["veranstaltungen/:id"] ?? ""
        let verbund = world.parameters["verbuende/:id"] ?? ""
        return [
            "/suche?q=\(query)", "/gemeinden?q=\(query)", "/gemeinden?von=\(query)", "/eintraege?q=\(query)",
            "/foerderprogramme?handlungsfeld=\(query)",
            "/foerderprogramme/feindlich/pruefen?mitglieder=\(query)&fuehrung=\(query)&kosten=\(query)",
            "/verbuende/\(verbund)/kosten?betrag=\(query)&foerderung=\(query)&sockel=\(query)",
            "/veranstaltungen/\(event)/treffen?mit=\(query)&anlass=\(query)", "/bestaetigen?token=\(query)", "/passwort-neu?token=\(query)",
        ]
    }

    @Test("no hostile string escapes its place, every page parses, every planted value arrives whole", arguments: TestDatabase.available)
    func everyPage(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let world = try await HostileWorld.make(app)
            let actors: [(String, Browser)] = [
                ("anonymous", world.anonymous), ("member", world.member), ("organiser", world.organiser), ("admin", world.admin),
            ]
            var answered: [String: [String]] = [:]
            var seen: [String] = []
            var visited = 0
            func visit(_ path: String, route: String) async throws {
                for (actor, browser) in actors {
                    let page = try await browser.get(path)
                    answered[route, default: []].append("\(actor): \(page.status.code)")
                    if page.status.code >= 500 { Issue.record("\(path) as \(actor): \(page.status)") }
                    guard page.headers.contentType?.subType == "html" else { continue }
                    visited += 1
                    for forbidden in Hostile.forbiddenInPages where page.body.contains(forbidden) {
                        Issue.record("\(path) as \(actor): \(forbidden) appears raw")
                    }
                    let html = StrictHTMLChecker(page.body)
                    if !html.problems.isEmpty {
                        Issue.record("\(path) as \(actor) (\(page.status.code)):\n\(html.problems.joined(separator: "\n"))")
                    }
                    seen.append(html.text)
                    seen += html.elements.flatMap { $0.attributes.compactMap(\.value) }
                }
            }
            for route in app.routes.all where route.method == .GET {
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                guard Self.notVisited[pattern] == nil else { continue }
                guard let path = Self.fill(route.path, with: world.parameters) else {
                    Issue.record("\(pattern): no value for its parameters; add one to HostileWorld.parameters or list the route in notVisited")
                    continue
                }
                try await visit(path, route: pattern)
                let statuses = answered[pattern] ?? []
                if !statuses.contains(where: { $0.hasSuffix(": 200") }) && Self.withoutPage[pattern] == nil {
                    Issue.record("\(pattern) answered no actor with a page: \(statuses.joined(separator: ", "))")
                }
            }
            for path in Self.echoingPaths(world) + world.morePages { try await visit(path, route: path) }
            #expect(visited > 100)

            // Every planted string arrived whole somewhere: the crawl saw the fields it was meant to see.
            for (field, value) in world.planted where !seen.contains(where: { $0.contains(value) }) {
                Issue.record("the \(field) never appeared whole: \(value)")
            }
        }
    }

    /// The route's path with its parameters filled by the constant before each (`eintraege/:id`).
    static func fill(_ components: [PathComponent], with parameters: [String: String]) -> String? {
        var parts: [String] = []
        var previous = ""
        for component in components {
            switch component {
            case .constant(let constant):
                parts.append(constant)
                previous = constant
            case .parameter(let name):
                guard let value = parameters["\(previous)/:\(name)"] else { return nil }
                parts.append(value)
            case .anything, .catchall:
                return nil
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

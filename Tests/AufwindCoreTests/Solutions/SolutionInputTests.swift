import Foundation
import Testing

@testable import AufwindCore

@Suite("Solution input and references")
struct SolutionInputTests {
    static func raw() -> SolutionInput.Raw {
        SolutionInput.Raw(
            name: "  Wärmeplaner  ", shortDescription: "Kommunale Wärmeplanung", description: "Lange Beschreibung",
            handlungsfelder: ["klima-energie"], licence: "open-source", repositoryURL: "https://gitlab.opencode.de/x/y", licenceID: "EUPL-1.2",
            operations: ["vor-ort", "saas", "saas"], euHosting: "ja", interfaces: "XPlanung, FIT-Connect\nxplanung; OZG")
    }

    @Test("valid input is trimmed, operations ordered and interfaces listed once")
    func normalises() throws {
        let input = try SolutionInput.validate(Self.raw()).get()
        #expect(input.name == "Wärmeplaner")
        #expect(input.operations == [.saas, .vorOrt])
        #expect(input.interfaces == ["XPlanung", "FIT-Connect", "OZG"])
        #expect(input.euHosting)
    }

    @Test("every problem is named at once, in German")
    func problems() {
        var raw = Self.raw()
        raw.name = ""
        raw.repositoryURL = "javascript:alert(1)"
        raw.licenceID = "EUPL 1.2 ODER MIT"
        raw.operations = []
        raw.euHosting = nil
        raw.releaseDate = "2026-02-30"
        raw.version = "2.0"
        guard case .failure(let problems) = SolutionInput.validate(raw) else {
            Issue.record("accepted")
            return
        }
        let texts = problems.messages.map(\.text)
        #expect(texts.contains("Bitte füllen Sie „Name“ aus."))
        #expect(texts.contains { $0.contains("Repository") && $0.contains("https://") })
        #expect(texts.contains { $0.contains("SPDX") })
        #expect(texts.contains("Bitte wählen Sie mindestens eine Betriebsform."))
        #expect(texts.contains { $0.contains("EU") })
        #expect(texts.contains { $0.contains("Veröffentlicht am") })
    }

    @Test("proprietary solutions need no repository; a sub-theme brings its field")
    func proprietaryAndThemes() throws {
        var raw = Self.raw()
        raw.licence = "proprietaer"
        raw.repositoryURL = ""
        raw.handlungsfelder = []
        raw.unterthemen = ["klima-energie/waermeplanung"]
        let input = try SolutionInput.validate(raw).get()
        #expect(input.repositoryURL.isEmpty && input.licenceID.isEmpty)
        #expect(input.handlungsfelder == [.klimaEnergie])
    }

    @Test(
        "SPDX expressions",
        arguments: [
            ("EUPL-1.2", true), ("MIT OR Apache-2.0", true), ("(MIT AND BSD-3-Clause)", true),
            ("GPL-3.0-or-later WITH Classpath-exception-2.0", true), ("LicenseRef-proprietary", true), ("", false), ("MIT OR", false),
            ("<script>", false), ("(MIT", false),
        ])
    func spdx(expression: String, valid: Bool) {
        #expect(SPDXExpression.isWellFormed(expression) == valid)
    }

    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text + "T12:00:00Z")!
    }

    @Test("a confirmation is current for 12 months, shown with its date after, and stops counting after 18")
    func freshness() {
        let confirmed = Self.date("2025-01-15")
        #expect(ReferenceFreshness.of(confirmedAt: confirmed, now: Self.date("2026-01-14")) == .aktuell)
        #expect(ReferenceFreshness.of(confirmedAt: confirmed, now: Self.date("2026-01-16")) == .nachzufragen)
        #expect(ReferenceFreshness.of(confirmedAt: confirmed, now: Self.date("2026-07-14")) == .nachzufragen)
        #expect(ReferenceFreshness.of(confirmedAt: confirmed, now: Self.date("2026-07-16")) == .veraltet)
        let user = SolutionUser(townKey: "05570004", status: .imEinsatz, since: "2024", confirmedAt: confirmed, mayBeAsked: false)
        #expect(NearbyUsers.inUseCount([user], now: Self.date("2026-07-14")) == 1)
        #expect(NearbyUsers.inUseCount([user], now: Self.date("2026-07-16")) == 0)
    }

    @Test("nearby users: nearest first, unknown places after, replaced last")
    func ranking() {
        let now = Self.date("2026-11-30")
        let points: [String: GeoPoint] = [
            "near": GeoPoint(latitude: 51.9, longitude: 7.9), "far": GeoPoint(latitude: 48.1, longitude: 11.6),
            "old": GeoPoint(latitude: 51.95, longitude: 7.95),
        ]
        let users = [
            SolutionUser(townKey: "far", status: .imEinsatz, since: "", confirmedAt: now, mayBeAsked: true),
            SolutionUser(townKey: "nowhere", status: .imEinsatz, since: "", confirmedAt: now, mayBeAsked: false),
            SolutionUser(townKey: "old", status: .abgeloest, since: "", confirmedAt: now, mayBeAsked: false),
            SolutionUser(townKey: "near", status: .inErprobung, since: "", confirmedAt: now, mayBeAsked: false),
        ]
        let ranked = NearbyUsers.rank(users, from: GeoPoint(latitude: 51.96, longitude: 7.63), now: now) { points[$0] }
        #expect(ranked.map(\.user.townKey) == ["near", "far", "nowhere", "old"])
        #expect(ranked[0].km.map { $0 > 15 && $0 < 25 } == true)
        #expect(ranked[2].km == nil)
    }

    @Test("the proximity index finds each solution's nearest user")
    func proximity() {
        let index = SolutionProximityIndex(users: [
            "a": [GeoPoint(latitude: 48.1, longitude: 11.6), GeoPoint(latitude: 51.9, longitude: 7.9)],
            "b": [GeoPoint(latitude: 53.5, longitude: 10.0)], "none": [],
        ])
        #expect(index.solutionCount == 2)
        let nearest = index.nearest(from: GeoPoint(latitude: 51.96, longitude: 7.63))
        #expect(nearest["a"]! < 25)
        #expect(nearest["b"]! > 200)
        #expect(nearest["none"] == nil)
    }
}

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

    @Test("ranking only the first few gives the same first few as ranking all, ties and unknown places included")
    func rankLimited() {
        var generator = SystemRandomNumberGenerator()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let statuses = ReferenceStatus.allCases
        let users = (0..<400).map { index in
            SolutionUser(
                townKey: String(format: "%08d", (index * 7919) % 100_000), status: statuses[index % statuses.count], since: "",
                confirmedAt: now.addingTimeInterval(-Double.random(in: 0...(700 * 86_400), using: &generator)), mayBeAsked: false)
        }
        // Some towns share a place (equal distances), some have none.
        let points = Dictionary(
            uniqueKeysWithValues: users.enumerated().compactMap { index, user in
                index % 9 == 0 ? nil : (user.townKey, GeoPoint(latitude: 50 + Double(index % 37) / 10, longitude: 7 + Double(index % 23) / 10))
            })
        for origin in [GeoPoint(latitude: 51.7, longitude: 8.0), nil] {
            let all = NearbyUsers.rank(users, from: origin, now: now) { points[$0] }
            for limit in [1, 20, 399, 400, 500] {
                #expect(NearbyUsers.rank(users, from: origin, now: now, limit: limit) { points[$0] } == Array(all.prefix(limit)), "\(limit)")
            }
        }
    }

    @Test("the index's distances are the great-circle distances of GeoPoint, for near and far points")
    func proximityDistances() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let origin = GeoPoint(latitude: .random(in: 47...55, using: &generator), longitude: .random(in: 6...15, using: &generator))
            let points =
                (0..<5).map { _ in
                    GeoPoint(
                        latitude: origin.latitude + .random(in: -3...3, using: &generator),
                        longitude: origin.longitude + .random(in: -3...3, using: &generator))
                } + [GeoPoint(latitude: origin.latitude + 0.0001, longitude: origin.longitude)]
            let found = SolutionProximityIndex(users: [1: points]).nearest(from: origin)[1]!
            let expected = points.map { origin.distanceKm(to: $0) }.min()!
            #expect(abs(found - expected) < 0.000_5, "\(origin) \(points)")
        }
    }
}

@Suite("Reference freshness for many confirmations at once")
struct ReferenceFreshnessCutoffTests {
    @Test("the cutoffs answer exactly as the calendar: month ends, leap days, daylight saving, random instants")
    func sameAsCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        func date(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 12, _ min: Int = 0) -> Date {
            calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
        }
        var generator = SystemRandomNumberGenerator()
        var nows = [
            date(2026, 12, 1), date(2025, 2, 28), date(2025, 3, 1, 0, 0), date(2026, 3, 29, 3, 30), date(2026, 10, 25, 2, 30),
            date(2027, 8, 31, 23, 59), date(2028, 2, 29, 0, 30), date(2026, 4, 30, 12), date(2026, 3, 31, 1),
            Date(timeIntervalSince1970: 1_800_000_000.123),
        ]
        for _ in 0..<30 { nows.append(Date(timeIntervalSince1970: Double.random(in: 1_700_000_000...1_900_000_000, using: &generator))) }
        for now in nows {
            let cutoffs = ReferenceFreshness.Cutoffs(now: now)
            var instants = [
                date(2024, 2, 29), date(2024, 8, 31), date(2025, 8, 31), date(2024, 10, 31), date(2025, 2, 28), date(2025, 6, 1),
                now, now.addingTimeInterval(-1),
            ]
            for _ in 0..<400 {
                instants.append(now.addingTimeInterval(-Double.random(in: 0...(800 * 86_400), using: &generator)))
            }
            // Around each boundary, second by second.
            for months in [12, 18] {
                let edge = calendar.date(byAdding: .month, value: -months, to: now)!
                for offset in stride(from: -3_600.0, through: 3_600, by: 61) { instants.append(edge.addingTimeInterval(offset)) }
            }
            for instant in instants {
                #expect(cutoffs.of(confirmedAt: instant) == ReferenceFreshness.of(confirmedAt: instant, now: now), "\(instant) at \(now)")
            }
        }
    }
}

@Suite("Internet date-times written fast")
struct InternetDateTimeTests {
    @Test("the same text as JSONEncoder's iso8601, for leap days, year ends, fractions and random instants")
    func sameAsFoundation() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var generator = SystemRandomNumberGenerator()
        var instants: [Double] = [0, 951_782_400, 1_709_164_800, 1_735_689_599.999, 1_735_689_600, 4_102_444_800, 1_800_000_000.5]
        for _ in 0..<2_000 { instants.append(Double.random(in: 0...4_102_444_800, using: &generator)) }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            let foundation = String(decoding: try encoder.encode([date]), as: UTF8.self).dropFirst(2).dropLast(2)
            #expect(InternetDateTime.string(date) == String(foundation), "\(instant)")
        }
    }
}

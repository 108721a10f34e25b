import AufwindCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AufwindServer

/// Several instances on one database (issue 18): what one writes, the others follow without a
/// restart, through the change log. The tests wait up to `limit` (a full run loads two cores with
/// hundreds of tests); how fast it is (a second at most) is measured by the drill, not here.
@Suite("Several instances on one database: every in-memory copy follows every instance's writes")
struct SeveralInstancesTests {
    static let limit: Duration = .seconds(30)

    @Test(
        "a register import on one instance reaches the others; an item written on one is found and matched on the others",
        arguments: TestDatabase.available)
    func registerAndItems(database: TestDatabase) async throws {
        try await withInstances(database, count: 3) { apps in
            let (a, b, c) = (apps[0], apps[1], apps[2])
            // The import writes the register through A's database connection; B and C were started empty.
            _ = try await RegisterImporter(database: a.db, logger: a.logger)
                .importText(RegisterFixture.file(), fileName: "GV100AD_fixture.txt", coordinates: RegisterFixture.coordinates)
            for app in [b, c] {
                let followed0 = try await eventually(within: Self.limit) { app.registerStore.catalog.gemeinden.count == 5 }
                #expect(followed0 != nil)
            }

            let (_, ahlen) = try await ItemFixture.member("verwaltung@ahlen.de", of: ["05570004"], app: a)
            let itemID = try await ItemFixture.create(
                ahlen,
                ItemFixture.form(
                    kind: .angebot, title: "Digitale Schultafeln für Grundschulen", description: "Wir teilen unsere Schultafeln und Erfahrungen.",
                    town: "05570004"))
            let found = try await eventually(within: Self.limit) {
                try await Browser(b).get("/eintraege?q=Schultafeln").body.contains("Digitale Schultafeln für Grundschulen")
            }
            #expect(found != nil, "B finds A's item")
            // A need in Oelde written on C: C's partner search (and B's) offers Ahlen's solution.
            let (_, oelde) = try await ItemFixture.member("verwaltung@oelde.de", of: ["05570036"], app: c)
            let needID = try await ItemFixture.create(
                oelde,
                ItemFixture.form(kind: .bedarf, title: "Schultafeln gesucht", description: "Wir suchen digitale Schultafeln.", town: "05570036"))
            for app in [a, b] {
                let matched = try await eventually(within: Self.limit) {
                    guard let need = app.matchStore.engine.item(id: needID) else { return false }
                    return app.matchStore.engine.matches(for: need).contains { $0.item.id == itemID }
                }
                #expect(matched != nil)
            }
            // B edits (a draft again): the others drop it from the search.
            let (_, ahlenOnB) = try await ItemFixture.member("kollegin@ahlen.de", of: ["05570004"], app: b)
            try await ahlenOnB.get("/eintraege/\(itemID)/bearbeiten")
            let edited = try await ahlenOnB.post(
                "/eintraege/\(itemID)/bearbeiten",
                pairs: ItemFixture.form(kind: .angebot, title: "Digitale Schultafeln", town: "05570004", published: false) + [("version", "1")])
            #expect(edited.status == .seeOther)
            for app in [a, c] {
                let followed1 = try await eventually(within: Self.limit) { app.matchStore.search.item(id: itemID) == nil }
                #expect(followed1 != nil)
            }
        }
    }

    @Test(
        "a signed-in page reads the session from memory, and a sign-out on one instance ends it on every other",
        arguments: TestDatabase.available)
    func signOut(database: TestDatabase) async throws {
        try await withInstances(database, count: 2) { apps in
            let (a, b) = (apps[0], apps[1])
            let user = try await AccountFixture.user("buergermeisterin@oelde.de", on: a)
            let onA = try await AccountFixture.signedIn(user, app: a)
            let onB = Browser(b)
            onB.cookie = onA.cookie
            let first = try await onB.get("/konto")
            #expect(first.status == .ok)
            // B now holds the session in memory: the next views read nothing from the database.
            let hash = SecureToken.hash(try #require(onA.sessionCookie))
            #expect(b.sessionCache.entry(tokenHash: hash, now: b.now) != nil)

            let out = try await onA.post("/abmelden", [:])
            #expect(out.status == .seeOther)
            let ended = try await eventually(within: Self.limit) { try await onB.get("/konto").status != .ok }
            #expect(ended != nil, "B no longer accepts the ended session")
        }
    }

    @Test(
        "a membership confirmed on one instance gives the person the town's rights on every other",
        arguments: TestDatabase.available)
    func roleChange(database: TestDatabase) async throws {
        try await withInstances(database, count: 2) { apps in
            let (a, b) = (apps[0], apps[1])
            try await RegisterFixture.importInto(a)
            let user = try await AccountFixture.user("neu@ahlen.de", on: a)
            let onB = try await AccountFixture.signedIn(user, app: b)
            let before = try await onB.get("/eintraege/neu").body
            #expect(!before.contains("05570004"))
            let membership = MembershipModel(userID: try user.requireID(), kind: .kommune, orgKey: "05570004", message: "")
            membership.status = MembershipModel.Status.confirmed.rawValue
            try await membership.create(on: a.db)
            let granted = try await eventually(within: Self.limit) { try await onB.get("/eintraege/neu").body.contains("05570004") }
            let page = try await onB.get("/eintraege/neu").body
            #expect(granted != nil, "\(page.suffix(3000))")
        }
    }

    @Test(
        "the programme on one instance follows registrations on another: a seat given past every service brings „Mein Programm“, a cancellation takes it",
        arguments: TestDatabase.available)
    func registrationFollows(database: TestDatabase) async throws {
        try await withInstances(database, count: 2) { apps in
            let (a, b) = (apps[0], apps[1])
            let barcamp = try await BarcampScenario.published(a)
            let programme = barcamp.path + "/programm"
            let marking = "action=\"\(programme)/\(barcamp.radwege)/merken\""
            // Dora registers on A when every seat is taken: she waits. B keeps her session (and that she waits).
            let dora = try await AccountFixture.signedIn(try await AccountFixture.user("dora@example.org", on: a), app: a)
            try await barcamp.register(dora, "sonstige")
            let doraOnB = Browser(b)
            doraOnB.cookie = dora.cookie
            // B has applied everything written so far (nothing pending drops her entry by chance).
            try await b.changeFeed.catchUp()
            let waiting = try await doraOnB.get(programme).body
            #expect(waiting.contains("Radwege") && !waiting.contains(marking) && waiting.contains("Mein Aufwind"))
            let hash = SecureToken.hash(try #require(dora.sessionCookie))
            #expect(b.sessionCache.entry(tokenHash: hash, now: b.now)?.eventRegistrations.values.contains("warteliste") == true)

            // A gives her a seat by a statement of its own (as a job or an import would, past every
            // service): only the change log tells B, and B shows her programme with her marks.
            let doraID = try #require(try await UserModel.query(on: a.db).filter(\.$email == "dora@example.org").first()?.id)
            try await EventRegistrationModel.query(on: a.db).filter(\.$userID == doraID)
                .set(\.$status, to: EventRegistrationModel.Status.bestaetigt.rawValue).update()
            let seated = try await eventually(within: Self.limit) { try await doraOnB.get(programme).body.contains(marking) }
            #expect(seated != nil, "B shows Dora „Mein Programm“ once she has a seat")

            // Olga cancels on A: her view on B no longer has them.
            let olgaOnB = Browser(b)
            olgaOnB.cookie = barcamp.olga.cookie
            #expect(try await olgaOnB.get(programme).body.contains(marking))
            try await barcamp.olga.get(barcamp.path)
            #expect(try await barcamp.olga.post(barcamp.path + "/abmelden", [:]).status == .seeOther)
            let left = try await eventually(within: Self.limit) { try await !olgaOnB.get(programme).body.contains(marking) }
            #expect(left != nil)
        }
    }

    @Test(
        "the funding catalogue, a published programme's cached pages and the atlas follow other instances' writes",
        .enabled(if: FileManager.default.fileExists(atPath: FundingTests.dataDirectory + "/foerderprogramme.json")),
        arguments: TestDatabase.available)
    func fundingProgrammeAtlas(database: TestDatabase) async throws {
        try await withInstances(database, count: 2, dataDirectory: FundingTests.dataDirectory) { apps in
            let (a, b) = (apps[0], apps[1])
            let before = b.fundingStore.catalog.programmes.count
            #expect(before > 0)
            let removed = try #require(a.fundingStore.catalog.programmes.first?.id)
            try await FundingProgrammeModel.query(on: a.db).filter(\.$id == removed).delete()
            let followed2 = try await eventually(within: Self.limit) { b.fundingStore.catalog.programmes.count == before - 1 }
            #expect(followed2 != nil)

            try await RegisterFixture.importInto(a)
            let (_, ahlen) = try await ItemFixture.member("team@ahlen.de", of: ["05570004"], app: a)
            let eventPath = try await EventFixture.create(ahlen, town: "05570004")
            let eventID = try #require(UUID(uuidString: EventFixture.id(eventPath)))
            let key = "\(eventID.uuidString.lowercased())/html-liste"
            b.scheduleCache.store(key, .init(version: 1, body: ByteBuffer(string: "alt"), checkedAt: b.now, renderedAt: b.now))
            try await EventModel.query(on: a.db).filter(\.$id == eventID).set(\.$title, to: "Barcamp Münsterland").update()
            let followed3 = try await eventually(within: Self.limit) { b.scheduleCache.fresh(key, now: b.now) == nil }
            #expect(followed3 != nil)

            let engine = b.matchStore
            _ = try await b.atlas.snapshot(
                on: b.db, catalog: b.registerStore.catalog, funding: b.fundingStore.catalog, engine: { engine.engine }, now: b.now)
            #expect(b.atlas.isLoaded)
            let membership = MembershipModel(
                userID: try #require(try await UserModel.query(on: a.db).first()?.id), kind: .kommune, orgKey: "05570036", message: "")
            try await membership.create(on: a.db)
            let followed4 = try await eventually(within: Self.limit) { !b.atlas.isLoaded }
            #expect(followed4 != nil)
        }
    }
}

@Suite("Model snapshots: a cached model is the request's own and saves only what changed")
struct ModelSnapshotTests {
    @Test("a model made from a snapshot exists, is independent, and a save writes only the changed field", arguments: TestDatabase.available)
    func onlyChangedFields(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let user = try await AccountFixture.user("kasse@warendorf.de", on: app)
            let snapshot = ModelSnapshot(user)
            let first = try snapshot.make()
            let second = try snapshot.make()
            #expect(first !== second && first.email == "kasse@warendorf.de" && first.emailConfirmedAt != nil)
            // Meanwhile the person was made an administrator elsewhere.
            try await UserModel.query(on: app.db).filter(\.$id == user.requireID()).set(\.$isAdmin, to: true).update()
            first.displayName = "Kasse Warendorf"
            try await first.save(on: app.db)
            #expect(second.displayName == "kasse", "the other request's model is untouched")
            let stored = try #require(try await UserModel.find(user.requireID(), on: app.db))
            #expect(stored.displayName == "Kasse Warendorf")
            #expect(stored.isAdmin, "the stale cached value was not written back")
        }
    }
}

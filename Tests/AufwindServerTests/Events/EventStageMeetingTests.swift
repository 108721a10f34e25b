import AufwindCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AufwindServer

@Suite("Events: the pitch stage across two server instances, 1:1 meetings without double booking")
struct EventStageMeetingTests {
    typealias F = EventFixture

    struct StateDTO: Decodable {
        var revision: Int
        var stage: String
        var current: Pitcher?
        var next: Pitcher?
        var remainingMs: Int
        var running: Bool
        var serverNow: Int
        struct Pitcher: Decodable {
            var title: String
            var presenter: String
        }
    }

    @Test(
        "the stage state is shared by two instances: commands on one, views and the live stream on the other; concurrent commands are not lost",
        arguments: TestDatabase.available)
    func stageAcrossInstances(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [F.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [F.oelde], app: app)
            let path = try await F.create(anna, town: F.ahlen)
            try await anna.get(path + "/buehne")
            let bad = try await anna.post(path + "/buehne", ["titel": "Startups", "sekunden": "5"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("Sekunden je Pitch"))
            let created = try await anna.post(path + "/buehne", ["titel": "Startups in 100 Sekunden", "sekunden": "100"])
            let blockPath = try #require(created.headers.redirectPath).replacingOccurrences(of: "/moderation", with: "")
            #expect(try await anna.get(blockPath + "/moderation").body.contains("Noch keine Pitches in diesem Block"))
            for (who, what) in [
                ("Radwerk GmbH", "Leihräder für Pendler"), ("Schulcloud eG", "Tablets ohne Admin"), ("Ahlen", "Bauhof \"><script>alert(1)</script>"),
            ] {
                #expect(try await anna.post(blockPath + "/pitches", ["praesentiert": who, "titel": what, "person": ""]).status == .seeOther)
            }
            // A town presents its Vorhaben, an Anbieter pitches: linked, names taken from there
            let item = try await ItemFixture.create(anna, ItemFixture.form(kind: .vorhaben, title: "Gemeinsamer Radweg an der Werse", town: F.ahlen))
            let provider = OrganisationModel(
                kind: .anbieter, name: "Radwerk GmbH", website: "https://radwerk.example", description: "",
                foundedBy: try #require(try await UserModel.query(on: app.db).first()?.id))
            provider.status = MembershipModel.Status.confirmed.rawValue
            try await provider.create(on: app.db)
            try await anna.get(blockPath + "/moderation")
            let unknown = try await anna.post(
                blockPath + "/pitches", ["eintrag": "/eintraege/\(UUID().uuidString)", "praesentiert": "", "titel": "", "person": ""])
            #expect(unknown.status == .unprocessableEntity && unknown.body.contains("kein veröffentlichter, öffentlicher Eintrag"))
            #expect(
                try await anna.post(
                    blockPath + "/pitches", ["eintrag": "http://localhost/eintraege/\(item)", "praesentiert": "", "titel": "", "person": ""]
                ).status == .seeOther)
            #expect(
                try await anna.post(
                    blockPath + "/pitches", ["anbieter": provider.id!.uuidString, "praesentiert": "", "titel": "Mieträder für Pendler", "person": ""]
                ).status == .seeOther)
            let list = try await olga.get(path + "/buehne")
            #expect(list.body.contains("href=\"/eintraege/\(item)\">Gemeinsamer Radweg an der Werse</a>"))
            #expect(list.body.contains("Radwerk GmbH – <a href=\"/anbieter/\(provider.id!.uuidString.lowercased())\">Mieträder für Pendler</a>"))
            #expect(try await olga.get(blockPath + "/moderation").status == .forbidden)
            #expect(try await olga.post(blockPath + "/befehl", ["befehl": "start"]).status == .forbidden)

            try await F.withSecondInstance(of: app) { second in
                var config = app.aufwindConfig
                config.liveStreamSeconds = 0.6
                second.aufwindConfig = config
                let viewer = Browser(second)
                func state() async throws -> StateDTO {
                    try JSONDecoder().decode(StateDTO.self, from: Data(try await viewer.get(blockPath + "/zustand").body.utf8))
                }
                var seen = try await state()
                #expect(
                    seen.stage == "bereit" && seen.current?.presenter == "Radwerk GmbH" && seen.next?.presenter == "Schulcloud eG"
                        && seen.remainingMs == 100_000)

                // Anna starts on instance 1; instance 2 shows the running clock from the shared state
                // (counted down by the time that really passed: a busy machine may take seconds here)
                let startedAt = ContinuousClock.now
                #expect(try await anna.post(blockPath + "/befehl", ["befehl": "start"]).status == .seeOther)
                try await Task.sleep(for: .milliseconds(300))
                seen = try await state()
                let passed = ContinuousClock.now - startedAt
                let passedMs = Int(passed.components.seconds) * 1_000 + Int(passed.components.attoseconds / 1_000_000_000_000_000)
                #expect(seen.stage == "laeuft" && seen.running && seen.remainingMs < 100_000)
                #expect(seen.remainingMs >= 100_000 - passedMs - 1_000, "\(seen.remainingMs) ms left after \(passedMs) ms")
                let stageHTML = try await viewer.get(blockPath)
                #expect(stageHTML.body.contains("Radwerk GmbH: Leihräder für Pendler") && stageHTML.body.contains("http-equiv=\"refresh\""))
                #expect(stageHTML.body.contains("signal-normal"))

                // The live stream on instance 2 sends the state (with the server's clock)
                let live = try await viewer.get(blockPath + "/live")
                #expect(live.headers.contentType?.subType == "event-stream")
                #expect(
                    live.body.contains("retry: 1000") && live.body.contains("event: zustand") && live.body.contains("\"revision\":\(seen.revision)"))
                #expect(live.body.contains("\"serverNow\":"))

                // A moderator on instance 2 pauses; instance 1 sees it
                let moderator2 = Browser(second)
                moderator2.cookie = anna.cookie
                try await moderator2.get(blockPath + "/moderation")
                #expect(try await moderator2.post(blockPath + "/befehl", ["befehl": "pause"]).status == .seeOther)
                let paused = try JSONDecoder().decode(StateDTO.self, from: Data(try await anna.get(blockPath + "/zustand").body.utf8))
                #expect(paused.stage == "pausiert" && !paused.running)
                let refused = try await anna.post(blockPath + "/befehl", ["befehl": "pause"])
                #expect(refused.status == .conflict && refused.body.contains("Es läuft gerade kein Pitch."))

                // "Weiter" from both instances at the same moment: both count (no lost update)
                let block = try #require(try await PitchBlockModel.query(on: app.db).first())
                async let one = StageService(database: app.db).command(block, .weiter)
                async let two = StageService(database: second.db).command(block, .weiter)
                _ = try await (one, two)
                let after = try #require(try await PitchBlockModel.find(block.id, on: app.db))
                #expect(after.clockValue.current == 2 && after.clockValue.currentPitch != nil)
                seen = try await state()
                #expect(seen.current?.presenter == "Ahlen" && seen.stage == "wartet")
                // Text and the embedded state are escaped
                let escaped = try await viewer.get(blockPath).body
                #expect(!escaped.contains("<script>alert") && escaped.contains("&lt;script&gt;alert"))
            }
        }
    }

    @Test(
        "live stage over real HTTP: one poller per block feeds every stream, a state change reaches all, a per-address cap answers 429, the poller stops with the last stream",
        arguments: TestDatabase.available)
    func liveStreamsShareOnePoller(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [F.ahlen], app: app)
            let path = try await F.create(anna, town: F.ahlen)
            try await anna.get(path + "/buehne")
            let created = try await anna.post(path + "/buehne", ["titel": "Startups in 100 Sekunden", "sekunden": "100"])
            let blockPath = try #require(created.headers.redirectPath).replacingOccurrences(of: "/moderation", with: "")
            let blockID = try #require(blockPath.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
            try await anna.get(blockPath + "/moderation")
            for (who, what) in [("Radwerk GmbH", "Leihräder für Pendler"), ("Schulcloud eG", "Tablets ohne Admin")] {
                #expect(try await anna.post(blockPath + "/pitches", ["praesentiert": who, "titel": what, "person": ""]).status == .seeOther)
            }
            var config = app.aufwindConfig
            // Long enough that no stream reaches its deadline while the machine is busy with
            // other tests; the deadline itself is checked with a short stream at the end.
            config.liveStreamSeconds = 60
            config.liveStreamsPerAddress = 4
            app.aufwindConfig = config
            // The state is sent again every second here (5 s in service), so the test sees it.
            let broadcaster = StageBroadcaster(settings: .init(pollInterval: .milliseconds(250), resendInterval: .seconds(1)), clock: app.wallClock)
            app.stageBroadcaster = broadcaster
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            var clients: [StreamingClient] = []
            do {
                let port = try #require(app.http.server.shared.localAddress?.port)
                let live = blockPath + "/live"
                func open(from address: String) async throws -> StreamingClient {
                    let client = try await StreamingClient(live, port: port, from: address, group: app.eventLoopGroup)
                    clients.append(client)
                    return client
                }
                #expect(await broadcaster.pollers == 0)

                // Four streams from one address: each gets the state, one poller serves them all
                var first: [StreamingClient] = []
                for _ in 0..<4 { first.append(try await open(from: "127.0.0.1")) }
                for client in first {
                    #expect(try await client.wait { $0.contains("event: zustand") && $0.contains("\"stage\":\"bereit\"") }, "\(client.text)")
                    #expect(client.status == 200)
                }
                #expect(await broadcaster.listeners(of: blockID) == 4)
                #expect(await broadcaster.pollers == 1)
                let before = await broadcaster.polls
                let started = ContinuousClock.now
                try await Task.sleep(for: .milliseconds(1500))
                let polled = await broadcaster.polls - before
                let elapsed = ContinuousClock.now - started
                // One revision query per 250 ms for all four streams (four pollers would make four times as many)
                #expect(polled >= 1 && polled <= Int(elapsed / .milliseconds(250)) + 2, "\(polled) Abfragen in \(elapsed)")

                // A fifth stream from the same address is refused in German, with Retry-After; another address still gets one
                let refused = try await open(from: "127.0.0.1")
                #expect(try await refused.wait { _ in refused.isClosed })
                #expect(refused.status == 429, "\(refused.text)")
                #expect(refused.text.contains("Live-Ansichten") && !refused.text.contains("event: zustand"))
                let retryAfter = refused.text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("retry-after:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
                #expect(retryAfter.map { (1...60).contains($0) } == true, "\(refused.text)")
                let other = try await open(from: "127.0.0.2")
                #expect(try await other.wait { $0.contains("event: zustand") }, "\(other.text)")
                #expect(other.status == 200)
                #expect(await broadcaster.streams(of: "127.0.0.1") == 4)
                #expect(await broadcaster.streams(of: "127.0.0.2") == 1)
                #expect(await broadcaster.listeners(of: blockID) == 5)
                #expect(await broadcaster.pollers == 1)

                // A state change reaches every stream; the state is sent again without a change
                #expect(try await anna.post(blockPath + "/befehl", ["befehl": "start"]).status == .seeOther)
                for client in first + [other] {
                    #expect(try await client.wait { $0.contains("\"stage\":\"laeuft\"") }, "\(client.text)")
                }
                let running = other.frames
                #expect(try await other.wait { _ in other.frames > running }, "kein erneuter Zustand: \(other.text)")

                // A client that goes away frees its place (the next write fails)
                await first[0].close()
                #expect(try await eventually(timeout: .seconds(60)) { await broadcaster.streams(of: "127.0.0.1") == 3 })

                // When the last listeners leave, the poller stops and polls no more
                for client in first.dropFirst() + [other] { await client.close() }
                #expect(try await eventually(timeout: .seconds(60)) { await broadcaster.pollers == 0 })
                let stopped = await broadcaster.polls
                try await Task.sleep(for: .milliseconds(700))
                #expect(await broadcaster.polls == stopped)
                #expect(await broadcaster.streams(of: "127.0.0.1") == 0)
                #expect(await broadcaster.streams(of: "127.0.0.2") == 0)

                // A new stream starts a new poller, and ends properly at its deadline
                var short = app.aufwindConfig
                short.liveStreamSeconds = 5
                app.aufwindConfig = short
                let again = try await open(from: "127.0.0.1")
                #expect(try await again.wait { $0.contains("event: zustand") })
                #expect(try await eventually(timeout: .seconds(60)) { await broadcaster.polls > stopped })
                #expect(try await again.wait(timeout: .seconds(90)) { _ in again.isClosed })
                #expect(again.text.hasSuffix("0\r\n\r\n"), "Stream nicht ordentlich beendet: \(again.text.suffix(200))")
                #expect(try await eventually(timeout: .seconds(60)) { await broadcaster.pollers == 0 })
            } catch {
                for client in clients { await client.close() }
                await app.server.shutdown()
                throw error
            }
            for client in clients { await client.close() }
            await app.server.shutdown()
        }
    }

    @Test(
        "1:1 meetings: request, accept with a time and a table, no double booking (also at the same moment), expiry, decline, agenda",
        arguments: TestDatabase.available)
    func meetings(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let (_, anna) = try await ItemFixture.member("anna@ahlen.de", of: [F.ahlen], app: app)
            let (_, olga) = try await ItemFixture.member("olga@oelde.de", of: [F.oelde], app: app)
            let (_, cleo) = try await ItemFixture.member("cleo@warendorf.de", of: [F.warendorf], app: app)
            let (_, dora) = try await ItemFixture.member("dora@oelde.de", of: [F.oelde], app: app)
            let path = try await F.create(anna, town: F.ahlen, capacity: 10, tables: 1)
            try await anna.get(path)
            #expect(
                try await anna.post(path + "/zeitfenster", ["tag": F.day(7), "von": "14:00", "bis": "14:20", "art": "treffen"]).status == .seeOther)
            #expect(
                try await anna.post(path + "/zeitfenster", ["tag": F.day(7), "von": "14:20", "bis": "14:40", "art": "treffen"]).status == .seeOther)
            for (browser, town) in [(anna, F.ahlen), (olga, F.oelde), (cleo, F.warendorf), (dora, F.oelde)] {
                try await browser.get(path)
                #expect(try await browser.post(path + "/anmelden", ["fuer": "kommune:\(town)"]).status == .seeOther)
            }
            let people = try await EventRegistrationModel.query(on: app.db).all()
            func user(_ name: String) throws -> String { try #require(people.first { $0.userName == name }).userID.uuidString.lowercased() }
            let slots = try await EventSlotModel.query(on: app.db).sort(\.$startMinute).all()
            let first = slots[0].id!.uuidString.lowercased()
            let second = slots[1].id!.uuidString.lowercased()
            let meetings = path + "/treffen"

            // Olga and Cleo both ask Anna for the first window; self-requests and unknown windows are refused
            try await olga.get(meetings + "?mit=\(try user("anna"))&anlass=Pitch%3A%20Ahlen")
            #expect(
                try await olga.post(meetings, ["mit": try user("anna"), "zeitfenster": first, "anlass": "Pitch: Ahlen", "nachricht": "Bauhof?"])
                    .status == .seeOther)
            #expect(
                try await olga.post(meetings, ["mit": try user("anna"), "zeitfenster": first, "anlass": "", "nachricht": ""]).status == .conflict)
            #expect(try await olga.post(meetings, ["mit": try user("olga"), "zeitfenster": first]).status == .unprocessableEntity)
            #expect(try await olga.post(meetings, ["mit": try user("anna"), "zeitfenster": UUID().uuidString]).status == .unprocessableEntity)
            try await cleo.get(meetings)
            #expect(
                try await cleo.post(meetings, ["mit": try user("anna"), "zeitfenster": first, "anlass": "Teilnehmerliste", "nachricht": ""]).status
                    == .seeOther)

            // Anna accepts Olga (table 1); accepting Cleo for the same window is refused, nothing booked twice
            let requests = try await MeetingModel.query(on: app.db).sort(\.$createdAt).all()
            let fromOlga = try #require(requests.first { $0.requesterName == "olga" })
            let fromCleo = try #require(requests.first { $0.requesterName == "cleo" })
            let annaPage = try await anna.get(meetings)
            #expect(annaPage.body.contains("Pitch: Ahlen") && annaPage.body.contains("Bauhof?"))
            #expect(
                try await olga.post(meetings + "/\(fromOlga.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"]).status
                    == .forbidden)
            let accepted = try await anna.post(meetings + "/\(fromOlga.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"])
            #expect(accepted.status == .seeOther && accepted.headers.first(name: .location) == meetings + "?erfolg=treffen-vereinbart")
            let afterAccepting = try await anna.get(meetings + "?erfolg=treffen-vereinbart").body
            #expect(
                afterAccepting.contains("Treffen vereinbart.") && afterAccepting.contains("olga · ")
                    && afterAccepting.contains("14:00–14:15 Uhr, Tisch 1"))
            let double = try await anna.post(meetings + "/\(fromCleo.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"])
            #expect(double.status == .conflict)
            #expect(try await MeetingModel.find(fromCleo.id, on: app.db)?.statusValue == .angefragt)
            let planned = try #require(try await MeetingModel.find(fromOlga.id, on: app.db))
            #expect(planned.plannedStart == 14 * 60 && planned.tableNumber == 1)
            #expect(
                try await anna.post(meetings + "/\(fromCleo.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "ablehnen"])
                    .headers.first(name: .location) == meetings + "?erfolg=treffen-abgelehnt")
            #expect(try await anna.get(meetings + "?erfolg=treffen-abgelehnt").body.contains("Anfrage abgelehnt."))
            #expect(try await olga.get(path + "/agenda").body.contains("1:1 mit anna"))

            // The second window has one table: two different pairs accepted at the same moment → one gets it
            try await cleo.get(meetings)
            #expect(try await cleo.post(meetings, ["mit": try user("olga"), "zeitfenster": second]).status == .seeOther)
            try await dora.get(meetings)
            #expect(try await dora.post(meetings, ["mit": try user("anna"), "zeitfenster": second]).status == .seeOther)
            let pending = try await MeetingModel.query(on: app.db).filter(\.$status == MeetingModel.Status.angefragt.rawValue).all()
            let service = MeetingService(database: app.db, baseURL: "")
            let event = try #require(try await EventModel.query(on: app.db).first())
            async let a = Result { try await service.decide(pending[0], accept: true, event: event, now: app.now) }
            async let b = Result { try await service.decide(pending[1], accept: true, event: event, now: app.now) }
            let outcomes = await [a, b]
            #expect(outcomes.filter { if case .success = $0 { true } else { false } }.count == 1)
            let secondSlotID = try #require(slots[1].id)
            #expect(try await MeetingModel.query(on: app.db).filter(\.$slotID == secondSlotID).filter(\.$plannedStart == 14 * 60 + 20).count() == 1)

            // An expired request cannot be accepted
            try await dora.get(meetings)
            #expect(try await dora.post(meetings, ["mit": try user("cleo"), "zeitfenster": first]).status == .seeOther)
            let stale = try #require(
                try await MeetingModel.query(on: app.db).filter(\.$requesterName == "dora").filter(\.$inviteeName == "cleo").first())
            stale.expiresAt = Date().addingTimeInterval(-60)
            try await stale.update(on: app.db)
            try await cleo.get(meetings)
            let late = try await cleo.post(meetings + "/\(stale.id!.uuidString.lowercased())/entscheidung", ["entscheidung": "annehmen"])
            #expect(late.status == .gone && late.body.contains("abgelaufen"))
            #expect(try await cleo.get(meetings).body.contains("abgelaufen"))

            // Privacy: the export lists the event; deleting the account frees the place, the meeting
            // and the names
            let export = try await olga.get("/konto/daten.json")
            #expect(
                export.body.contains("\"veranstaltungen\"") && export.body.contains("Kleinstadt-Barcamp Westfalen")
                    && export.body.contains("mit anna"))
            try await olga.get("/konto")
            #expect(try await olga.post("/konto/loeschen", ["passwort": "passwort-olga@oelde.de"]).status == .seeOther)
            #expect(try await EventRegistrationModel.query(on: app.db).filter(\.$userName == "olga").count() == 0)
            #expect(try await MeetingModel.query(on: app.db).filter(\.$requesterName == "olga").count() == 0)
            #expect(try await MeetingModel.query(on: app.db).filter(\.$slotID == slots[0].id!).filter(\.$plannedStart != nil).count() == 0)
            #expect(try await anna.get(meetings).body.contains("ehemaliges Mitglied"))
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

import AufwindCore
import Fluent
import Vapor

/// A participant's personal meeting plan: the page (printable), and the same as a calendar feed
/// whose signed address is the permission (`ProgrammeFeedLink`, feed `meine-treffen`).
struct MeetingPlanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("veranstaltungen", ":id", "treffen", "plan", use: show)
        routes.get("kalender", "meine-treffen", ":token", use: feed)
    }

    /// The agreed meetings of one person in one event, planned ones in time order first.
    struct Entry {
        var meeting: MeetingModel
        var window: EventSlotModel
        var other: String
        var place: MeetingWindowPlanner.Assignment?
        var interval: DateInterval? {
            guard let place, let start = SlotGrid.instant(day: window.day, minutes: place.start),
                let end = SlotGrid.instant(day: window.day, minutes: place.end)
            else { return nil }
            return DateInterval(start: start, end: end)
        }
    }

    static func entries(of userID: UUID, in event: EventModel, on db: any Database) async throws -> [Entry] {
        let meetings = try await MeetingModel.query(on: db).filter(\.$eventID == event.requireID())
            .filter(\.$status == MeetingModel.Status.angenommen.rawValue)
            .group(.or) { $0.filter(\.$requesterID == userID).filter(\.$inviteeID == userID) }.all()
        let windowIDs = Array(Set(meetings.map(\.slotID)))
        let windows = windowIDs.isEmpty ? [] : try await EventSlotModel.query(on: db).filter(\.$id ~~ windowIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: windows.map { ($0.id!, $0) })
        return meetings.compactMap { m -> Entry? in
            guard let window = byID[m.slotID] else { return nil }
            let place = m.plannedStart.map { MeetingWindowPlanner.Assignment(start: $0, end: $0 + window.meetingLength, table: m.tableNumber ?? 1) }
            return Entry(meeting: m, window: window, other: m.requesterID == userID ? m.inviteeName : m.requesterName, place: place)
        }.sorted { a, b in
            (a.place == nil ? 1 : 0, a.window.day, a.place?.start ?? a.window.startMinute, a.other)
                < (b.place == nil ? 1 : 0, b.window.day, b.place?.start ?? b.window.startMinute, b.other)
        }
    }

    /// What the meeting is about: the message, else where the request came from ("Pitch: …").
    static func topic(_ meeting: MeetingModel) -> String {
        if !meeting.message.isEmpty { return meeting.message }
        return meeting.context == MeetingsPage.listContext ? "" : meeting.context
    }

    @Sendable func show(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let me = try access.requireParticipant(request)
        let entries = try await Self.entries(of: me.userID, in: access.event, on: request.db)
        let others = Set(entries.flatMap { [$0.meeting.requesterID, $0.meeting.inviteeID] }).subtracting([me.userID])
        let registrations =
            others.isEmpty
            ? []
            : try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(\.$userID ~~ Array(others)).all()
        let orgs = Dictionary(registrations.map { ($0.userID, $0.orgName) }, uniquingKeysWith: { a, _ in a })
        let links = ProgrammeFeedLink(key: try await ServerSecret.key(ServerSecret.programmeFeeds, on: request.db), feed: .meetings)
        let page = MeetingPlanPage(
            eventPath: access.event.path, eventTitle: access.event.title, place: access.event.place, personName: me.userName,
            rows: entries.map { entry in
                let otherID = entry.meeting.requesterID == me.userID ? entry.meeting.inviteeID : entry.meeting.requesterID
                return MeetingPlanPage.Row(
                    day: GermanFormat.date(iso: entry.window.day),
                    time: entry.place.map { $0.timeLabel + " Uhr" } ?? "noch ohne Platz (Sie erfahren es, sobald es einen gibt)",
                    table: entry.place.map { String($0.table) } ?? "–", other: entry.other, organisation: orgs[otherID] ?? "",
                    topic: Self.topic(entry.meeting))
            },
            feedPath: links.path(for: me.userID, event: access.eventID))
        return HTMLResponse.render(page, request: request)
    }

    /// The planned meetings of one person in one event, for calendar apps.
    @Sendable func feed(request: Request) async throws -> Response {
        let links = ProgrammeFeedLink(key: try await ServerSecret.key(ServerSecret.programmeFeeds, on: request.db), feed: .meetings)
        guard let target = links.verify(request.parameters.get("token") ?? ""),
            try await UserModel.find(target.userID, on: request.db) != nil,
            let event = try await EventModel.find(target.eventID, on: request.db)
        else { throw ProblemDetails.notFound("Diesen Kalender gibt es nicht (der Link ist unbekannt).") }
        let base = request.application.aufwindConfig.baseURL
        let events = try await Self.entries(of: target.userID, in: event, on: request.db).compactMap { entry -> ICalendar.Event? in
            guard let interval = entry.interval, let place = entry.place else { return nil }
            return ICalendar.Event(
                uid: "\(entry.meeting.id!.uuidString.lowercased())-\(target.userID.uuidString.lowercased())-treffen@aufwind", date: entry.window.day,
                summary: "1:1-Treffen mit \(entry.other)", description: Self.topic(entry.meeting),
                url: "\(base)\(event.path)/treffen/plan", interval: interval,
                location: ["Tisch \(place.table)", event.place].filter { !$0.isEmpty }.joined(separator: ", "))
        }
        let ics = ICalendar(name: "Meine 1:1-Treffen – \(event.title)", events: events).ics(now: request.now)
        return FileDownload.response(ics, format: .calendar, cacheControl: "private, max-age=300")
    }
}

import AufwindCore
import Fluent
import Vapor

/// The published programme and its exports (iCal, Frab XML/JSON, room signs), and each
/// participant's agenda (page and iCal).
struct ScheduleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let event = routes.grouped("veranstaltungen", ":id")
        event.get("programm", use: programme)
        event.get("programm.ics", use: calendar)
        event.get("programm.csv", use: programmeCSV)
        event.get("programm.xml", use: frabXML)
        event.get("programm.json", use: frabJSON)
        event.get("raumschilder", use: roomSigns)
        event.get("agenda", use: agenda)
        event.get("agenda.ics", use: agendaCalendar)
    }

    /// What a published version says, with times, hosts and fields filled in.
    struct Published {
        var event: EventModel
        var version: ScheduleVersionModel
        var slots: [String: EventSlotModel]
        var sessions: [String: EventSessionModel]
        var hosts: [String: [String]]
        var placements: [ScheduleChange.Placement]
        var rooms: [String]
        /// Room name → the room's id (for the rooms' guids in the Frab exports).
        var roomIDs: [String: UUID]
        var pitchBlocks: [PitchBlockModel] = []

        func interval(_ placement: ScheduleChange.Placement) -> DateInterval? { slots[placement.slot]?.interval }
        func hostNames(_ session: String) -> String { (hosts[session] ?? []).joined(separator: ", ") }
    }

    static func loadPublished(_ event: EventModel, on db: any Database) async throws -> Published? {
        let eventID = try event.requireID()
        guard let version = try await PlanningService(database: db).latestVersion(eventID) else { return nil }
        let slots = try await EventSlotModel.query(on: db).filter(\.$eventID == eventID).all()
        let sessions = try await EventSessionModel.query(on: db).filter(\.$eventID == eventID).all()
        let hosts = sessions.isEmpty ? [] : try await EventSessionHostModel.query(on: db).filter(\.$sessionID ~~ sessions.compactMap(\.id)).all()
        let roomModels = try await EventRoomModel.query(on: db).filter(\.$eventID == eventID).sort(\.$createdAt).all()
        let pitchBlocks = try await PitchBlockModel.query(on: db).filter(\.$eventID == eventID).sort(\.$createdAt).all()
        return Published(
            event: event, version: version, slots: Dictionary(uniqueKeysWithValues: slots.map { ($0.id!.uuidString.lowercased(), $0) }),
            sessions: Dictionary(uniqueKeysWithValues: sessions.map { ($0.key, $0) }),
            hosts: Dictionary(grouping: hosts, by: { $0.sessionID.uuidString.lowercased() }).mapValues { $0.map(\.userName).sorted() },
            placements: version.placementList, rooms: roomModels.map(\.name),
            roomIDs: Dictionary(roomModels.compactMap { room in room.id.map { (room.name, $0) } }, uniquingKeysWith: { first, _ in first }),
            pitchBlocks: pitchBlocks)
    }

    private func event(_ request: Request) async throws -> EventModel {
        guard let event = try await EventModel.find(try request.uuid("id"), on: request.db) else {
            throw ProblemDetails.notFound("Diese Veranstaltung gibt es nicht.")
        }
        return event
    }

    private func published(_ request: Request) async throws -> Published {
        guard let published = try await Self.loadPublished(try await event(request), on: request.db) else {
            throw ProblemDetails.notFound("Für diese Veranstaltung ist noch kein Programm veröffentlicht.")
        }
        return published
    }

    /// A cached rendering (the same bytes for everybody); the newest version number decides
    /// whether the copy is still current.
    private func cachedEntry(_ request: Request, format: String, render: @escaping (Published) -> (body: String, title: String)) async throws
        -> ScheduleCache.Entry
    {
        let eventID = try request.uuid("id")
        let key = "\(eventID.uuidString.lowercased())/\(format)"
        let cache = request.application.scheduleCache
        if let entry = cache.fresh(key, now: request.now) { return entry }
        if var entry = cache.stale(key, now: request.now),
            let latest = try await ScheduleVersionModel.query(on: request.db).filter(\.$eventID == eventID).max(\.$number), latest == entry.version
        {
            entry.checkedAt = request.now
            cache.store(key, entry)
            return entry
        }
        let published = try await published(request)
        let rendered = render(published)
        let entry = ScheduleCache.Entry(
            version: published.version.number, body: ByteBuffer(string: rendered.body), checkedAt: request.now, renderedAt: request.now,
            event: .init(title: published.event.title, organiser: published.event.organiser), pageTitle: rendered.title)
        cache.store(key, entry)
        return entry
    }

    private func cachedBody(_ request: Request, format: String, render: @escaping (Published) -> String) async throws -> ByteBuffer {
        try await cachedEntry(request, format: format) { (render($0), "") }.body
    }

    private func respond(_ body: ByteBuffer, contentType: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = contentType
        headers.add(name: .cacheControl, value: "public, max-age=30")
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    private func cached(_ request: Request, format: String, contentType: HTTPMediaType, render: @escaping (Published) -> String) async throws
        -> Response
    {
        respond(try await cachedBody(request, format: format, render: render), contentType: contentType)
    }

    /// Anonymous visitors get the whole cached page (one copy per view); signed-in ones the
    /// cached programme inside a layout with their navigation — except participants and the
    /// team, whose page carries their own "Mein Programm" buttons and is rendered for them.
    @Sendable func programme(request: Request) async throws -> Response {
        let presentation = ProgrammePage.Presentation(query: try? request.query.get(String.self, at: "ansicht"))
        func page(_ published: Published, marking: ProgrammePage.Marking? = nil) -> ProgrammePage {
            ProgrammePage(
                eventPath: published.event.path, eventTitle: published.event.title, when: EventsController.when(published.event),
                place: published.event.place.isEmpty ? "online" : published.event.place, programme: Self.programme(published),
                presentation: presentation, marking: marking)
        }
        if request.currentUser == nil {
            return try await cached(request, format: "html-\(presentation.rawValue)", contentType: .html) { published in
                Layout(page: page(published), currentPath: request.url.path, notice: nil, signedIn: false).html().render()
            }
        }
        // The programme everybody gets, inside the person's layout — unless they are inside the
        // event (their registration is known from the session, the organiser from the cached copy).
        let fragment = try await cachedEntry(request, format: "fragment-\(presentation.rawValue)") { published in
            let page = page(published)
            return (page.content().render(), page.title)
        }
        if let registrations = request.sessionEventRegistrations, let event = fragment.event {
            let standing = EventStanding(
                title: event.title, organiser: event.organiser,
                registration: registrations[try request.uuid("id")].flatMap(EventParticipation.init(rawValue:)))
            if !request.may(.enterEvent, .event(standing)) { return rendered(fragment, request: request) }
        }
        let access = try await EventAccess.load(request)
        guard access.isInside else { return rendered(fragment, request: request) }
        let published = try await published(request)
        let marked = try await ProgrammeFavouriteService(database: request.db).marked(in: access.eventID, by: try request.requireUser().requireID())
        return HTMLResponse.render(page(published, marking: .init(csrf: CSRF.token(for: request), marked: marked)), request: request)
    }

    private func rendered(_ fragment: ScheduleCache.Entry, request: Request) -> Response {
        HTMLResponse.render(title: fragment.pageTitle, content: fragment.body, request: request)
    }

    static func timetable(_ published: Published) -> ProgrammeTimetable {
        ProgrammeTimetable(
            slots: published.slots.values.map(\.slot), rooms: published.rooms,
            sessions: published.placements.map { p in
                .init(
                    id: p.session, title: p.title, hosts: published.hostNames(p.session), field: published.sessions[p.session]?.fieldValue,
                    room: p.room, slot: p.slot)
            })
    }

    static func programme(_ published: Published) -> PublishedProgramme {
        PublishedProgramme(
            timetable: timetable(published), meetingTables: published.event.meetingTables,
            pitchBlocks: published.pitchBlocks.map { (title: $0.title, path: "\(published.event.path)/buehne/\($0.id!.uuidString.lowercased())") },
            version: published.version.number, publishedAt: published.version.createdAt, changes: published.version.changeList)
    }

    /// The programme for German Excel (semicolons, UTF-8 with BOM), cached like the others.
    @Sendable func programmeCSV(request: Request) async throws -> Response {
        let body = try await cachedBody(request, format: "csv") { Self.timetable($0).csv() }
        return FileDownload.response(Response.Body(buffer: body), format: .csv, filename: "programm.csv", cacheControl: "public, max-age=30")
    }

    // MARK: Exports

    private func location(_ published: Published, room: String) -> String {
        [room, published.event.place].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    @Sendable func calendar(request: Request) async throws -> Response {
        let base = request.application.aufwindConfig.baseURL
        return try await cached(request, format: "ics", contentType: FileDownload.Format.calendar.mediaType) { published in
            ICalendar(
                name: published.event.title,
                events: published.placements.compactMap { p in
                    guard let interval = published.interval(p) else { return nil }
                    return ICalendar.Event(
                        uid: "\(p.session)@aufwind", date: published.slots[p.slot]?.day ?? "", summary: p.title,
                        description: "Leitung: \(published.hostNames(p.session))", url: "\(base)\(published.event.path)/sessions/\(p.session)",
                        interval: interval, location: location(published, room: p.room))
                }
            ).ics()
        }
    }

    static func frab(_ published: Published, baseURL: String) -> FrabSchedule {
        let event = published.event
        let eventID = event.id!
        return FrabSchedule(
            version: "Version \(published.version.number)", acronym: FrabIdentifiers.acronym(event: eventID), title: event.title,
            baseURL: baseURL + event.path + "/", firstDay: event.firstDay, lastDay: event.lastDay,
            rooms: published.rooms.compactMap { name in
                published.roomIDs[name].map { .init(name: name, guid: FrabIdentifiers.roomGUID(event: eventID, room: $0)) }
            },
            talks: published.placements.compactMap { p in
                guard let slot = published.slots[p.slot], let session = published.sessions[p.session] else { return nil }
                return FrabSchedule.Talk(
                    guid: p.session, id: session.number, day: slot.day, start: slot.startMinute, end: slot.endMinute, room: p.room, title: p.title,
                    track: session.fieldValue?.label ?? "", abstract: session.summary, persons: published.hosts[p.session] ?? [],
                    url: baseURL + event.path + "/sessions/" + p.session)
            })
    }

    @Sendable func frabXML(request: Request) async throws -> Response {
        let base = request.application.aufwindConfig.baseURL
        return try await cached(request, format: "xml", contentType: FileDownload.Format.xml.mediaType) {
            Self.frab($0, baseURL: base).xml()
        }
    }

    @Sendable func frabJSON(request: Request) async throws -> Response {
        let base = request.application.aufwindConfig.baseURL
        return try await cached(request, format: "json", contentType: .json) { Self.frab($0, baseURL: base).json() }
    }

    @Sendable func roomSigns(request: Request) async throws -> Response {
        let published = try await published(request)
        let rooms = published.rooms.map { room in
            (
                name: room,
                entries: published.placements.filter { $0.room == room }
                    .sorted {
                        (published.slots[$0.slot]?.day ?? "", published.slots[$0.slot]?.startMinute ?? 0) < (
                            published.slots[$1.slot]?.day ?? "", published.slots[$1.slot]?.startMinute ?? 0
                        )
                    }
                    .map { (time: $0.slotLabel, title: $0.title, hosts: published.hostNames($0.session)) }
            )
        }
        return HTMLResponse.render(RoomSignsPage(eventTitle: published.event.title, rooms: rooms), request: request)
    }

    // MARK: Personal agenda

    struct AgendaItem {
        var interval: DateInterval?
        var day: String
        var label: String
        var title: String
        var kind: String
        var place: String
        var link: String?
        var uid: String
    }

    private func agendaItems(_ request: Request) async throws -> (EventAccess, [AgendaItem]) {
        let access = try await EventAccess.load(request)
        try access.requireInside(request)
        let me = try request.requireUser().requireID()
        var items: [AgendaItem] = []
        if let published = try await Self.loadPublished(access.event, on: request.db) {
            let votes = Set(
                try await EventVoteModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(\.$userID == me).all().map {
                    $0.sessionID.uuidString.lowercased()
                })
            let ids = published.sessions.values.compactMap(\.id)
            let own =
                ids.isEmpty
                ? Set<String>()
                : Set(
                    try await EventSessionHostModel.query(on: request.db).filter(\.$sessionID ~~ ids).filter(\.$userID == me).all()
                        .map { $0.sessionID.uuidString.lowercased() })
            let favourites = try await ProgrammeFavouriteService(database: request.db).marked(in: access.eventID, by: me)
            for p in published.placements where votes.contains(p.session) || own.contains(p.session) || favourites.contains(p.session) {
                items.append(
                    .init(
                        interval: published.interval(p), day: published.slots[p.slot]?.day ?? "", label: p.slotLabel, title: p.title,
                        kind: own.contains(p.session) ? "eigene Session" : favourites.contains(p.session) ? "Mein Programm" : "Session",
                        place: p.room,
                        link: "\(access.event.path)/sessions/\(p.session)", uid: "\(p.session)-\(me.uuidString.lowercased())@aufwind"))
            }
        }
        // Agreed meetings at their planned time and table (without a place yet: the window).
        for entry in try await MeetingPlanController.entries(of: me, in: access.event, on: request.db) {
            items.append(
                .init(
                    interval: entry.interval ?? entry.window.interval, day: entry.window.day,
                    label: entry.place.map { "\(GermanFormat.date(iso: entry.window.day)), \($0.timeLabel) Uhr" } ?? entry.window.label,
                    title: "1:1 mit \(entry.other)", kind: "Treffen", place: entry.place.map { "Tisch \($0.table)" } ?? "noch ohne Zeit",
                    link: access.event.path + "/treffen/plan", uid: "\(entry.meeting.id!.uuidString.lowercased())@aufwind"))
        }
        items.sort { ($0.interval?.start ?? .distantFuture) < ($1.interval?.start ?? .distantFuture) }
        return (access, items)
    }

    @Sendable func agenda(request: Request) async throws -> Response {
        let (access, items) = try await agendaItems(request)
        let clashes = AgendaClashes.find(items.compactMap { item in item.interval.map { AgendaClashes.Entry(id: item.uid, interval: $0) } })
        let titles = Dictionary(items.map { ($0.uid, $0.title) }, uniquingKeysWith: { first, _ in first })
        let feed = ProgrammeFeedLink(key: try await ServerSecret.key(ServerSecret.programmeFeeds, on: request.db))
            .path(for: try request.requireUser().requireID(), event: access.eventID)
        let page = AgendaPage(
            eventPath: access.event.path, eventTitle: access.event.title,
            entries: items.map {
                .init(
                    when: $0.label, what: $0.title, kind: $0.kind, place: $0.place, link: $0.link,
                    clashesWith: (clashes[$0.uid] ?? []).compactMap { titles[$0] })
            }, favouritesFeed: request.application.aufwindConfig.baseURL + feed)
        return HTMLResponse.render(page, request: request)
    }

    @Sendable func agendaCalendar(request: Request) async throws -> Response {
        let (access, items) = try await agendaItems(request)
        let base = request.application.aufwindConfig.baseURL
        let ics = ICalendar(
            name: "Meine Agenda – \(access.event.title)",
            events: items.compactMap { item in
                guard let interval = item.interval else { return nil }
                return ICalendar.Event(
                    uid: item.uid, date: item.day, summary: item.title, description: item.kind, url: item.link.map { base + $0 },
                    interval: interval, location: item.place)
            }
        ).ics()
        return FileDownload.response(ics, format: .calendar, filename: "agenda.ics")
    }
}

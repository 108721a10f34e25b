import AufwindCore
import Fluent
import Vapor

/// "Mein Programm": participants mark sessions of the published programme (a toggle that answers
/// `programm.js` with the new state, or a plain form that leads back to the session), and
/// subscribe to the marked sessions under a signed calendar address.
struct ProgrammeFavouritesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("veranstaltungen", ":id", "programm", ":sid", "merken", use: mark)
        routes.get("kalender", "mein-programm", ":token", use: feed)
    }

    struct MarkForm: Content {
        var merken: String?
        var ansicht: String?
    }

    @Sendable func mark(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireInside(request)
        let user = try request.requireUser()
        let form = try request.content.decode(MarkForm.self)
        guard ["ja", "nein"].contains(form.merken ?? "") else {
            throw ProblemDetails(title: "Ungültige Angaben", status: 422, detail: "Bitte „ja“ oder „nein“ senden.")
        }
        let sessionID = try request.uuid("sid")
        guard let session = try await EventSessionModel.find(sessionID, on: request.db), session.eventID == access.eventID else {
            throw ProblemDetails.notFound("Diese Session gibt es nicht.")
        }
        let marked = form.merken == "ja"
        if marked, session.cancelled { throw EventService.refused("Diese Session ist abgesagt.") }
        try await ProgrammeFavouriteService(database: request.db).set(marked, session: session, userID: user.requireID())
        if request.wantsToggleAnswer { return try await ToggleAnswer(an: marked).encodeResponse(for: request) }
        let view = ProgrammePage.Presentation(query: form.ansicht)
        let path = access.event.path + "/programm" + (view == .beides ? "" : "?ansicht=\(view.rawValue)")
        let notice: SuccessNotice = marked ? .favouriteAdded : .favouriteRemoved
        return request.redirect(to: notice.path(path) + "#session-\(session.key)", redirectType: .normal)
    }

    /// The marked sessions of one person in one event, for calendar apps: the address is the
    /// permission (`ProgrammeFeedLink`); an account that is gone has no calendar.
    @Sendable func feed(request: Request) async throws -> Response {
        let links = ProgrammeFeedLink(key: try await ServerSecret.key(ServerSecret.programmeFeeds, on: request.db))
        guard let target = links.verify(request.parameters.get("token") ?? ""),
            try await UserModel.find(target.userID, on: request.db) != nil,
            let event = try await EventModel.find(target.eventID, on: request.db)
        else { throw ProblemDetails.notFound("Diesen Kalender gibt es nicht (der Link ist unbekannt).") }
        let marked = try await ProgrammeFavouriteService(database: request.db).marked(in: target.eventID, by: target.userID)
        let published = try await ScheduleController.loadPublished(event, on: request.db)
        let base = request.application.aufwindConfig.baseURL
        let events: [ICalendar.Event] = (published?.placements ?? []).compactMap { p in
            guard marked.contains(p.session), let published, let interval = published.interval(p) else { return nil }
            return ICalendar.Event(
                uid: "\(p.session)-\(target.userID.uuidString.lowercased())-gemerkt@aufwind", date: published.slots[p.slot]?.day ?? "",
                summary: p.title, description: "Leitung: \(published.hostNames(p.session))", url: "\(base)\(event.path)/sessions/\(p.session)",
                interval: interval, location: [p.room, event.place].filter { !$0.isEmpty }.joined(separator: ", "))
        }
        let ics = ICalendar(name: "Mein Programm – \(event.title)", events: events).ics()
        return FileDownload.response(ics, format: .calendar, cacheControl: "private, max-age=300")
    }
}

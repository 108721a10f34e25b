import AufwindCore
import Fluent
import Vapor

/// 1:1 meetings between confirmed participants: the event profile, suggested partners,
/// requests with a priority, answers. Times and tables come from the meeting scheduler
/// (`MeetingService`); the personal plan is `MeetingPlanController`.
struct MeetingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let meetings = routes.grouped("veranstaltungen", ":id", "treffen")
        meetings.get(use: show)
        meetings.post(use: request)
        meetings.post("profil", use: saveProfile)
        meetings.post(":mid", "entscheidung", use: decide)
        meetings.post(":mid", "zurueckziehen", use: withdraw)
    }

    struct RequestForm: Content {
        var mit: String?
        var zeitfenster: String?
        var wichtigkeit: String?
        var anlass: String?
        var nachricht: String?
    }
    struct DecisionForm: Content { var entscheidung: String? }
    struct ProfileForm: Content {
        var suchen: String?
        var bieten: String?
        /// Meeting slots the person cannot meet in: "<window id>@<start>-<end>".
        var nicht: [String]?
    }

    @Sendable func show(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        _ = try access.requireParticipant(request)
        var form = MeetingsPage.RequestValues()
        form.person = request.query[String.self, at: "mit"] ?? ""
        form.context = request.query[String.self, at: "anlass"] ?? "Teilnehmerliste"
        return try await render(request, access, form: form)
    }

    private func render(
        _ request: Request, _ access: EventAccess, form: MeetingsPage.RequestValues = .init(), profile typed: MeetingProfile? = nil,
        errors: [String] = [], profileErrors: [String] = [], status: HTTPStatus = .ok
    ) async throws -> Response {
        let me = try access.requireParticipant(request)
        let myID = me.userID
        let now = request.now
        let engine = request.application.matchStore.engine
        let people = try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .filter(\.$status == EventRegistrationModel.Status.bestaetigt.rawValue).filter(\.$userID != myID).sort(\.$userName).all()
        let windows = try await EventSlotModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .filter(\.$kind == SlotGrid.Kind.treffen.rawValue).sort(\.$day).sort(\.$startMinute).all()
        let byWindow = Dictionary(uniqueKeysWithValues: windows.map { ($0.id!, $0) })
        let meetings = try await MeetingModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .group(.or) { $0.filter(\.$requesterID == myID).filter(\.$inviteeID == myID) }.sort(\.$createdAt, .descending).all()
        func row(_ m: MeetingModel, other: String) -> MeetingsPage.Row {
            let window = byWindow[m.slotID]
            let open = m.statusValue == .angefragt && !m.isExpired(at: now)
            var status = m.label(at: now)
            if open { status += ", offen bis \(GermanFormat.dateTime(m.expiresAt)) Uhr" }
            if m.statusValue == .angenommen, let window {
                status +=
                    m.plannedStart.map { start in
                        ", "
                            + MeetingService.label(
                                day: window.day, .init(start: start, end: start + window.meetingLength, table: m.tableNumber ?? 1))
                    } ?? ", noch ohne Zeit"
            }
            return .init(
                id: m.id!.uuidString.lowercased(), other: other, when: window?.label ?? "",
                context: m.context == MeetingsPage.listContext ? "" : m.context, message: m.message,
                priority: m.priority, status: status, open: open, agreed: m.statusValue == .angenommen)
        }

        // The profile: as typed, as saved, or (never saved) suggested from the town's public items.
        let myItems = engine.items(ownedBy: me.orgKey).filter { $0.visibility == .oeffentlich }
        let saved = MeetingProfile(seeking: me.meetingSeeking, offering: me.meetingOffering)
        let suggested = me.meetingProfileSavedAt == nil && saved.isEmpty
        let profile = typed ?? (suggested ? MeetingProfile.prefilled(from: myItems) : saved)

        // Suggested partners: the profiles, the Handlungsfelder of their public items, the matching.
        let townMatches =
            myItems.isEmpty
            ? [:]
            : Dictionary(
                engine.townMatches(for: myItems, limit: 50, publicOnly: true).map { ($0.town, $0) }, uniquingKeysWith: { a, _ in a })
        // People I already meet or have asked (or who asked me) are not suggested again.
        let engaged = Set(
            meetings.filter { $0.statusValue == .angenommen || ($0.statusValue == .angefragt && !$0.isExpired(at: now)) }
                .flatMap { [$0.requesterID, $0.inviteeID] })
        let candidates = people.filter { !engaged.contains($0.userID) }.map { person -> MeetingPartnerRanking.Candidate in
            let theirs = engine.items(ownedBy: person.orgKey).filter { $0.visibility == .oeffentlich }
            let match = townMatches[person.orgKey]
            return .init(
                id: person.userID.uuidString.lowercased(),
                profile: MeetingProfile(seeking: person.meetingSeeking, offering: person.meetingOffering),
                handlungsfelder: theirs.reduce(into: Set<Handlungsfeld>()) { $0.formUnion($1.handlungsfelder) },
                matchScore: match?.score ?? 0,
                matchReason: match.map { "„\($0.best.item.title)“ passt zu Ihrem Eintrag „\($0.query.title)“" })
        }
        let ranking = MeetingPartnerRanking(
            me: saved.isEmpty ? profile : saved, myHandlungsfelder: myItems.reduce(into: []) { $0.formUnion($1.handlungsfelder) })
        let byPerson = Dictionary(uniqueKeysWithValues: people.map { ($0.userID.uuidString.lowercased(), $0) })
        let suggestions = ranking.suggestions(candidates, limit: 8).compactMap { suggestion -> MeetingsPage.Suggestion? in
            guard let person = byPerson[suggestion.id] else { return nil }
            return .init(
                id: suggestion.id, name: "\(person.userName) (\(person.orgName))", reasons: suggestion.reasons,
                seeking: MeetingsPage.excerpt(person.meetingSeeking), offering: MeetingsPage.excerpt(person.meetingOffering))
        }

        let upcoming = windows.filter {
            ($0.interval?.start ?? .distantPast) > now
                && !MeetingWindows(windows: [$0.meetingWindow(eventTables: access.event.meetingTables)]).slots.isEmpty
        }
        let unavailable = MeetingUnavailability(text: me.meetingUnavailable)
        let availability = upcoming.map { window -> MeetingsPage.WindowAvailability in
            let key = window.id!.uuidString.lowercased()
            let slots = MeetingWindows(windows: [window.meetingWindow(eventTables: access.event.meetingTables)]).slots
            return .init(
                label: window.label,
                slots: slots.map { slot in
                    let blocked = unavailable.blocks(window: key, slot)
                    let partly = blocked && !unavailable.covers(window: key, slot)
                    return (
                        value: "\(key)@\(slot.start)-\(slot.end)",
                        label: slot.timeLabel + " Uhr" + (partly ? " (Sie hatten einen Teil davon gesperrt)" : ""),
                        blocked: blocked
                    )
                })
        }
        let safeContext = String(form.context.prefix(120)).containsControlCharacters() ? "Teilnehmerliste" : String(form.context.prefix(120))
        var values = form
        values.context = safeContext
        values.person = form.person.lowercased()
        let page = MeetingsPage(
            eventPath: access.event.path, eventTitle: access.event.title, isOrganiser: access.isOrganiser,
            people: people.map { ($0.userID.uuidString.lowercased(), "\($0.userName) (\($0.orgName))") },
            windows: upcoming.map { ($0.id!.uuidString.lowercased(), "\($0.label) · \($0.meetingLength) Min.") },
            form: values, profile: profile, profileSuggested: suggested && typed == nil && !profile.isEmpty, availability: availability,
            suggestions: suggestions, agreedCount: meetings.filter { $0.statusValue == .angenommen }.count,
            incoming: meetings.filter { $0.inviteeID == myID }.map { row($0, other: $0.requesterName) },
            outgoing: meetings.filter { $0.requesterID == myID }.map { row($0, other: $0.inviteeName) },
            csrf: CSRF.token(for: request), errors: errors, profileErrors: profileErrors)
        return HTMLResponse.render(page, status: status, request: request)
    }

    @Sendable func saveProfile(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let me = try access.requireParticipant(request)
        let form = try request.content.decode(ProfileForm.self)
        var check = InputChecker()
        let seeking = check.text(form.suchen, "Wir suchen", required: false, length: 0...MeetingProfile.maximumLength, multiline: true)
        let offering = check.text(form.bieten, "Wir bieten", required: false, length: 0...MeetingProfile.maximumLength, multiline: true)
        let profile = MeetingProfile(seeking: seeking, offering: offering)
        let windows = try await EventSlotModel.query(on: request.db).filter(\.$eventID == access.eventID)
            .filter(\.$kind == SlotGrid.Kind.treffen.rawValue).all()
        var known: [String: [Range<Int>]] = [:]
        for window in windows {
            let key = window.id!.uuidString.lowercased()
            for slot in MeetingWindows(windows: [window.meetingWindow(eventTables: access.event.meetingTables)]).slots {
                known["\(key)@\(slot.start)-\(slot.end)"] = [slot.start..<slot.end]
            }
        }
        // Windows the form does not show (begun, without tables) keep what was stored for them.
        let shown = Set(
            windows.filter {
                ($0.interval?.start ?? .distantPast) > request.now && ($0.meetingTables ?? access.event.meetingTables) > 0
            }.map { $0.id!.uuidString.lowercased() })
        var times = MeetingUnavailability(text: me.meetingUnavailable).times.filter { !shown.contains($0.key) }
        for value in form.nicht ?? [] {
            guard let range = known[value]?.first, let window = value.split(separator: "@").first else {
                check.fail("Eine der gewählten Zeiten gibt es nicht (mehr). Bitte die Zeiten erneut wählen.")
                break
            }
            times[String(window), default: []].append(range)
        }
        guard check.errors.isEmpty else {
            return try await render(
                request, access, profile: profile, profileErrors: check.errors.map(\.text), status: .unprocessableEntity)
        }
        try await MeetingService(database: request.db, baseURL: request.application.aufwindConfig.baseURL).saveProfile(
            me, profile: profile, unavailable: MeetingUnavailability(times), event: access.event, now: request.now)
        return request.redirect(to: access.event.path + "/treffen", notice: .meetingProfileSaved)
    }

    @Sendable func request(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let me = try access.requireParticipant(request)
        let form = try request.content.decode(RequestForm.self)
        var check = InputChecker()
        let message = check.text(form.nachricht, "Worum geht es?", required: false, length: 0...500, multiline: true)
        let context = check.text(form.anlass, "Anlass", required: false, length: 0...120)
        let invitee = try await form.mit.flatMap(UUID.init(uuidString:)).asyncFlatMap {
            try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID).filter(\.$userID == $0).first()
        }
        let window = try await form.zeitfenster.flatMap(UUID.init(uuidString:)).asyncFlatMap { try await EventSlotModel.find($0, on: request.db) }
        // Without a choice (a link, an older form): "wichtig".
        let priority = (form.wichtigkeit ?? "").isEmpty ? 2 : form.wichtigkeit.flatMap { Int($0) }
        if invitee == nil { check.fail("Bitte eine angemeldete Person wählen.") }
        if window == nil || window?.eventID != access.eventID { check.fail("Bitte ein Zeitfenster für 1:1-Treffen wählen.") }
        if priority.map(MeetingInstance.priorities.contains) != true { check.fail("Bitte die Wichtigkeit wählen: 1, 2 oder 3.") }
        let values = MeetingsPage.RequestValues(
            person: form.mit ?? "", window: form.zeitfenster ?? "", priority: form.wichtigkeit ?? "2", context: form.anlass ?? "",
            message: form.nachricht ?? "")
        guard check.errors.isEmpty, let invitee, let window, let priority else {
            return try await render(request, access, form: values, errors: check.errors.map(\.text), status: .unprocessableEntity)
        }
        let service = MeetingService(database: request.db, baseURL: request.application.aufwindConfig.baseURL)
        let baseURL = service.baseURL
        let event = access.event
        let requesterName = me.userName
        let inviteeID = invitee.userID
        let importance = ["", "gern", "wichtig", "sehr wichtig"][priority]
        do {
            _ = try await service.request(
                access.event, window: window, from: me, to: invitee, priority: priority,
                context: context.isEmpty ? "Teilnehmerliste" : context, message: message, now: request.now
            ) { db in
                try await Notifier(database: db, baseURL: baseURL).notify(
                    users: [inviteeID],
                    NotificationMessage(
                        category: .veranstaltungen, subject: "Anfrage für ein 1:1-Treffen: \(requesterName)",
                        text: "\(requesterName) fragt ein 1:1-Treffen bei „\(event.title)“ an (\(window.label), \(importance)).",
                        detail: message.isEmpty ? nil : message, link: event.path + "/treffen", action: "Anfrage beantworten"))
            }
        } catch let problem as ProblemDetails where problem.status == 409 || problem.status == 422 {
            return try await render(request, access, form: values, errors: [problem.detail], status: HTTPStatus(statusCode: problem.status))
        }
        return request.redirect(to: access.event.path + "/treffen", notice: .meetingRequested)
    }

    private func meeting(_ request: Request, _ access: EventAccess) async throws -> MeetingModel {
        guard let meeting = try await MeetingModel.find(try request.uuid("mid"), on: request.db), meeting.eventID == access.eventID else {
            throw ProblemDetails.notFound("Diese Anfrage gibt es nicht.")
        }
        return meeting
    }

    @Sendable func decide(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        let me = try access.requireParticipant(request)
        let meeting = try await meeting(request, access)
        try request.authorize(.answerMeetingRequest, meeting.resource)
        let choice = try request.content.decode(DecisionForm.self).entscheidung
        guard choice == "annehmen" || choice == "ablehnen" else {
            return try await render(request, access, errors: ["Bitte annehmen oder ablehnen."], status: .unprocessableEntity)
        }
        let service = MeetingService(database: request.db, baseURL: request.application.aufwindConfig.baseURL)
        let baseURL = service.baseURL
        let event = access.event
        let deciderName = me.userName
        let requesterID = meeting.requesterID
        let day = try await EventSlotModel.find(meeting.slotID, on: request.db)?.day ?? event.firstDay
        let decision: MeetingService.Decision
        do {
            decision = try await service.decide(meeting, accept: choice == "annehmen", event: access.event, now: request.now) { decision, db in
                let text: String
                let subject: String
                switch decision {
                case .accepted(let place):
                    text = "\(deciderName) hat Ihr 1:1-Treffen bei „\(event.title)“ angenommen: \(MeetingService.label(day: day, place))."
                    subject = "1:1-Treffen vereinbart: \(deciderName)"
                case .declined:
                    text = "\(deciderName) hat Ihre Anfrage für ein 1:1-Treffen bei „\(event.title)“ abgelehnt."
                    subject = "1:1-Treffen abgelehnt: \(deciderName)"
                }
                try await Notifier(database: db, baseURL: baseURL).notify(
                    users: [requesterID],
                    NotificationMessage(
                        category: .veranstaltungen, subject: subject, text: text, link: event.path + "/treffen/plan", action: "Treffplan ansehen"))
            }
        } catch let problem as ProblemDetails where [409, 410, 422].contains(problem.status) {
            return try await render(request, access, errors: [problem.detail], status: HTTPStatus(statusCode: problem.status))
        }
        if case .accepted = decision { return request.redirect(to: access.event.path + "/treffen", notice: .meetingAccepted) }
        return request.redirect(to: access.event.path + "/treffen", notice: .meetingDeclined)
    }

    @Sendable func withdraw(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        _ = try access.requireParticipant(request)
        let meeting = try await meeting(request, access)
        try request.authorize(.withdrawMeeting, meeting.resource)
        let me = try request.requireUser().requireID()
        let cancelled: Bool
        do {
            cancelled = try await MeetingService(database: request.db, baseURL: request.application.aufwindConfig.baseURL).withdraw(
                meeting, by: me, event: access.event
            ) { fresh in try request.authorize(.withdrawMeeting, fresh.resource) }
        } catch let problem as ProblemDetails where problem.status == 409 {
            return try await render(request, access, errors: [problem.detail], status: .conflict)
        }
        return request.redirect(to: access.event.path + "/treffen", notice: cancelled ? .meetingCancelled : .meetingWithdrawn)
    }
}

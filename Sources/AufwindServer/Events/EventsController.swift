import AufwindCore
import Fluent
import Vapor

/// Events: list, founding, the event page with registration and participant list, and the
/// organiser's settings (phase, capacity, rooms, slot grid).
struct EventsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("veranstaltungen", use: list)
        routes.get("veranstaltungen", "neu", use: newForm)
        routes.post("veranstaltungen", use: create)
        routes.get("veranstaltungen", ":id", use: show)
        routes.post("veranstaltungen", ":id", "anmelden", use: register)
        routes.post("veranstaltungen", ":id", "abmelden", use: cancel)
        routes.post("veranstaltungen", ":id", "phase", use: setPhase)
        routes.post("veranstaltungen", ":id", "anmeldung", use: registrationSettings)
        routes.post("veranstaltungen", ":id", "raeume", use: addRoom)
        routes.post("veranstaltungen", ":id", "zeitfenster", use: addSlot)
        routes.post("veranstaltungen", ":id", "zeitfenster", ":slot", "entfernen", use: removeSlot)
        routes.get("veranstaltungen", ":id", "teilnehmende.csv", use: participantsCSV)
    }

    struct EventForm: Content {
        var veranstalter: String?, titel: String?, beschreibung: String?, erster_tag: String?, letzter_tag: String?
        var ort: String?, online: String?, plaetze: String?, tische: String?
    }
    struct RegisterForm: Content {
        var fuer: String?
        var organisation: String?
    }
    struct PhaseForm: Content { var phase: String? }
    struct SettingsForm: Content {
        var plaetze: String?
        var status: String?
    }
    struct RoomForm: Content {
        var name: String?
        var kapazitaet: String?
    }
    struct SlotForm: Content {
        var tag: String?
        var von: String?
        var bis: String?
        var art: String?
    }

    // MARK: List and founding

    @Sendable func list(request: Request) async throws -> Response {
        let events = try await EventModel.query(on: request.db).sort(\.$firstDay).all()
        let today = request.todayISO
        func entry(_ event: EventModel) -> EventListPage.Entry {
            .init(
                path: event.path, title: event.title, when: Self.when(event), place: event.place.isEmpty ? "online" : event.place,
                organiser: event.organiserName, phase: event.phaseValue.label)
        }
        let page = EventListPage(
            upcoming: events.filter { $0.lastDay >= today }.map(entry), past: events.filter { $0.lastDay < today }.reversed().map(entry),
            canCreate: try await !organiserChoices(request).isEmpty)
        return HTMLResponse.render(page, request: request)
    }

    static func when(_ event: EventModel) -> String {
        event.firstDay == event.lastDay
            ? GermanFormat.date(iso: event.firstDay)
            : "\(GermanFormat.date(iso: event.firstDay)) – \(GermanFormat.date(iso: event.lastDay))"
    }

    /// A town or Veranstalter organisation the person could create an event for.
    struct OrganiserOption {
        var value: String
        var label: String
        var choice: EventOrganiserChoice
    }

    /// The towns the person acts for and the Veranstalter organisations they belong to — whether
    /// they may organise for each is the policy's decision.
    private func organiserCandidates(_ request: Request) async throws -> [OrganiserOption] {
        guard request.currentUser != nil else { return [] }
        let directory = TownDirectory(catalog: request.register)
        var options = request.actor.townRoles.keys.sorted().map { key in
            OrganiserOption(value: "kommune:\(key)", label: directory.name(of: key) ?? key, choice: .town(key))
        }
        let orgIDs = request.actor.organisationRoles.keys.compactMap(UUID.init(uuidString:))
        if !orgIDs.isEmpty {
            let orgs = try await OrganisationModel.query(on: request.db).filter(\.$id ~~ orgIDs)
                .filter(\.$kind == OrganisationModel.Kind.veranstalter.rawValue).sort(\.$name).all()
            options += orgs.map { org in
                OrganiserOption(
                    value: "veranstalter:\(org.id!.uuidString)", label: org.name,
                    choice: .organisation(org.id!.uuidString, isConfirmedVeranstalter: org.status == MembershipModel.Status.confirmed.rawValue))
            }
        }
        return options
    }

    /// The organisers the person may create an event for.
    private func organiserChoices(_ request: Request) async throws -> [(value: String, label: String)] {
        Self.allowed(try await organiserCandidates(request), request)
    }

    private static func allowed(_ candidates: [OrganiserOption], _ request: Request) -> [(value: String, label: String)] {
        candidates.filter { request.may(.createEvent, .newEvent($0.choice)) }.map { ($0.value, $0.label) }
    }

    @Sendable func newForm(request: Request) async throws -> Response {
        try request.requireUser()
        let choices = try await organiserChoices(request)
        if choices.isEmpty { try request.authorize(.createEvent, .newEvent(nil)) }
        return HTMLResponse.render(EventFormPage(organisers: choices, csrf: CSRF.token(for: request)), request: request)
    }

    @Sendable func create(request: Request) async throws -> Response {
        try request.requireUser()
        let form = try request.content.decode(EventForm.self)
        let candidates = try await organiserCandidates(request)
        guard let chosen = candidates.first(where: { $0.value == form.veranstalter }) else {
            // Somebody else's town or organisation: the policy refuses it.
            try request.authorize(.createEvent, .newEvent(.town(form.veranstalter ?? "")))
            throw ProblemDetails.badRequest("Bitte wählen Sie, für wen Sie die Veranstaltung anlegen.")
        }
        try request.authorize(.createEvent, .newEvent(chosen.choice))
        let choices = Self.allowed(candidates, request)
        let raw = EventInput.Raw(
            title: form.titel, description: form.beschreibung, firstDay: form.erster_tag, lastDay: form.letzter_tag, place: form.ort,
            onlineURL: form.online, capacity: form.plaetze, meetingTables: form.tische)
        switch EventInput.validate(raw) {
        case .failure(let problems):
            let values = [
                "veranstalter": form.veranstalter, "titel": form.titel, "beschreibung": form.beschreibung, "erster_tag": form.erster_tag,
                "letzter_tag": form.letzter_tag, "ort": form.ort, "online": form.online, "plaetze": form.plaetze, "tische": form.tische,
            ].compactMapValues { $0 }
            let page = EventFormPage(organisers: choices, values: values, errors: problems.messages.map(\.text), csrf: CSRF.token(for: request))
            return HTMLResponse.render(page, status: .unprocessableEntity, request: request)
        case .success(let input):
            let parts = chosen.value.split(separator: ":", maxSplits: 1).map(String.init)
            let event = try await EventService(database: request.db).create(
                input, organiserType: EventModel.OrganiserType(rawValue: parts[0]) ?? .kommune, organiserKey: parts[1], organiserName: chosen.label)
            return request.redirect(to: event.path, notice: .eventCreated)
        }
    }

    // MARK: Event page

    @Sendable func show(request: Request) async throws -> Response {
        try await render(request, EventAccess.load(request))
    }

    func render(
        _ request: Request, _ access: EventAccess, sent: [String: String] = [:], errors: [String] = [], status: HTTPStatus = .ok
    ) async throws -> Response {
        let event = access.event
        let registrations = try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID).sort(\.$sequence).all()
        let rooms = try await EventRoomModel.query(on: request.db).filter(\.$eventID == access.eventID).sort(\.$createdAt).all()
        let slots = try await EventSlotModel.query(on: request.db).filter(\.$eventID == access.eventID).sort(\.$day).sort(\.$startMinute).all()
        let blocks = try await PitchBlockModel.query(on: request.db).filter(\.$eventID == access.eventID).sort(\.$createdAt).all()
        let hasSchedule = try await PlanningService(database: request.db).latestVersion(access.eventID) != nil
        let confirmed = registrations.filter { $0.statusValue == .bestaetigt }
        let myStatus = access.registration.map { registration -> String in
            guard registration.statusValue == .warteliste else { return "angemeldet" }
            let position = registrations.filter { $0.statusValue == .warteliste }.firstIndex { $0.id == registration.id }.map { $0 + 1 } ?? 1
            return "auf der Warteliste (Platz \(position))"
        }
        let page = EventPage(
            path: event.path, name: event.title, description: event.description, when: Self.when(event), place: event.place,
            onlineURL: event.onlineURL,
            organiser: event.organiserName, phase: event.phaseValue, registrationOpen: event.registrationOpen, capacity: event.capacity,
            confirmedCount: confirmed.count, waitlistCount: registrations.count - confirmed.count, meetingTables: event.meetingTables,
            myStatus: myStatus,
            signedIn: request.currentUser != nil, myUserID: request.currentUser?.id?.uuidString.lowercased(),
            registrationChoices: try await registrationChoices(request).map { ($0.value, $0.label) }, sent: sent,
            isOrganiser: access.isOrganiser,
            isInside: access.isInside, isParticipant: access.isParticipant,
            participants: access.isInside
                ? registrations.map {
                    .init(
                        userID: $0.userID.uuidString.lowercased(), name: $0.userName, type: $0.typeValue.label, organisation: $0.orgName,
                        waitlisted: $0.statusValue == .warteliste)
                } : [],
            rooms: rooms.map { ($0.name, $0.capacity) },
            slots: slots.map { ($0.id!.uuidString.lowercased(), $0.label, (SlotGrid.Kind(rawValue: $0.kind) ?? .session).label) },
            hasSchedule: hasSchedule, blocks: blocks.map { ($0.title, event.path + "/buehne/\($0.id!.uuidString.lowercased())") },
            pitchApplicationsOpen: PitchApplicationsController.closedReason(event, blocks: blocks, today: request.todayISO) == nil,
            csrf: request.currentUser == nil ? nil : CSRF.token(for: request), errors: errors)
        return HTMLResponse.render(page, status: status, request: request)
    }

    // MARK: Registration

    /// What the user can come for: their towns (Kommune), their organisations (Anbieter, or a
    /// Veranstalter as "Sonstige"), a Behörde or something else (named in the form).
    struct RegistrationChoice {
        var value: String
        var label: String
        var type: EventRegistration.ParticipantType
        var key: String
        var name: String
    }

    private func registrationChoices(_ request: Request) async throws -> [RegistrationChoice] {
        guard request.currentUser != nil else { return [] }
        let directory = TownDirectory(catalog: request.register)
        var choices: [RegistrationChoice] = request.actor.townRoles.keys.sorted().map { key in
            let name = directory.name(of: key) ?? key
            return .init(value: "kommune:\(key)", label: "Kommune: \(name)", type: .kommune, key: key, name: name)
        }
        let orgIDs = request.actor.organisationRoles.keys.compactMap(UUID.init(uuidString:))
        if !orgIDs.isEmpty {
            let orgs = try await OrganisationModel.query(on: request.db).filter(\.$id ~~ orgIDs).filter(
                \.$status == MembershipModel.Status.confirmed.rawValue
            ).all()
            choices += orgs.map { org in
                let key = org.id!.uuidString
                return .init(
                    value: "organisation:\(key)", label: "\(org.kindValue.label): \(org.name)",
                    type: org.kindValue == .anbieter ? .anbieter : .sonstige,
                    key: key, name: org.name)
            }
        }
        return choices + [
            .init(value: "behoerde", label: "Behörde (Name unten angeben)", type: .behoerde, key: "", name: ""),
            .init(value: "sonstige", label: "Sonstige (Name unten angeben)", type: .sonstige, key: "", name: ""),
        ]
    }

    @Sendable func register(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try request.requireUser()
        let user = try request.requireUser()
        let form = try request.content.decode(RegisterForm.self)
        let sent = ["fuer": form.fuer, "organisation": form.organisation].compactMapValues { $0 }
        guard var choice = try await registrationChoices(request).first(where: { $0.value == form.fuer }) else {
            return try await render(
                request, access, sent: sent, errors: ["Bitte wählen Sie, für wen Sie kommen."], status: .unprocessableEntity)
        }
        if choice.key.isEmpty {
            // A Behörde or other organisation without an account here: named in the form.
            var check = InputChecker()
            choice.name = check.text(form.organisation, "Name der Behörde oder Organisation", length: 2...150)
            if let problem = check.errors.first {
                return try await render(request, access, sent: sent, errors: [problem.text], status: .unprocessableEntity)
            }
        }
        let (type, key, name) = (choice.type, choice.key, choice.name)
        switch try await EventService(database: request.db).register(access.event, user: user, type: type, orgKey: key, orgName: name) {
        case .failure(let message):
            return try await render(request, access, sent: sent, errors: [message.text], status: .conflict)
        case .success(let outcome):
            return request.redirect(to: access.event.path, notice: outcome == .confirmed ? .eventRegistered : .eventWaitlisted)
        }
    }

    @Sendable func cancel(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try request.requireUser()
        // Not (or no longer) registered, e.g. a second tab: the page says so all the same.
        guard access.registration != nil else { return request.redirect(to: access.event.path, notice: .eventCancelled) }
        let service = EventService(database: request.db)
        let moved = try await service.cancel(access.event, userID: request.requireUser().requireID())
        try await service.notifyMovedUp(moved, event: access.event, baseURL: request.application.aufwindConfig.baseURL)
        return request.redirect(to: access.event.path, notice: .eventCancelled)
    }

    // MARK: Organiser settings

    @Sendable func setPhase(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let form = try request.content.decode(PhaseForm.self)
        guard let phase = EventPhase(rawValue: form.phase ?? "") else {
            return try await render(request, access, sent: ["phase": form.phase ?? ""], errors: ["Unbekannte Phase."], status: .unprocessableEntity)
        }
        try await EventService(database: request.db).setPhase(
            access.event, phase, by: request.requireUser().id, baseURL: request.application.aufwindConfig.baseURL)
        request.application.scheduleCache.invalidate(access.eventID)
        return request.redirect(to: access.event.path, notice: .phaseChanged)
    }

    @Sendable func registrationSettings(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let form = try request.content.decode(SettingsForm.self)
        var check = InputChecker()
        let capacity = check.number(form.plaetze, "Plätze", in: 1...5000)
        guard check.errors.isEmpty, ["offen", "geschlossen"].contains(form.status ?? "") else {
            return try await render(
                request, access, sent: ["plaetze": form.plaetze, "status": form.status].compactMapValues { $0 },
                errors: check.errors.map(\.text) + (check.errors.isEmpty ? ["Bitte „offen“ oder „geschlossen“ wählen."] : []),
                status: .unprocessableEntity)
        }
        let event = access.event
        let service = EventService(database: request.db)
        let moved = try await service.setRegistration(event, capacity: capacity, open: form.status == "offen")
        try await service.notifyMovedUp(moved, event: event, baseURL: request.application.aufwindConfig.baseURL)
        return request.redirect(to: event.path, notice: .registrationSettingsSaved)
    }

    @Sendable func addRoom(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let form = try request.content.decode(RoomForm.self)
        var check = InputChecker()
        let name = check.text(form.name, "Raum", length: 1...80)
        let capacity = check.number(form.kapazitaet, "Plätze im Raum", in: 1...5000)
        guard check.errors.isEmpty else {
            return try await render(
                request, access, sent: ["name": form.name, "kapazitaet": form.kapazitaet].compactMapValues { $0 }, errors: check.errors.map(\.text),
                status: .unprocessableEntity)
        }
        try await EventService(database: request.db).addRoom(access.event, name: name, capacity: capacity)
        return request.redirect(to: access.event.path, notice: .roomAdded)
    }

    @Sendable func addSlot(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let form = try request.content.decode(SlotForm.self)
        var check = InputChecker()
        let day = check.day(form.tag, "Tag")
        let start = SlotGrid.minutes(form.von ?? "")
        let end = SlotGrid.minutes(form.bis ?? "")
        if start == nil || end == nil { check.fail("Bitte Beginn und Ende als Uhrzeit (HH:MM) angeben.") }
        let kind = check.choice(form.art, SlotGrid.Kind.self, "Art")
        let sent = ["tag": form.tag, "von": form.von, "bis": form.bis, "art": form.art].compactMapValues { $0 }
        guard check.errors.isEmpty, let start, let end, let kind else {
            return try await render(request, access, sent: sent, errors: check.errors.map(\.text), status: .unprocessableEntity)
        }
        let slot = SlotGrid.Slot(id: UUID().uuidString.lowercased(), day: day, start: start, end: end, kind: kind)
        if case .failure(let problems) = try await EventService(database: request.db).addSlot(access.event, slot: slot) {
            return try await render(request, access, sent: sent, errors: problems.messages.map(\.text), status: .unprocessableEntity)
        }
        return request.redirect(to: access.event.path, notice: .slotAdded)
    }

    @Sendable func removeSlot(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let slotID = try request.uuid("slot")
        guard let slot = try await EventSlotModel.find(slotID, on: request.db), slot.eventID == access.eventID else {
            throw ProblemDetails.notFound("Dieses Zeitfenster gibt es nicht.")
        }
        let used =
            try await EventAssignmentModel.query(on: request.db).filter(\.$slotID == slotID).count()
            + MeetingModel.query(on: request.db).filter(\.$slotID == slotID).filter(\.$status == MeetingModel.Status.angenommen.rawValue).count()
        guard used == 0 else {
            return try await render(
                request, access, errors: ["In \(slot.label) liegen noch Sessions oder vereinbarte Treffen; bitte zuerst verschieben."],
                status: .conflict)
        }
        try await slot.delete(on: request.db)
        return request.redirect(to: access.event.path, notice: .slotRemoved)
    }

    // MARK: Participant list for Excel

    @Sendable func participantsCSV(request: Request) async throws -> Response {
        let access = try await EventAccess.load(request)
        try access.requireOrganiser(request)
        let rows = try await EventRegistrationModel.query(on: request.db).filter(\.$eventID == access.eventID).sort(\.$sequence).all()
        let csv = GermanCSV.document(
            header: ["Name", "Art", "Für", "Status", "Angemeldet am"],
            rows: rows.map {
                [
                    $0.userName, $0.typeValue.label, $0.orgName, $0.statusValue == .bestaetigt ? "bestätigt" : "Warteliste",
                    $0.createdAt.map(GermanFormat.dateTime) ?? "",
                ]
            })
        return FileDownload.response(csv, format: .csv, filename: "teilnehmende.csv")
    }
}

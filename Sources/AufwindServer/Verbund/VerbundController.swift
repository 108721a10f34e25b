import AufwindCore
import Fluent
import Vapor

/// The Verbund workspace: founding from a Vorhaben, invitations, status, programme and
/// eligibility, completion, dates with an iCal feed, cost sharing.
struct VerbundController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("verbuende", use: found)
        routes.get("verbuende", ":id", use: show)
        routes.post("verbuende", ":id", "einladungen", use: invite)
        routes.post("verbuende", ":id", "mitglieder", ":mid", "entscheidung", use: decide)
        routes.post("verbuende", ":id", "status", use: setStatus)
        routes.post("verbuende", ":id", "programm", use: chooseProgramme)
        routes.post("verbuende", ":id", "termine", use: addDate)
        routes.post("verbuende", ":id", "termine", ":did", "erledigt", use: markDone)
        routes.post("verbuende", ":id", "kalender", use: calendarLink)
        routes.get("kalender", "verbuende", ":token", use: calendar)
        routes.get("verbuende", ":id", "kosten", use: costs)
        routes.get("kommunen", ":key", "kalender", use: townCalendarPage)
        routes.post("kommunen", ":key", "kalender", use: townCalendarLink)
        routes.get("kalender", "kommunen", ":token", use: townCalendar)
    }

    struct FoundForm: Content {
        var eintrag: String?
        var name: String?
    }
    struct InviteForm: Content {
        var mitglied: String?
        var rolle: String?
        var art: String?
        var land: String?
    }
    struct DecisionForm: Content { var entscheidung: String? }
    struct StatusForm: Content { var status: String? }
    struct ProgrammeForm: Content { var programm: String? }
    struct DateForm: Content {
        var art: String?
        var titel: String?
        var datum: String?
        var verantwortlich: String?
    }

    private func service(_ request: Request) -> VerbundService {
        VerbundService(database: request.db, baseURL: request.application.aufwindConfig.baseURL, directory: TownDirectory(catalog: request.register))
    }

    private static func path(_ id: UUID?) -> String { "/verbuende/\(id?.uuidString.lowercased() ?? "")" }

    // MARK: Loading and access

    struct Loaded {
        var verbund: VerbundModel
        var members: [VerbundMemberModel]
        /// How its towns and providers stand in it, for the policy.
        var participants: Resource { VerbundController.participants(members) }
    }

    private func load(_ request: Request) async throws -> Loaded {
        guard let id = request.parameters.get("id", as: UUID.self), let verbund = try await VerbundModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diesen Verbund gibt es nicht.")
        }
        let members = try await VerbundMemberModel.query(on: request.db).filter(\.$verbundID == id).sort(\.$createdAt).all()
        return Loaded(verbund: verbund, members: members)
    }

    /// Whether the user acts for this member (a town, or a provider organisation).
    static func actsFor(_ request: Request, _ member: VerbundMemberModel) -> Bool {
        member.isProvider ? request.may(.actForOrganisation, .organisation(member.memberKey)) : request.may(.actForTown, .town(member.memberKey))
    }

    /// The one rule of who sees what of a Verbund, for every page, calendar and the API: how the
    /// towns and providers stand in it (in, invited, declined, invitation expired) as the policy's
    /// resource. Members see it whole (`viewVerbund`), invited ones what they need to decide
    /// (`viewVerbundInvitation`), the others nothing.
    static func participants(_ members: [VerbundMemberModel], now: Date = Date()) -> Resource {
        var towns: [String: VerbundStanding] = [:]
        var organisations: [String: VerbundStanding] = [:]
        for member in members where !member.isZweckverband {
            if member.isProvider {
                organisations[member.memberKey] = member.standing(at: now)
            } else {
                towns[member.memberKey] = member.standing(at: now)
            }
        }
        return .verbund(VerbundParticipants(towns: towns, organisations: organisations))
    }

    /// Refuses unless the user may see the whole Verbund (members, dates, costs).
    private func authorizeView(_ request: Request, _ loaded: Loaded) throws {
        try request.authorize(.viewVerbund, loaded.participants)
    }

    /// The accepted members (towns or providers) the user acts for.
    private func actingTowns(_ request: Request, _ loaded: Loaded) -> [String] {
        loaded.members.filter { $0.statusValue == .accepted && Self.actsFor(request, $0) }.map(\.memberKey)
    }

    static func name(_ member: VerbundMemberModel, _ directory: TownDirectory) -> String {
        member.memberName ?? directory.name(of: member.memberKey) ?? member.memberKey
    }

    static func path(_ member: VerbundMemberModel, _ directory: TownDirectory) -> String? {
        if member.isZweckverband { return nil }
        return member.isProvider ? "/organisationen/\(member.memberKey)" : directory.path(of: member.memberKey)
    }

    // MARK: Founding

    /// Founds a Verbund around a Vorhaben (or another item) of the user's town, which leads it.
    @Sendable func found(request: Request) async throws -> Response {
        let form = try request.content.decode(FoundForm.self)
        guard let itemID = form.eintrag.flatMap(UUID.init(uuidString:)), let item = try await CooperationItemModel.find(itemID, on: request.db) else {
            try request.authorize(.manageOwnAccount)
            throw ProblemDetails.badRequest("Ein Verbund entsteht aus einem Eintrag Ihrer Kommune; der Eintrag fehlt.")
        }
        try request.authorize(.actForTown, .town(item.ownerKey))
        let name = (form.name ?? "").trimmingSpaces.isEmpty ? item.title : (form.name ?? "").trimmingSpaces
        guard name.unicodeScalars.count <= 120, !name.containsControlCharacters() else {
            throw ProblemDetails(
                title: "Ungültige Angaben", status: 422,
                detail: "Der Name des Verbunds darf höchstens 120 Zeichen lang sein und keine Steuerzeichen enthalten.")
        }
        let verbund = try await service(request).found(name: name, itemID: itemID, leadKey: item.ownerKey)
        return request.redirect(to: Self.path(verbund.id), redirectType: .normal)
    }

    // MARK: Page

    @Sendable func show(request: Request) async throws -> Response {
        let loaded = try await load(request)
        if !request.may(.viewVerbund, loaded.participants) {
            try request.authorize(.viewVerbundInvitation, loaded.participants)
        }
        return try await render(request, loaded)
    }

    /// The workspace; for a town or provider that is only invited, the invitation view.
    private func render(
        _ request: Request, _ loaded: Loaded, errors: [String] = [], notice: String? = nil, calendarLink: String? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let verbund = loaded.verbund
        let directory = TownDirectory(catalog: request.register)
        guard request.may(.viewVerbund, loaded.participants) else {
            try request.authorize(.viewVerbundInvitation, loaded.participants)
            return try await renderInvitation(request, loaded, errors: errors, status: status)
        }
        var item: CooperationItemModel?
        if let itemID = verbund.itemID { item = try await CooperationItemModel.find(itemID, on: request.db) }
        let fields = Set(item?.input.handlungsfelder ?? [])
        let facts = service(request).facts(verbund, members: loaded.members, catalog: request.register, fields: fields)
        let funding = request.funding
        let resolver = VerbundResolver(catalog: request.register)
        let checker = EligibilityChecker(landNames: resolver.landNames, today: request.todayISO)
        let advisor = FundingAdvisor(checker: checker, programmes: funding.programmes, rules: funding.rules)
        let chosen = verbund.programmeID.flatMap { funding.programme($0) }
        var result: EligibilityResult?
        var suggestions: [FundingAdvisor.Suggestion] = []
        if let chosen {
            result = checker.check(facts, against: funding.rules[chosen.id] ?? ProgrammeRules(programmeID: chosen.id, rules: []))
            if result?.verdict == .nichtFoerderfaehig {
                // Partner matching on the Vorhaben ranks the towns that would close the gap.
                var fit: [String: (Double, String)] = [:]
                if let query = item?.item {
                    for match in request.matching.townMatches(for: query, limit: 300) {
                        let reason = match.best.explanation.parts.first { $0.component == .ergaenzung }?.reason ?? match.best.item.title
                        fit[match.town] = (match.score, reason)
                    }
                }
                let candidates = request.register.gemeinden.compactMap { resolver.member(key: $0.ags) }
                suggestions = advisor.completions(for: facts, programmeID: chosen.id, candidates: candidates, limit: 5, fit: { fit[$0] })
            }
        }
        let dates = try await VerbundDateModel.query(on: request.db).filter(\.$verbundID == verbund.requireID()).sort(\.$due).all()
        let acting = actingTowns(request, loaded)
        let page = VerbundPage(
            id: verbund.id!.uuidString.lowercased(), name: verbund.name, status: VerbundStatus(rawValue: verbund.status) ?? .inBildung,
            leadName: directory.name(of: verbund.leadKey) ?? verbund.leadKey,
            item: item.map { ($0.title, "/eintraege/\($0.id!.uuidString.lowercased())") },
            members: loaded.members.map { member in
                VerbundPage.Member(
                    id: member.id!.uuidString.lowercased(),
                    name: Self.name(member, directory) + (member.isProvider ? " (Anbieter)" : member.isZweckverband ? " (Zweckverband)" : ""),
                    path: Self.path(member, directory), role: VerbundRole(rawValue: member.role) ?? .partner, status: member.statusValue,
                    expires: member.expiresAt, canDecide: member.statusValue == .invited && Self.actsFor(request, member))
            },
            isLead: request.may(.actForTown, .town(verbund.leadKey)), isMember: !acting.isEmpty || request.actor.isPlatformAdmin,
            programmes: funding.programmes.map { ($0.id, $0.displayName) }, chosenProgramme: chosen.map { ($0.id, $0.displayName) },
            result: result, fits: advisor.programmes(for: facts), suggestions: suggestions,
            dates: dates.map { date in
                .init(
                    id: date.id!.uuidString.lowercased(), kind: date.kindLabel, title: date.title, due: date.due,
                    owner: loaded.members.first { $0.memberKey == date.ownerKey }.map { Self.name($0, directory) } ?? date.ownerKey, done: date.done)
            },
            ownerChoices: loaded.members.filter { $0.statusValue == .accepted }.map { ($0.memberKey, Self.name($0, directory)) },
            calendarLink: calendarLink, csrf: CSRF.token(for: request), errors: errors, notice: notice)
        var withLaender = page
        withLaender.laender = request.register.units(of: .land).map { ($0.key, $0.name) }
        return HTMLResponse.render(withLaender, status: status, request: request)
    }

    /// What an invited town or provider needs to decide: name, lead, Vorhaben, programme and its
    /// own invitation; no other members, dates, eligibility or costs.
    private func renderInvitation(_ request: Request, _ loaded: Loaded, errors: [String], status: HTTPStatus) async throws -> Response {
        let verbund = loaded.verbund
        let directory = TownDirectory(catalog: request.register)
        let item = try await verbund.itemID.asyncFlatMap { try await CooperationItemModel.find($0, on: request.db) }
        let now = Date()
        let own = loaded.members.filter { $0.standing(at: now) == .eingeladen && Self.actsFor(request, $0) }
        let page = VerbundPage(
            id: verbund.id!.uuidString.lowercased(), name: verbund.name, status: VerbundStatus(rawValue: verbund.status) ?? .inBildung,
            leadName: directory.name(of: verbund.leadKey) ?? verbund.leadKey,
            item: item.map { ($0.title, "/eintraege/\($0.id!.uuidString.lowercased())") },
            members: own.map { member in
                VerbundPage.Member(
                    id: member.id!.uuidString.lowercased(), name: Self.name(member, directory) + (member.isProvider ? " (Anbieter)" : ""),
                    path: Self.path(member, directory), role: VerbundRole(rawValue: member.role) ?? .partner, status: member.statusValue,
                    expires: member.expiresAt, canDecide: true)
            },
            isLead: false, isMember: false, programmes: [],
            chosenProgramme: verbund.programmeID.flatMap { request.funding.programme($0) }.map { ($0.id, $0.displayName) },
            result: nil, fits: [], suggestions: [], dates: [], ownerChoices: [], calendarLink: nil, csrf: CSRF.token(for: request),
            errors: errors, invitationOnly: true)
        return HTMLResponse.render(page, status: status, request: request)
    }

    /// After a decision that could not be made: the page again with the reason, or only the
    /// reason when the user may no longer see the Verbund (the invitation expired meanwhile).
    private func renderAgain(_ request: Request, title: String, reason: String, status: HTTPStatus) async throws -> Response {
        let fresh = try await load(request)
        guard request.may(.viewVerbundInvitation, fresh.participants) else {
            throw ProblemDetails(title: title, status: Int(status.code), detail: reason)
        }
        return try await render(request, fresh, errors: [reason], status: status)
    }

    // MARK: Members

    @Sendable func invite(request: Request) async throws -> Response {
        let loaded = try await load(request)
        try request.authorize(.actForTown, .town(loaded.verbund.leadKey))
        let form = try request.content.decode(InviteForm.self)
        let typed = (form.mitglied ?? "").trimmingSpaces
        guard let role = VerbundRole(rawValue: form.rolle ?? "partner"), role != .konsortialfuehrung else {
            return try await render(request, loaded, errors: ["Eingeladen wird als Partner oder assoziiert."], status: .unprocessableEntity)
        }
        if form.art == "zweckverband" {
            let land = form.land ?? ""
            guard !typed.isEmpty, typed.unicodeScalars.count <= 150, !typed.containsControlCharacters() else {
                return try await render(
                    request, loaded, errors: ["Bitte den Namen des Zweckverbands angeben (höchstens 150 Zeichen)."], status: .unprocessableEntity)
            }
            guard request.register.unit(key: land)?.kind == .land else {
                return try await render(request, loaded, errors: ["Bitte das Land des Zweckverbands wählen."], status: .unprocessableEntity)
            }
            switch try await service(request).addZweckverband(loaded.verbund, name: typed, landCode: land, role: role) {
            case .failure(let message): return try await render(request, loaded, errors: [message.text], status: .conflict)
            case .success: return request.redirect(to: Self.path(loaded.verbund.id), redirectType: .normal)
            }
        }
        var key: String
        var providerName: String?
        if let town = TownDirectory(catalog: request.register).resolve(typed), VerbundResolver(catalog: request.register).member(key: town) != nil {
            key = town
        } else if let provider = try await Self.provider(named: typed, on: request.db) {
            key = try provider.requireID().uuidString
            providerName = provider.name
        } else {
            return try await render(
                request, loaded, errors: ["„\(typed)“: keine Gemeinde, kein Kreis und kein bestätigter Anbieter gefunden."],
                status: .unprocessableEntity)
        }
        switch try await service(request).invite(loaded.verbund, memberKey: key, providerName: providerName, role: role, by: request.requireUser()) {
        case .failure(let message):
            return try await render(request, loaded, errors: [message.text], status: .conflict)
        case .success:
            return request.redirect(to: Self.path(loaded.verbund.id), redirectType: .normal)
        }
    }

    /// A confirmed Anbieter organisation by its exact name (case does not matter).
    static func provider(named name: String, on db: any Database) async throws -> OrganisationModel? {
        guard !name.isEmpty, name.count <= 200 else { return nil }
        let providers = try await OrganisationModel.query(on: db).filter(\.$kind == OrganisationModel.Kind.anbieter.rawValue)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).all()
        return providers.first { $0.name.lowercased() == name.lowercased() }
    }

    @Sendable func decide(request: Request) async throws -> Response {
        let loaded = try await load(request)
        guard let memberID = request.parameters.get("mid", as: UUID.self), let member = loaded.members.first(where: { $0.id == memberID }) else {
            throw ProblemDetails.notFound("Diese Einladung gibt es nicht.")
        }
        if member.isProvider {
            try request.authorize(.actForOrganisation, .organisation(member.memberKey))
        } else {
            try request.authorize(.actForTown, .town(member.memberKey))
        }
        let form = try request.content.decode(DecisionForm.self)
        guard let choice = form.entscheidung, ["annehmen", "ablehnen"].contains(choice) else {
            throw ProblemDetails.badRequest("Bitte wählen Sie „annehmen“ oder „ablehnen“.")
        }
        switch try await service(request).decide(member, accept: choice == "annehmen", by: request.requireUser(), verbund: loaded.verbund) {
        case .decided:
            // Who declined no longer sees the Verbund; their open requests and invitations are on /anfragen.
            let stillSees = request.may(.viewVerbundInvitation, try await load(request).participants)
            return request.redirect(to: stillSees ? Self.path(loaded.verbund.id) : "/anfragen", redirectType: .normal)
        case .expired(let date):
            return try await renderAgain(
                request, title: "Einladung abgelaufen",
                reason: "Die Einladung ist am \(GermanFormat.dateTime(date)) abgelaufen; bitten Sie die Konsortialführung um eine neue.",
                status: .gone)
        case .alreadyDecided(let status):
            return try await renderAgain(
                request, title: "Schon entschieden", reason: "Über diese Einladung wurde bereits entschieden (\(status)).", status: .conflict)
        }
    }

    // MARK: Status and programme

    @Sendable func setStatus(request: Request) async throws -> Response {
        let loaded = try await load(request)
        try request.authorize(.actForTown, .town(loaded.verbund.leadKey))
        let form = try request.content.decode(StatusForm.self)
        let current = VerbundStatus(rawValue: loaded.verbund.status) ?? .inBildung
        guard let next = form.status.flatMap(VerbundStatus.init(rawValue:)), current.next.contains(next) else {
            return try await render(
                request, loaded, errors: ["Von „\(current.label)“ geht es weiter zu: \(current.next.map(\.label).joined(separator: ", "))."],
                status: .unprocessableEntity)
        }
        // Only from the status shown: a concurrent change wins and this one does nothing.
        try await VerbundModel.query(on: request.db).filter(\.$id == loaded.verbund.requireID()).filter(\.$status == current.rawValue)
            .set(\.$status, to: next.rawValue).update()
        return request.redirect(to: Self.path(loaded.verbund.id), redirectType: .normal)
    }

    @Sendable func chooseProgramme(request: Request) async throws -> Response {
        let loaded = try await load(request)
        try request.authorize(.actForTown, .town(loaded.verbund.leadKey))
        let form = try request.content.decode(ProgrammeForm.self)
        let id = (form.programm ?? "").trimmingSpaces
        guard id.isEmpty || request.funding.programme(id) != nil else {
            return try await render(request, loaded, errors: ["Unbekanntes Förderprogramm „\(id)“."], status: .unprocessableEntity)
        }
        loaded.verbund.programmeID = id.isEmpty ? nil : id
        try await loaded.verbund.save(on: request.db)
        return request.redirect(to: Self.path(loaded.verbund.id), redirectType: .normal)
    }

    // MARK: Dates and calendar

    @Sendable func addDate(request: Request) async throws -> Response {
        let loaded = try await load(request)
        try authorizeView(request, loaded)
        guard !actingTowns(request, loaded).isEmpty else {
            throw ProblemDetails(title: "Nicht erlaubt", status: 403, detail: "Termine legen die Mitglieder des Verbunds an.")
        }
        let form = try request.content.decode(DateForm.self)
        var errors: [String] = []
        let kind = form.art ?? ""
        if !VerbundDateModel.kinds.contains(where: { $0.0 == kind }) { errors.append("Bitte wählen Sie Frist, Meilenstein oder Aufgabe.") }
        let title = (form.titel ?? "").trimmingSpaces
        if title.isEmpty || title.unicodeScalars.count > 120 || title.containsControlCharacters() {
            errors.append("„Was“ muss 1 bis 120 Zeichen lang sein (ohne Steuerzeichen).")
        }
        let due = (form.datum ?? "").trimmingSpaces
        if !VerbundService.isDate(due) { errors.append("„\(due)“ ist kein Datum (JJJJ-MM-TT).") }
        let owner = form.verantwortlich ?? ""
        if !loaded.members.contains(where: { $0.memberKey == owner && $0.statusValue == .accepted }) {
            errors.append("Verantwortlich ist eine Kommune, die im Verbund dabei ist.")
        }
        guard errors.isEmpty else { return try await render(request, loaded, errors: errors, status: .unprocessableEntity) }
        try await VerbundDateModel(verbundID: loaded.verbund.requireID(), kind: kind, title: title, due: due, ownerKey: owner).create(on: request.db)
        return request.redirect(to: Self.path(loaded.verbund.id), redirectType: .normal)
    }

    @Sendable func markDone(request: Request) async throws -> Response {
        let loaded = try await load(request)
        try authorizeView(request, loaded)
        guard !actingTowns(request, loaded).isEmpty else {
            throw ProblemDetails(title: "Nicht erlaubt", status: 403, detail: "Termine pflegen die Mitglieder des Verbunds.")
        }
        guard let dateID = request.parameters.get("did", as: UUID.self),
            let date = try await VerbundDateModel.query(on: request.db).filter(\.$id == dateID).filter(\.$verbundID == loaded.verbund.requireID())
                .first()
        else { throw ProblemDetails.notFound("Diesen Termin gibt es nicht.") }
        date.done = true
        try await date.save(on: request.db)
        return request.redirect(to: Self.path(loaded.verbund.id), redirectType: .normal)
    }

    /// A new secret calendar link (the old one stops working); shown once.
    @Sendable func calendarLink(request: Request) async throws -> Response {
        let loaded = try await load(request)
        try authorizeView(request, loaded)
        guard !actingTowns(request, loaded).isEmpty else {
            throw ProblemDetails(title: "Nicht erlaubt", status: 403, detail: "Den Kalender-Link erzeugen Mitglieder des Verbunds.")
        }
        let token = SecureToken.make()
        loaded.verbund.calendarTokenHash = SecureToken.hash(token)
        try await loaded.verbund.save(on: request.db)
        return try await render(request, loaded, calendarLink: "\(request.application.aufwindConfig.baseURL)/kalender/verbuende/\(token).ics")
    }

    @Sendable func calendar(request: Request) async throws -> Response {
        let raw = request.parameters.get("token") ?? ""
        let token = raw.hasSuffix(".ics") ? String(raw.dropLast(4)) : raw
        guard !token.isEmpty, token.count <= 200,
            let verbund = try await VerbundModel.query(on: request.db).filter(\.$calendarTokenHash == SecureToken.hash(token)).first()
        else { throw ProblemDetails.notFound("Diesen Kalender gibt es nicht (der Link ist unbekannt oder wurde ersetzt).") }
        let directory = TownDirectory(catalog: request.register)
        let dates = try await VerbundDateModel.query(on: request.db).filter(\.$verbundID == verbund.requireID()).sort(\.$due).all()
        let base = request.application.aufwindConfig.baseURL
        let ics = ICalendar(
            name: "Verbund \(verbund.name)",
            events: dates.map { date in
                ICalendar.Event(
                    uid: "\(date.id!.uuidString.lowercased())@aufwind", date: date.due,
                    summary: "\(date.kindLabel): \(date.title)" + (date.done ? " (erledigt)" : ""),
                    description: "Verbund „\(verbund.name)“, verantwortlich: \(directory.name(of: date.ownerKey) ?? date.ownerKey)",
                    url: base + Self.path(verbund.id))
            }
        ).ics()
        return FileDownload.response(ics, format: .calendar, cacheControl: "no-store")
    }

    // MARK: Town calendar

    private func townKey(_ request: Request) throws -> (String, String) {
        let key = request.parameters.get("key") ?? ""
        guard let name = TownDirectory(catalog: request.register).name(of: key) else {
            throw ProblemDetails.notFound("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(key)“.")
        }
        return (key, name)
    }

    @Sendable func townCalendarPage(request: Request) async throws -> Response {
        let (key, name) = try townKey(request)
        try request.authorize(.actForTown, .town(key))
        return HTMLResponse.render(TownCalendarPage(key: key, townName: name, link: nil, csrf: CSRF.token(for: request)), request: request)
    }

    /// A new secret link for all Verbund dates of the town (the old one stops working); shown once.
    @Sendable func townCalendarLink(request: Request) async throws -> Response {
        let (key, name) = try townKey(request)
        try request.authorize(.actForTown, .town(key))
        let token = SecureToken.make()
        if let existing = try await TownCalendarModel.find(key, on: request.db) {
            existing.tokenHash = SecureToken.hash(token)
            try await existing.update(on: request.db)
        } else {
            try await TownCalendarModel(townKey: key, tokenHash: SecureToken.hash(token)).create(on: request.db)
        }
        return HTMLResponse.render(
            TownCalendarPage(
                key: key, townName: name, link: "\(request.application.aufwindConfig.baseURL)/kalender/kommunen/\(token).ics",
                csrf: CSRF.token(for: request)),
            request: request)
    }

    @Sendable func townCalendar(request: Request) async throws -> Response {
        let raw = request.parameters.get("token") ?? ""
        let token = raw.hasSuffix(".ics") ? String(raw.dropLast(4)) : raw
        guard !token.isEmpty, token.count <= 200,
            let calendar = try await TownCalendarModel.query(on: request.db).filter(\.$tokenHash == SecureToken.hash(token)).first(),
            let key = calendar.id
        else { throw ProblemDetails.notFound("Diesen Kalender gibt es nicht (der Link ist unbekannt oder wurde ersetzt).") }
        let memberships = try await VerbundMemberModel.query(on: request.db).filter(\.$memberKey == key)
            .filter(\.$status == VerbundMemberModel.Status.accepted.rawValue).all()
        let verbuende = memberships.isEmpty ? [] : try await VerbundModel.query(on: request.db).filter(\.$id ~~ memberships.map(\.verbundID)).all()
        let names = Dictionary(uniqueKeysWithValues: verbuende.map { ($0.id!, $0.name) })
        let dates =
            verbuende.isEmpty
            ? [] : try await VerbundDateModel.query(on: request.db).filter(\.$verbundID ~~ verbuende.map { $0.id! }).sort(\.$due).all()
        let directory = TownDirectory(catalog: request.register)
        let base = request.application.aufwindConfig.baseURL
        let ics = ICalendar(
            name: "Verbund-Termine \(directory.name(of: key) ?? key)",
            events: dates.map { date in
                ICalendar.Event(
                    uid: "\(date.id!.uuidString.lowercased())@aufwind", date: date.due,
                    summary: "\(date.kindLabel): \(date.title) (\(names[date.verbundID] ?? "Verbund"))" + (date.done ? " – erledigt" : ""),
                    description: "Verbund „\(names[date.verbundID] ?? "")“", url: base + Self.path(date.verbundID))
            }
        ).ics()
        return FileDownload.response(ics, format: .calendar, cacheControl: "no-store")
    }

    // MARK: Costs

    struct CostQuery: Content {
        var betrag: String?
        var foerderung: String?
        var methode: String?
        var sockel: String?
        var format: String?
        var nutzung: [String: String]?
    }

    @Sendable func costs(request: Request) async throws -> Response {
        let loaded = try await load(request)
        try authorizeView(request, loaded)
        let query = try request.query.decode(CostQuery.self)
        let facts = service(request).facts(loaded.verbund, members: loaded.members, catalog: request.register, fields: [])
        var form = CostSharingPage.Form(
            amount: query.betrag ?? "", funding: query.foerderung ?? "", method: query.methode ?? "einwohner",
            base: query.sockel ?? "", usage: query.nutzung ?? [:])
        var page = CostSharingPage(id: loaded.verbund.id!.uuidString.lowercased(), name: loaded.verbund.name, members: facts.members, form: form)
        guard query.betrag != nil else { return HTMLResponse.render(page, request: request) }
        switch CostSharingPage.compute(form: form, members: facts.members) {
        case .failure(let problems):
            page.errors = problems.messages.map(\.text)
            return HTMLResponse.render(page, status: .unprocessableEntity, request: request)
        case .success(let (shares, method)):
            if query.format == "csv" {
                return FileDownload.response(CostSharing.csv(shares, method: method), format: .csv, filename: "kostenteilung.csv")
            }
            form.method = query.methode ?? "einwohner"
            page.form = form
            page.shares = shares
            page.methodLabel = method.label
            return HTMLResponse.render(page, request: request)
        }
    }
}

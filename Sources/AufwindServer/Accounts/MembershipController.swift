import AufwindCore
import Fluent
import Vapor

/// Joining towns, deciding about requests, roles, the town profile, the admin queue.
struct MembershipController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("konto", "organisationen", use: myOrganisations)
        routes.post("konto", "organisationen", use: requestMembership)
        routes.get("kommunen", ":key", "mitglieder", use: members)
        routes.post("mitgliedschaften", ":id", "entscheidung", use: decide)
        routes.post("mitgliedschaften", ":id", "rolle", use: changeRole)
        routes.post("mitgliedschaften", ":id", "beenden", use: leave)
        routes.get("kommunen", ":key", "profil", use: editProfileForm)
        routes.post("kommunen", ":key", "profil", use: saveProfile)
        routes.post("kommunen", ":key", "einstellungen", use: saveSettings)
        routes.get("admin", "warteschlange", use: adminQueue)
        routes.post("konto", "regionen", use: requestRegion)
    }

    struct JoinForm: Content {
        var kommune: String?
        /// The AGS chosen among the towns a typed name may mean.
        var auswahl: String?
        var nachricht: String?
    }
    struct DecisionForm: Content {
        var entscheidung: String?
        var pruefung: String?
    }
    struct RoleForm: Content { var rolle: String? }
    struct ProfileForm: Content {
        var ansprechperson: String?
        var email: String?
        var website: String?
        var beschreibung: String?
        var handlungsfelder: [String]?
        var version: Int?
    }

    private func service(_ request: Request) -> MembershipService {
        MembershipService(
            database: request.db, baseURL: request.application.aufwindConfig.baseURL, directory: TownDirectory(catalog: request.register))
    }

    private func townKey(_ request: Request) throws -> (key: String, name: String) {
        let key = request.parameters.get("key") ?? ""
        guard let name = TownDirectory(catalog: request.register).name(of: key) else {
            throw ProblemDetails.notFound("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(key)“.")
        }
        return (key, name)
    }

    private func membership(_ request: Request) async throws -> MembershipModel {
        guard let id = request.parameters.get("id", as: UUID.self), let membership = try await MembershipModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Mitgliedschaftsanfrage gibt es nicht.")
        }
        return membership
    }

    @Sendable func myOrganisations(request: Request) async throws -> Response {
        try request.requireUser()
        // A link from an invitation mail names the town to join.
        let typed = (try? request.query.get(String.self, at: "kommune")).map { String($0.trimmingSpaces.prefix(100)) } ?? ""
        // It names the Gemeinde by its AGS: shown by name, with Kreis and Land, already chosen.
        if let gemeinde = request.register.gemeinde(ags: typed) {
            let choice = TownChoices(catalog: request.register).choice(gemeinde)
            return try await renderMyOrganisations(
                request, errors: [], typed: gemeinde.shortName, message: "", choices: Choices(towns: [choice], more: false, chosen: gemeinde.ags))
        }
        return try await renderMyOrganisations(request, errors: [], typed: typed, message: "")
    }

    /// The towns a typed name may mean, offered in the join form.
    struct Choices {
        var towns: [TownChoice]
        var more: Bool
        var chosen: String?
    }

    private func renderMyOrganisations(
        _ request: Request, errors: [String], typed: String, message: String, choices: Choices? = nil,
        region: MyOrganisationsPage.RegionDraft = .init(), status: HTTPStatus = .ok
    ) async throws -> Response {
        let user = try request.requireUser()
        let memberships = try await MembershipModel.query(on: request.db).filter(\.$user.$id == user.requireID()).all()
        let directory = TownDirectory(catalog: request.register)
        var rows: [MyOrganisationsPage.Row] = []
        for m in memberships {
            let kind = MembershipModel.Kind(rawValue: m.kind) ?? .kommune
            let path: String?
            let membersPath: String?
            switch kind {
            case .kommune:
                path = directory.path(of: m.orgKey)
                membersPath = request.may(.viewTownMembers, .town(m.orgKey)) ? "/kommunen/\(m.orgKey)/mitglieder" : nil
            case .anbieter, .veranstalter:
                path = "/organisationen/\(m.orgKey)"
                membersPath = request.may(.viewOrganisationMembers, .organisation(m.orgKey)) ? "/organisationen/\(m.orgKey)/mitglieder" : nil
            case .region:
                path = nil
                membersPath = request.may(.viewRegionalOverview, .region(m.orgKey)) ? "/regionen/\(m.orgKey)" : nil
            }
            rows.append(
                MyOrganisationsPage.Row(
                    id: try m.requireID(), name: try await Self.displayName(of: m, request: request), kind: Self.kindLabel(kind), path: path,
                    role: kind == .region ? "Regionalbehörde" : (MemberRole(rawValue: m.role)?.label ?? m.role),
                    status: m.statusValue, managePath: membersPath))
        }
        return HTMLResponse.render(
            MyOrganisationsPage(
                rows: rows, csrf: CSRF.token(for: request), errors: errors, typed: typed, message: message,
                emailConfirmed: user.emailConfirmedAt != nil, choices: choices?.towns ?? [], moreChoices: choices?.more ?? false,
                chosen: choices?.chosen, region: region, regionNames: RegionNameResolver(catalog: request.register).spokenNames),
            status: status, request: request)
    }

    @Sendable func requestMembership(request: Request) async throws -> Response {
        let form = try request.content.decode(JoinForm.self)
        let typed = form.kommune ?? ""
        let message = String((form.nachricht ?? "").trimmingSpaces.prefix(1000))
        // A name several towns bear ("Neustadt"), or only the beginning of one, is a question:
        // the user chooses among them (with Kreis and AGS); nobody joins a namesake by surprise.
        let key: String
        switch TownChoices(catalog: request.register).lookup(typed, chosen: form.auswahl) {
        case .town(let found): key = found
        case .choose(let towns, let more):
            try request.requireUser()
            return try await renderMyOrganisations(
                request, errors: [], typed: typed, message: message, choices: Choices(towns: towns, more: more, chosen: form.auswahl))
        case .notFound:
            try request.requireUser()
            return try await renderMyOrganisations(
                request, errors: ["Keine Gemeinde und kein Kreis zu „\(typed)“ gefunden."], typed: typed, message: message,
                status: .unprocessableEntity)
        }
        try request.authorize(.requestTownMembership, .town(key))
        let outcome = try await service(request).request(
            user: request.requireUser(), kind: .kommune, key: key, message: message,
            orgName: TownDirectory(catalog: request.register).name(of: key) ?? key)
        return Self.redirect(request, after: outcome)
    }

    /// After asking to join: to the list of one's memberships, where the request (or the
    /// membership) shows, saying what happened (a request made before is not made twice).
    static func redirect(_ request: Request, after outcome: MembershipService.RequestOutcome) -> Response {
        switch outcome {
        case .requested: request.redirect(to: "/konto/organisationen", notice: .membershipRequested)
        case .alreadyPending: request.redirect(to: "/konto/organisationen", notice: .membershipAlreadyRequested)
        case .alreadyMember: request.redirect(to: "/konto/organisationen", notice: .alreadyMember)
        }
    }

    static func kindLabel(_ kind: MembershipModel.Kind) -> String {
        switch kind {
        case .kommune: "Kommune"
        case .region: "Region"
        case .anbieter: "Anbieter"
        case .veranstalter: "Veranstalter"
        }
    }

    struct RegionForm: Content {
        var region: String?
        /// The key chosen among the regions a typed name may mean.
        var auswahl: String?
        var nachricht: String?
    }

    /// A Regionalbehörde asks for read access to the overviews of its Kreis, Regierungsbezirk or Land.
    @Sendable func requestRegion(request: Request) async throws -> Response {
        try request.authorize(.requestRegionalAccess)
        let form = try request.content.decode(RegionForm.self)
        let typed = String((form.region ?? "").trimmingSpaces.prefix(100))
        let message = String((form.nachricht ?? "").trimmingSpaces.prefix(1000))
        // By name or key; a name several regions bear ("Münster") is a question, an unknown one gets suggestions.
        let resolver = RegionNameResolver(catalog: request.register)
        func again(_ errors: [String], choices: [Gebietseinheit], status: HTTPStatus) async throws -> Response {
            try await renderMyOrganisations(
                request, errors: [], typed: "", message: "", region: .init(typed: typed, message: message, errors: errors, choices: choices),
                status: status)
        }
        let unit: Gebietseinheit
        // A choice counts only among the regions offered for what is typed now (not one left from before).
        if let chosen = form.auswahl, case .unique(let found) = resolver.resolve(chosen), resolver.offers(found, for: typed) {
            unit = found
        } else if typed.isEmpty {
            return try await again(
                ["Bitte geben Sie den Namen oder Schlüssel eines Kreises, Regierungsbezirks oder Landes ein."], choices: [],
                status: .unprocessableEntity)
        } else {
            switch resolver.resolve(typed) {
            case .unique(let found): unit = found
            case .choices(let units): return try await again([], choices: units, status: .ok)
            case .unknown(let suggestions):
                return try await again(
                    [
                        "Keine Region zu „\(typed)“ gefunden"
                            + (suggestions.isEmpty
                                ? ". Versuchen Sie z. B. „Bezirksregierung Münster“, „Kreis Warendorf“ oder „Nordrhein-Westfalen“."
                                : "; meinten Sie eine der folgenden?")
                    ],
                    choices: suggestions, status: .unprocessableEntity)
            }
        }
        let key = unit.key
        let outcome = try await service(request).request(
            user: request.requireUser(), kind: .region, key: key, message: message, orgName: RegionNameResolver.spokenName(of: unit))
        return Self.redirect(request, after: outcome)
    }

    @Sendable func members(request: Request) async throws -> Response {
        let (key, name) = try townKey(request)
        try request.authorize(.viewTownMembers, .town(key))
        let memberships = try await MembershipModel.query(on: request.db)
            .filter(\.$kind == "kommune").filter(\.$orgKey == key).with(\.$user).sort(\.$createdAt).all()
        let verwalter = memberships.filter { $0.statusValue == .confirmed && $0.role == MemberRole.verwalter.rawValue }.count
        return HTMLResponse.render(
            TownMembersPage(
                townName: name, townPath: TownDirectory(catalog: request.register).path(of: key),
                editPath: request.may(.editTownProfile, .town(key)) ? "/kommunen/\(key)/profil" : nil,
                members: memberships.map { m in
                    TownMembersPage.Member(
                        id: m.id!, name: m.user.displayName, email: m.user.email, role: MemberRole(rawValue: m.role) ?? .mitglied,
                        status: m.statusValue, message: m.message, isViewer: m.$user.id == request.currentUser?.id)
                },
                canDecide: request.may(.decideTownMembership, .town(key)), verwalterCount: verwalter, csrf: CSRF.token(for: request)),
            request: request)
    }

    @Sendable func decide(request: Request) async throws -> Response {
        let membership = try await membership(request)
        let form = try request.content.decode(DecisionForm.self)
        guard let choice = form.entscheidung, ["annehmen", "ablehnen"].contains(choice) else {
            throw ProblemDetails.badRequest("Bitte „annehmen“ oder „ablehnen“ wählen.")
        }
        let service = service(request)
        let action = try await service.requiredAction(for: membership)
        try request.authorize(action, MembershipService.resource(for: membership, action: action))
        if try await service.lacksVerification(membership, accept: choice == "annehmen", verification: form.pruefung) {
            // Only the platform confirms without a Verwalter: the queue again, the note asked for at its field.
            return try await renderAdminQueue(
                request,
                missingVerification: .init(
                    membershipID: try membership.requireID(), message: MembershipService.verificationRequired, typed: form.pruefung ?? ""),
                status: .unprocessableEntity)
        }
        let name = try await Self.displayName(of: membership, request: request)
        try await service.decide(
            membership, accept: choice == "annehmen", verification: form.pruefung, by: request.requireUser(), townName: name, now: request.now)
        return request.redirect(to: Self.membersPath(of: membership, action: action), notice: .membershipDecided)
    }

    static func displayName(of membership: MembershipModel, request: Request) async throws -> String {
        switch MembershipModel.Kind(rawValue: membership.kind) ?? .kommune {
        case .anbieter, .veranstalter:
            return try await UUID(uuidString: membership.orgKey).asyncFlatMap { try await OrganisationModel.find($0, on: request.db) }?.name
                ?? membership.orgKey
        case .region:
            return request.register.unit(key: membership.orgKey)?.displayName ?? membership.orgKey
        case .kommune:
            return TownDirectory(catalog: request.register).name(of: membership.orgKey) ?? membership.orgKey
        }
    }

    static func membersPath(of membership: MembershipModel, action: AufwindCore.Action) -> String {
        switch action {
        case .verifyFirstTownMember: "/admin/warteschlange"
        case .manageOrganisation: "/organisationen/\(membership.orgKey)/mitglieder"
        default: "/kommunen/\(membership.orgKey)/mitglieder"
        }
    }

    @Sendable func changeRole(request: Request) async throws -> Response {
        let membership = try await membership(request)
        let isOrganisation = [MembershipModel.Kind.anbieter.rawValue, MembershipModel.Kind.veranstalter.rawValue].contains(membership.kind)
        if isOrganisation {
            try request.authorize(.manageOrganisation, .organisation(membership.orgKey))
        } else if membership.kind == MembershipModel.Kind.kommune.rawValue {
            try request.authorize(.changeTownMemberRole, .town(membership.orgKey))
        } else {
            try request.authorize(.verifyFirstTownMember)
        }
        guard let role = MemberRole(rawValue: try request.content.decode(RoleForm.self).rolle ?? "") else {
            throw ProblemDetails.badRequest("Unbekannte Rolle. Erlaubt: mitglied, verwalter.")
        }
        try await service(request).changeRole(
            membership, to: role, by: request.requireUser(), orgName: try await Self.displayName(of: membership, request: request))
        let path = isOrganisation ? "/organisationen/\(membership.orgKey)/mitglieder" : "/kommunen/\(membership.orgKey)/mitglieder"
        return request.redirect(to: path, notice: .roleChanged)
    }

    /// Ends one's own membership (or withdraws a request); the last Verwalter is refused.
    @Sendable func leave(request: Request) async throws -> Response {
        try request.requireUser()
        let membership = try await membership(request)
        let user = try request.requireUser()
        try request.authorize(.endMembership, .membership(userID: membership.$user.id.uuidString))
        try await service(request).leave(membership, user: user, orgName: try await Self.displayName(of: membership, request: request))
        return request.redirect(to: "/konto/organisationen", notice: .membershipEnded)
    }

    @Sendable func editProfileForm(request: Request) async throws -> Response {
        let (key, name) = try townKey(request)
        try request.authorize(.editTownProfile, .town(key))
        return try await renderProfileForm(request, key: key, name: name)
    }

    private func renderProfileForm(
        _ request: Request, key: String, name: String, settingsErrors: [String] = [], typedThreshold: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let profile = try await TownProfileModel.find(key, on: request.db) ?? TownProfileModel(key: key)
        let threshold = try await TownSettingsModel.matchThresholds(of: [key], on: request.db)[key] ?? TownSettingsModel.defaultMatchThreshold
        var page = TownProfileEditPage(townName: name, key: key, input: profile.input, version: profile.version, csrf: CSRF.token(for: request))
        page.matchThreshold = typedThreshold.flatMap { Int($0) } ?? threshold
        page.settingsErrors = settingsErrors
        return HTMLResponse.render(page, status: status, request: request)
    }

    struct SettingsForm: Content { var schwelle: String? }

    /// A Verwalter sets the score from which the town's members hear of matching new items.
    @Sendable func saveSettings(request: Request) async throws -> Response {
        let (key, name) = try townKey(request)
        try request.authorize(.editTownProfile, .town(key))
        let typed = try request.content.decode(SettingsForm.self).schwelle ?? ""
        let range = TownSettingsModel.matchThresholds
        guard let threshold = Int(typed.trimmingSpaces), range.contains(threshold) else {
            return try await renderProfileForm(
                request, key: key, name: name,
                settingsErrors: ["Bitte eine ganze Zahl von \(range.lowerBound) bis \(range.upperBound) angeben."], typedThreshold: nil,
                status: .unprocessableEntity)
        }
        try await TownSettingsModel.setMatchThreshold(threshold, of: key, on: request.db)
        return request.redirect(to: "/kommunen/\(key)/profil", notice: .thresholdSaved)
    }

    @Sendable func saveProfile(request: Request) async throws -> Response {
        let (key, name) = try townKey(request)
        try request.authorize(.editTownProfile, .town(key))
        let form = try request.content.decode(ProfileForm.self)
        let validated = TownProfileInput.validate(
            contactPerson: form.ansprechperson ?? "", contactEmail: form.email ?? "", website: form.website ?? "",
            description: form.beschreibung ?? "", handlungsfelder: form.handlungsfelder ?? [])
        let typed = TownProfileInput(
            contactPerson: form.ansprechperson ?? "", contactEmail: form.email ?? "", website: form.website ?? "",
            description: form.beschreibung ?? "", handlungsfelder: (form.handlungsfelder ?? []).compactMap(Handlungsfeld.init(rawValue:)))
        let threshold = try await TownSettingsModel.matchThresholds(of: [key], on: request.db)[key] ?? TownSettingsModel.defaultMatchThreshold
        func again(_ errors: [String], status: HTTPStatus) -> Response {
            HTMLResponse.render(
                TownProfileEditPage(
                    townName: name, key: key, input: typed, version: form.version ?? 0, csrf: CSRF.token(for: request), errors: errors,
                    matchThreshold: threshold),
                status: status, request: request)
        }
        switch validated {
        case .failure(let problems):
            return again(problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let input):
            let saved =
                try await TownProfileStore(database: request.db).save(key: key, input: input, expectedVersion: form.version ?? 0, now: request.now)
                != nil
            guard saved else {
                return again(
                    ["Jemand anderes hat das Profil inzwischen geändert. Bitte laden Sie die Seite neu; Ihre Eingaben sind unten noch zu sehen."],
                    status: .conflict)
            }
            return request.redirect(to: TownDirectory(catalog: request.register).path(of: key), notice: .townProfileSaved)
        }
    }

    @Sendable func adminQueue(request: Request) async throws -> Response {
        try await renderAdminQueue(request)
    }

    private func renderAdminQueue(
        _ request: Request, missingVerification: AdminQueuePage.FieldError? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        try request.authorize(.viewAdminQueue)
        let pending = try await MembershipModel.query(on: request.db)
            .filter(\.$status == MembershipModel.Status.pending.rawValue).with(\.$user).sort(\.$createdAt).all()
        // The platform decides about regions and about towns without a confirmed Verwalter: no
        // members yet, or the last Verwalter deleted the account (one query for all of them).
        let kommune = MembershipModel.Kind.kommune.rawValue
        let pendingTowns = Array(Set(pending.filter { $0.kind == kommune }.map(\.orgKey)))
        let confirmed = try await MembershipModel.query(on: request.db)
            .filter(\.$kind == kommune).filter(\.$orgKey ~~ pendingTowns)
            .filter(\.$status == MembershipModel.Status.confirmed.rawValue).all()
        let townsWithMembers = Set(confirmed.map(\.orgKey))
        let townsWithVerwalter = Set(confirmed.filter { $0.role == MemberRole.verwalter.rawValue }.map(\.orgKey))
        var entries: [AdminQueuePage.Entry] = []
        for m in pending where m.kind == MembershipModel.Kind.region.rawValue || (m.kind == kommune && !townsWithVerwalter.contains(m.orgKey)) {
            entries.append(
                .init(
                    id: m.id!, townName: try await Self.displayName(of: m, request: request), key: m.orgKey, kind: m.kind,
                    name: m.user.displayName, email: m.user.email, message: m.message,
                    withoutVerwalter: m.kind == kommune && townsWithMembers.contains(m.orgKey)))
        }
        let organisations = try await OrganisationModel.query(on: request.db)
            .filter(\.$status == MembershipModel.Status.pending.rawValue).sort(\.$createdAt).all()
        return HTMLResponse.render(
            AdminQueuePage(
                entries: entries,
                organisations: organisations.map { .init(id: $0.id!, name: $0.name, kind: $0.kindValue.label, description: $0.description) },
                csrf: CSRF.token(for: request), missingVerification: missingVerification),
            status: status, request: request)
    }
}

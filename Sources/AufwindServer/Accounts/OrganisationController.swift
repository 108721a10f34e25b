import AufwindCore
import Fluent
import Vapor

/// Anbieter and Veranstalter: founding (confirmed by the platform), public pages, members.
struct OrganisationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("organisationen", use: list)
        routes.get("organisationen", "neu", use: newForm)
        routes.post("organisationen", "neu", use: create)
        routes.get("organisationen", ":id", use: show)
        routes.post("organisationen", ":id", "beitreten", use: join)
        routes.get("organisationen", ":id", "mitglieder", use: members)
        routes.post("organisationen", ":id", "entscheidung", use: decide)
    }

    struct CreateForm: Content {
        var art: String?
        var name: String?
        var website: String?
        var beschreibung: String?
    }
    struct DecisionForm: Content { var entscheidung: String? }

    private func organisation(_ request: Request) async throws -> OrganisationModel {
        guard let id = request.parameters.get("id", as: UUID.self), let organisation = try await OrganisationModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Organisation gibt es nicht.")
        }
        // Not yet confirmed: visible to its founder and the platform only.
        let isFounder = organisation.foundedBy != nil && organisation.foundedBy == request.currentUser?.id
        if organisation.statusValue != .confirmed, !isFounder, !request.may(.viewOrganisationMembers, .organisation(id.uuidString)) {
            throw ProblemDetails.notFound("Diese Organisation gibt es nicht.")
        }
        return organisation
    }

    @Sendable func list(request: Request) async throws -> Response {
        // `?art=anbieter` or `?art=veranstalter`: the navigation's "Anbieter" and "Veranstalter".
        let kind = (try? request.query.get(String.self, at: "art")).flatMap(OrganisationModel.Kind.init(rawValue:))
        let query = OrganisationModel.query(on: request.db).filter(\.$status == MembershipModel.Status.confirmed.rawValue)
        if let kind { query.filter(\.$kind == kind.rawValue) }
        let organisations = try await query.sort(\.$name).all()
        return HTMLResponse.render(
            OrganisationListPage(
                organisations: organisations.map { .init(id: $0.id!, name: $0.name, kind: $0.kindValue.label, description: $0.description) },
                canCreate: request.may(.createOrganisation), kind: kind),
            request: request)
    }

    @Sendable func newForm(request: Request) async throws -> Response {
        try request.authorize(.createOrganisation)
        return HTMLResponse.render(OrganisationFormPage(csrf: CSRF.token(for: request)), request: request)
    }

    @Sendable func create(request: Request) async throws -> Response {
        try request.authorize(.createOrganisation)
        let form = try request.content.decode(CreateForm.self)
        var errors: [String] = []
        let kind = OrganisationModel.Kind(rawValue: form.art ?? "")
        if kind == nil { errors.append("Bitte wählen Sie: Anbieter oder Veranstalter.") }
        let name = (form.name ?? "").trimmingSpaces
        if name.isEmpty || name.count > 120 { errors.append("Bitte geben Sie einen Namen an (höchstens 120 Zeichen).") }
        let profile = TownProfileInput.validate(
            contactPerson: "", contactEmail: "", website: form.website ?? "", description: form.beschreibung ?? "", handlungsfelder: [])
        if case .failure(let problems) = profile { errors += problems.messages.map(\.text) }
        guard errors.isEmpty, let kind, case .success(let valid) = profile else {
            return HTMLResponse.render(
                OrganisationFormPage(
                    csrf: CSRF.token(for: request), kind: form.art ?? "", name: form.name ?? "", website: form.website ?? "",
                    description: form.beschreibung ?? "", errors: errors),
                status: .unprocessableEntity, request: request)
        }
        let user = try request.requireUser()
        let organisation = OrganisationModel(
            kind: kind, name: name, website: valid.website, description: valid.description, foundedBy: try user.requireID())
        try await request.db.transaction { db in
            try await organisation.create(on: db)
            let membership = MembershipModel(
                userID: try user.requireID(), kind: kind == .anbieter ? .anbieter : .veranstalter,
                orgKey: try organisation.requireID().uuidString, message: "Gründung")
            membership.role = MemberRole.verwalter.rawValue
            try await membership.create(on: db)
            try await MembershipNotices(database: db, baseURL: request.application.aufwindConfig.baseURL).founded(organisation, by: user)
        }
        return request.redirect(to: "/konto/organisationen", notice: .organisationFounded)
    }

    @Sendable func show(request: Request) async throws -> Response {
        let organisation = try await organisation(request)
        let key = try organisation.requireID().uuidString
        let members = try await MembershipModel.query(on: request.db)
            .filter(\.$orgKey == key).filter(\.$status == MembershipModel.Status.confirmed.rawValue).count()
        return HTMLResponse.render(
            OrganisationPage(
                id: key, name: organisation.name, kind: organisation.kindValue.label, website: organisation.website,
                description: organisation.description, confirmed: organisation.statusValue == .confirmed, memberCount: members,
                canJoin: organisation.statusValue == .confirmed && request.may(.requestOrganisationMembership, .organisation(key)),
                canViewMembers: request.may(.viewOrganisationMembers, .organisation(key)), csrf: CSRF.token(for: request)),
            request: request)
    }

    @Sendable func join(request: Request) async throws -> Response {
        let organisation = try await organisation(request)
        let key = try organisation.requireID().uuidString
        try request.authorize(.requestOrganisationMembership, .organisation(key))
        guard organisation.statusValue == .confirmed else {
            throw ProblemDetails(
                title: "Noch nicht bestätigt", status: 409, detail: "Dieser Organisation kann man erst nach ihrer Bestätigung beitreten.")
        }
        let service = MembershipService(database: request.db, baseURL: request.application.aufwindConfig.baseURL)
        let outcome = try await service.request(
            user: request.requireUser(), kind: organisation.kindValue == .anbieter ? .anbieter : .veranstalter, key: key, message: "",
            orgName: organisation.name)
        return MembershipController.redirect(request, after: outcome)
    }

    @Sendable func members(request: Request) async throws -> Response {
        let organisation = try await organisation(request)
        let key = try organisation.requireID().uuidString
        try request.authorize(.viewOrganisationMembers, .organisation(key))
        let memberships = try await MembershipModel.query(on: request.db).filter(\.$orgKey == key).with(\.$user).sort(\.$createdAt).all()
        return HTMLResponse.render(
            TownMembersPage(
                townName: organisation.name, townPath: "/organisationen/\(key)", editPath: nil,
                members: memberships.map { m in
                    TownMembersPage.Member(
                        id: m.id!, name: m.user.displayName, email: m.user.email, role: MemberRole(rawValue: m.role) ?? .mitglied,
                        status: m.statusValue, message: m.message, isViewer: m.$user.id == request.currentUser?.id)
                },
                canDecide: request.may(.manageOrganisation, .organisation(key)) && organisation.statusValue == .confirmed,
                verwalterCount: memberships.filter { $0.statusValue == .confirmed && $0.role == MemberRole.verwalter.rawValue }.count,
                isTown: false, csrf: CSRF.token(for: request)),
            request: request)
    }

    /// The platform confirms or declines a founded organisation; its founder becomes its Verwalter.
    @Sendable func decide(request: Request) async throws -> Response {
        try request.authorize(.confirmOrganisation)
        guard let id = request.parameters.get("id", as: UUID.self), let organisation = try await OrganisationModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diese Organisation gibt es nicht.")
        }
        let choice = try request.content.decode(DecisionForm.self).entscheidung
        guard let choice, ["annehmen", "ablehnen"].contains(choice) else {
            throw ProblemDetails.badRequest("Bitte „annehmen“ oder „ablehnen“ wählen.")
        }
        guard organisation.statusValue == .pending else {
            throw ProblemDetails(title: "Schon entschieden", status: 409, detail: "Über diese Organisation wurde bereits entschieden.")
        }
        let status: MembershipModel.Status = choice == "annehmen" ? .confirmed : .declined
        let admin = try request.requireUser()
        try await request.db.transaction { db in
            organisation.status = status.rawValue
            try await organisation.save(on: db)
            try await MembershipModel.query(on: db).filter(\.$orgKey == id.uuidString).filter(\.$status == MembershipModel.Status.pending.rawValue)
                .set(\.$status, to: status.rawValue).set(\.$decidedBy, to: try admin.requireID()).set(\.$decidedAt, to: request.now).update()
            try await AuditEntryModel(
                actor: admin, action: status == .confirmed ? "organisation-bestaetigt" : "organisation-abgelehnt",
                subject: "\(organisation.kind):\(id.uuidString)", detail: organisation.name
            ).create(on: db)
            try await MembershipNotices(database: db, baseURL: request.application.aufwindConfig.baseURL)
                .organisationDecided(organisation, confirmed: status == .confirmed)
        }
        return request.redirect(to: "/admin/warteschlange", notice: .membershipDecided)
    }
}

import AufwindCore
import Vapor

/// `/verbuende/{id}/einladungen`, `…/mitglieder/{mid}/entscheidung` and
/// `…/mitglieder/{mid}/zurueckziehen`: the lead invites towns and providers (asking which town a
/// name means when several bear it), enters Zweckverbände and withdraws invitations; the invited
/// decide.
struct VerbundMembersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("verbuende", ":id", "einladungen", use: invite)
        routes.post("verbuende", ":id", "mitglieder", ":mid", "entscheidung", use: decide)
        routes.post("verbuende", ":id", "mitglieder", ":mid", "zurueckziehen", use: withdraw)
        routes.post("verbuende", ":id", "mitglieder", ":mid", "email", use: mailLater)
    }

    struct InviteForm: Content {
        var mitglied: String?
        var rolle: String?
        var art: String?
        var land: String?
        /// The AGS chosen among the towns a typed name may mean.
        var auswahl: String?
        /// For a town with nobody on Aufwind: where the invitation is mailed (e.g. the Rathaus).
        var email: String?
    }
    struct DecisionForm: Content { var entscheidung: String? }
    struct MailForm: Content { var email: String? }

    @Sendable func invite(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.manageVerbund, workspace.resource)
        let form = try request.content.decode(InviteForm.self)
        let service = VerbundService(request)
        let invited: Result<VerbundMemberModel, ValidationMessage>
        let typedEmail = (form.email ?? "").trimmingSpaces
        // Refused input is shown again as typed.
        let draft =
            form.art == "zweckverband"
            ? VerbundPage.InviteDraft(zweckverband: form.mitglied ?? "", land: form.land ?? "")
            : VerbundPage.InviteDraft(member: form.mitglied ?? "", email: typedEmail, role: form.rolle ?? "partner")
        var email: String?
        if !typedEmail.isEmpty {
            switch AccountValidation.email(typedEmail) {
            case .success(let valid): email = valid
            case .failure(let message):
                return try await workspace.render(
                    request, errors: ["E-Mail-Adresse der Kommune: \(message.text)"], status: .unprocessableEntity, invite: draft)
            }
        }
        switch VerbundInvitationInput.parse(member: form.mitglied, role: form.rolle, kind: form.art, land: form.land, register: request.register) {
        case .failure(let message):
            return try await workspace.render(request, errors: [message.text], status: .unprocessableEntity, invite: draft)
        case .success(.zweckverband(let name, let land, let role)):
            guard email == nil else {
                return try await workspace.render(
                    request, errors: ["Ein Zweckverband ist sofort dabei; eine E-Mail-Adresse braucht es nicht."], status: .unprocessableEntity,
                    invite: draft)
            }
            invited = try await service.addZweckverband(workspace.verbund, name: name, landCode: land, role: role)
        case .success(.member(let typed, let role)):
            switch try await service.invitee(typed, chosen: form.auswahl) {
            case .unknown(let message):
                return try await workspace.render(request, errors: [message.text], status: .unprocessableEntity, invite: draft)
            case .choose(let choices, let more):
                return HTMLResponse.render(
                    VerbundInviteChoicePage(
                        verbundID: workspace.verbund.id?.uuidString.lowercased() ?? "", verbundName: workspace.verbund.name, typed: typed,
                        role: role, choices: choices, more: more, chosen: form.auswahl, email: typedEmail, csrf: CSRF.token(for: request)),
                    request: request)
            case .member(let key, let providerName):
                invited = try await service.invite(
                    workspace.verbund, memberKey: key, providerName: providerName, role: role, email: email, by: request.requireUser(),
                    now: request.now)
            }
        }
        switch invited {
        case .failure(let message): return try await workspace.render(request, errors: [message.text], status: .conflict, invite: draft)
        case .success(let member):
            if email != nil { return request.redirect(to: workspace.verbund.path, notice: .invitationMailed) }
            // A provider's members always hear of it; a town only when somebody of it is on Aufwind.
            let reachesSomebody = member.isProvider ? true : try await VerbundService.hasConfirmedMembers(member.memberKey, on: request.db)
            return request.redirect(to: workspace.verbund.path, notice: reachesSomebody ? .invitationSent : .invitationReachesNobody)
        }
    }

    /// The lead adds the address of a town invited without one that has nobody on Aufwind.
    @Sendable func mailLater(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.manageVerbund, workspace.resource)
        guard let memberID = request.parameters.get("mid", as: UUID.self), let member = workspace.members.first(where: { $0.id == memberID })
        else {
            throw ProblemDetails.notFound("Diese Einladung gibt es nicht.")
        }
        let typed = (try request.content.decode(MailForm.self).email ?? "").trimmingSpaces
        let email: String
        switch AccountValidation.email(typed) {
        case .success(let valid): email = valid
        case .failure(let message):
            return try await workspace.render(
                request, errors: ["E-Mail-Adresse der Kommune: \(message.text)"], status: .unprocessableEntity,
                mailDraft: .init(memberID: memberID, email: typed))
        }
        switch try await VerbundService(request).mailOpenInvitation(
            member, of: workspace.verbund, to: email, by: request.requireUser(), now: request.now)
        {
        case .success: return request.redirect(to: workspace.verbund.path, notice: .invitationMailed)
        case .failure(let message):
            return try await VerbundWorkspace.load(request).render(
                request, errors: [message.text], status: .conflict, mailDraft: .init(memberID: memberID, email: typed))
        }
    }

    @Sendable func decide(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        guard let memberID = request.parameters.get("mid", as: UUID.self), let member = workspace.members.first(where: { $0.id == memberID })
        else {
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
        switch try await VerbundService(request).decide(
            member, accept: choice == "annehmen", by: request.requireUser(), verbund: workspace.verbund, now: request.now)
        {
        case .decided:
            // Who declined no longer sees the Verbund; their open requests and invitations are on /anfragen.
            let stillSees = request.may(.viewVerbundInvitation, try await VerbundWorkspace.load(request).resource)
            return request.redirect(
                to: stillSees ? workspace.verbund.path : "/anfragen", notice: choice == "annehmen" ? .invitationAccepted : .invitationDeclined)
        case .expired(let date):
            return try await renderAgain(
                request, title: "Einladung abgelaufen",
                reason: "Die Einladung ist am \(GermanFormat.dateTime(date)) abgelaufen; bitten Sie die federführende Kommune um eine neue.",
                status: .gone)
        case .alreadyDecided(let status):
            return try await renderAgain(
                request, title: "Schon entschieden", reason: "Über diese Einladung wurde bereits entschieden (\(status)).", status: .conflict)
        }
    }

    /// The lead withdraws an invitation; withdrawing one that is already gone changes nothing.
    @Sendable func withdraw(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.withdrawVerbundInvitation, workspace.resource)
        guard let memberID = request.parameters.get("mid", as: UUID.self) else { throw ProblemDetails.notFound("Diese Einladung gibt es nicht.") }
        switch try await VerbundService(request).withdraw(memberID, from: workspace.verbund, now: request.now) {
        case .withdrawn:
            return workspace.redirect(request, notice: .invitationWithdrawn)
        case .isMember(let name):
            return try await VerbundWorkspace.load(request).render(
                request, errors: ["\(name) ist schon dabei: Nur Einladungen, die noch nicht angenommen sind, lassen sich zurückziehen."],
                status: .conflict)
        }
    }

    /// After a decision that could not be made: the page again with the reason, or only the
    /// reason when the user may no longer see the Verbund (the invitation expired meanwhile).
    private func renderAgain(_ request: Request, title: String, reason: String, status: HTTPStatus) async throws -> Response {
        let fresh = try await VerbundWorkspace.load(request)
        guard request.may(.viewVerbundInvitation, fresh.resource) else {
            throw ProblemDetails(title: title, status: Int(status.code), detail: reason)
        }
        return try await fresh.render(request, errors: [reason], status: status)
    }
}

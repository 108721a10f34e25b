import AufwindCore
import Fluent
import Vapor

/// A Verbund as each of its routes starts: the record and its members (the policy's resource),
/// and the workspace page the routes answer with, also to show what could not be done.
struct VerbundWorkspace {
    var verbund: VerbundModel
    var members: [VerbundMemberModel]
    /// The time the request was made (invitations expire).
    var now: Date

    /// How its towns and providers stand in it now, and who leads it.
    var resource: Resource { verbund.resource(members, now: now) }

    /// The Verbund of the route's `:id`; 404 when there is none.
    static func load(_ request: Request) async throws -> VerbundWorkspace {
        guard let id = request.parameters.get("id", as: UUID.self), let verbund = try await VerbundModel.find(id, on: request.db) else {
            throw ProblemDetails.notFound("Diesen Verbund gibt es nicht.")
        }
        let members = try await VerbundMemberModel.query(on: request.db).filter(\.$verbundID == id).sort(\.$createdAt).all()
        return VerbundWorkspace(verbund: verbund, members: members, now: request.now)
    }

    /// 303 to the Verbund's page, which then says `notice` (Post/Redirect/Get).
    func redirect(_ request: Request, notice: SuccessNotice) -> Response { request.redirect(to: verbund.path, notice: notice) }

    /// Whether the user acts for this member (a town, or a provider organisation).
    static func actsFor(_ request: Request, _ member: VerbundMembership) -> Bool {
        member.type == .anbieter ? request.may(.actForOrganisation, .organisation(member.key)) : request.may(.actForTown, .town(member.key))
    }

    /// The workspace; for a town or provider that is only invited, the invitation view.
    func render(
        _ request: Request, errors: [String] = [], notice: String? = nil, calendarLink: String? = nil, status: HTTPStatus = .ok,
        invite: VerbundPage.InviteDraft = .init(), mailDraft: VerbundPage.MailDraft? = nil
    ) async throws -> Response {
        guard request.may(.viewVerbund, resource) else {
            try request.authorize(.viewVerbundInvitation, resource)
            return try await renderInvitation(request, errors: errors, status: status)
        }
        let vorhaben = try await verbund.itemID.asyncFlatMap { try await CooperationItemModel.find($0, on: request.db) }
        let dates = try await VerbundDateService(database: request.db).dates(of: verbund.requireID())
        let memberships = members.map(\.membership)
        let overview = VerbundOverview(
            memberships: memberships, leadKey: verbund.leadKey, programmeID: verbund.programmeID, vorhaben: vorhaben?.item,
            dates: dates.map(\.value), today: request.todayISO, register: request.register, funding: request.funding, matching: request.matching)
        var page = VerbundPage(
            verbund: verbund, memberships: memberships, overview: overview, vorhaben: vorhaben,
            viewer: .init(
                isLead: request.may(.manageVerbund, resource), isMember: request.may(.manageVerbundDates, resource),
                mayWithdraw: request.may(.withdrawVerbundInvitation, resource), actsFor: { Self.actsFor(request, $0) }),
            directory: TownDirectory(catalog: request.register), programmes: request.funding.programmes,
            laender: request.register.units(of: .land).map { ($0.key, $0.name) }, csrf: CSRF.token(for: request), errors: errors, notice: notice,
            calendarLink: calendarLink, mailed: mailedInvitations(showingAddresses: request.may(.manageVerbund, resource)),
            unreached: try await unreachedInvitations(on: request.db))
        page.invite = invite
        page.mailDraft = mailDraft
        return HTMLResponse.render(page, status: status, request: request)
    }

    /// The invitations mailed to towns with nobody on Aufwind that still wait, by member id; the
    /// address only for the lead (who typed it).
    private func mailedInvitations(showingAddresses: Bool) -> [String: (at: Date, address: String?)] {
        var mailed: [String: (at: Date, address: String?)] = [:]
        for member in members where member.waitsForFirstMember {
            guard let id = member.id, let at = member.mailedAt else { continue }
            mailed[id.uuidString.lowercased()] = (at, showingAddresses ? member.invitationEmail : nil)
        }
        return mailed
    }

    /// The open invitations (by member id) of towns with nobody on Aufwind that were not mailed:
    /// nobody hears of them until the lead gives an address. One query.
    private func unreachedInvitations(on db: any Database) async throws -> Set<String> {
        let open = members.filter {
            $0.standing(at: now) == .eingeladen && !$0.isProvider && !$0.isZweckverband && $0.invitationEmail == nil
        }
        guard !open.isEmpty else { return [] }
        let reached = Set(
            try await MembershipModel.query(on: db).filter(\.$kind == MembershipModel.Kind.kommune.rawValue)
                .filter(\.$orgKey ~~ open.map(\.memberKey)).filter(\.$status == MembershipModel.Status.confirmed.rawValue).all().map(\.orgKey))
        return Set(open.filter { !reached.contains($0.memberKey) }.compactMap { $0.id?.uuidString.lowercased() })
    }

    /// What an invited town or provider needs to decide: name, lead, Vorhaben, programme and its
    /// own invitation; no other members, dates, eligibility or costs.
    private func renderInvitation(_ request: Request, errors: [String], status: HTTPStatus) async throws -> Response {
        let vorhaben = try await verbund.itemID.asyncFlatMap { try await CooperationItemModel.find($0, on: request.db) }
        let now = request.now
        let own = members.map(\.membership).filter { $0.standing(at: now) == .eingeladen && Self.actsFor(request, $0) }
        let page = VerbundPage(
            invitation: verbund, own: own, vorhaben: vorhaben, programme: verbund.programmeID.flatMap { request.funding.programme($0) },
            directory: TownDirectory(catalog: request.register), csrf: CSRF.token(for: request), errors: errors)
        return HTMLResponse.render(page, status: status, request: request)
    }
}

import AufwindCore
import Fluent
import Vapor

/// The Verbund workspace: founding from a Vorhaben and the workspace page. Its sub-resources
/// have a controller each: members, name and description, status and programme, dates,
/// calendar, costs. (Founding from a programme's eligibility check lives with that check, in
/// `FundingController`.)
struct VerbundController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("verbuende", use: found)
        routes.get("verbuende", ":id", use: show)
        try routes.register(collection: VerbundMembersController())
        try routes.register(collection: VerbundProfileController())
        try routes.register(collection: VerbundStatusController())
        try routes.register(collection: VerbundDatesController())
        try routes.register(collection: VerbundCalendarController())
        try routes.register(collection: TownCalendarController())
        try routes.register(collection: VerbundCostsController())
    }

    struct FoundForm: Content {
        var eintrag: String?
        var name: String?
    }

    /// Founds a Verbund around a Vorhaben (or another item) of the user's town, which leads it.
    @Sendable func found(request: Request) async throws -> Response {
        let form = try request.content.decode(FoundForm.self)
        guard let itemID = form.eintrag.flatMap(UUID.init(uuidString:)), let item = try await CooperationItemModel.find(itemID, on: request.db) else {
            try request.requireUser()
            throw ProblemDetails.badRequest("Ein Verbund entsteht aus einem Eintrag Ihrer Kommune; der Eintrag fehlt.")
        }
        try request.authorize(.actForTown, .town(item.ownerKey))
        let name: String
        switch VerbundName.parse(form.name, fallback: item.title) {
        case .failure(let message): throw ProblemDetails(title: "Ungültige Angaben", status: 422, detail: message.text)
        case .success(let parsed): name = parsed
        }
        let verbund = try await VerbundService(request).found(name: name, itemID: itemID, leadKey: item.ownerKey, now: request.now)
        return request.redirect(to: verbund.path, notice: .verbundFounded)
    }

    /// The workspace; for a town or provider that is only invited, the invitation view.
    @Sendable func show(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        if !request.may(.viewVerbund, workspace.resource) {
            try request.authorize(.viewVerbundInvitation, workspace.resource)
        }
        return try await workspace.render(request)
    }
}

extension VerbundService {
    /// The service as a request uses it.
    init(_ request: Request) {
        self.init(database: request.db, baseURL: request.application.aufwindConfig.baseURL, directory: TownDirectory(catalog: request.register))
    }
}

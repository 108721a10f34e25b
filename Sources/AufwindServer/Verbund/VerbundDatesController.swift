import AufwindCore
import Vapor

/// `/verbuende/{id}/termine`: the members add deadlines, milestones and tasks and mark them done.
struct VerbundDatesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("verbuende", ":id", "termine", use: add)
        routes.post("verbuende", ":id", "termine", ":did", "erledigt", use: markDone)
    }

    struct DateForm: Content {
        var art: String?
        var titel: String?
        var datum: String?
        var verantwortlich: String?
    }

    @Sendable func add(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.manageVerbundDates, workspace.resource)
        let form = try request.content.decode(DateForm.self)
        switch VerbundDateInput.parse(
            kind: form.art, title: form.titel, due: form.datum, owner: form.verantwortlich, members: workspace.members.map(\.membership))
        {
        case .failure(let problems):
            return try await workspace.render(request, errors: problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let input):
            try await VerbundDateService(database: request.db).add(input, to: workspace.verbund.requireID())
            return workspace.redirect(request, notice: .dateAdded)
        }
    }

    @Sendable func markDone(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.manageVerbundDates, workspace.resource)
        guard let dateID = request.parameters.get("did", as: UUID.self),
            try await VerbundDateService(database: request.db).markDone(dateID, of: workspace.verbund.requireID())
        else { throw ProblemDetails.notFound("Diesen Termin gibt es nicht.") }
        return workspace.redirect(request, notice: .dateDone)
    }
}

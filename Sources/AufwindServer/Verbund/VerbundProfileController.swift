import AufwindCore
import Vapor

/// `/verbuende/{id}/bearbeiten`: the lead renames and describes the Verbund. A save from an old
/// version is refused, and the form keeps what was typed.
struct VerbundProfileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("verbuende", ":id", "bearbeiten", use: form)
        routes.post("verbuende", ":id", "bearbeiten", use: save)
    }

    struct ProfileForm: Content {
        var name: String?
        var beschreibung: String?
        var version: Int?
    }

    @Sendable func form(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.manageVerbund, workspace.resource)
        let verbund = workspace.verbund
        return HTMLResponse.render(
            VerbundEditPage(
                verbund: verbund, name: verbund.name, description: verbund.descriptionText, version: verbund.version,
                csrf: CSRF.token(for: request)),
            request: request)
    }

    @Sendable func save(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.manageVerbund, workspace.resource)
        let form = try request.content.decode(ProfileForm.self)
        guard let version = form.version else { throw ProblemDetails.badRequest("Die Version fehlt; bitte laden Sie das Formular neu.") }
        func again(_ errors: [String], status: HTTPStatus) -> Response {
            HTMLResponse.render(
                VerbundEditPage(
                    verbund: workspace.verbund, name: form.name ?? "", description: form.beschreibung ?? "", version: version,
                    csrf: CSRF.token(for: request), errors: errors),
                status: status, request: request)
        }
        switch VerbundProfileInput.parse(name: form.name, description: form.beschreibung) {
        case .failure(let problems):
            return again(problems.messages.map(\.text), status: .unprocessableEntity)
        case .success(let input):
            switch try await VerbundService(request).updateProfile(workspace.verbund, input, expectedVersion: version) {
            case .saved:
                return workspace.redirect(request, notice: .verbundSaved)
            case .stale(let current):
                return again(
                    [
                        "Name oder Beschreibung des Verbunds wurden inzwischen geändert (jetzt Version \(current)); Ihre Änderungen sind nicht gespeichert. "
                            + "Öffnen Sie das Formular neu und übertragen Sie Ihre Änderungen; Ihr Text steht unten noch zum Kopieren."
                    ], status: .conflict)
            }
        }
    }
}

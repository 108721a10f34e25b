import AufwindCore
import Vapor

/// `/verbuende/{id}/status` and `…/programm`: the lead moves the Verbund on and chooses the
/// programme it applies for.
struct VerbundStatusController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("verbuende", ":id", "status", use: setStatus)
        routes.post("verbuende", ":id", "programm", use: chooseProgramme)
    }

    struct StatusForm: Content { var status: String? }
    struct ProgrammeForm: Content { var programm: String? }

    @Sendable func setStatus(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.manageVerbund, workspace.resource)
        let form = try request.content.decode(StatusForm.self)
        let current = VerbundStatus(rawValue: workspace.verbund.status) ?? .inBildung
        switch current.step(to: form.status) {
        case .failure(let message):
            return try await workspace.render(request, errors: [message.text], status: .unprocessableEntity)
        case .success(let next):
            try await VerbundService(request).setStatus(workspace.verbund, from: current, to: next)
            return workspace.redirect(request, notice: .verbundStatusSaved)
        }
    }

    @Sendable func chooseProgramme(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.manageVerbund, workspace.resource)
        let form = try request.content.decode(ProgrammeForm.self)
        switch request.funding.choice(form.programm) {
        case .failure(let message):
            return try await workspace.render(request, errors: [message.text], status: .unprocessableEntity)
        case .success(let programmeID):
            try await VerbundService(request).chooseProgramme(workspace.verbund, programmeID)
            return workspace.redirect(request, notice: .programmeChosen)
        }
    }
}

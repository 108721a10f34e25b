import AufwindCore
import Fluent
import Vapor

/// `/anbieter/{id}`: an Anbieter with its solutions and the towns that confirmed using them.
struct ProviderController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("anbieter", ":id", use: show)
    }

    @Sendable func show(request: Request) async throws -> Response {
        guard let id = request.parameters.get("id", as: UUID.self), let organisation = try await OrganisationModel.find(id, on: request.db),
            organisation.kindValue == .anbieter, organisation.statusValue == .confirmed
        else { throw ProblemDetails.notFound("Diesen Anbieter gibt es nicht.") }
        let member = request.may(.publishSolution, .solution(.organisation(id.uuidString)))
        let solutions = try await SolutionModel.query(on: request.db).filter(\.$organisationID == id).sort(\.$name).all()
            .filter { $0.hidden != true || member }
        let users = try await request.application.solutionUsers.snapshot(on: request.db)
        let directory = TownDirectory(catalog: request.register)
        let now = request.now
        var references: [(town: String, townPath: String, solution: String, status: String)] = []
        for solution in solutions {
            for user in users.users(of: solution.id!).sorted(by: { $0.townKey < $1.townKey }) {
                references.append(
                    (directory.name(of: user.townKey) ?? user.townKey, directory.path(of: user.townKey), solution.name, user.status.label))
            }
        }
        return HTMLResponse.render(
            ProviderPage(
                id: id.uuidString.lowercased(), name: organisation.name, website: organisation.website, description: organisation.description,
                solutions: solutions.map { model in
                    SolutionListEntry(
                        path: model.path, name: model.name, shortDescription: model.shortDescription, publisher: organisation.name,
                        licence: model.input.licence, operations: model.input.operations,
                        inUse: NearbyUsers.inUseCount(users.users(of: model.id!), now: now), nearestKm: nil, isDemo: model.isDemo)
                },
                references: Array(references.prefix(200)), referenceCount: references.count,
                canPublish: request.may(.publishSolution, .solution(.organisation(id.uuidString)))),
            request: request)
    }
}

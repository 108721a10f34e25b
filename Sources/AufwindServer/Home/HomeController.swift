import AufwindCore
import Vapor

/// The signed-in person's home base: `/mein-aufwind`, `/kooperationen` and `/verbuende`.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("mein-aufwind", use: home)
        routes.get("kooperationen", use: cooperations)
        routes.get("verbuende", use: verbuende)
    }

    @Sendable func home(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let dashboard = try await HomeDashboard.load(request, user: user)
        return HTMLResponse.render(HomePage(userName: user.displayName, dashboard: dashboard, isPlatformAdmin: user.isAdmin), request: request)
    }

    @Sendable func cooperations(request: Request) async throws -> Response {
        try request.requireUser()
        let towns = request.actor.townRoles.keys.sorted()
        let list = try await CooperationSummary.load(for: towns, request: request)
        return HTMLResponse.render(MyCooperationsPage(cooperations: list, hasTowns: !towns.isEmpty), request: request)
    }

    @Sendable func verbuende(request: Request) async throws -> Response {
        try request.requireUser()
        let actor = request.actor
        let towns = actor.townRoles.keys.sorted()
        let list = try await VerbundRow.load(
            for: towns, organisations: actor.organisationRoles.keys.compactMap { UUID(uuidString: $0) }, request: request)
        let invitations = try await HomeDashboard.invitations(of: towns, request: request)
        return HTMLResponse.render(
            MyVerbuendePage(verbuende: list, invitations: invitations, hasTowns: !towns.isEmpty || !actor.organisationRoles.isEmpty), request: request
        )
    }
}

import AufwindCore
import Vapor

/// `/verbuende/{id}/kalender`: members make the Verbund's secret calendar link, shown once;
/// `/kalender/verbuende/{secret}.ics` is the feed behind it.
struct VerbundCalendarController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("verbuende", ":id", "kalender", use: renewLink)
        routes.get("kalender", "verbuende", ":token", use: feed)
    }

    /// A new secret link (the old one stops working), shown once on the workspace.
    @Sendable func renewLink(request: Request) async throws -> Response {
        let workspace = try await VerbundWorkspace.load(request)
        try request.authorize(.createVerbundCalendarLink, workspace.resource)
        let token = try await VerbundCalendarService(database: request.db).renewLink(of: workspace.verbund)
        return try await workspace.render(request, calendarLink: "\(request.application.aufwindConfig.baseURL)/kalender/verbuende/\(token).ics")
    }

    @Sendable func feed(request: Request) async throws -> Response {
        let calendars = VerbundCalendarService(database: request.db)
        guard let token = VerbundCalendarService.secret(inPath: request.parameters.get("token") ?? ""),
            let verbund = try await calendars.verbund(withSecret: token)
        else { throw ProblemDetails.notFound("Diesen Kalender gibt es nicht (der Link ist unbekannt oder wurde ersetzt).") }
        let dates = try await VerbundDateService(database: request.db).dates(of: verbund.requireID())
        let base = request.application.aufwindConfig.baseURL
        let ics = VerbundCalendar.verbund(
            named: verbund.name, dates: dates.map(\.value), directory: TownDirectory(catalog: request.register), link: { base + "/verbuende/" + $0 })
        return VerbundDownload.calendar(ics)
    }
}

import AufwindCore
import Vapor

/// `/kommunen/{key}/kalender`: a town's members make its secret calendar link for the dates of
/// all Verbünde it is in; `/kalender/kommunen/{secret}.ics` is the feed behind it.
struct TownCalendarController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("kommunen", ":key", "kalender", use: page)
        routes.post("kommunen", ":key", "kalender", use: renewLink)
        routes.get("kalender", "kommunen", ":token", use: feed)
    }

    /// The town of the route's `:key` and its name; 404 when there is none.
    private func requestedTown(_ request: Request) throws -> (key: String, name: String) {
        let key = request.parameters.get("key") ?? ""
        guard let name = TownDirectory(catalog: request.register).name(of: key) else {
            throw ProblemDetails.notFound("Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „\(key)“.")
        }
        return (key, name)
    }

    @Sendable func page(request: Request) async throws -> Response {
        let town = try requestedTown(request)
        try request.authorize(.actForTown, .town(town.key))
        return HTMLResponse.render(TownCalendarPage(key: town.key, townName: town.name, link: nil, csrf: CSRF.token(for: request)), request: request)
    }

    /// A new secret link (the old one stops working), shown once.
    @Sendable func renewLink(request: Request) async throws -> Response {
        let town = try requestedTown(request)
        try request.authorize(.actForTown, .town(town.key))
        let token = try await VerbundCalendarService(database: request.db).renewLink(ofTown: town.key)
        let link = "\(request.application.aufwindConfig.baseURL)/kalender/kommunen/\(token).ics"
        return HTMLResponse.render(TownCalendarPage(key: town.key, townName: town.name, link: link, csrf: CSRF.token(for: request)), request: request)
    }

    @Sendable func feed(request: Request) async throws -> Response {
        let calendars = VerbundCalendarService(database: request.db)
        guard let token = VerbundCalendarService.secret(inPath: request.parameters.get("token") ?? ""),
            let key = try await calendars.town(withSecret: token)
        else { throw ProblemDetails.notFound("Diesen Kalender gibt es nicht (der Link ist unbekannt oder wurde ersetzt).") }
        let (dates, names) = try await calendars.dates(ofTown: key)
        let base = request.application.aufwindConfig.baseURL
        let ics = VerbundCalendar.town(
            key, dates: dates, verbundNames: names, directory: TownDirectory(catalog: request.register), link: { base + "/verbuende/" + $0 })
        return VerbundDownload.calendar(ics)
    }
}

import AufwindCore
import Fluent
import Vapor

/// `/`: what Aufwind is for, for visitors (signed-in people go to their home base, Mein Aufwind);
/// `/suche`: the start page's one search box, towns and items side by side.
struct StartController: RouteCollection {
    /// How many newest items and next events the start page shows, and hits per kind on `/suche`.
    static let newest = 4
    static let hitsPerKind = 8

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: start)
        routes.get("suche", use: search)
    }

    @Sendable func start(request: Request) async throws -> Response {
        if request.currentUser != nil { return request.redirect(to: "/mein-aufwind", redirectType: .normal) }
        let today = request.todayISO
        let figures = try await PlatformFigures.count(on: request.db, today: today)
        let events = try await EventModel.query(on: request.db)
            .filter(\.$lastDay >= today).sort(\.$firstDay).sort(\.$title).limit(Self.newest).all()
        let directory = TownDirectory(catalog: request.register)
        let items = request.itemSearch.search(ItemSearchQuery(publicOnly: request.itemAudience.publicOnly, pageSize: Self.newest)).items
        return HTMLResponse.render(
            StartPage(
                figures: figures, newestItems: items.map { ItemListEntry(item: $0, directory: directory) },
                nextEvents: events.map(StartPage.EventEntry.init)),
            request: request)
    }

    @Sendable func search(request: Request) async throws -> Response {
        let text = String(((try? request.query.get(String.self, at: "q")) ?? "").trimmingSpaces.prefix(200))
        guard !text.isEmpty else { return HTMLResponse.render(SiteSearchPage(text: "", places: [], items: nil), request: request) }
        let places = try? request.register.places(GemeindeQuery(text: text, perPage: Self.hitsPerKind))
        let items = request.itemSearch.search(
            ItemSearchQuery(text: text, publicOnly: request.itemAudience.publicOnly, pageSize: Self.hitsPerKind))
        let directory = TownDirectory(catalog: request.register)
        return HTMLResponse.render(
            SiteSearchPage(
                text: text, places: places?.items.map(\.place) ?? [], placesTotal: places?.total ?? 0,
                items: items.items.map { ItemListEntry(item: $0, directory: directory) }, itemsTotal: items.total),
            request: request)
    }
}

extension StartPage.EventEntry {
    init(_ event: EventModel) {
        self.init(path: event.path, title: event.title, when: EventsController.when(event), place: event.place, organiser: event.organiserName)
    }
}

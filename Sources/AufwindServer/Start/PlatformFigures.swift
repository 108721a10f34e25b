import Fluent
import SQLKit

/// The live figures of the start page, counted by the database in one statement (five `COUNT`s,
/// no row is loaded), so the start page stays fast however much is on Aufwind. Generated demo
/// items (`is_demo`) are not counted: the figures say what towns really do here.
struct PlatformFigures: Equatable, Decodable {
    /// Towns (Gemeinden and Kreise) with a confirmed member or a published item.
    var towns: Int
    /// Published items (of every visibility).
    var items: Int
    var cooperations: Int
    var verbuende: Int
    /// Events whose last day is today or later.
    var upcomingEvents: Int

    enum CodingKeys: String, CodingKey {
        case towns, items, cooperations, verbuende
        case upcomingEvents = "upcoming_events"
    }

    /// The figures as of `today` (an ISO day, `request.todayISO`).
    static func count(on database: any Database, today: String) async throws -> PlatformFigures {
        let kommune = MembershipModel.Kind.kommune.rawValue
        let confirmed = MembershipModel.Status.confirmed.rawValue
        let row = try await database.sql().raw(
            """
            SELECT \
            (SELECT COUNT(*) FROM (\
            SELECT org_key AS town FROM \(ident: MembershipModel.schema) WHERE kind = \(bind: kommune) AND status = \(bind: confirmed) \
            UNION SELECT owner_key FROM \(ident: CooperationItemModel.schema) WHERE published = \(bind: true) AND is_demo = \(bind: false)\
            ) AS towns) AS towns, \
            (SELECT COUNT(*) FROM \(ident: CooperationItemModel.schema) WHERE published = \(bind: true) AND is_demo = \(bind: false)) AS items, \
            (SELECT COUNT(*) FROM \(ident: CooperationModel.schema)) AS cooperations, \
            (SELECT COUNT(*) FROM \(ident: VerbundModel.schema)) AS verbuende, \
            (SELECT COUNT(*) FROM \(ident: EventModel.schema) WHERE last_day >= \(bind: today)) AS upcoming_events
            """
        ).first(decoding: PlatformFigures.self)
        return row ?? PlatformFigures(towns: 0, items: 0, cooperations: 0, verbuende: 0, upcomingEvents: 0)
    }
}

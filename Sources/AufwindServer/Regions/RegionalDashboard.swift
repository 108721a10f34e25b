import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Everything a Regionalbehörde's dashboard shows about its region, read in a handful of queries:
/// per Gemeinde its members, public items, cooperations (the atlas's figures), Verbünde (any status,
/// with programme and the machine-checked verdict) and events; the Verbünde in preparation for
/// programmes this authority approves; the isolated towns with partners to start with.
struct RegionalDashboard {
    struct Verbund {
        var id: UUID
        var name: String
        var leadKey: String
        var status: VerbundStatus
        var programme: FundingProgramme?
        var verdict: EligibilityVerdict?
        /// Accepted towns and Kreise.
        var memberKeys: [String]
        /// What the check says is still missing.
        var missing: [String]

        /// "Bauhof (Förderrichtlinie IKZ NRW, Antrag in Vorbereitung, förderfähig)".
        var summary: String {
            "\(name) (" + [programme?.displayName, status.label, verdict?.label].compactMap { $0 }.joined(separator: ", ") + ")"
        }
    }

    struct Town {
        var gemeinde: Gemeinde
        var activity: GemeindeActivity
        var members: Int
        var events: Int
        var verbuende: [Verbund]
        /// For an isolated town: partners to start with (from its profile through the matching, else active neighbours).
        var suggestions: [Suggestion]
    }

    struct Suggestion {
        var key: String
        var path: String?
        var name: String
        var reason: String
    }

    var region: Gebietseinheit
    var figures: AtlasFigures
    var now: Date
    /// By Kreis (in key order), each Kreis's towns active first, then by population.
    var kreise: [(kreis: Gebietseinheit, activity: KreisActivity, towns: [Town])]
    /// Per Kreis: new public items and new cooperations in each of the last twelve months.
    var months: [String: (items: MonthlyActivity, cooperations: MonthlyActivity)]
    /// Verbünde in Gründung or Antrag in Vorbereitung, led from the region, for programmes this authority approves.
    var inPreparation: [Verbund]

    static func load(_ request: Request, region: Gebietseinheit) async throws -> RegionalDashboard {
        let catalog = request.register
        let key = region.key
        let figures = try await request.atlasSnapshot().figures(nil)
        let sql = try request.db.sql()
        let prefix = key + "%"

        struct CountRow: Decodable {
            var key: String
            var n: Int
        }
        let members = try await sql.select().column("org_key", as: "key").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(MembershipModel.schema).where("kind", .equal, SQLBind(MembershipModel.Kind.kommune.rawValue))
            .where("status", .equal, SQLBind(MembershipModel.Status.confirmed.rawValue)).where("org_key", .like, SQLBind(prefix))
            .groupBy("org_key").all(decoding: CountRow.self)
        let membersByTown = Dictionary(members.map { ($0.key, $0.n) }, uniquingKeysWith: +)

        // Events a town registered for (confirmed) or organises.
        struct EventRow: Decodable {
            var event_id: UUID
            var org_key: String
        }
        let registrations = try await sql.select().distinct().column("event_id").column("org_key").from(EventRegistrationModel.schema)
            .where("org_key", .like, SQLBind(prefix)).where("status", .equal, SQLBind(EventRegistrationModel.Status.bestaetigt.rawValue))
            .all(decoding: EventRow.self)
        let organised = try await EventModel.query(on: request.db).filter(\.$organiserType == EventModel.OrganiserType.kommune.rawValue)
            .filter(\.$organiserKey, .custom("LIKE"), prefix).all()
        var eventsByTown: [String: Set<UUID>] = [:]
        for row in registrations { eventsByTown[row.org_key, default: []].insert(row.event_id) }
        for event in organised { if let id = event.id { eventsByTown[event.organiserKey, default: []].insert(id) } }

        let verbuende = try await Self.verbuende(request, prefix: prefix)
        var verbuendeByTown: [String: [Verbund]] = [:]
        for verbund in verbuende {
            for member in Set(verbund.memberKeys) where member.hasPrefix(key) { verbuendeByTown[member, default: []].append(verbund) }
        }
        let landName = catalog.unit(key: String(key.prefix(2)))?.name
        let inPreparation = verbuende.filter { verbund in
            [.inBildung, .antragInVorbereitung].contains(verbund.status)
                && verbund.programme.map { ApprovingAuthority.approves($0, region: region, leadKey: verbund.leadKey, landName: landName) } == true
        }

        let nearby = NearbyActiveTowns(catalog: catalog, figures: figures)
        let profiles = try await TownProfileModel.query(on: request.db).filter(\.$id, .custom("LIKE"), prefix).all()
        let profileByTown = Dictionary(profiles.compactMap { profile in profile.id.map { ($0, profile) } }, uniquingKeysWith: { a, _ in a })
        let directory = TownDirectory(catalog: catalog)
        let engine = request.matching
        func suggestions(_ gemeinde: Gemeinde) -> [Suggestion] {
            if let profile = profileByTown[gemeinde.ags]?.input, !profile.handlungsfelder.isEmpty {
                let query = CooperationItem(
                    id: "profil-\(gemeinde.ags)", kind: .vorhaben, ownerKey: gemeinde.ags, title: "Profil von \(gemeinde.shortName)",
                    description: profile.description, handlungsfelder: Set(profile.handlungsfelder), reach: .region)
                let matches = engine.townMatches(for: query, limit: 10, publicOnly: true).inReach.filter { !$0.best.item.isDemo }.prefix(3)
                if !matches.isEmpty {
                    return matches.map { match in
                        Suggestion(
                            key: match.town, path: directory.path(of: match.town), name: directory.name(of: match.town) ?? match.town,
                            reason: "passt zum Profil: „\(match.best.item.title)“" + (match.distanceKm.map { ", \(GermanFormat.km($0))" } ?? ""))
                    }
                }
            }
            return nearby.suggestions(for: gemeinde).map {
                Suggestion(
                    key: $0.gemeinde.ags, path: "/gemeinden/\($0.gemeinde.ags)", name: $0.gemeinde.shortName,
                    reason: "\(GermanFormat.km($0.km)) entfernt, \(GermanFormat.count($0.items, "öffentlicher Eintrag", "öffentliche Einträge"))")
            }
        }

        let months = try await Self.months(request, prefix: prefix)
        let kreisUnits = region.kind == .kreis ? [region] : catalog.kreise(in: key)
        let kreise = kreisUnits.map { kreis in
            let towns = catalog.gemeinden(in: kreis.key).map { gemeinde -> Town in
                let activity = figures.gemeinde(ags: gemeinde.ags) ?? GemeindeActivity()
                return Town(
                    gemeinde: gemeinde, activity: activity, members: membersByTown[gemeinde.ags] ?? 0, events: eventsByTown[gemeinde.ags]?.count ?? 0,
                    verbuende: verbuendeByTown[gemeinde.ags] ?? [], suggestions: activity.isIsolated ? suggestions(gemeinde) : [])
            }
            .sorted { ($0.activity.isActive ? 0 : 1, -$0.gemeinde.population) < ($1.activity.isActive ? 0 : 1, -$1.gemeinde.population) }
            return (kreis: kreis, activity: figures.kreise[kreis.key] ?? KreisActivity(key: kreis.key), towns: towns)
        }
        return RegionalDashboard(region: region, figures: figures, now: request.now, kreise: kreise, months: months, inPreparation: inPreparation)
    }

    /// New public items and new cooperations (on public items) of the region's towns in the last
    /// twelve months, per Kreis and month: two queries over the last year only.
    private static func months(_ request: Request, prefix: String) async throws -> [String: (items: MonthlyActivity, cooperations: MonthlyActivity)] {
        let sql = try request.db.sql()
        let now = request.now
        let since = now.addingTimeInterval(-370 * 24 * 3600)
        struct ItemRow: Decodable {
            var owner_key: String
            var published_at: Date
        }
        let items = try await sql.select().column("owner_key").column("published_at").from(CooperationItemModel.schema)
            .where("published", .equal, SQLLiteral.boolean(true)).where("visibility", .equal, SQLBind(Visibility.oeffentlich.rawValue))
            .where(SQLIdentifier("hidden"), .is, SQLLiteral.null).where("is_demo", .equal, SQLLiteral.boolean(false))
            .where("owner_key", .like, SQLBind(prefix)).where("published_at", .greaterThanOrEqual, SQLBind(since))
            .all(decoding: ItemRow.self)
        struct CooperationRow: Decodable {
            var owner_key: String
            var partner_key: String
            var created_at: Date
        }
        let cooperations = try await sql.select().column(SQLColumn("owner_key", table: "c")).column(SQLColumn("partner_key", table: "c"))
            .column(SQLColumn("created_at", table: "c"))
            .from(SQLAlias(SQLIdentifier(CooperationModel.schema), as: SQLIdentifier("c")))
            .join(
                SQLAlias(SQLIdentifier(CooperationItemModel.schema), as: SQLIdentifier("i")), on: SQLColumn("id", table: "i"), .equal,
                SQLColumn("item_id", table: "c")
            )
            .where(SQLColumn("published", table: "i"), .equal, SQLLiteral.boolean(true))
            .where(SQLColumn("visibility", table: "i"), .equal, SQLBind(Visibility.oeffentlich.rawValue))
            .where(SQLColumn("hidden", table: "i"), .is, SQLLiteral.null).where(SQLColumn("is_demo", table: "i"), .equal, SQLLiteral.boolean(false))
            .where(SQLColumn("created_at", table: "c"), .greaterThanOrEqual, SQLBind(since))
            .where {
                $0.where(SQLColumn("owner_key", table: "c"), .like, SQLBind(prefix)).orWhere(
                    SQLColumn("partner_key", table: "c"), .like, SQLBind(prefix))
            }
            .all(decoding: CooperationRow.self)
        var itemDates: [String: [Date]] = [:]
        for row in items { itemDates[String(row.owner_key.prefix(5)), default: []].append(row.published_at) }
        var cooperationDates: [String: [Date]] = [:]
        let region = String(prefix.dropLast())
        for row in cooperations {
            for kreis in Set([row.owner_key, row.partner_key].filter { $0.hasPrefix(region) }.map { String($0.prefix(5)) }) {
                cooperationDates[kreis, default: []].append(row.created_at)
            }
        }
        let kreise = Set(itemDates.keys).union(cooperationDates.keys)
        return Dictionary(
            uniqueKeysWithValues: kreise.map { kreis in
                (
                    kreis,
                    (
                        MonthlyActivity(dates: itemDates[kreis] ?? [], endingAt: now),
                        MonthlyActivity(dates: cooperationDates[kreis] ?? [], endingAt: now)
                    )
                )
            })
    }

    /// Verbünde with an accepted town or Kreis of the region, any status, with all their accepted members and the verdict.
    private static func verbuende(_ request: Request, prefix: String) async throws -> [Verbund] {
        let accepted = VerbundMemberModel.Status.accepted.rawValue
        let inRegion = try await VerbundMemberModel.query(on: request.db).filter(\.$memberKey, .custom("LIKE"), prefix)
            .filter(\.$status == accepted).all()
        let ids = Array(Set(inRegion.map(\.verbundID)))
        guard !ids.isEmpty else { return [] }
        let models = try await VerbundModel.query(on: request.db).filter(\.$id ~~ ids).sort(\.$name).all()
        let members = try await VerbundMemberModel.query(on: request.db).filter(\.$verbundID ~~ ids).filter(\.$status == accepted).all()
        let membersByVerbund = Dictionary(grouping: members, by: \.verbundID)
        let resolver = VerbundResolver(catalog: request.register)
        let checker = EligibilityChecker(landNames: resolver.landNames, today: request.todayISO)
        let funding = request.funding
        return models.compactMap { model in
            guard let id = model.id else { return nil }
            let memberships = (membersByVerbund[id] ?? []).map(\.membership)
            let programme = model.programmeID.flatMap(funding.programme)
            let result = programme.map {
                checker.check(
                    VerbundFacts(memberships: memberships, leadKey: model.leadKey, resolver: resolver),
                    against: funding.rules[$0.id] ?? ProgrammeRules(programmeID: $0.id, rules: []))
            }
            return Verbund(
                id: id, name: model.name, leadKey: model.leadKey, status: VerbundStatus(rawValue: model.status) ?? .inBildung, programme: programme,
                verdict: result?.verdict, memberKeys: memberships.filter { $0.type == .gemeinde || $0.type == .kreis }.map(\.key),
                missing: result?.missing ?? [])
        }
    }
}

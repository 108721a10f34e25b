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
        var name: String
        var reason: String
    }

    var region: Gebietseinheit
    var figures: AtlasFigures
    /// By Kreis (in key order), each Kreis's towns active first, then by population.
    var kreise: [(kreis: Gebietseinheit, activity: KreisActivity, towns: [Town])]
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
                let matches = engine.townMatches(for: query, limit: 3, publicOnly: true)
                if !matches.isEmpty {
                    return matches.map { match in
                        Suggestion(
                            key: match.town, name: directory.name(of: match.town) ?? match.town,
                            reason: "passt zum Profil: „\(match.best.item.title)“" + (match.distanceKm.map { ", \(GermanFormat.km($0))" } ?? ""))
                    }
                }
            }
            return nearby.suggestions(for: gemeinde).map {
                Suggestion(
                    key: $0.gemeinde.ags, name: $0.gemeinde.shortName,
                    reason: "\(GermanFormat.km($0.km)) entfernt, \(GermanFormat.count($0.items, "öffentlicher Eintrag", "öffentliche Einträge"))")
            }
        }

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
        return RegionalDashboard(region: region, figures: figures, kreise: kreise, inPreparation: inPreparation)
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

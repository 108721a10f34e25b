import AufwindCore
import Fluent
import Foundation
import SQLKit

/// Gathers the atlas's public facts (`AtlasFacts`): the public items counted by owner and
/// Handlungsfelder from the match engine's published items, and in three queries the cooperations on
/// public items, the Verbünde past their founding with their towns, the towns with a verified member.
struct AtlasFactsLoader {
    var database: any Database
    var funding: FundingCatalog
    /// The match engine: its items are the published ones.
    var engine: MatchEngine

    /// Verbünde the atlas counts: past "in Gründung" (a draft) and not refused (the towns' business).
    static let countedVerbundStatuses: [VerbundStatus] = [.antragInVorbereitung, .eingereicht, .bewilligt, .laufend, .abgeschlossen]

    func load() async throws -> AtlasFacts {
        let sql = try database.sql()
        func fields(_ csv: String?) -> Set<Handlungsfeld> {
            Set((csv ?? "").split(separator: ",").compactMap { Handlungsfeld(rawValue: String($0)) })
        }
        func publicItems(_ query: SQLSelectBuilder, prefix: String) -> SQLSelectBuilder {
            query.where(SQLColumn("published", table: prefix), .equal, SQLLiteral.boolean(true))
                .where(SQLColumn("visibility", table: prefix), .equal, SQLBind(Visibility.oeffentlich.rawValue))
                .where(SQLColumn("hidden", table: prefix), .is, SQLLiteral.null)
                .where(SQLColumn("is_demo", table: prefix), .equal, SQLLiteral.boolean(false))
        }

        // Items from the match engine (every published item, kept current by this instance's writes; a
        // hidden one is unpublished): reading and decoding 100,000 rows would cost the better part of a second.
        struct GroupKey: Hashable {
            var owner: String
            var fields: Set<Handlungsfeld>
        }
        var groups: [GroupKey: Int] = [:]
        engine.forEachItem { item in
            guard item.visibility == .oeffentlich, !item.isDemo else { return }
            groups[GroupKey(owner: item.ownerKey, fields: item.handlungsfelder), default: 0] += 1
        }

        struct CooperationRow: Decodable {
            var owner_key: String
            var partner_key: String
            var handlungsfelder: String
        }
        let cooperations = try await publicItems(
            sql.select().column(SQLColumn("owner_key", table: "c")).column(SQLColumn("partner_key", table: "c"))
                .column(SQLColumn("handlungsfelder", table: "i"))
                .from(SQLAlias(SQLIdentifier(CooperationModel.schema), as: SQLIdentifier("c")))
                .join(
                    SQLAlias(SQLIdentifier(CooperationItemModel.schema), as: SQLIdentifier("i")),
                    on: SQLColumn("id", table: "i"), .equal, SQLColumn("item_id", table: "c")), prefix: "i"
        )
        .all(decoding: CooperationRow.self)

        struct VerbundRow: Decodable {
            var id: UUID
            var member_key: String
            var programme_id: String?
            var item_fields: String?
        }
        // The item's Handlungsfelder only when the item is public; the programme's from the catalogue.
        let publicItemFields = SQLRaw(
            "CASE WHEN i.published = TRUE AND i.is_demo = FALSE AND i.hidden IS NULL AND i.visibility = '\(Visibility.oeffentlich.rawValue)' THEN i.handlungsfelder END"
        )
        let verbundRows = try await sql.select()
            .column(SQLColumn("id", table: "v")).column(SQLColumn("member_key", table: "m")).column(SQLColumn("programme_id", table: "v"))
            .column(publicItemFields, as: "item_fields")
            .from(SQLAlias(SQLIdentifier(VerbundModel.schema), as: SQLIdentifier("v")))
            .join(
                SQLAlias(SQLIdentifier(VerbundMemberModel.schema), as: SQLIdentifier("m")), on: SQLColumn("verbund_id", table: "m"), .equal,
                SQLColumn("id", table: "v")
            )
            .join(
                SQLAlias(SQLIdentifier(CooperationItemModel.schema), as: SQLIdentifier("i")), method: SQLJoinMethod.left,
                on: SQLColumn("id", table: "i"), .equal, SQLColumn("item_id", table: "v")
            )
            .where(SQLColumn("status", table: "v"), .in, SQLBind.group(Self.countedVerbundStatuses.map(\.rawValue)))
            .where(SQLColumn("status", table: "m"), .equal, SQLBind(VerbundMembership.Status.accepted.rawValue))
            .where(SQLColumn("member_type", table: "m"), .in, SQLBind.group([MemberType.gemeinde.rawValue, MemberType.kreis.rawValue]))
            .all(decoding: VerbundRow.self)
        var verbuende: [UUID: AtlasFacts.Verbund] = [:]
        for row in verbundRows {
            if verbuende[row.id] == nil {
                let programme = row.programme_id.flatMap(funding.programme).map { Set($0.handlungsfelder) } ?? []
                verbuende[row.id] = AtlasFacts.Verbund(memberKeys: [], fields: fields(row.item_fields).union(programme))
            }
            verbuende[row.id]?.memberKeys.append(row.member_key)
        }

        struct MemberRow: Decodable { var org_key: String }
        let members = try await sql.select().distinct().column("org_key").from(MembershipModel.schema)
            .where("kind", .equal, SQLBind(MembershipModel.Kind.kommune.rawValue))
            .where("status", .equal, SQLBind(MembershipModel.Status.confirmed.rawValue))
            .all(decoding: MemberRow.self)

        return AtlasFacts(
            memberTowns: Set(members.map(\.org_key)),
            items: groups.map { AtlasFacts.ItemGroup(ownerKey: $0.key.owner, fields: $0.key.fields, count: $0.value) },
            cooperations: cooperations.map {
                AtlasFacts.Cooperation(ownerKey: $0.owner_key, partnerKey: $0.partner_key, fields: fields($0.handlungsfelder))
            },
            verbuende: verbuende.values.sorted { $0.memberKeys.lexicographicallyPrecedes($1.memberKeys) })
    }
}

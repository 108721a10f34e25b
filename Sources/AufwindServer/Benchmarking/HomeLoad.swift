import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `/mein-aufwind` at the size of issue 13's target, for the benchmark (`Benchmarks/`, "Home"):
/// the full register, `items` generated items in the database, and a Verwalterin of a town with
/// 50 items, 20 cooperations (with their threads) and 5 Verbünde, open requests and invitations,
/// unread notifications — next to other towns' cooperations, Verbünde, members and notifications,
/// so that a query without its index reads them all. The page is then requested through the whole
/// application in-process (middleware, session cookie, database, rendering): server time without
/// the network. Visible only to an `@_spi(Benchmarks) import`.
@_spi(Benchmarks) public final class HomeLoad: @unchecked Sendable {
    private let scratch: ScratchApplication
    private var app: Application { scratch.app }
    private var cookie = ""
    private var memberID = UUID()

    /// The town of the member (Ahlen, Kreis Warendorf).
    static let townKey = "05570004"

    /// Needs the register files (`AUFWIND_DATA_DIR`, else `../shared/data` seen from the project).
    public static func make(
        databaseURL: String? = ProcessInfo.processInfo.environment["DATABASE_URL"], dataDirectory: String
    ) async throws -> HomeLoad {
        let scratch = try await ScratchApplication.make(prefix: "home", databaseURL: databaseURL, dataDirectory: dataDirectory)
        let app = scratch.app
        guard let files = ReferenceDataLocator(candidates: [dataDirectory]).locate() else {
            try await scratch.shutdown()
            throw Abort(.internalServerError, reason: ReferenceDataLocator.missingFilesMessage(candidates: [dataDirectory]))
        }
        _ = try await RegisterImporter(database: app.db, logger: app.logger).importFiles(files)
        try await app.prepareFunding()
        return HomeLoad(scratch: scratch)
    }

    private init(scratch: ScratchApplication) {
        self.scratch = scratch
    }

    public func shutdown() async throws {
        try await scratch.shutdown()
    }

    /// Everything the page reads, then the member's session; the application boots afterwards
    /// (register and match engine loaded, as `serve` does).
    public func seed(items: Int) async throws {
        let db = app.db
        let now = app.now
        let catalog = try await RegisterRepository(database: db).loadCatalog()
        let facts = catalog.townFacts().filter { $0.key.count == 8 }
        guard let town = facts.first(where: { $0.key == Self.townKey }) else { throw Abort(.internalServerError, reason: "Ahlen fehlt im Register") }
        let neighbours = catalog.nearest(to: Self.townKey, count: 60).map { $0.gemeinde.ags }.filter { $0 != Self.townKey }

        // The 100,000 items: 50 of the town, the rest spread over all other towns.
        let ownItems = DemoItemGenerator(seed: 13).items(count: 50, towns: [town]).enumerated().map { index, item in
            let model = CooperationItemModel(item, isDemo: false, createdBy: nil, now: now)
            model.published = index % 5 != 0
            return model
        }
        try await ownItems.create(on: db)
        let others = DemoItemGenerator(seed: 2026).items(count: items - ownItems.count, towns: facts.filter { $0.key != Self.townKey })
        try await db.transaction { db in
            for chunk in others.chunked(500) {
                try await chunk.map { CooperationItemModel($0, isDemo: true, createdBy: nil, now: now) }.create(on: db)
            }
        }
        let partnerItems = try await CooperationItemModel.query(on: db).filter(\.$ownerKey ~~ Array(neighbours.prefix(30))).all()

        let member = UserModel(email: "verwalterin@ahlen.example", displayName: "Vera Verwalterin", passwordHash: "-")
        member.emailConfirmedAt = now
        member.acceptedTermsVersion = TermsOfUse.currentVersion
        try await member.create(on: db)
        let memberID = try member.requireID()
        self.memberID = memberID
        try await membership(memberID, town: Self.townKey, role: .verwalter, confirmed: true).create(on: db)
        for index in 0..<4 {
            let colleague = UserModel(email: "kollegin\(index)@ahlen.example", displayName: "Kollegin \(index)", passwordHash: "-")
            try await colleague.create(on: db)
            try await membership(try colleague.requireID(), town: Self.townKey, role: .mitglied, confirmed: index < 3).create(on: db)
        }

        try await seedCooperations(town: Self.townKey, ownItems: ownItems, partnerItems: partnerItems, partners: neighbours, memberID: memberID)
        try await seedVerbuende(town: Self.townKey, ownItems: ownItems, partners: neighbours)
        try await seedNotifications(for: memberID, count: 300, unread: 12)
        try await seedOtherTowns(facts.map(\.key).filter { $0 != Self.townKey }, now: now)

        try await app.reloadRegister()
        try await app.asyncBoot()
        let (secret, _) = try await WebSessions(database: db, lifetime: app.aufwindConfig.sessionLifetime).start(userID: memberID, now: now)
        cookie = "\(SiteCookie.session.name(secure: app.aufwindConfig.secureCookies))=\(secret)"
        let body = try await home()
        guard body.contains("Vera Verwalterin"), body.contains("Kooperationen") else {
            throw Abort(.internalServerError, reason: "/mein-aufwind zeigt nicht die Seite der Verwalterin")
        }
    }

    /// GET /mein-aufwind as the member, through the application's middleware and routes; the page.
    @discardableResult
    public func home() async throws -> String {
        let request = Request(
            application: app, method: .GET, url: URI(path: "/mein-aufwind"), headers: ["Cookie": cookie], logger: app.logger,
            on: app.eventLoopGroup.next())
        let response = try await app.responder.respond(to: request).get()
        guard response.status == .ok else { throw Abort(.internalServerError, reason: "/mein-aufwind: \(response.status.code)") }
        return response.body.string ?? ""
    }

    /// The statement of the unread count in the navigation, for the member on this page.
    @discardableResult
    public func badge() async throws -> Int {
        let sql = try app.db.sql()
        return try await UnreadBadge(sql: sql, userID: memberID).counts(page: "/mein-aufwind").unread
    }

    private func membership(_ userID: UUID, town: String, role: MemberRole, confirmed: Bool) -> MembershipModel {
        let membership = MembershipModel(userID: userID, kind: .kommune, orgKey: town, message: "Ich arbeite im Rathaus.")
        membership.role = role.rawValue
        if confirmed { membership.status = MembershipModel.Status.confirmed.rawValue }
        return membership
    }

    /// 20 cooperations (half on own items, half on partners' items), each with a thread of six
    /// messages; three open requests to the town and two from it.
    private func seedCooperations(
        town: String, ownItems: [CooperationItemModel], partnerItems: [CooperationItemModel], partners: [String], memberID: UUID
    ) async throws {
        let db = app.db
        let byOwner = Dictionary(grouping: partnerItems, by: \.ownerKey)
        for index in 0..<20 {
            let partner = partners[index]
            // Half on the town's own items, half on the partner's (where the partner has one).
            let theirs = index.isMultiple(of: 2) ? nil : byOwner[partner]?.first
            let onOwn = theirs == nil
            let item = theirs ?? ownItems[index]
            guard let itemID = item.id else { continue }
            let request = InterestRequestModel(
                itemID: itemID, fromKey: onOwn ? partner : town, toKey: onOwn ? town : partner, requestedBy: nil, requesterName: "Person \(index)",
                message: "Wir haben ein ähnliches Vorhaben und würden gern zusammenarbeiten.")
            request.status = InterestRequestModel.Status.accepted.rawValue
            try await request.create(on: db)
            let cooperation = CooperationModel(
                itemID: itemID, requestID: try request.requireID(), ownerKey: item.ownerKey, partnerKey: onOwn ? partner : town)
            try await cooperation.create(on: db)
            let messages = (0..<6).map { number in
                CooperationMessageModel(
                    cooperationID: cooperation.id!, authorKey: number.isMultiple(of: 2) ? town : partner,
                    authorID: number.isMultiple(of: 2) ? memberID : nil, authorName: number.isMultiple(of: 2) ? "Vera Verwalterin" : "Paul Partner",
                    body: "Nachricht \(number): Wir schlagen einen Termin in der nächsten Woche vor, um die Ausschreibung abzustimmen.")
            }
            try await messages.create(on: db)
        }
        for index in 20..<25 {
            let partner = partners[index]
            let incoming = index < 23
            guard let item = incoming ? ownItems[index] : byOwner[partner]?.first, let itemID = item.id else { continue }
            try await InterestRequestModel(
                itemID: itemID, fromKey: incoming ? partner : town, toKey: incoming ? town : partner, requestedBy: nil,
                requesterName: "Person \(index)", message: "Passt das zu Ihnen?"
            ).create(on: db)
        }
    }

    /// 5 Verbünde with four towns each, a chosen programme and three dates; one open invitation.
    private func seedVerbuende(town: String, ownItems: [CooperationItemModel], partners: [String]) async throws {
        let db = app.db
        let programmes = app.fundingStore.catalog.programmes.map(\.id)
        let dueFormatter = ISO8601DateFormatter()
        dueFormatter.formatOptions = [.withFullDate]
        for index in 0..<6 {
            let lead = index.isMultiple(of: 2) ? town : partners[30 + index * 3]
            let verbund = VerbundModel(
                name: "Verbund \(index + 1): \(ownItems[index].title)", itemID: ownItems[index].id, leadKey: lead,
                programmeID: programmes.isEmpty ? nil : programmes[index % programmes.count])
            try await verbund.create(on: db)
            let id = try verbund.requireID()
            let invited = index == 5
            let members = [town] + partners[(30 + index * 3)..<(33 + index * 3)]
            for key in members {
                let status: VerbundMemberModel.Status = invited && key == town ? .invited : .accepted
                try await VerbundMemberModel(
                    verbundID: id, memberKey: key, memberType: MemberType.gemeinde.rawValue,
                    role: key == lead ? VerbundRole.konsortialfuehrung.rawValue : VerbundRole.partner.rawValue, status: status,
                    expiresAt: status == .invited ? app.now.addingTimeInterval(14 * 86_400) : nil
                ).create(on: db)
            }
            let dates: [(Int, VerbundDateKind)] = [(20, .frist), (45, .meilenstein), (90, .aufgabe)]
            for (offset, kind) in dates {
                try await VerbundDateModel(
                    verbundID: id, kind: kind.rawValue, title: "\(kind.label) \(offset)",
                    due: dueFormatter.string(from: app.now.addingTimeInterval(Double(offset) * 86_400)), ownerKey: lead
                ).create(on: db)
            }
        }
    }

    private func seedNotifications(for userID: UUID, count: Int, unread: Int) async throws {
        let now = app.now
        let notifications = (0..<count).map { index in
            let notification = NotificationModel(
                userID: userID, category: .passendeEintraege, text: "Neuer passender Eintrag \(index)", link: "/eintraege/\(index)",
                action: "Eintrag ansehen")
            if index >= unread { notification.readAt = now }
            return notification
        }
        try await notifications.create(on: app.db)
    }

    /// What other towns have: 3,000 members, 2,000 cooperations with 10,000 messages, 1,000 open
    /// requests, 500 Verbünde with 2,000 members, 50,000 notifications.
    private func seedOtherTowns(_ keys: [String], now: Date) async throws {
        try await app.db.transaction { db in
            let users = (0..<3_000).map { UserModel(email: "person\($0)@kommune.example", displayName: "Person \($0)", passwordHash: "-") }
            for chunk in users.chunked(500) { try await Array(chunk).create(on: db) }
            let memberships = users.enumerated().map { index, user in
                self.membership(
                    user.id!, town: keys[(index * 7) % keys.count], role: index % 4 == 0 ? .verwalter : .mitglied, confirmed: index % 10 != 0)
            }
            for chunk in memberships.chunked(500) { try await Array(chunk).create(on: db) }
            let items = try await CooperationItemModel.query(on: db).filter(\.$isDemo == true).limit(3_000).all()
            var requests: [InterestRequestModel] = []
            for (index, item) in items.enumerated() {
                let request = InterestRequestModel(
                    itemID: item.id!, fromKey: keys[(index * 13) % keys.count], toKey: item.ownerKey, requestedBy: nil,
                    requesterName: "Person \(index)", message: "Interesse")
                if index < 2_000 { request.status = InterestRequestModel.Status.accepted.rawValue }
                requests.append(request)
            }
            for chunk in requests.chunked(500) { try await Array(chunk).create(on: db) }
            let cooperations = requests.prefix(2_000).map {
                CooperationModel(itemID: $0.itemID, requestID: $0.id!, ownerKey: $0.toKey, partnerKey: $0.fromKey)
            }
            for chunk in Array(cooperations).chunked(500) { try await Array(chunk).create(on: db) }
            let messages = cooperations.flatMap { cooperation in
                (0..<5).map {
                    CooperationMessageModel(
                        cooperationID: cooperation.id!, authorKey: cooperation.ownerKey, authorID: nil, authorName: "Person", body: "Nachricht \($0)")
                }
            }
            for chunk in messages.chunked(500) { try await Array(chunk).create(on: db) }
            let verbuende = (0..<500).map { VerbundModel(name: "Verbund \($0)", itemID: nil, leadKey: keys[($0 * 11) % keys.count]) }
            for chunk in verbuende.chunked(500) { try await Array(chunk).create(on: db) }
            let members = verbuende.enumerated().flatMap { index, verbund in
                (0..<4).map {
                    VerbundMemberModel(
                        verbundID: verbund.id!, memberKey: keys[(index * 11 + $0 * 101) % keys.count],
                        memberType: MemberType.gemeinde.rawValue, role: VerbundRole.partner.rawValue, status: .accepted, expiresAt: nil)
                }
            }
            for chunk in members.chunked(500) { try await Array(chunk).create(on: db) }
            let notifications = (0..<50_000).map { index in
                NotificationModel(
                    userID: users[index % users.count].id!, category: .anfragen, text: "Benachrichtigung \(index)", link: "/anfragen")
            }
            for chunk in notifications.chunked(1_000) { try await Array(chunk).create(on: db) }
        }
    }
}

import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The Kooperationsatlas at the size of issue 17's target, for the benchmark (`Benchmarks/`,
/// "Atlas"): the full register and Kreis borders, `items` items (nine in ten public), `cooperations`
/// cooperations, a thousand Verbünde in every status and 3,000 members. Pages are requested through
/// the whole application in-process (middleware, routes, rendering): server time without the
/// network. Visible only to an `@_spi(Benchmarks) import`.
@_spi(Benchmarks) public final class AtlasLoad: @unchecked Sendable {
    private let scratch: ScratchApplication
    private var app: Application { scratch.app }

    /// Needs the register files and `kreise.geojson` (`AUFWIND_DATA_DIR`, else `../shared/data`).
    public static func make(
        databaseURL: String? = ProcessInfo.processInfo.environment["DATABASE_URL"], dataDirectory: String
    ) async throws -> AtlasLoad {
        let scratch = try await ScratchApplication.make(prefix: "atlas", databaseURL: databaseURL, dataDirectory: dataDirectory)
        let app = scratch.app
        guard let files = ReferenceDataLocator(candidates: [dataDirectory]).locate() else {
            try await scratch.shutdown()
            throw Abort(.internalServerError, reason: ReferenceDataLocator.missingFilesMessage(candidates: [dataDirectory]))
        }
        _ = try await RegisterImporter(database: app.db, logger: app.logger).importFiles(files)
        try await app.prepareFunding()
        return AtlasLoad(scratch: scratch)
    }

    private init(scratch: ScratchApplication) { self.scratch = scratch }

    public func shutdown() async throws { try await scratch.shutdown() }

    public func seed(items: Int, cooperations: Int) async throws {
        let db = app.db
        let now = app.now
        let catalog = try await RegisterRepository(database: db).loadCatalog()
        let towns = catalog.townFacts().filter { $0.key.count == 8 }
        let keys = towns.map(\.key)
        let position = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let generated = DemoItemGenerator(seed: 17).items(count: items, towns: towns)
        try await db.transaction { db in
            for (offset, chunk) in generated.chunked(500).enumerated() {
                try await chunk.enumerated().map { index, item in
                    var item = item
                    item.visibility = (offset * 500 + index) % 10 == 0 ? .kommunen : .oeffentlich
                    return CooperationItemModel(item, isDemo: false, createdBy: nil, now: now)
                }.create(on: db)
            }
        }
        try await db.transaction { db in
            let publicItems = try await CooperationItemModel.query(on: db).filter(\.$visibility == Visibility.oeffentlich.rawValue)
                .limit(cooperations).all()
            var requests: [InterestRequestModel] = []
            for (index, item) in publicItems.enumerated() {
                // Half with a neighbour (the next towns in key order are mostly close), half anywhere.
                let partner = index % 2 == 0 ? keys[((position[item.ownerKey] ?? 0) + 1) % keys.count] : keys[(index * 7919) % keys.count]
                let request = InterestRequestModel(
                    itemID: item.id!, fromKey: partner == item.ownerKey ? keys[(index + 1) % keys.count] : partner, toKey: item.ownerKey,
                    requestedBy: nil, requesterName: "Person \(index)", message: "Interesse")
                request.status = InterestRequestModel.Status.accepted.rawValue
                requests.append(request)
            }
            for chunk in requests.chunked(500) { try await Array(chunk).create(on: db) }
            let rows = requests.map { CooperationModel(itemID: $0.itemID, requestID: $0.id!, ownerKey: $0.toKey, partnerKey: $0.fromKey) }
            for chunk in rows.chunked(500) { try await Array(chunk).create(on: db) }

            let statuses = VerbundStatus.allCases
            let verbuende = (0..<1_000).map { index in
                let verbund = VerbundModel(
                    name: "Verbund \(index)", itemID: publicItems[index % publicItems.count].id, leadKey: keys[(index * 11) % keys.count])
                verbund.status = statuses[index % statuses.count].rawValue
                return verbund
            }
            for chunk in verbuende.chunked(500) { try await Array(chunk).create(on: db) }
            let members = verbuende.enumerated().flatMap { index, verbund in
                (0..<4).map {
                    VerbundMemberModel(
                        verbundID: verbund.id!, memberKey: keys[(index * 11 + $0) % keys.count], memberType: MemberType.gemeinde.rawValue,
                        role: VerbundRole.partner.rawValue, status: .accepted, expiresAt: nil)
                }
            }
            for chunk in members.chunked(500) { try await Array(chunk).create(on: db) }
            let users = (0..<3_000).map { UserModel(email: "person\($0)@kommune.example", displayName: "Person \($0)", passwordHash: "-") }
            for chunk in users.chunked(500) { try await Array(chunk).create(on: db) }
            let memberships = users.enumerated().map { index, user in
                let membership = MembershipModel(userID: user.id!, kind: .kommune, orgKey: keys[(index * 7) % keys.count], message: "")
                membership.status = MembershipModel.Status.confirmed.rawValue
                return membership
            }
            for chunk in memberships.chunked(500) { try await Array(chunk).create(on: db) }
        }
        try await app.reloadRegister()
        await app.kreisShapes.load(logger: app.logger)
        try await app.asyncBoot()
        let page = try await get("/atlas")
        guard page.contains("Kooperationsatlas"), page.contains("atlas-karte") else {
            throw Abort(.internalServerError, reason: "/atlas zeigt keine Karte (fehlt kreise.geojson?)")
        }
    }

    /// GET `path` anonymously through the application's middleware and routes; the body.
    @discardableResult
    public func get(_ path: String) async throws -> String {
        let request = Request(application: app, method: .GET, url: URI(path: path), logger: app.logger, on: app.eventLoopGroup.next())
        let response = try await app.responder.respond(to: request).get()
        guard response.status == .ok else { throw Abort(.internalServerError, reason: "\(path): \(response.status.code)") }
        return response.body.string ?? ""
    }

    /// A write elsewhere dropped the figures: the next page reads the facts again.
    public func invalidate() { app.atlas.invalidate() }
}

import AufwindCore
import Fluent
import Foundation
import Vapor

/// Issue 16's target, for the benchmark (`Benchmarks/`, "Solutions"): the full register, 5,000
/// generated solutions with about 50,000 confirmed references (as `generate-demo --solutions`
/// writes them), and one solution that 5,000 towns confirmed. The pages and the API are requested
/// through the whole application in-process (middleware, database, rendering): server time without
/// the network. Visible only to an `@_spi(Benchmarks) import`.
@_spi(Benchmarks) public final class SolutionLoad: @unchecked Sendable {
    private let scratch: ScratchApplication
    private var app: Application { scratch.app }
    private var bigSolution = ""
    public private(set) var references = 0

    /// The town distances are measured from (Ahlen).
    static let townKey = "05570004"

    public static func make(
        databaseURL: String? = ProcessInfo.processInfo.environment["DATABASE_URL"], dataDirectory: String
    ) async throws -> SolutionLoad {
        let scratch = try await ScratchApplication.make(prefix: "solutions", databaseURL: databaseURL, dataDirectory: dataDirectory)
        guard let files = ReferenceDataLocator(candidates: [dataDirectory]).locate() else {
            try await scratch.shutdown()
            throw Abort(.internalServerError, reason: ReferenceDataLocator.missingFilesMessage(candidates: [dataDirectory]))
        }
        _ = try await RegisterImporter(database: scratch.app.db, logger: scratch.app.logger).importFiles(files)
        return SolutionLoad(scratch: scratch)
    }

    private init(scratch: ScratchApplication) { self.scratch = scratch }

    public func shutdown() async throws { try await scratch.shutdown() }

    /// `solutions` demo solutions, then one more used by `bigUsers` towns; boots the application.
    public func seed(solutions: Int, bigUsers: Int) async throws {
        let db = app.db
        let now = app.now
        let catalog = try await RegisterRepository(database: db).loadCatalog()
        let written = try await DemoSolutions(database: db).generate(count: solutions, seed: 16, catalog: catalog, now: now)
        guard let provider = try await OrganisationModel.query(on: db).filter(\.$isDemo == true).first() else {
            throw Abort(.internalServerError, reason: "Kein Demo-Anbieter geschrieben")
        }
        let big = SolutionModel(
            publisher: .organisation(try provider.requireID().uuidString),
            input: SolutionInput(
                name: "Bürgerservice-Portal für alle", shortDescription: "Von 5.000 Kommunen bestätigt", description: "Benchmark-Lösung.",
                handlungsfelder: [.digitaleVerwaltung], licence: .openSource, repositoryURL: "https://gitlab.opencode.de/demo/portal",
                licenceID: "EUPL-1.2", operations: [.saas], euHosting: true),
            kept: "", createdBy: nil, isDemo: true)
        try await big.create(on: db)
        let bigID = try big.requireID()
        let towns = catalog.gemeinden.map(\.ags)
        let step = max(1, towns.count / bigUsers)
        let rows = stride(from: 0, to: towns.count, by: step).prefix(bigUsers).map { index in
            let reference = SolutionReferenceModel(
                solutionID: bigID, townKey: towns[index], status: index % 10 == 0 ? .inErprobung : .imEinsatz, since: "2024", state: .bestaetigt,
                proposedBy: nil)
            reference.confirmedAt = now.addingTimeInterval(-Double(index % 500) * 86_400)
            reference.isDemo = true
            return reference
        }
        try await db.transaction { db in
            for chunk in rows.chunked(500) { try await Array(chunk).create(on: db) }
        }
        references = written.references + rows.count
        bigSolution = big.path
        try await app.reloadRegister()
        try await app.asyncBoot()
        let page = try await nearby()
        guard page.contains("Bürgerservice-Portal für alle"), page.contains("Geordnet nach Entfernung von Ahlen") else {
            throw Abort(.internalServerError, reason: "Die Lösungsseite zeigt nicht die Nutzer nach Entfernung")
        }
    }

    /// "Wer nutzt das in Ihrer Nähe?" of the solution with the most users, from Ahlen.
    @discardableResult
    public func nearby() async throws -> String {
        try await get(bigSolution + "?nahe=\(Self.townKey)")
    }

    /// `/api/v1/loesungen?nahe=` over all solutions, first page.
    @discardableResult
    public func apiNearby() async throws -> String {
        try await get("/api/v1/loesungen?nahe=\(Self.townKey)")
    }

    private func get(_ path: String) async throws -> String {
        let request = Request(
            application: app, method: .GET, url: URI(string: path), logger: app.logger, on: app.eventLoopGroup.next())
        let response = try await app.responder.respond(to: request).get()
        guard response.status == .ok else { throw Abort(.internalServerError, reason: "\(path): \(response.status.code)") }
        return response.body.string ?? ""
    }
}

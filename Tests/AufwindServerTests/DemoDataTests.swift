import AufwindCore
import Fluent
import NIOConcurrencyHelpers
import Testing

@testable import AufwindServer

@Suite("Demo data and stored items")
struct DemoDataTests {
    @Test("generate-demo writes marked items for real towns, replaces earlier demo items, never real ones", arguments: TestDatabase.available)
    func demo(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            let real = CooperationItem(
                id: "x", kind: .bedarf, ownerKey: "05570004", title: "Digitale Schulverwaltung", description: "Wir suchen eine Lösung.",
                handlungsfelder: [.schuleBildung, .digitaleVerwaltung], reach: .bundesweit, desiredSizes: [.groessereKleinstadt])
            try await CooperationItemModel(real, isDemo: false, createdBy: nil, now: app.now).create(on: app.db)
            let data = DemoData(database: app.db)
            #expect(try await data.generate(count: 300, seed: 3, catalog: app.registerStore.catalog, now: app.now) == 300)
            #expect(try await data.generate(count: 200, seed: 4, catalog: app.registerStore.catalog, now: app.now) == 200)
            #expect(try await CooperationItemModel.query(on: app.db).filter(\.$isDemo == true).count() == 200)
            let stored = try await CooperationItemModel.query(on: app.db).filter(\.$isDemo == false).all()
            #expect(stored.count == 1)
            let item = try #require(stored.first?.item)
            #expect(item.handlungsfelder == real.handlungsfelder && item.desiredSizes == real.desiredSizes && item.kind == .bedarf)
            let owners = Set(try await CooperationItemModel.query(on: app.db).all().map(\.ownerKey))
            #expect(owners.isSubset(of: Set(RegisterFixture.gemeinden.map(\.ags))))
            // the stored items feed the matching
            let items = try await CooperationItemModel.query(on: app.db).all().compactMap(\.item)
            let engine = MatchEngine(
                items: items, towns: Dictionary(uniqueKeysWithValues: app.registerStore.catalog.townFacts().map { ($0.key, $0) }))
            #expect(engine.matches(for: item, limit: 10) == engine.bruteForceMatches(for: item, limit: 10))
        }
    }

    @Test(
        "published items are read in batches while they stream in, in publication order, with the same recent counts as a count in SQL",
        arguments: TestDatabase.available)
    func streamedInBatches(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app)
            #expect(try await DemoData(database: app.db).generate(count: 250, seed: 5, catalog: app.registerStore.catalog, now: app.now) == 250)
            let repository = ItemRepository(database: app.db)
            let since = type(of: app).recentSince(app.now)
            let batches = NIOLockedValueBox<[[CooperationItem]]>([])
            let recent = try await repository.streamPublished(batchSize: 40, recentSince: since) { batch in
                batches.withLockedValue { $0.append(batch) }
            }
            let delivered = batches.withLockedValue { $0 }
            #expect(delivered.map(\.count) == Array(repeating: 40, count: 6) + [10])
            let stored = try await CooperationItemModel.query(on: app.db).filter(\.$published == true)
                .sort(\.$publishedAt).sort(\.$id).all()
            #expect(delivered.flatMap { $0 }.map(\.id) == stored.map { $0.id!.uuidString.lowercased() })
            #expect(delivered.flatMap { $0 }.allSatisfy { $0.description.isEmpty == false })
            #expect(recent == (try await repository.publishedCounts(since: since)) && !recent.isEmpty)
        }
    }

    @Test(
        "generate-demo --solutions writes marked Anbieter, solutions and confirmed references of real towns, replacing only demo ones",
        arguments: TestDatabase.available)
    func demoSolutions(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            try await RegisterFixture.importInto(app, text: RegisterFixture.placesFile())
            let (organisation, provider) = try await SolutionFlowTests.provider(app)
            _ = try await SolutionFlowTests.publish(provider, as: "anbieter:\(organisation)")
            let demo = DemoSolutions(database: app.db)
            _ = try await demo.generate(count: 120, seed: 7, catalog: app.registerStore.catalog, now: app.now)
            let written = try await demo.generate(count: 80, seed: 8, catalog: app.registerStore.catalog, now: app.now)
            #expect(written.solutions == 80 && written.references > 80)  // up to 20 draws each among the fixture's few towns
            #expect(try await SolutionModel.query(on: app.db).filter(\.$isDemo == true).count() == 80)
            #expect(try await SolutionModel.query(on: app.db).filter(\.$isDemo == false).count() == 1)
            #expect(try await SolutionReferenceModel.query(on: app.db).count() == written.references)
            #expect(try await OrganisationModel.query(on: app.db).filter(\.$isDemo == true).count() == 8)
            let towns = Set(try await SolutionReferenceModel.query(on: app.db).all().map(\.townKey))
            #expect(towns.isSubset(of: Set(app.registerStore.catalog.gemeinden.map(\.ags))))
            // The pages read them: a demo solution shows its users, marked as demo data.
            app.solutionUsers.invalidate()
            let model = try #require(try await SolutionModel.query(on: app.db).filter(\.$isDemo == true).first())
            let page = try await Browser(app).get(model.path)
            #expect(page.body.contains("Demo-Daten") && page.body.contains("bestätigt"))
        }
    }
}

import AufwindCore
import Fluent
import Foundation

/// Writes generated Anbieter, their solutions and the towns' confirmed references (all marked as
/// demo data), replacing earlier demo solutions and Anbieter, never touching real ones.
struct DemoSolutions {
    let database: any Database

    /// Returns how many solutions and references were written.
    @discardableResult
    func generate(count: Int, seed: UInt64, catalog: RegisterCatalog, now: Date) async throws -> (solutions: Int, references: Int) {
        let generator = DemoSolutionGenerator(seed: seed)
        let providerNames = generator.providers(count: max(1, min(500, count / 10)))
        let towns = catalog.gemeinden.map { (key: $0.ags, population: $0.population) }
        let solutions = generator.solutions(count: count, providers: providerNames.count, towns: towns, now: now)
        let references = try await database.transaction { db -> Int in
            var references = 0
            try await SolutionModel.query(on: db).filter(\.$isDemo == true).delete()
            try await OrganisationModel.query(on: db).filter(\.$isDemo == true).delete()
            let providers = providerNames.map { name in
                let organisation = OrganisationModel(
                    kind: .anbieter, name: name, website: "", description: "Erzeugter Demo-Anbieter.", foundedBy: UUID())
                organisation.foundedBy = nil
                organisation.status = MembershipModel.Status.confirmed.rawValue
                organisation.isDemo = true
                organisation.id = UUID()
                return organisation
            }
            try await providers.create(on: db)
            for chunk in solutions.chunked(500) {
                let models = chunk.map { solution in
                    let model = SolutionModel(
                        publisher: .organisation(providers[solution.providerIndex].id!.uuidString), input: solution.input, kept: "", createdBy: nil,
                        isDemo: true)
                    model.id = UUID()
                    return model
                }
                try await models.create(on: db)
                var rows: [SolutionReferenceModel] = []
                for (model, solution) in zip(models, chunk) {
                    for user in solution.users {
                        let reference = SolutionReferenceModel(
                            solutionID: model.id!, townKey: user.townKey, status: user.status, since: user.since, state: .bestaetigt, proposedBy: nil)
                        reference.confirmedAt = user.confirmedAt
                        reference.isDemo = true
                        rows.append(reference)
                    }
                }
                for part in rows.chunked(500) { try await part.create(on: db) }
                references += rows.count
            }
            return references
        }
        return (solutions.count, references)
    }
}

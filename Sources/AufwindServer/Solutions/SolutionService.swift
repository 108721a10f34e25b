import AufwindCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Publishing and changing solutions: one transaction writes the solution and, when a save names a
/// new version, its release; a save on an older revision changes nothing.
struct SolutionService {
    let database: any Database

    enum SaveResult {
        case saved(SolutionModel)
        /// Someone saved in between; nothing was written.
        case stale(current: Int)
    }

    func create(publisher: SolutionPublisher, input: SolutionInput, kept: String, by user: UserModel) async throws -> SolutionModel {
        let model = SolutionModel(publisher: publisher, input: input, kept: kept, createdBy: try user.requireID())
        try await database.transaction { db in
            try await model.create(on: db)
            try await recordRelease(of: model, input: input, on: db)
            try await AuditEntryModel(actor: user, action: "loesung-angelegt", subject: "loesung:\(try model.requireID())", detail: input.name)
                .create(on: db)
        }
        return model
    }

    func update(_ id: UUID, input: SolutionInput, kept: String?, expectedRevision: Int, by user: UserModel) async throws -> SaveResult {
        try await database.transaction { db in
            struct Revision: Decodable { var revision: Int }
            // The revision check and its raise are one statement: of two saves on the same
            // revision exactly one goes on (and holds the row until it commits).
            let raised = try await db.sql().update(SolutionModel.schema).set("revision", to: expectedRevision + 1)
                .where("id", .equal, id).where("revision", .equal, expectedRevision)
                .returning("revision").all(decoding: Revision.self)
            guard let model = try await SolutionModel.find(id, on: db) else { throw ProblemDetails.notFound("Diese Lösung gibt es nicht.") }
            guard raised.count == 1 else { return .stale(current: model.revision) }
            model.apply(input)
            if let kept { model.publiccodeKept = kept }
            try await model.save(on: db)
            try await recordRelease(of: model, input: input, on: db)
            try await AuditEntryModel(actor: user, action: "loesung-geaendert", subject: "loesung:\(id)", detail: input.name).create(on: db)
            return .saved(model)
        }
    }

    /// A version not yet in the history becomes a release.
    private func recordRelease(of model: SolutionModel, input: SolutionInput, on db: any Database) async throws {
        guard !input.version.isEmpty else { return }
        let id = try model.requireID()
        let known = try await SolutionReleaseModel.query(on: db).filter(\.$solutionID == id).filter(\.$versionName == input.version).first()
        if let known {
            known.releaseDate = input.releaseDate
            known.notes = input.releaseNotes
            try await known.save(on: db)
        } else {
            try await SolutionReleaseModel(solutionID: id, versionName: input.version, releaseDate: input.releaseDate, notes: input.releaseNotes)
                .create(on: db)
        }
    }
}

import AufwindCore
import Fluent
import Foundation
import SQLKit

extension VerbundService {
    enum ProfileChange: Equatable {
        case saved(version: Int)
        /// Somebody saved in between; nothing was written. The Verbund is now at `current`.
        case stale(current: Int)
    }

    /// Renames and describes the Verbund if it is still at `expectedVersion`: one conditional
    /// `UPDATE … WHERE version = ?`, so of two saves from the same version only the first wins.
    func updateProfile(_ verbund: VerbundModel, _ input: VerbundProfileInput, expectedVersion: Int) async throws -> ProfileChange {
        let id = try verbund.requireID()
        let sql = try database.sql()
        struct Row: Decodable { var version: Int }
        let rows = try await sql.update(VerbundModel.schema)
            .set("name", to: input.name).set("description", to: input.description).set("version", to: expectedVersion + 1)
            .where("id", .equal, id).where("version", .equal, expectedVersion)
            .returning("version").all(decoding: Row.self)
        if let row = rows.first { return .saved(version: row.version) }
        return .stale(current: try await VerbundModel.find(id, on: database)?.version ?? expectedVersion)
    }
}

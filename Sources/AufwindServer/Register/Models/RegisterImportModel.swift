import Fluent
import Foundation

/// One import that changed the register: which file, which Gebietsstand, what changed.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class RegisterImportModel: Model, @unchecked Sendable {
    static let schema = "register_imports"

    @ID(key: .id) var id: UUID?
    @Field(key: "gebietsstand") var gebietsstand: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "inserted") var inserted: Int
    @Field(key: "updated") var updated: Int
    @Field(key: "vanished") var vanished: Int
    @Timestamp(key: "imported_at", on: .create) var importedAt: Date?

    init() {}

    init(gebietsstand: String, fileName: String, inserted: Int, updated: Int, vanished: Int) {
        self.gebietsstand = gebietsstand
        self.fileName = fileName
        self.inserted = inserted
        self.updated = updated
        self.vanished = vanished
    }
}

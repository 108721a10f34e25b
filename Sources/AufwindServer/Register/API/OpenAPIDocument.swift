import Foundation
import Vapor

/// The OpenAPI 3.1 description of `/api/v1`: the resource `Resources/openapi.json`, served as it
/// is at `/api/v1/openapi.json`. Tests parse and validate it with OpenAPIKit, check its enums and
/// text patterns against the domain types and `SchemaText`, and its paths against the routes.
enum OpenAPIDocument {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "Das mitgelieferte API-Dokument openapi.json fehlt im Ressourcen-Bundle von AufwindServer." }
    }

    /// The document's bytes, read from the bundle.
    static func bundled() throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            throw Missing()
        }
        return ByteBuffer(data: data)
    }
}

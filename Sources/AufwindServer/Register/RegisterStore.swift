import AufwindCore
import NIOConcurrencyHelpers
import Vapor

/// The register catalog the server answers from; swapped whole after an import.
final class RegisterStore: Sendable {
    private let box = NIOLockedValueBox(
        (catalog: RegisterCatalog(gebietsstand: nil, units: [], gemeinden: []), json: GemeindeJSONCache(), generation: 0))

    var catalog: RegisterCatalog { box.withLockedValue { $0.catalog } }

    /// The catalog with the JSON cache that belongs to it.
    var current: (catalog: RegisterCatalog, json: GemeindeJSONCache) { box.withLockedValue { ($0.catalog, $0.json) } }

    /// The catalog with the number of times it was replaced (read together).
    var versioned: (catalog: RegisterCatalog, generation: Int) { box.withLockedValue { ($0.catalog, $0.generation) } }

    func replace(with catalog: RegisterCatalog) {
        box.withLockedValue { $0 = (catalog, GemeindeJSONCache(), $0.generation + 1) }
    }
}

extension Application {
    private struct RegisterStoreKey: StorageKey { typealias Value = RegisterStore }

    var registerStore: RegisterStore {
        get {
            guard let store = storage[RegisterStoreKey.self] else { fatalError("configure(_:) sets the register store") }
            return store
        }
        set { storage[RegisterStoreKey.self] = newValue }
    }
}

extension Request {
    /// The register as this request sees it.
    var register: RegisterCatalog { application.registerStore.catalog }
}

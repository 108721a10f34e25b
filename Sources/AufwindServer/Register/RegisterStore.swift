import AufwindCore
import NIOConcurrencyHelpers
import Vapor

/// The register catalog the server answers from; swapped whole after an import.
final class RegisterStore: Sendable {
    private let box = NIOLockedValueBox(RegisterCatalog(gebietsstand: nil, units: [], gemeinden: []))

    var catalog: RegisterCatalog { box.withLockedValue { $0 } }

    func replace(with catalog: RegisterCatalog) {
        box.withLockedValue { $0 = catalog }
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

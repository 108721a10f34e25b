import Fluent
import Foundation

/// A Fluent model's stored values, kept as an immutable value so that a cache can hand every
/// request a fresh model of its own (models are mutable classes; sharing one between requests would
/// let one request's edit show in another's). `make()` fills a new model as if it had just been read
/// from the database: it exists, and only what a handler changes afterwards is written on `save`.
struct ModelSnapshot<M: Model>: Sendable {
    private let values: [String: DatabaseQuery.Value]

    init(_ model: M) {
        let capture = Capture()
        model.input(to: capture)
        values = capture.values
    }

    func make() throws -> M {
        let model = M()
        try model.output(from: Output(values: values))
        return model
    }

    private final class Capture: DatabaseInput {
        var values: [String: DatabaseQuery.Value] = [:]
        var wantsUnmodifiedKeys: Bool { true }
        func set(_ value: DatabaseQuery.Value, at key: FieldKey) { values[key.description] = value }
    }

    private struct Output: DatabaseOutput {
        let values: [String: DatabaseQuery.Value]

        func schema(_ schema: String) -> any DatabaseOutput { self }
        func contains(_ key: FieldKey) -> Bool { values[key.description] != nil }

        func decodeNil(_ key: FieldKey) throws -> Bool {
            switch values[key.description] {
            case .bind(let value): return Self.isNil(value)
            case .null, .default, nil: return true
            default: return false
            }
        }

        func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T {
            guard case .bind(let value) = values[key.description], let decoded = value as? T else {
                throw SnapshotMismatch(key: key.description, type: "\(T.self)")
            }
            return decoded
        }

        var description: String { "ModelSnapshot(\(values.keys.sorted().joined(separator: ", ")))" }

        private static func isNil(_ value: Any) -> Bool {
            let mirror = Mirror(reflecting: value)
            return mirror.displayStyle == .optional && mirror.children.isEmpty
        }
    }

    /// A stored value that does not fit its field (a programming error: the snapshot is of this model).
    struct SnapshotMismatch: Error, CustomStringConvertible {
        let key: String
        let type: String
        var description: String { "Gespeicherter Wert \(key) passt nicht zu \(type)." }
    }
}

import Crypto
import Foundation

extension UUID {
    /// A name-based UUID, version 5 (RFC 9562, 5.5; Python's `uuid5`): the same namespace and
    /// name always give the same UUID, so an identifier derived from our own ids stays the same
    /// in every export and on every server.
    public static func nameBased(namespace: UUID, name: String) -> UUID {
        var input = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        input += Array(name.utf8)
        var bytes = Array(Insecure.SHA1.hash(data: input).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return bytes.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
    }
}

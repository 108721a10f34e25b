#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A loopback port that refuses every connection for as long as it is held: a socket bound to it
/// that never listens. A port that was merely closed again may be taken by another test running at
/// the same time (the suite runs tests in parallel), so a "closed" port must stay reserved.
final class RefusingPort: Sendable {
    let port: Int
    private let descriptor: Int32

    /// Runs `body` with a port that refuses connections until `body` returns.
    static func hold<T>(_ body: (Int) async throws -> T) async throws -> T {
        let held = try RefusingPort()
        defer { withExtendedLifetime(held) {} }
        return try await body(held.port)
    }

    private init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RefusingPortError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(descriptor)
            throw RefusingPortError.bind(errno)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else {
            close(descriptor)
            throw RefusingPortError.bind(errno)
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}

enum RefusingPortError: Error {
    case socket(Int32)
    case bind(Int32)
}

import Foundation

/// Which address a request came from. The peer's address, unless the peer is one of the
/// configured reverse proxies (`AUFWIND_TRUSTED_PROXIES`): then the address the proxies report
/// in `Forwarded` (RFC 7239) or `X-Forwarded-For`, read from the right and skipping further
/// trusted proxies. Headers from anyone else are ignored, so a client cannot choose its address.
public struct ClientAddressResolver: Sendable, Equatable {
    public let trusted: [IPRange]

    public init(trusted: [IPRange]) { self.trusted = trusted }

    /// Parses a comma-separated list of addresses and CIDR ranges; a German message names a bad entry.
    public static func parse(_ list: String) -> Result<ClientAddressResolver, ValidationMessage> {
        var ranges: [IPRange] = []
        for entry in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            guard let range = IPRange(entry) else {
                return .failure("AUFWIND_TRUSTED_PROXIES: „\(entry)“ ist keine IP-Adresse und kein Bereich wie 10.0.0.0/8.")
            }
            ranges.append(range)
        }
        return .success(ClientAddressResolver(trusted: ranges))
    }

    public func isTrusted(_ address: String) -> Bool {
        guard let ip = IPAddress(address) else { return false }
        return trusted.contains { $0.contains(ip) }
    }

    /// The client's address for a request from `peer` with these header values.
    public func clientAddress(peer: String?, forwarded: [String], xForwardedFor: [String]) -> String {
        guard let peer else { return "unbekannt" }
        guard isTrusted(peer) else { return peer }
        var chain: [String] = []
        if !forwarded.isEmpty {
            chain = forwarded.flatMap { $0.split(separator: ",") }.compactMap { element in
                element.split(separator: ";").lazy
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.lowercased().hasPrefix("for=") }
                    .map { Self.forwardedNode(String($0.dropFirst(4))) }
            }
        } else {
            chain = xForwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        // From the right: the nearest hop first; the first address not of our proxies is the client.
        for hop in chain.reversed() where !hop.isEmpty {
            guard IPAddress(hop) != nil else { return peer }
            if !isTrusted(hop) { return hop }
        }
        return chain.first { IPAddress($0) != nil } ?? peer
    }

    /// `for=` values: `"[2001:db8::1]:4711"`, `192.0.2.1:80`, `unknown`.
    static func forwardedNode(_ raw: String) -> String {
        var node = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        if node.hasPrefix("[") {
            node = String(node.dropFirst().prefix { $0 != "]" })
        } else if node.filter({ $0 == ":" }).count == 1 {
            node = String(node.prefix { $0 != ":" })
        }
        return node
    }
}

/// An IPv4 or IPv6 address as 16 bytes (IPv4 mapped into `::ffff:0:0/96`, so `192.0.2.1` and
/// `::ffff:192.0.2.1` are the same address).
public struct IPAddress: Sendable, Equatable {
    public let bytes: [UInt8]
    public let isIPv4: Bool

    public static func == (lhs: IPAddress, rhs: IPAddress) -> Bool { lhs.bytes == rhs.bytes }

    public init?(_ text: String) {
        if let v4 = Self.parseIPv4(text) {
            bytes = Array(repeating: 0, count: 10) + [0xff, 0xff] + v4
            isIPv4 = true
        } else if let v6 = Self.parseIPv6(text) {
            bytes = v6
            isIPv4 = false
        } else {
            return nil
        }
    }

    static func parseIPv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var result: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = UInt8(part) else { return nil }
            result.append(value)
        }
        return result
    }

    static func parseIPv6(_ raw: String) -> [UInt8]? {
        var text = raw
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }
        guard text.contains(":"), text.count <= 45 else { return nil }
        var tail: [UInt8] = []
        // An embedded IPv4 address at the end (::ffff:192.0.2.1) counts as the last two groups.
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = parseIPv4(String(text[text.index(after: lastColon)...])) else { return nil }
            tail = v4
            text = String(text[...lastColon])
            if !text.hasSuffix("::") { text.removeLast() }
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var values: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
                values.append(value)
            }
            return values
        }
        guard let head = groups(halves[0]) else { return nil }
        let rest = halves.count == 2 ? groups(halves[1]) : []
        guard let rest else { return nil }
        let available = 8 - tail.count / 2
        var all: [UInt16]
        if halves.count == 2 {
            guard head.count + rest.count < available else { return nil }
            all = head + Array(repeating: 0, count: available - head.count - rest.count) + rest
        } else {
            guard head.count == available else { return nil }
            all = head
        }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] } + tail
    }
}

/// An address range: `10.0.0.0/8`, `2001:db8::/32`, or one address.
public struct IPRange: Sendable, Equatable {
    public let base: IPAddress
    /// Prefix length in bits of the 128-bit form.
    public let prefix: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let address = IPAddress(String(first)) else { return nil }
        let maximum = address.isIPv4 ? 32 : 128
        var length = maximum
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...maximum).contains(value) else { return nil }
            length = value
        }
        base = address
        prefix = address.isIPv4 ? 96 + length : length
    }

    public func contains(_ address: IPAddress) -> Bool {
        var remaining = prefix
        for index in 0..<16 where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xff << (8 - bits))
            if base.bytes[index] & mask != address.bytes[index] & mask { return false }
            remaining -= bits
        }
        return true
    }
}

import Vapor

extension Request {
    /// The address of the client that sent the request, for rate limits and caps. Behind a
    /// configured reverse proxy (`AUFWIND_TRUSTED_PROXIES`) the address the proxy reports;
    /// forwarding headers from anyone else are ignored.
    var clientAddress: String {
        application.aufwindConfig.clientAddresses.clientAddress(
            peer: remoteAddress?.ipAddress, forwarded: headers[.forwarded], xForwardedFor: headers[.xForwardedFor])
    }

    /// Whether the direct peer is this machine (loopback), forwarding headers ignored.
    var comesFromLoopback: Bool {
        guard let ip = remoteAddress?.ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1" || ip == "::ffff:127.0.0.1"
    }
}

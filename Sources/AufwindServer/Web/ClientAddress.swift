import Vapor

extension Request {
    /// The address of the client that sent the request, for rate limits and caps. Behind a
    /// reverse proxy this is the address the proxy reports (only from trusted proxies).
    var clientAddress: String {
        remoteAddress?.ipAddress ?? "unbekannt"
    }
}

import Foundation
import NIOCore
import NIOPosix

/// Speaks HTTP/1.1 over a real socket as a browser does: headers first, the body in several
/// writes. In-memory test requests arrive in one piece and hide what only real chunks show.
enum RawHTTPClient {
    struct Answer {
        var status: Int
        var head: String
        var body: String
    }

    static func post(
        port: Int, path: String, headers: [(String, String)], body: String, chunkSize: Int = 1_000,
        group: any EventLoopGroup
    ) async throws -> Answer {
        let bytes = Array(body.utf8)
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(bytes.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let channel = try await ClientBootstrap(group: group)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            // A server that refuses the body answers and closes before it is all sent: stop
            // writing then, and read the answer.
            do {
                try await outbound.write(ByteBuffer(string: head))
                var offset = 0
                while offset < bytes.count {
                    let end = min(offset + chunkSize, bytes.count)
                    try await outbound.write(ByteBuffer(bytes: bytes[offset..<end]))
                    offset = end
                    try await Task.sleep(for: .milliseconds(5))
                }
            } catch {}
            var received = ByteBuffer()
            do {
                for try await var part in inbound { received.writeBuffer(&part) }
            } catch  where received.readableBytes > 0 {}
            let text = String(buffer: received)
            let parts = text.components(separatedBy: "\r\n\r\n")
            let statusLine = parts.first?.components(separatedBy: "\r\n").first ?? ""
            let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
            return Answer(status: status, head: parts.first ?? "", body: parts.dropFirst().joined(separator: "\r\n\r\n"))
        }
    }

    /// `application/x-www-form-urlencoded` as browsers write it.
    static func form(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._*")
        return pairs.map { name, value in
            let encode = { (text: String) in
                (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: "%20", with: "+")
            }
            return encode(name) + "=" + encode(value)
        }.joined(separator: "&")
    }
}

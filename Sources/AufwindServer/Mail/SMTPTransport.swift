import AufwindCore
import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Sends one mail over SMTP (RFC 5321): EHLO, optional AUTH PLAIN, MAIL, RCPT, DATA, QUIT.
struct SMTPTransport: Sendable {
    let configuration: SMTPConfiguration
    let eventLoopGroup: any EventLoopGroup

    struct SMTPError: Error, CustomStringConvertible {
        var description: String
    }

    func send(_ message: MailMessage) async throws {
        let configuration = self.configuration
        let channel = try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(.seconds(10))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if configuration.useTLS {
                        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: context, serverHostname: configuration.host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(lines: inbound.makeAsyncIterator())
            func send(_ line: String, expecting codes: ClosedRange<Int>) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                try await replies.expect(codes, after: line.hasPrefix("AUTH") ? "AUTH" : line)
            }
            try await replies.expect(220...220, after: "Verbindung")
            try await send("EHLO aufwind", expecting: 250...250)
            if let user = configuration.username, let password = configuration.password {
                let credentials = Data("\u{0}\(user)\u{0}\(password)".utf8).base64EncodedString()
                try await send("AUTH PLAIN \(credentials)", expecting: 235...235)
            }
            try await send("MAIL FROM:<\(configuration.from)>", expecting: 250...250)
            try await send("RCPT TO:<\(MailMessage.clean(message.to))>", expecting: 250...251)
            try await send("DATA", expecting: 354...354)
            let stuffed = message.rendered().components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
            try await send(stuffed + "\r\n.", expecting: 250...250)
            try? await send("QUIT", expecting: 221...221)
        }
    }

    /// Reads (multi-line) SMTP replies and checks their codes.
    struct ReplyReader {
        var lines: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator

        mutating func expect(_ codes: ClosedRange<Int>, after command: String) async throws {
            while true {
                guard let buffer = try await lines.next() else {
                    throw SMTPError(description: "SMTP-Server hat die Verbindung nach „\(command)“ geschlossen")
                }
                let line = String(buffer: buffer)
                guard line.count >= 3, let code = Int(line.prefix(3)) else {
                    throw SMTPError(description: "Unverständliche SMTP-Antwort nach „\(command)“: \(line)")
                }
                if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
                guard codes.contains(code) else {
                    throw SMTPError(description: "SMTP-Server lehnt „\(command)“ ab: \(line)")
                }
                return
            }
        }
    }
}

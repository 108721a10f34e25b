import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix

/// A tiny SMTP server on loopback for tests: answers the dialogue and keeps what it received.
final class FakeSMTPServer: Sendable {
    let received = NIOLockedValueBox<[(recipient: String, data: String)]>([])
    let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }

    /// `rejectRecipients`: answer RCPT with 550, as a server does for an unknown mailbox.
    init(group: any EventLoopGroup, rejectRecipients: Bool = false) async throws {
        let received = self.received
        channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    try child.pipeline.syncOperations.addHandler(Session(received: received, rejectRecipients: rejectRecipients))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    func stop() async throws { try await channel.close() }

    private final class Session: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let received: NIOLockedValueBox<[(recipient: String, data: String)]>
        let rejectRecipients: Bool
        var recipient = ""
        var data: [String]?

        init(received: NIOLockedValueBox<[(recipient: String, data: String)]>, rejectRecipients: Bool) {
            self.received = received
            self.rejectRecipients = rejectRecipients
        }

        func channelActive(context: ChannelHandlerContext) { reply("220 fake ESMTP", context) }

        func reply(_ text: String, _ context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data incoming: NIOAny) {
            let line = String(buffer: unwrapInboundIn(incoming))
            if var lines = data {
                if line == "." {
                    received.withLockedValue { $0.append((recipient, lines.joined(separator: "\r\n"))) }
                    data = nil
                    reply("250 queued", context)
                } else {
                    lines.append(line)
                    data = lines
                }
                return
            }
            switch line.prefix(4).uppercased() {
            case "EHLO": reply("250-fake\r\n250 AUTH PLAIN", context)
            case "AUTH": reply("235 ok", context)
            case "MAIL": reply("250 ok", context)
            case "RCPT":
                recipient = String(line.dropFirst("RCPT TO:<".count).dropLast())
                reply(rejectRecipients ? "550 no such user" : "250 ok", context)
            case "DATA": data = []; reply("354 go ahead", context)
            case "QUIT": reply("221 bye", context); context.close(promise: nil)
            default: reply("500 what?", context)
            }
        }
    }
}

import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A raw HTTP/1.1 GET that keeps reading while the server streams (Server-Sent Events), sent
/// with `Connection: close` (the connection ends with the response) from a chosen loopback
/// address: `127.0.0.2` is another client to the server than `127.0.0.1` (Linux answers the
/// whole 127.0.0.0/8 on the loopback interface).
final class StreamingClient: Sendable {
    private let received = NIOLockedValueBox<[UInt8]>([])
    private let closed = NIOLockedValueBox(false)
    private let channel: any Channel

    init(_ path: String, port: Int, from address: String = "127.0.0.1", group: any EventLoopGroup) async throws {
        let received = self.received
        let closed = self.closed
        channel = try await ClientBootstrap(group: group)
            .bind(to: try SocketAddress(ipAddress: address, port: 0))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Collector(received: received, closed: closed))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        try await channel.writeAndFlush(
            ByteBuffer(string: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n"))
    }

    /// Everything received so far: status line, headers, body (with its chunk lengths).
    var text: String { String(decoding: received.withLockedValue { $0 }, as: UTF8.self) }
    var isClosed: Bool { closed.withLockedValue { $0 } }
    var status: Int? { text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } }
    /// Server-Sent-Events frames of the state received so far.
    var frames: Int { text.components(separatedBy: "event: zustand").count - 1 }

    /// Waits until `condition` holds for the received text (or the connection closed); false after `timeout`.
    @discardableResult
    func wait(timeout: Duration = .seconds(60), until condition: (String) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(text) { return true }
            if isClosed { return condition(text) }
            try await Task.sleep(for: .milliseconds(20))
        }
        return condition(text)
    }

    func close() async { try? await channel.close() }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let received: NIOLockedValueBox<[UInt8]>
        let closed: NIOLockedValueBox<Bool>

        init(received: NIOLockedValueBox<[UInt8]>, closed: NIOLockedValueBox<Bool>) {
            self.received = received
            self.closed = closed
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let chunk = unwrapInboundIn(data)
            received.withLockedValue { $0 += chunk.readableBytesView }
        }

        func channelInactive(context: ChannelHandlerContext) {
            closed.withLockedValue { $0 = true }
            context.fireChannelInactive()
        }
    }
}

/// Waits until `condition` holds; false when it still does not after `timeout`.
func eventually(timeout: Duration, _ condition: () async -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}

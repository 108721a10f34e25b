import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// A tiny scripted SMTP server on loopback for tests: answers the dialogue (or stays silent, refuses,
/// offers STARTTLS, speaks TLS from the first byte) and keeps what it received.
final class FakeSMTPServer: Sendable {
    struct Options: Sendable {
        /// Answer RCPT with 550, as a server does for an unknown mailbox.
        var rejectRecipients = false
        /// Answer RCPT with 451, as a server does that cannot take mail right now.
        var temporaryFailure = false
        /// The first this many connections are accepted and then never answered.
        var silentConnections = 0
        /// Offer STARTTLS with this context (and AUTH only inside TLS).
        var startTLS: NIOSSLContext?
        /// TLS from the first byte (smtps).
        var implicitTLS: NIOSSLContext?
        /// Send a forged reply right behind the 220 to STARTTLS, in the same packet, unencrypted.
        var injectAfterSTARTTLS = false
    }

    let received = NIOLockedValueBox<[(recipient: String, data: String)]>([])
    /// Every command line the server read, and whether it came inside TLS.
    let commands = NIOLockedValueBox<[(line: String, secure: Bool)]>([])
    let connections = NIOLockedValueBox(0)
    let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }

    convenience init(group: any EventLoopGroup, rejectRecipients: Bool = false) async throws {
        try await self.init(group: group, options: Options(rejectRecipients: rejectRecipients))
    }

    init(group: any EventLoopGroup, options: Options) async throws {
        let received = self.received
        let commands = self.commands
        let connections = self.connections
        channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    let number = connections.withLockedValue { count in
                        count += 1
                        return count
                    }
                    if let implicitTLS = options.implicitTLS {
                        try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: implicitTLS))
                    }
                    try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    try child.pipeline.syncOperations.addHandler(
                        Session(
                            received: received, commands: commands, options: options, silent: number <= options.silentConnections))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    func stop() async throws { try await channel.close() }

    /// A port on which nothing listens: connections are refused at once.
    private final class Session: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let received: NIOLockedValueBox<[(recipient: String, data: String)]>
        let commands: NIOLockedValueBox<[(line: String, secure: Bool)]>
        let options: Options
        let silent: Bool
        var secure: Bool
        var recipient = ""
        var data: [String]?

        init(
            received: NIOLockedValueBox<[(recipient: String, data: String)]>, commands: NIOLockedValueBox<[(line: String, secure: Bool)]>,
            options: Options, silent: Bool
        ) {
            self.received = received
            self.commands = commands
            self.options = options
            self.silent = silent
            self.secure = options.implicitTLS != nil
        }

        func channelActive(context: ChannelHandlerContext) {
            if !silent { reply("220 fake ESMTP", context) }
            context.fireChannelActive()
        }

        func reply(_ text: String, _ context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data incoming: NIOAny) {
            guard !silent else { return }
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
            commands.withLockedValue { $0.append((line, secure)) }
            switch line.prefix(4).uppercased() {
            case "EHLO":
                if options.startTLS != nil && !secure {
                    reply("250-fake\r\n250 STARTTLS", context)
                } else {
                    reply("250-fake\r\n250 AUTH PLAIN", context)
                }
            case "STAR":
                guard let tls = options.startTLS, !secure else { return reply("502 not offered", context) }
                reply(options.injectAfterSTARTTLS ? "220 go ahead\r\n250 injected" : "220 go ahead", context)
                // The 220 has left in plain text; everything after it is TLS.
                do {
                    try context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                    secure = true
                } catch {
                    context.close(promise: nil)
                }
            case "AUTH": reply("235 ok", context)
            case "MAIL": reply("250 ok", context)
            case "RCPT":
                recipient = String(line.dropFirst("RCPT TO:<".count).dropLast())
                if options.rejectRecipients {
                    reply("550 5.1.1 no such user", context)
                } else if options.temporaryFailure {
                    reply("451 4.3.0 try again later", context)
                } else {
                    reply("250 ok", context)
                }
            case "DATA":
                data = []
                reply("354 go ahead", context)
            case "QUIT":
                reply("221 bye", context)
                context.close(promise: nil)
            default: reply("500 what?", context)
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}

/// A self-signed certificate made with the `openssl` command for this test run, in a temporary folder.
struct TestCertificate {
    let directory: URL
    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    var keyPath: String { directory.appendingPathComponent("key.pem").path }

    /// `subjectAltName` e.g. `DNS:localhost,IP:127.0.0.1`.
    init(subjectAltName: String = "DNS:localhost,IP:127.0.0.1") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("aufwind-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", keyPath, "-out", certificatePath, "-subj", "/CN=localhost", "-addext", "subjectAltName=\(subjectAltName)", "-days", "1",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw TestCertificateError(description: "openssl req failed (\(process.terminationStatus)): \(message)")
        }
    }

    /// The server's side: this certificate and its key.
    func serverContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificatePath).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem)))
        return try NIOSSLContext(configuration: configuration)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    struct TestCertificateError: Error, CustomStringConvertible { var description: String }
}

import AufwindCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one mail over SMTP (RFC 5321): EHLO, STARTTLS with a second EHLO (`smtp://`), AUTH PLAIN
/// (only inside TLS, or on an explicit `smtp+insecure://`), MAIL, RCPT, DATA, QUIT.
///
/// Every wait is bounded (`SMTPTimeouts`): the connection, each reply and the whole dialogue. The
/// certificate is verified against the host name, or against the address when the host is an IP
/// address (which is then never sent as SNI: TLS allows only names there).
struct SMTPTransport: Sendable {
    let configuration: SMTPConfiguration
    let eventLoopGroup: any EventLoopGroup
    private let tls: TLSSetup?

    /// Loads the trust roots once; a missing or unreadable CA file stops here with a German message.
    init(configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup) throws {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        guard configuration.security != .none else {
            tls = nil
            return
        }
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        tlsConfiguration.certificateVerification = .fullVerification
        tlsConfiguration.minimumTLSVersion = .tlsv12
        if let file = configuration.trustRootsFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(file)
            } catch {
                throw SMTPError("AUFWIND_SMTP_CA_FILE „\(file)“ lässt sich nicht als PEM-Zertifikate lesen (\(error)).")
            }
            guard !certificates.isEmpty else { throw SMTPError("AUFWIND_SMTP_CA_FILE „\(file)“ enthält kein Zertifikat.") }
            tlsConfiguration.trustRoots = .certificates(certificates)
        }
        let isAddress = (try? SocketAddress(ipAddress: configuration.host, port: 0)) != nil
        tls = TLSSetup(context: try NIOSSLContext(configuration: tlsConfiguration), serverHostname: isAddress ? nil : configuration.host)
    }

    /// A failed attempt, described in German for the log and the outbox page.
    struct SMTPError: Error, CustomStringConvertible {
        var description: String
        /// The server refused the recipient for good (mailbox or domain unknown): asking again will not help.
        var permanent = false

        init(_ description: String, permanent: Bool = false) {
            self.description = description
            self.permanent = permanent
        }
    }

    func send(_ message: MailMessage) async throws {
        let configuration = configuration
        let timeouts = configuration.timeouts
        let started = NIODeadline.now()
        let implicitTLS = configuration.security == .implicitTLS ? tls : nil
        // The handler is kept outside the pipeline too: a connection that fails before the first
        // wait (a refused certificate) has already lost its pipeline, but the handler knows why.
        let eventLoop = eventLoopGroup.next()
        let handler = try await eventLoop.submit { NIOLoopBound(SMTPClientHandler(), eventLoop: eventLoop) }.get()
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: eventLoop)
                .connectTimeout(TimeAmount(timeouts.connect))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS { try channel.pipeline.syncOperations.addHandler(try implicitTLS.makeHandler()) }
                        try channel.pipeline.syncOperations.addHandler(handler.value)
                    }
                }
                .connect(host: configuration.host, port: configuration.port).get()
        } catch ChannelError.connectTimeout {
            throw SMTPError(
                "Keine Verbindung zum Mailserver \(configuration.host):\(configuration.port) innerhalb von \(GermanFormat.duration(timeouts.connect))."
            )
        } catch {
            throw SMTPError("Keine Verbindung zum Mailserver \(configuration.host):\(configuration.port): \(error)")
        }
        let connection = SMTPConnection(channel: channel, handler: handler)
        let deadline = channel.eventLoop.scheduleTask(deadline: started + TimeAmount(timeouts.total)) {
            connection.abort(
                SMTPError("Der Versand an den Mailserver dauerte länger als \(GermanFormat.duration(timeouts.total)) und wurde abgebrochen."))
        }
        defer {
            deadline.cancel()
            channel.close(promise: nil)
        }
        try await withTaskCancellationHandler {
            try await dialogue(connection, message)
        } onCancel: {
            connection.abort(SMTPError("Der Versand wurde abgebrochen, weil der Server herunterfährt."))
        }
    }

    private func dialogue(_ connection: SMTPConnection, _ message: MailMessage) async throws {
        let configuration = configuration
        let replyTimeout = configuration.timeouts.reply
        func command(
            _ line: String?, _ what: String, expecting codes: ClosedRange<Int>, timeout: Duration? = nil, upgrade: TLSSetup? = nil
        ) async throws -> SMTPReply {
            let reply = try await connection.exchange(line, what: what, timeout: timeout ?? replyTimeout, upgrade: upgrade)
            guard codes.contains(reply.code) else {
                throw SMTPError("Der Mailserver lehnt „\(what)“ ab: \(reply.text)", permanent: what == "RCPT" && reply.isPermanentRecipientRefusal)
            }
            return reply
        }
        _ = try await command(nil, "Begrüßung", expecting: 220...220)
        let hello = try await command("EHLO aufwind", "EHLO", expecting: 250...250)
        if configuration.security == .startTLS {
            guard hello.capabilities.contains("STARTTLS"), let tls else {
                _ = try? await connection.exchange("QUIT", what: "QUIT", timeout: replyTimeout, upgrade: nil)
                throw SMTPError(
                    "Der Mailserver \(configuration.host) bietet kein STARTTLS an; unverschlüsselt sendet Aufwind nicht "
                        + "(für ein Relay im eigenen Netz: smtp+insecure://).")
            }
            _ = try await command("STARTTLS", "STARTTLS", expecting: 220...220, upgrade: tls)
            _ = try await command("EHLO aufwind", "EHLO", expecting: 250...250)
        }
        if let user = configuration.username, let password = configuration.password {
            let credentials = Data("\u{0}\(user)\u{0}\(password)".utf8).base64EncodedString()
            _ = try await command("AUTH PLAIN \(credentials)", "AUTH", expecting: 235...235)
        }
        _ = try await command("MAIL FROM:<\(MailMessage.clean(configuration.from))>", "MAIL", expecting: 250...250)
        _ = try await command("RCPT TO:<\(MailMessage.clean(message.to))>", "RCPT", expecting: 250...251)
        _ = try await command("DATA", "DATA", expecting: 354...354)
        let stuffed = message.rendered().components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
        _ = try await command(stuffed + "\r\n.", "Nachrichtentext", expecting: 250...250, timeout: configuration.timeouts.afterData)
        _ = try? await connection.exchange("QUIT", what: "QUIT", timeout: replyTimeout, upgrade: nil)
    }
}

/// The TLS side of a connection: the shared context (trust roots loaded once) and the name to verify.
struct TLSSetup: Sendable {
    let context: NIOSSLContext
    /// nil when the host is an IP address: no SNI, and the certificate must name that address.
    let serverHostname: String?

    func makeHandler() throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
    }
}

/// One reply: its code and the text of all its lines.
struct SMTPReply: Sendable, Equatable {
    var code: Int
    /// Each line without the code and separator.
    var lines: [String]

    var text: String { "\(code) " + lines.joined(separator: " / ") }

    /// EHLO keywords, upper-cased (`STARTTLS`, `AUTH`, …).
    var capabilities: Set<String> {
        Set(lines.dropFirst().compactMap { $0.split(separator: " ").first.map { $0.uppercased() } })
    }

    /// 550/551/553 (or an enhanced code 5.1.x, 5.2.1) to RCPT: the mailbox or domain does not exist.
    /// Not 552 (RFC 5321 4.5.3.1.10: treat as temporary) and not policy refusals such as 5.7.1
    /// "relaying denied": those come from our configuration and hit every mail, so they back off
    /// like a temporary failure and go out once the configuration is fixed.
    var isPermanentRecipientRefusal: Bool {
        let enhanced = lines.first?.split(separator: " ").first.map(String.init) ?? ""
        if enhanced.hasPrefix("5.") {
            return enhanced.hasPrefix("5.1.") || enhanced == "5.2.1"
        }
        return [550, 551, 553].contains(code)
    }
}

/// The async side of one connection: every call hops onto the channel's event loop.
struct SMTPConnection: Sendable {
    let channel: any Channel
    let handler: NIOLoopBound<SMTPClientHandler>

    /// Sends `command` (nil: only wait, as for the greeting) and waits at most `timeout` for the reply.
    /// With `upgrade`, TLS starts right after a 220 reply, before any further byte is read.
    func exchange(_ command: String?, what: String, timeout: Duration, upgrade: TLSSetup?) async throws -> SMTPReply {
        let handler = handler
        let eventLoop = channel.eventLoop
        return try await eventLoop.flatSubmit {
            handler.value.exchange(command, what: what, timeout: timeout, upgrade: upgrade, on: eventLoop)
        }.get()
    }

    /// Fails the current wait with `error` and closes the connection.
    func abort(_ error: SMTPTransport.SMTPError) {
        let handler = handler
        let channel = channel
        channel.eventLoop.execute {
            handler.value.fail(error)
            channel.close(promise: nil)
        }
    }
}

/// The client end of one SMTP connection, on the channel's event loop: writes a command, collects its
/// (multi-line) reply and fails the wait when the reply does not come in time.
final class SMTPClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// A reply line longer than this is not SMTP (RFC 5321 allows 512 octets).
    static let maximumLineLength = 4096

    private var context: ChannelHandlerContext?
    private var buffer = ByteBuffer()
    private var lines: [String] = []
    /// Replies that arrived before anybody waited (the greeting).
    private var arrived: [SMTPReply] = []
    private var waiting: (promise: EventLoopPromise<SMTPReply>, timeout: Scheduled<Void>)?
    private var what = "Verbindungsaufbau"
    private var upgrade: TLSSetup?
    private var failure: SMTPTransport.SMTPError?

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func exchange(_ command: String?, what: String, timeout: Duration, upgrade: TLSSetup?, on eventLoop: any EventLoop) -> EventLoopFuture<SMTPReply>
    {
        if let failure { return eventLoop.makeFailedFuture(failure) }
        guard let context else {
            return eventLoop.makeFailedFuture(SMTPTransport.SMTPError("Die Verbindung zum Mailserver ist schon beendet (vor „\(what)“)."))
        }
        precondition(waiting == nil, "one SMTP command at a time")
        self.what = what
        self.upgrade = upgrade
        let promise = context.eventLoop.makePromise(of: SMTPReply.self)
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let scheduled = context.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            loopBound.value.fail(
                SMTPTransport.SMTPError("Keine Antwort des Mailservers innerhalb von \(GermanFormat.duration(timeout)) (nach „\(what)“)."))
        }
        waiting = (promise, scheduled)
        if let command {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: command + "\r\n")), promise: nil)
        }
        if !arrived.isEmpty { deliver(arrived.removeFirst(), context: context) }
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        buffer.writeBuffer(&incoming)
        while failure == nil, let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - buffer.readerIndex
            var line = buffer.readString(length: length) ?? ""
            buffer.moveReaderIndex(forwardBy: 1)
            if line.hasSuffix("\r") { line.removeLast() }
            read(line: line, context: context)
        }
        if buffer.readableBytes > Self.maximumLineLength {
            fail(SMTPTransport.SMTPError("Der Mailserver sendet eine überlange Zeile (nach „\(what)“)."))
        }
        buffer.discardReadBytes()
    }

    private func read(line: String, context: ChannelHandlerContext) {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes.prefix(3).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-")
        else {
            fail(SMTPTransport.SMTPError("Unverständliche Antwort des Mailservers nach „\(what)“: \(line.prefix(200))"))
            return
        }
        lines.append(String(decoding: bytes.dropFirst(4), as: UTF8.self))
        guard bytes.count == 3 || bytes[3] == UInt8(ascii: " ") else { return }
        let reply = SMTPReply(code: Int(String(decoding: bytes.prefix(3), as: UTF8.self))!, lines: lines)
        lines = []
        if waiting == nil {
            arrived.append(reply)
        } else {
            deliver(reply, context: context)
        }
    }

    private func deliver(_ reply: SMTPReply, context: ChannelHandlerContext) {
        guard let (promise, timeout) = waiting else { return }
        if let upgrade, reply.code == 220 {
            self.upgrade = nil
            // Whatever came together with the 220 was sent before TLS and could be injected by anyone
            // on the way (CVE-2011-0411): refuse it instead of reading it as the answer to the next command.
            guard buffer.readableBytes == 0, arrived.isEmpty, lines.isEmpty else {
                fail(SMTPTransport.SMTPError("Der Mailserver sendet nach STARTTLS unverschlüsselte Daten; Verbindung abgebrochen."))
                return
            }
            do {
                try context.pipeline.syncOperations.addHandler(try upgrade.makeHandler(), position: .first)
            } catch {
                fail(SMTPTransport.SMTPError("TLS lässt sich nicht beginnen: \(error)"))
                return
            }
        }
        waiting = nil
        timeout.cancel()
        promise.succeed(reply)
    }

    /// Fails the current wait (and every later one) and closes the connection.
    func fail(_ error: SMTPTransport.SMTPError) {
        if failure == nil { failure = error }
        if let (promise, timeout) = waiting {
            waiting = nil
            timeout.cancel()
            promise.fail(failure ?? error)
        }
        context?.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPTransport.SMTPError("Der Mailserver hat die Verbindung beendet (nach „\(what)“)."))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError {
            fail(SMTPTransport.SMTPError("TLS-Verbindung zum Mailserver fehlgeschlagen (nach „\(what)“): \(error)"))
        } else {
            fail(SMTPTransport.SMTPError("Fehler in der Verbindung zum Mailserver (nach „\(what)“): \(error)"))
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) { self = .nanoseconds(duration.nanoseconds) }
}

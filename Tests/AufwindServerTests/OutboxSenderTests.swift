import AufwindCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import AufwindServer

/// Timeouts for tests: short enough to notice a hang, long enough for a loaded machine.
extension SMTPTimeouts {
    static let test = SMTPTimeouts(connect: .seconds(5), reply: .seconds(10), afterData: .seconds(10), total: .seconds(30))
}

/// An outbox sender for `url`, trusting `certificate` when given.
func makeSender(
    _ url: String, app: Application, certificate: TestCertificate? = nil, timeouts: SMTPTimeouts = .test,
    clock: @escaping @Sendable () -> Date = { Date() }
) throws -> OutboxSender {
    var configuration = try SMTPConfiguration.parse(url).get()
    configuration.trustRootsFile = certificate?.certificatePath
    configuration.timeouts = timeouts
    return OutboxSender(
        database: app.db, transport: try SMTPTransport(configuration: configuration, eventLoopGroup: app.eventLoopGroup), logger: app.logger,
        clock: WallClock(clock))
}

@Suite("Outbox over SMTP")
struct OutboxSenderTests {
    @Test("smtp:// upgrades with STARTTLS before AUTH, and the mails go out once and are marked sent", arguments: TestDatabase.available)
    func sendsOverSTARTTLS(database: TestDatabase) async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        try await withAufwind(database) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup, options: .init(startTLS: try certificate.serverContext()))
            let sender = try makeSender("smtp://bot:geheim@localhost:\(server.port)?from=aufwind@stadt.de", app: app, certificate: certificate)
            try await Outbox.send(to: "anna@ahlen.de", subject: "Grüße aus Ahlen", body: "Hallo\n.\nEnde", on: app.db)
            try await Outbox.send(to: "ben@ahlen.de", subject: "Zweite", body: "Text", on: app.db)

            #expect(try await sender.sendDue() == 2)
            #expect(try await sender.sendDue() == 0)
            let received = server.received.withLockedValue { $0 }
            #expect(received.map(\.recipient).sorted() == ["anna@ahlen.de", "ben@ahlen.de"])
            #expect(received.contains { $0.data.contains("Subject: =?UTF-8?B?") && $0.data.contains("From: Aufwind <aufwind@stadt.de>") })
            #expect(try await MailModel.query(on: app.db).filter(\.$sentAt == nil).count() == 0)

            // Per connection: EHLO and STARTTLS in plain text, everything else (the credentials first) inside TLS.
            let commands = server.commands.withLockedValue { $0 }
            #expect(commands.filter { !$0.secure }.map(\.line) == ["EHLO aufwind", "STARTTLS", "EHLO aufwind", "STARTTLS"])
            #expect(commands.filter { $0.line.hasPrefix("AUTH PLAIN") }.count == 2)
            #expect(commands.filter { $0.line.hasPrefix("AUTH") || $0.line.hasPrefix("MAIL") || $0.line.hasPrefix("RCPT") }.allSatisfy { $0.secure })
            try await server.stop()
        }
    }

    @Test("smtp:// to a server without STARTTLS sends nothing: no credentials, no mail")
    func refusesWithoutSTARTTLS() async throws {
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup)
            let sender = try makeSender("smtp://bot:geheim@127.0.0.1:\(server.port)?from=aufwind@stadt.de", app: app)
            try await Outbox.send(to: "anna@ahlen.de", subject: "Passwort zurücksetzen", body: "https://aufwind.de/passwort?token=geheim", on: app.db)
            #expect(try await sender.sendDue() == 0)
            let commands = server.commands.withLockedValue { $0.map(\.line) }
            #expect(commands.allSatisfy { $0.hasPrefix("EHLO") || $0 == "QUIT" }, "sent: \(commands)")
            #expect(server.received.withLockedValue { $0 }.isEmpty)
            let mail = try #require(try await MailModel.query(on: app.db).first())
            #expect(mail.sentAt == nil && mail.failedAt == nil && mail.attempts == 1)
            #expect(mail.lastError?.contains("bietet kein STARTTLS an") == true)
            try await server.stop()
        }
    }

    @Test("smtp+insecure:// sends in plain text, explicitly, with the credentials")
    func insecureRelay() async throws {
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup)
            let sender = try makeSender("smtp+insecure://bot:geheim@127.0.0.1:\(server.port)?from=aufwind@stadt.de", app: app)
            try await Outbox.send(to: "anna@ahlen.de", subject: "x", body: "y", on: app.db)
            #expect(try await sender.sendDue() == 1)
            #expect(server.commands.withLockedValue { $0 }.contains { $0.line.hasPrefix("AUTH PLAIN") && !$0.secure })
            #expect(server.received.withLockedValue { $0.map(\.recipient) } == ["anna@ahlen.de"])
            try await server.stop()
        }
    }

    @Test("smtps:// to an IP address works: no SNI, the certificate is checked against the address")
    func implicitTLSToAddress() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup, options: .init(implicitTLS: try certificate.serverContext()))
            let sender = try makeSender("smtps://bot:geheim@127.0.0.1:\(server.port)?from=aufwind@stadt.de", app: app, certificate: certificate)
            try await Outbox.send(to: "anna@ahlen.de", subject: "x", body: "y", on: app.db)
            #expect(try await sender.sendDue() == 1)
            #expect(server.received.withLockedValue { $0.map(\.recipient) } == ["anna@ahlen.de"])
            #expect(server.commands.withLockedValue { $0 }.allSatisfy { $0.secure })
            try await server.stop()
        }
    }

    @Test("a certificate for another name, or one nobody vouches for, is refused before the credentials")
    func wrongCertificate() async throws {
        let other = try TestCertificate(subjectAltName: "DNS:mail.example.org")
        let certificate = try TestCertificate()
        defer {
            other.remove()
            certificate.remove()
        }
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup, options: .init(implicitTLS: try other.serverContext()))
            try await Outbox.send(to: "anna@ahlen.de", subject: "x", body: "y", on: app.db)
            // Trusted, but for mail.example.org, not 127.0.0.1.
            let wrongName = try makeSender("smtps://bot:geheim@127.0.0.1:\(server.port)?from=aufwind@stadt.de", app: app, certificate: other)
            #expect(try await wrongName.sendDue() == 0)
            var mail = try #require(try await MailModel.query(on: app.db).first())
            #expect(mail.lastError?.hasPrefix("TLS-Verbindung zum Mailserver fehlgeschlagen") == true, "\(mail.lastError ?? "")")

            // The right name, but signed by nobody we trust (the system's roots).
            let tlsServer = try await FakeSMTPServer(group: app.eventLoopGroup, options: .init(implicitTLS: try certificate.serverContext()))
            try await Outbox.send(to: "ben@ahlen.de", subject: "x", body: "y", on: app.db)
            let untrusted = try makeSender("smtps://bot:geheim@localhost:\(tlsServer.port)?from=aufwind@stadt.de", app: app)
            #expect(try await untrusted.sendDue() == 0)
            mail = try #require(try await MailModel.query(on: app.db).filter(\.$recipient == "ben@ahlen.de").first())
            #expect(mail.lastError?.hasPrefix("TLS-Verbindung zum Mailserver fehlgeschlagen") == true, "\(mail.lastError ?? "")")

            #expect(server.commands.withLockedValue { $0 }.isEmpty && tlsServer.commands.withLockedValue { $0 }.isEmpty)
            try await server.stop()
            try await tlsServer.stop()
        }
    }

    @Test("plain text smuggled in behind the 220 to STARTTLS is refused")
    func injectionAfterSTARTTLS() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(
                group: app.eventLoopGroup, options: .init(startTLS: try certificate.serverContext(), injectAfterSTARTTLS: true))
            let sender = try makeSender("smtp://bot:geheim@localhost:\(server.port)?from=aufwind@stadt.de", app: app, certificate: certificate)
            try await Outbox.send(to: "anna@ahlen.de", subject: "x", body: "y", on: app.db)
            #expect(try await sender.sendDue() == 0)
            let mail = try #require(try await MailModel.query(on: app.db).first())
            // Refused when it arrives with the 220 (as here, in one packet); had it come later, the TLS handshake would fail on it.
            let reason = mail.lastError ?? ""
            #expect(
                reason.contains("nach STARTTLS unverschlüsselte Daten") || reason.hasPrefix("TLS-Verbindung zum Mailserver fehlgeschlagen"),
                "\(reason)")
            #expect(!server.commands.withLockedValue { $0 }.contains { $0.line.hasPrefix("AUTH") })
            try await server.stop()
        }
    }

    // The bound that fired is told by the German reason (1 s reply, not the 20 s dialogue); wall-clock
    // checks would measure the machine instead: other tests' CPU-bound work can hold Swift's
    // cooperative pool (one thread per core) for a minute on two cores, and a test waits for a thread.
    @Test("a server that accepts the connection and stays silent costs one attempt, not the outbox", .timeLimit(.minutes(5)))
    func silentServer() async throws {
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup, options: .init(silentConnections: 1))
            let timeouts = SMTPTimeouts(connect: .seconds(5), reply: .seconds(1), afterData: .seconds(5), total: .seconds(20))
            let sender = try makeSender("smtp+insecure://127.0.0.1:\(server.port)?from=aufwind@stadt.de", app: app, timeouts: timeouts)
            try await Outbox.send(to: "anna@ahlen.de", subject: "Erste", body: "x", on: app.db)
            try await Outbox.send(to: "ben@ahlen.de", subject: "Zweite", body: "y", on: app.db)

            #expect(try await sender.sendDue() == 1)
            #expect(server.received.withLockedValue { $0 }.count == 1)
            let waiting = try await MailModel.query(on: app.db).filter(\.$sentAt == nil).all()
            #expect(waiting.count == 1)
            let mail = try #require(waiting.first)
            #expect(mail.attempts == 1 && mail.failedAt == nil && mail.claimedUntil == nil)
            #expect(mail.lastError == "Keine Antwort des Mailservers innerhalb von 1 s (nach „Begrüßung“).")
            #expect(try #require(mail.nextAttemptAt) > Date())
            try await server.stop()
        }
    }

    @Test("the whole dialogue has its own bound, below the reply timeouts", .timeLimit(.minutes(5)))
    func totalTimeout() async throws {
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup, options: .init(silentConnections: 1))
            let timeouts = SMTPTimeouts(connect: .seconds(5), reply: .seconds(30), afterData: .seconds(30), total: .seconds(1))
            let sender = try makeSender("smtp+insecure://127.0.0.1:\(server.port)?from=aufwind@stadt.de", app: app, timeouts: timeouts)
            try await Outbox.send(to: "anna@ahlen.de", subject: "Erste", body: "x", on: app.db)
            #expect(try await sender.sendDue() == 0)
            let mail = try #require(try await MailModel.query(on: app.db).first())
            #expect(mail.lastError == "Der Versand an den Mailserver dauerte länger als 1 s und wurde abgebrochen.")
            try await server.stop()
        }
    }

    @Test("a refused connection is an attempt with a German reason")
    func refusedConnection() async throws {
        try await withAufwind(.sqlite) { app in
            try await RefusingPort.hold { port in
                let sender = try makeSender("smtp+insecure://127.0.0.1:\(port)?from=aufwind@stadt.de", app: app)
                try await Outbox.send(to: "anna@ahlen.de", subject: "x", body: "y", on: app.db)
                #expect(try await sender.sendDue() == 0)
                let mail = try #require(try await MailModel.query(on: app.db).first())
                #expect(mail.attempts == 1 && mail.failedAt == nil)
                #expect(mail.lastError?.hasPrefix("Keine Verbindung zum Mailserver 127.0.0.1:\(port)") == true, "\(mail.lastError ?? "")")
            }
        }
    }

    @Test("a mailbox the server does not know (550 5.1.1) is undeliverable at once and never tried again")
    func refusedRecipient() async throws {
        try await withAufwind(.sqlite) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup, rejectRecipients: true)
            let sender = try makeSender("smtp+insecure://127.0.0.1:\(server.port)?from=aufwind@stadt.de", app: app)
            try await Outbox.send(to: "niemand@ahlen.de", subject: "x", body: "y", on: app.db)
            #expect(try await sender.sendDue() == 0)
            let mail = try #require(try await MailModel.query(on: app.db).first())
            #expect(mail.sentAt == nil && mail.attempts == 1 && mail.claimedUntil == nil && mail.failedAt != nil && mail.nextAttemptAt == nil)
            #expect(mail.lastError == "Der Mailserver lehnt „RCPT“ ab: 550 5.1.1 no such user")
            #expect(try await sender.sendDue() == 0)
            #expect(server.commands.withLockedValue { $0 }.filter { $0.line.hasPrefix("RCPT") }.count == 1)
            try await server.stop()
        }
    }

    @Test("a refused mail backs off over hours, then is undeliverable, shown to admins and never retried", arguments: TestDatabase.available)
    func backOff(database: TestDatabase) async throws {
        try await withAufwind(database) { app in
            let server = try await FakeSMTPServer(group: app.eventLoopGroup, options: .init(temporaryFailure: true))
            let start = Date()
            let now = NIOLockedValueBox(start)
            let sender = try makeSender("smtp+insecure://127.0.0.1:\(server.port)?from=aufwind@stadt.de", app: app) { now.withLockedValue { $0 } }
            try await Outbox.send(to: "anna@ahlen.de", subject: "Willkommen", body: "Hallo", on: app.db)

            var delays: [TimeInterval] = []
            for attempt in 1...MailRetryPolicy.standard.maximumAttempts {
                #expect(try await sender.sendDue() == 0)
                let mail = try #require(try await MailModel.query(on: app.db).first())
                #expect(mail.attempts == attempt)
                #expect(mail.lastError == "Der Mailserver lehnt „RCPT“ ab: 451 4.3.0 try again later")
                guard let next = mail.nextAttemptAt else {
                    #expect(attempt == MailRetryPolicy.standard.maximumAttempts && mail.failedAt != nil)
                    break
                }
                let current = now.withLockedValue { $0 }
                delays.append(next.timeIntervalSince(current))
                // Not before it is due …
                now.withLockedValue { $0 = next.addingTimeInterval(-1) }
                #expect(try await sender.sendDue() == 0)
                #expect(try await MailModel.query(on: app.db).first()?.attempts == attempt)
                // … and then (a millisecond later: the databases round stored times to microseconds).
                now.withLockedValue { $0 = next.addingTimeInterval(0.001) }
            }
            #expect(delays.count == MailRetryPolicy.standard.maximumAttempts - 1)
            #expect(abs(delays[0] - 60) < 1 && abs(delays[1] - 120) < 1 && abs(delays[2] - 240) < 1)
            #expect(zip(delays, delays.dropFirst()).allSatisfy { $0 <= $1 + 1 })
            #expect(abs((delays.max() ?? 0) - 6 * 3600) < 1)
            let span = now.withLockedValue { $0 }.timeIntervalSince(start)
            #expect(span > 24 * 3600 && span < 48 * 3600, "gave up after \(span / 3600) hours")

            let mail = try #require(try await MailModel.query(on: app.db).first())
            #expect(mail.failedAt != nil && mail.sentAt == nil && mail.nextAttemptAt == nil)
            // Never again, not even days later.
            now.withLockedValue { $0 = $0.addingTimeInterval(7 * 24 * 3600) }
            #expect(try await sender.sendDue() == 0)
            #expect(server.commands.withLockedValue { $0 }.filter { $0.line.hasPrefix("RCPT") }.count == MailRetryPolicy.standard.maximumAttempts)

            let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
            let browser = try await AccountFixture.signedIn(admin, app: app)
            let page = try await browser.get("/dev/mails")
            #expect(page.status == .ok)
            #expect(page.body.contains("Unzustellbar"))
            #expect(page.body.contains("nach 15 Versuchen; wird nicht mehr versucht"))
            #expect(page.body.contains("Letzter Fehler: Der Mailserver lehnt „RCPT“ ab: 451 4.3.0 try again later"))
            #expect(page.body.contains("0 noch nicht gesendet, 1 unzustellbar"))
            try await server.stop()
        }
    }

    @Test("the outbox page shows a mail waiting for its next attempt")
    func waitingOnOutboxPage() async throws {
        try await withAufwind(.sqlite) { app in
            try await RefusingPort.hold { port in
                let sender = try makeSender("smtp+insecure://127.0.0.1:\(port)?from=aufwind@stadt.de", app: app)
                try await Outbox.send(to: "anna@ahlen.de", subject: "x", body: "y", on: app.db)
                try await sender.sendDue()
                let admin = try await AccountFixture.user("admin@aufwind.de", admin: true, on: app)
                let page = try await AccountFixture.signedIn(admin, app: app).get("/dev/mails")
                #expect(page.body.contains("Wird wiederholt"))
                #expect(page.body.contains("1 Versuch ist fehlgeschlagen; nächster Versuch am "))
                #expect(page.body.contains("Letzter Fehler: Keine Verbindung zum Mailserver"))
                #expect(page.body.contains("1 noch nicht gesendet, 0 unzustellbar"))
            }
        }
    }

    @Test("only a missing mailbox or domain is a permanent refusal; policy refusals and a full mailbox back off")
    func permanentRefusals() {
        #expect(SMTPReply(code: 550, lines: ["5.1.1 <x@ahlen.de>: Recipient address rejected"]).isPermanentRecipientRefusal)
        #expect(SMTPReply(code: 550, lines: ["no such user"]).isPermanentRecipientRefusal)
        #expect(SMTPReply(code: 553, lines: ["mailbox name not allowed"]).isPermanentRecipientRefusal)
        #expect(!SMTPReply(code: 554, lines: ["5.7.1 Relay access denied"]).isPermanentRecipientRefusal)
        #expect(!SMTPReply(code: 550, lines: ["5.7.1 Relaying denied"]).isPermanentRecipientRefusal)
        #expect(!SMTPReply(code: 552, lines: ["mailbox full"]).isPermanentRecipientRefusal)
        #expect(!SMTPReply(code: 451, lines: ["4.3.0 try again later"]).isPermanentRecipientRefusal)
    }

    @Test("an unreadable CA file stops the start with a German message")
    func badTrustRoots() async throws {
        try await withAufwind(.sqlite) { app in
            var configuration = try SMTPConfiguration.parse("smtps://mail.stadt.de?from=aufwind@stadt.de").get()
            configuration.trustRootsFile = "/nonexistent/ca.pem"
            let error = #expect(throws: SMTPTransport.SMTPError.self) {
                _ = try SMTPTransport(configuration: configuration, eventLoopGroup: app.eventLoopGroup)
            }
            #expect(error?.description.hasPrefix("AUFWIND_SMTP_CA_FILE „/nonexistent/ca.pem“ lässt sich nicht") == true)
        }
    }
}

import AufwindCore
import Foundation
import Testing

@Suite("Mail: SMTP configuration and message text")
struct MailTests {
    @Test("the SMTP URL gives host, port, protection, login and sender")
    func configuration() throws {
        let config = try SMTPConfiguration.parse("smtps://post%40stadt.de:ge%20heim@mail.stadt.de?from=aufwind@stadt.de").get()
        #expect(
            config
                == SMTPConfiguration(
                    host: "mail.stadt.de", port: 465, security: .implicitTLS, username: "post@stadt.de", password: "ge heim", from: "aufwind@stadt.de"
                ))
        #expect(config.timeouts == .standard && config.trustRootsFile == nil)
        #expect(try SMTPConfiguration.parse("smtp://localhost:2525?from=aufwind@stadt.de").get().port == 2525)
    }

    @Test("three schemes: smtps (TLS), smtp (STARTTLS required), smtp+insecure (plain, explicitly)")
    func schemes() throws {
        let starttls = try SMTPConfiguration.parse("smtp://bot:geheim@mail.stadt.de?from=aufwind@stadt.de").get()
        #expect(starttls.security == .startTLS && starttls.port == 587 && starttls.username == "bot" && starttls.password == "geheim")
        let tls = try SMTPConfiguration.parse("SMTPS://Mail.Stadt.de?from=aufwind@stadt.de").get()
        #expect(tls.security == .implicitTLS && tls.port == 465)
        let relay = try SMTPConfiguration.parse("smtp+insecure://localhost?from=aufwind@stadt.de").get()
        #expect(relay.security == SMTPSecurity.none && relay.port == 25 && relay.username == nil && relay.password == nil)
        let address = try SMTPConfiguration.parse("smtps://10.1.2.3:2465?from=aufwind@stadt.de").get()
        #expect(address.host == "10.1.2.3" && address.port == 2465)
        let ipv6 = try SMTPConfiguration.parse("smtps://[2001:db8::1]?from=aufwind@stadt.de").get()
        #expect(ipv6.host == "2001:db8::1" && ipv6.port == 465)
    }

    @Test("a wrong SMTP URL is refused with a German reason")
    func configurationErrors() {
        func reason(_ url: String) -> String {
            guard case .failure(let message) = SMTPConfiguration.parse(url) else { return "angenommen" }
            return message.text
        }
        #expect(reason("http://mail.stadt.de").contains("unbekanntes Schema „http://“"))
        #expect(reason("smtp+tls://mail.stadt.de").contains("Erlaubt sind smtps://"))
        #expect(reason("mail.stadt.de:587").contains("unbekanntes Schema") || reason("mail.stadt.de:587").contains("keine gültige Adresse"))
        #expect(reason("smtp://mail.stadt.de:abc").contains("keine gültige Adresse"))
        #expect(reason("smtp:///?from=aufwind@stadt.de").contains("nennt keinen Mailserver"))
        #expect(reason("smtp://mail.stadt.de:99999").contains("Der Port 99999"))
        #expect(reason("smtp://bot@mail.stadt.de?from=aufwind@stadt.de").contains("nur Benutzer oder nur Passwort"))
        #expect(reason("smtp://:geheim@mail.stadt.de?from=aufwind@stadt.de").contains("nur Benutzer oder nur Passwort"))
        #expect(reason("smtp://mail.stadt.de?from=kaputt").contains("keine gültige E-Mail-Adresse"))
        #expect(reason("smtp://mäil.stadt.de?from=aufwind@stadt.de").contains("ASCII-Schreibweise"))
    }

    @Test("a failed mail is tried again after 1, 2, 4 … minutes, at most 6 hours apart, for about a day and a half")
    func retryPolicy() {
        let policy = MailRetryPolicy.standard
        #expect(policy.decision(afterFailedAttempt: 1) == .retry(after: .seconds(60)))
        #expect(policy.decision(afterFailedAttempt: 2) == .retry(after: .seconds(120)))
        #expect(policy.decision(afterFailedAttempt: 9) == .retry(after: .seconds(60 * 256)))
        #expect(policy.decision(afterFailedAttempt: 10) == .retry(after: .seconds(6 * 3600)))
        #expect(policy.decision(afterFailedAttempt: 14) == .retry(after: .seconds(6 * 3600)))
        #expect(policy.decision(afterFailedAttempt: 15) == .giveUp)
        #expect(policy.decision(afterFailedAttempt: 1, permanent: true) == .giveUp)
        #expect(policy.totalSpan == .seconds(60 * 511 + 5 * 6 * 3600))
        #expect(policy.totalSpan > .seconds(24 * 3600) && policy.totalSpan < .seconds(48 * 3600))
        let short = MailRetryPolicy(firstDelay: .seconds(1), maximumDelay: .seconds(3), maximumAttempts: 4)
        #expect(
            [1, 2, 3, 4].map { short.decision(afterFailedAttempt: $0) } == [
                .retry(after: .seconds(1)), .retry(after: .seconds(2)), .retry(after: .seconds(3)), .giveUp,
            ])
    }

    @Test("the message encodes umlauts and cannot be split by injected line breaks")
    func message() {
        let text = MailMessage(
            from: "aufwind@stadt.de", to: "anna@ahlen.de\r\nBcc: boese@x.de", subject: "Bestätigung für Ahlen", body: "Grüße\n",
            messageID: "1@aufwind", date: Date(timeIntervalSince1970: 0)
        ).rendered()
        #expect(text.contains("Subject: =?UTF-8?B?\(Data("Bestätigung für Ahlen".utf8).base64EncodedString())?="))
        #expect(text.contains("To: <anna@ahlen.deBcc: boese@x.de>"))
        #expect(!text.contains("\r\nBcc:"))
        // Text parts are Base64 of their canonical form, with CRLF line ends (RFC 2045).
        #expect(text.contains(Data("Grüße\r\n".utf8).base64EncodedString()))
    }
}

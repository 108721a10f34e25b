import AufwindCore
import Foundation
import Testing

@Suite("Mail: SMTP configuration and message text")
struct MailTests {
    @Test("the SMTP URL gives host, port, TLS, login and sender")
    func configuration() throws {
        let config = try SMTPConfiguration.parse("smtps://post%40stadt.de:ge%20heim@mail.stadt.de?from=aufwind@stadt.de").get()
        #expect(config == SMTPConfiguration(host: "mail.stadt.de", port: 465, useTLS: true, username: "post@stadt.de", password: "ge heim", from: "aufwind@stadt.de"))
        #expect(try SMTPConfiguration.parse("smtp://localhost:2525?from=aufwind@stadt.de").get().port == 2525)
        #expect(throws: ValidationMessage.self) { try SMTPConfiguration.parse("http://mail.stadt.de").get() }
        #expect(throws: ValidationMessage.self) { try SMTPConfiguration.parse("smtp://mail.stadt.de?from=kaputt").get() }
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
        #expect([1, 2, 3, 4].map { short.decision(afterFailedAttempt: $0) } == [.retry(after: .seconds(1)), .retry(after: .seconds(2)), .retry(after: .seconds(3)), .giveUp])
    }

    @Test("the message encodes umlauts and cannot be split by injected line breaks")
    func message() {
        let text = MailMessage(
            from: "aufwind@stadt.de", to: "anna@ahlen.de\r\nBcc: boese@x.de", subject: "Bestätigung für Ahlen", body: "Grüße\n",
            messageID: "1@aufwind", date: Date(timeIntervalSince1970: 0)).rendered()
        #expect(text.contains("Subject: =?UTF-8?B?\(Data("Bestätigung für Ahlen".utf8).base64EncodedString())?="))
        #expect(text.contains("To: <anna@ahlen.deBcc: boese@x.de>"))
        #expect(!text.contains("\r\nBcc:"))
        #expect(text.contains(Data("Grüße\n".utf8).base64EncodedString()))
    }
}

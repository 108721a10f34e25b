import AufwindCore
import Foundation
import Testing

@Suite("Security rules in the core: client address, input guard, log redaction, sessions, passwords")
struct SecurityCoreTests {
    @Test("forwarding headers count only from trusted proxies, read from the right")
    func clientAddress() throws {
        let resolver = try ClientAddressResolver.parse("10.0.0.0/8, 2001:db8::1").get()
        // An untrusted peer cannot choose its address.
        #expect(resolver.clientAddress(peer: "203.0.113.7", forwarded: [], xForwardedFor: ["1.2.3.4"]) == "203.0.113.7")
        // Behind the proxy: the address the proxy appended (the rightmost untrusted one).
        #expect(resolver.clientAddress(peer: "10.1.2.3", forwarded: [], xForwardedFor: ["6.6.6.6, 198.51.100.9"]) == "198.51.100.9")
        #expect(resolver.clientAddress(peer: "10.1.2.3", forwarded: [], xForwardedFor: ["198.51.100.9, 10.9.9.9"]) == "198.51.100.9")
        #expect(
            resolver.clientAddress(peer: "2001:db8::1", forwarded: [#"for="[2001:db8:cafe::17]:4711";proto=https"#], xForwardedFor: [])
                == "2001:db8:cafe::17")
        #expect(resolver.clientAddress(peer: "10.1.2.3", forwarded: ["for=192.0.2.60:80;by=10.1.2.3"], xForwardedFor: ["9.9.9.9"]) == "192.0.2.60")
        #expect(resolver.clientAddress(peer: "10.1.2.3", forwarded: [], xForwardedFor: []) == "10.1.2.3")
        #expect(resolver.clientAddress(peer: nil, forwarded: [], xForwardedFor: ["1.2.3.4"]) == "unbekannt")
        #expect(resolver.isTrusted("::ffff:10.0.0.5") && !resolver.isTrusted("11.0.0.1") && !resolver.isTrusted("2001:db8::2"))
        #expect(ClientAddressResolver.parse("10.0.0.0/33").failureText?.contains("„10.0.0.0/33“") == true)
        #expect(ClientAddressResolver.parse("proxy.example.org").failureText != nil)
        #expect(IPAddress("::ffff:192.0.2.1") == IPAddress("192.0.2.1"))
        #expect(IPAddress("1:2:3:4:5:6:7:8:9") == nil && IPAddress("256.1.1.1") == nil && IPAddress("::") != nil)
    }

    @Test("the input guard finds NUL, other control characters and bidi overrides in forms and JSON")
    func inputGuard() {
        #expect(InputGuard.offendingField(urlEncoded: "name=Anna&email=a%00b%40x.de") == "email")
        #expect(InputGuard.offendingField(urlEncoded: "titel=Rathaus%E2%80%AEtxt.exe") == "titel")
        #expect(InputGuard.offendingField(urlEncoded: "text=Zeile+1%0D%0AZeile+2%09Tab&x=%C3%BC") == nil)
        #expect(InputGuard.offendingField(urlEncoded: "a%01=b") == "a")
        #expect(InputGuard.offendingField(json: Data(#"{"titel":"ok","kinder":[{"name":"x\u0000"}]}"#.utf8)) == "/kinder/0/name")
        #expect(InputGuard.offendingField(json: Data(#"{"text":"Zeile\nZeile"}"#.utf8)) == nil)
        #expect("Ahlen\u{2066}".containsControlCharacters() && "A\u{7}".containsControlCharacters(allowingLineBreaks: true))
        #expect(!"Zeile\nzwei".containsControlCharacters(allowingLineBreaks: true) && "Zeile\nzwei".containsControlCharacters())
    }

    @Test("logs and exports show no secret: calendar tokens, link tokens")
    func redaction() {
        #expect(LogRedaction.redact(path: "/kalender/verbuende/abcDEF123", query: nil) == "/kalender/verbuende/[entfernt]")
        #expect(LogRedaction.redact(path: "/passwort-neu", query: "token=geheim&x=1") == "/passwort-neu?token=[entfernt]&x=1")
        #expect(LogRedaction.redact(path: "/gemeinden", query: "q=Ahlen") == "/gemeinden?q=Ahlen")
        let mail = "Link: https://aufwind.de/passwort-neu?token=AbC-_123.\nKalender: https://aufwind.de/kalender/kommunen/xyz789.ics"
        let redacted = LogRedaction.redactLinks(in: mail)
        #expect(redacted == "Link: https://aufwind.de/passwort-neu?token=[entfernt]\nKalender: https://aufwind.de/kalender/kommunen/[entfernt]")
    }

    @Test("a session ends when idle or too old; last seen is written only every few minutes")
    func sessionLifetime() throws {
        let lifetime = SessionLifetime.standard
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(lifetime.isValid(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(13 * 86_400)))
        #expect(!lifetime.isValid(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(15 * 86_400)))
        #expect(!lifetime.isValid(createdAt: start, lastSeenAt: start.addingTimeInterval(90 * 86_400), now: start.addingTimeInterval(91 * 86_400)))
        #expect(!lifetime.needsTouch(lastSeenAt: start, now: start.addingTimeInterval(60)))
        #expect(lifetime.needsTouch(lastSeenAt: start, now: start.addingTimeInterval(301)))
        let custom = try SessionLifetime.fromDays(idle: "1,5", absolute: "30").get()
        #expect(custom.idle == 1.5 * 86_400 && custom.absolute == 30 * 86_400)
        #expect(SessionLifetime.fromDays(idle: "40", absolute: "30").failureText?.contains("nicht größer") == true)
        #expect(SessionLifetime.fromDays(idle: "viele", absolute: nil).failureText?.contains("„viele“") == true)
    }

    @Test("a textarea's CRLF line breaks count and are stored as one character each")
    func lineBreaks() {
        var check = InputChecker()
        let text = String(repeating: "Zeile mit Ümlaut\r\n", count: 200) + "Ende"
        let stored = check.text(text, "Beschreibung", length: 1...3_600, multiline: true)
        #expect(
            check.errors.isEmpty && stored == String(repeating: "Zeile mit Ümlaut\n", count: 200) + "Ende" && stored.unicodeScalars.count == 3_404)
        #expect("a\rb".normalizingLineBreaks == "a\nb")
    }

    @Test("passwords longer than bcrypt reads (72 bytes) are refused, not cut")
    func passwordBytes() {
        #expect(AccountValidation.password(String(repeating: "a", count: 72)) == nil)
        #expect(AccountValidation.password(String(repeating: "a", count: 73))?.text.contains("72 Byte") == true)
        // 37 umlauts are 74 bytes
        #expect(AccountValidation.password(String(repeating: "ü", count: 37)) != nil)
        #expect(AccountValidation.displayName("Anna\u{0}").failureText == "Der Name enthält unzulässige Steuerzeichen.")
    }
}

extension Result where Failure == ValidationMessage {
    var failureText: String? {
        if case .failure(let message) = self { return message.text }
        return nil
    }
}

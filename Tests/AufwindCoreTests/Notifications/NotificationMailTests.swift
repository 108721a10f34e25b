import AufwindCore
import Foundation
import Testing

@Suite("The one mail template and its MIME form")
struct NotificationMailTests {
    static let single = NotificationMail(
        recipientName: "Anna Schulte", subject: "Neue Nachricht: Digitale Schulverwaltung",
        entries: [
            .init(
                category: .nachrichten, text: "Oelde hat in „Digitale Schulverwaltung“ geschrieben.", detail: "Wann treffen wir uns?\n<b>Bald</b>",
                action: "Antworten", url: "https://aufwind.example/kooperationen/1")
        ],
        reason: "Sie erhalten diese E-Mail, weil Sie Mitglied von Ahlen sind.", settingsURL: "https://aufwind.example/konto/benachrichtigungen",
        unsubscribeURL: "https://aufwind.example/abmelden/x.nachrichten.sig", unsubscribeLabel: "E-Mails zu „Nachrichten“ abbestellen")

    @Test("plain text: greeting, what happened, the quoted text, the action, why, how to change, unsubscribe")
    func plainText() {
        let text = Self.single.plainText
        #expect(text.hasPrefix("Guten Tag Anna Schulte,\n\nOelde hat in „Digitale Schulverwaltung“ geschrieben.\n"))
        #expect(text.contains("> Wann treffen wir uns?\n> <b>Bald</b>"))
        #expect(text.contains("Antworten: https://aufwind.example/kooperationen/1"))
        #expect(text.contains("\n-- \nSie erhalten diese E-Mail, weil Sie Mitglied von Ahlen sind."))
        #expect(text.contains("Einstellungen ändern: https://aufwind.example/konto/benachrichtigungen"))
        #expect(text.contains("E-Mails zu „Nachrichten“ abbestellen: https://aufwind.example/abmelden/x.nachrichten.sig"))
    }

    @Test("HTML: escaped, inline styles only, no images, no external resources")
    func html() {
        let html = Self.single.html
        #expect(html.contains("&lt;b&gt;Bald&lt;/b&gt;"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("href=\"https://aufwind.example/kooperationen/1\""))
        #expect(!html.contains("<img") && !html.contains("<link") && !html.contains("<style") && !html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(html.contains("lang=\"de\""))
    }

    @Test("a digest groups its entries by category, in the fixed order")
    func digestGroups() {
        let entry = { (category: NotificationCategory, text: String) in
            NotificationMail.Entry(category: category, text: text, action: "Ansehen", url: "https://a.example/x")
        }
        let mail = NotificationMail(
            recipientName: "Olga", subject: "Zusammenfassung", introduction: "Neu seit gestern:",
            entries: [entry(.passendeEintraege, "Treffer 1"), entry(.anfragen, "Anfrage 1"), entry(.passendeEintraege, "Treffer 2")],
            reason: "Sie erhalten diese E-Mail, weil …", settingsURL: "s", unsubscribeURL: "u", unsubscribeLabel: "Abbestellen")
        #expect(mail.groups.map(\.category) == [.anfragen, .passendeEintraege])
        #expect(mail.groups[1].entries.map(\.text) == ["Treffer 1", "Treffer 2"])
        let text = mail.plainText
        let anfragen = text.range(of: "Anfragen & Entscheidungen")!.lowerBound
        let treffer = text.range(of: "Passende Einträge")!.lowerBound
        #expect(anfragen < treffer)
        #expect(text.contains("* Treffer 1\n  Ansehen: https://a.example/x\n* Treffer 2"))
    }

    @Test("multipart/alternative with both parts in Base64, List-Unsubscribe and One-Click, short lines")
    func multipart() throws {
        let message = MailMessage(
            from: "aufwind@stadt.de", to: "anna@ahlen.de", subject: Self.single.subject, body: Self.single.plainText,
            htmlBody: Self.single.html, listUnsubscribe: Self.single.unsubscribeURL, messageID: "4F1C-77@aufwind",
            date: Date(timeIntervalSince1970: 0))
        let text = message.rendered()
        #expect(text.contains("\r\nList-Unsubscribe: <https://aufwind.example/abmelden/x.nachrichten.sig>\r\n"))
        #expect(text.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative; boundary=\"=_aufwind_4F1C77aufwind\""))
        #expect(text.contains("--=_aufwind_4F1C77aufwind--"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "\(line)") }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // Each part decodes to the text (with CRLF line ends) in UTF-8.
        let parts = text.components(separatedBy: "--=_aufwind_4F1C77aufwind")
        #expect(parts.count == 4)
        func decoded(_ part: String) -> String? {
            let sections = part.components(separatedBy: "\r\n\r\n")
            let base64 = sections.dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
            return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(parts[1].contains("Content-Type: text/plain; charset=utf-8") && parts[2].contains("Content-Type: text/html; charset=utf-8"))
        #expect(decoded(parts[1]) == Self.single.plainText.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(decoded(parts[2]) == Self.single.html.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("a plain mail stays single-part; a long subject is folded into encoded words")
    func plainMailAndLongSubject() {
        let subject = String(repeating: "Überlange Betreffzeile ", count: 6)
        let text = MailMessage(from: "a@b.de", to: "c@d.de", subject: subject, body: "x", messageID: "1@aufwind", date: Date()).rendered()
        #expect(text.contains("Content-Type: text/plain; charset=utf-8") && !text.contains("multipart") && !text.contains("List-Unsubscribe"))
        let header = text.components(separatedBy: "\r\nDate:")[0].components(separatedBy: "Subject: ")[1]
        let words = header.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.utf8.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = words.map { word in
            String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
    }

    @Test("escaping: plain text comes back unchanged, the five characters become entities, a combining mark cannot hide a '<'")
    func escaping() {
        #expect(
            NotificationMail.escape("Neuer passender Eintrag: „Digitale Schulverwaltung“ – Ahlen")
                == "Neuer passender Eintrag: „Digitale Schulverwaltung“ – Ahlen")
        #expect(NotificationMail.escape(#"<b>Müller & 'Söhne' "GmbH"</b>"#) == "&lt;b&gt;Müller &amp; &#39;Söhne&#39; &quot;GmbH&quot;&lt;/b&gt;")
        #expect(NotificationMail.escape("<\u{0301}script>") == "&lt;\u{0301}script&gt;")
    }
}

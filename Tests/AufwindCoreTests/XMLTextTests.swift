import AufwindCore
import Testing

@Suite("XML text")
struct XMLTextTests {
    @Test("the five special characters are escaped, characters XML 1.0 forbids are dropped, the rest stays")
    func escaping() {
        #expect(XMLText.escape(#"<a href="x">Müller & 'Söhne'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Müller &amp; &apos;Söhne&apos;&lt;/a&gt;")
        #expect(XMLText.escape("Zeile 1\nZeile 2\tTab\r") == "Zeile 1\nZeile 2\tTab\r")
        #expect(XMLText.escape("Bell\u{07}Null\u{0}Ende\u{FFFE}") == "BellNullEnde")
    }
}

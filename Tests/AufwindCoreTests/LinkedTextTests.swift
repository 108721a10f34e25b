import AufwindCore
import Testing

@Suite("Plain text with paragraphs and links")
struct LinkedTextTests {
    @Test("blank lines make paragraphs; web addresses become links without trailing punctuation")
    func paragraphsAndLinks() {
        let text = "Erster Absatz mit https://www.ahlen.de/schule.\r\n\r\nZweiter Absatz (siehe http://example.org/a?b=c), Ende."
        #expect(
            LinkedText.paragraphs(text) == [
                [.text("Erster Absatz mit "), .link("https://www.ahlen.de/schule"), .text(".")],
                [.text("Zweiter Absatz (siehe "), .link("http://example.org/a?b=c"), .text("), Ende.")],
            ])
    }

    @Test("a bare scheme, javascript: and HTML stay text")
    func noSurprises() {
        #expect(LinkedText.segments("nur https:// allein") == [.text("nur "), .text("https://"), .text(" allein")])
        #expect(LinkedText.segments("javascript:alert(1) <b>") == [.text("javascript:alert(1) <b>")])
    }
}

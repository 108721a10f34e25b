import Testing
import Vapor

@testable import AufwindServer

@Suite("The layout kept per state of the navigation: the same document as rendered whole, a few states for many pages")
struct LayoutShellsTests {
    @Test("every combination of title, path, notices, sign-in, admin and unread count renders as Plot renders the whole layout")
    func sameDocument() {
        let shells = LayoutShells()
        let titles = ["Gemeinden", "Bad Münstereifel & Umgebung <Entwurf> \"neu\" 'x'", "Ärztehaus – Jülich", "&amp; schon escaped", ""]
        let paths = ["/", "/gemeinden", "/gemeinden/05334002", "/loesungen/referenzen/abc", "/eintraege/1", "/konto", "/unbekannt"]
        for title in titles {
            for path in paths {
                for (signedIn, admin, unread) in [(false, false, 0), (true, false, 0), (true, false, 3), (true, true, 12)] {
                    for notices in [false, true] {
                        let layout = Layout(
                            page: RenderedPage(title: title, html: "<h1>Über uns</h1><p>\(path)</p>"), currentPath: path,
                            notice: notices ? "Das Register fehlt noch & <bald>." : nil, success: notices ? "Gespeichert." : nil,
                            signedIn: signedIn, isPlatformAdmin: admin, unreadNotifications: unread,
                            operatorWarning: notices && admin ? "Testbetrieb: \"Impressum\" fehlt." : nil)
                        let whole = layout.html().render()
                        #expect(String(buffer: layout.render(with: shells)) == whole, "\(title) \(path) \(signedIn) \(unread)")
                        // A cached body as bytes goes in unchanged.
                        let bytes = layout.render(with: shells, content: ByteBuffer(string: "<h1>Über uns</h1><p>\(path)</p>"))
                        #expect(String(buffer: bytes) == whole)
                    }
                }
            }
        }
    }

    @Test("item pages of thousands of items share the shell of their section; unusual unread counts never grow it without bound")
    func fewStates() {
        let shells = LayoutShells()
        for number in 0..<2_000 {
            _ = Layout(page: RenderedPage(title: "Eintrag \(number)", html: ""), currentPath: "/eintraege/\(number)", notice: nil, signedIn: true)
                .render(with: shells)
        }
        #expect(shells.count == 1)
        for unread in 0..<(LayoutShells.maximumShells * 2) {
            _ = Layout(page: RenderedPage(title: "x", html: ""), currentPath: "/", notice: nil, signedIn: true, unreadNotifications: unread)
                .render(with: shells)
        }
        #expect(shells.count <= LayoutShells.maximumShells)
    }

    @Test("a title is escaped completely in the head: a typed reference stays as typed")
    func titleEscaped() {
        let layout = Layout(page: RenderedPage(title: "&amp; <script>", html: ""), currentPath: "/", notice: nil)
        let document = String(buffer: layout.render(with: LayoutShells()))
        #expect(document.contains("<title>&amp;amp; &lt;script&gt; – Aufwind</title>"))
    }
}

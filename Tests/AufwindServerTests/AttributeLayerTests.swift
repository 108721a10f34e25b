import Foundation
import Plot
import Testing

@testable import AufwindServer

@Suite("Attribute values go through the escaping layer")
struct AttributeLayerTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("no view hands a computed value to one of Plot's attribute functions")
    func sourcesUseTheLayer() throws {
        let (findings, files) = try UnescapedAttributeCheck.scan(packageRoot: Self.packageRoot)
        #expect(files > 30, "the scan found only \(files) files that import Plot")
        #expect(findings.isEmpty, "computed attribute values outside the layer:\n\(findings.map(\.description).joined(separator: "\n"))")
    }

    @Test("the check finds computed values in every form a view could write them")
    func findsPlantedViolations() {
        let source = #"""
            import Plot
            func planted(path: String, id: String, name: String, key: String, input: String?, flag: Bool, html: String) -> Node<HTML.BodyContext> {
                .div(
                    .a(.href(path), .text("Pfad")),
                    .a(.href("/eintraege/\(id)"), .text("interpoliert")),
                    .div(.attribute(named: "data-key", value: key)),
                    .div(flag ? .id(name) : .id("fest")),
                    .div(Node<HTML.BodyContext>.class(name)),
                    .div(.class("badge " + name)),
                    .raw(html),
                    .form(.action(
                        path
                    ))
                )
            }
            func input(_ value: String?) -> Node<HTML.FormContext> {
                return .input(.type(.text), .value(value ?? ""))
            }
            let hand = Attribute<HTML.InputContext>(name: "value", value: "x")
            """#
        let calls = UnescapedAttributeCheck.check(source, file: "Planted.swift").map(\.call)
        #expect(
            calls == [
                #".href(path)"#, #".href("/eintraege/\(id)")"#, #".attribute(named: "data-key", value: key)"#, ".id(name)",
                ".class(name)", #".class("badge " + name)"#, ".raw(html)", ".action(path)", #".value(value ?? "")"#,
                #"Attribute<HTML.InputContext>(name: "value", value: "x")"#,
            ])
    }

    @Test("literals, enum cases, nested nodes, the layer and other code's methods pass")
    func acceptsWhatIsSafe() {
        let source = #"""
            import Plot
            // A comment may mention .href(path) and .raw(html).
            func page(path: String, request: Request) -> Node<HTML.BodyContext> {
                let note = "Text with .href(path) in it" + #"and .value(x) raw"#
                let count = request.query.value(for: path) ?? items.first!.id(path)
                return .div(
                    .class("card"), .id("inhalt"), .attribute(named: "role", value: "alert"), .attribute(named: "hidden", value: nil),
                    .a(.href("/anmelden"), .text(path)), .a(.safeHref(path), .safeClass(note)),
                    .form(.action("/suche"), .method(.post), .input(.type(.submit), .value("Suchen"))),
                    .label(.for("q"), .text(note)), .element(named: "details", nodes: [.text(path)]),
                    .safeAttribute("data-live", path), .`class`("ok")
                )
            }
            """#
        #expect(UnescapedAttributeCheck.check(source, file: "Safe.swift").isEmpty)
    }

    @Test("the layer escapes quotes, angle brackets and every ampersand")
    func layerEscapes() {
        let hostile = #""><script>alert(1)</script>' onmouseover='x' &amp;"#
        let html = HTML(
            .body(
                .a(.safeHref(hostile), .safeClass(hostile), .safeID(hostile), .safeTitle(hostile)),
                .div(.safeAttribute("data-x", hostile)),
                .form(.safeAction(hostile), .input(.safeName(hostile), .safeValue(hostile)))
            )
        ).render()
        let escaped = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39; onmouseover=&#39;x&#39; &amp;amp;"
        #expect(!html.contains("<script>"))
        #expect(!html.contains("='x'"))
        for attribute in ["href", "class", "id", "title", "data-x", "action", "name", "value"] {
            #expect(html.contains(#"\#(attribute)="\#(escaped)""#), "\(attribute)")
        }
    }

    @Test("text keeps its quotes (they end nothing there) and escapes every ampersand, also one that starts a reference")
    func textEscapes() {
        // Views get this through `.text(_:)`; here Plot's `.text` would be ambiguous with ours.
        #expect(
            HTMLEscaping.text(#""><script>alert(1)</script>' &amp; &#60;"#)
                == #""&gt;&lt;script&gt;alert(1)&lt;/script&gt;' &amp;amp; &amp;#60;"#)
    }

    @Test("a quote or bracket followed by a combining mark is escaped as well; text without any stays as it is")
    func combiningMarks() {
        // `"\u{301}` is one Character (not equal to `"`): escaping by bytes catches it.
        #expect(HTMLEscaping.attribute("x\"\u{301} onmouseover=alert(1) '\u{301}") == "x&quot;\u{301} onmouseover=alert(1) &#39;\u{301}")
        #expect(HTMLEscaping.text("<\u{338}b>") == "&lt;\u{338}b&gt;")
        #expect(HTMLEscaping.text("Münster – Straße") == "Münster – Straße")
        #expect(HTMLEscaping.attribute("Gemeinde \"Ahlen\" & Oelde") == "Gemeinde &quot;Ahlen&quot; &amp; Oelde")
    }

    @Test("an address a user entered becomes a link only with http or https")
    func externalLinks() {
        let html = HTML(.body(.a(.safeExternalHref("javascript:alert(1)")), .a(.safeExternalHref("https://www.ahlen.de/?a=1&b=\"2\"")))).render()
        #expect(html.contains("<a></a>"))
        #expect(html.contains(#"<a href="https://www.ahlen.de/?a=1&amp;b=&quot;2&quot;"></a>"#))
    }

    @Test("empty values: named attributes are left out as in Plot, a value is kept")
    func emptyValues() {
        let html = HTML(.body(.div(.safeClass(""), .safeID("")), .form(.input(.safeValue(""))), .div(.safeAttribute("data-x", nil)))).render()
        #expect(html.contains("<div></div>"))
        #expect(html.contains("<input value>") || html.contains("<input value/>"))
    }
}

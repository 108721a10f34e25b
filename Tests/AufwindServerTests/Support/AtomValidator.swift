import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks a document against the MUST rules of RFC 4287 (Atom 1.0) that apply to feeds:
/// well-formed XML in the Atom namespace; exactly one id, title and updated per feed and entry;
/// ids and links absolute IRIs; dates in RFC 3339; an author for every entry (own or the
/// feed's); an alternate link or content per entry; no alternate link twice with the same
/// type; entry ids unique; category terms present. Returns the problems (empty: valid).
enum AtomValidator {
    static let namespace = "http://www.w3.org/2005/Atom"

    /// The value of an attribute without namespace (FoundationXML on Linux does not find them by name).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.localName == name || $0.name == name }?.stringValue
    }

    static func problems(_ xml: String) -> [String] {
        let document: XMLDocument
        do {
            document = try XMLDocument(xmlString: xml, options: [])
        } catch {
            return ["kein wohlgeformtes XML: \(error)"]
        }
        guard let feed = document.rootElement(), feed.localName == "feed", feed.uri == namespace else {
            return ["Wurzelelement ist nicht atom:feed"]
        }
        var problems: [String] = []
        func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
            (element.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name && $0.uri == namespace }
        }
        func checkCommon(_ element: XMLElement, _ label: String) {
            for name in ["id", "title", "updated"] where children(element, name).count != 1 {
                problems.append("\(label): \(name) muss genau einmal vorkommen")
            }
            for id in children(element, "id") where !isAbsoluteIRI(id.stringValue ?? "") {
                problems.append("\(label): id „\(id.stringValue ?? "")“ ist keine absolute IRI")
            }
            for name in ["updated", "published"] {
                for date in children(element, name) where !isRFC3339(date.stringValue ?? "") {
                    problems.append("\(label): \(name) „\(date.stringValue ?? "")“ ist kein RFC-3339-Datum")
                }
            }
            var alternates = Set<String>()
            for link in children(element, "link") {
                guard let href = attribute(link, "href"), isAbsoluteIRI(href) else {
                    problems.append("\(label): link ohne absolute href")
                    continue
                }
                let rel = attribute(link, "rel") ?? "alternate"
                if rel == "alternate" {
                    let key = (attribute(link, "type") ?? "") + "|" + (attribute(link, "hreflang") ?? "")
                    if !alternates.insert(key).inserted { problems.append("\(label): zwei alternate-Links mit gleichem type/hreflang") }
                }
            }
            for author in children(element, "author") where children(author, "name").count != 1 {
                problems.append("\(label): author braucht genau ein name")
            }
            for category in children(element, "category") where (attribute(category, "term") ?? "").isEmpty {
                problems.append("\(label): category ohne term")
            }
        }
        checkCommon(feed, "feed")
        let feedHasAuthor = !children(feed, "author").isEmpty
        var ids = Set<String>()
        for (index, entry) in children(feed, "entry").enumerated() {
            let label = "entry \(index + 1)"
            checkCommon(entry, label)
            if !feedHasAuthor && children(entry, "author").isEmpty { problems.append("\(label): kein author") }
            let hasAlternate = children(entry, "link").contains { (attribute($0, "rel") ?? "alternate") == "alternate" }
            if !hasAlternate && children(entry, "content").isEmpty { problems.append("\(label): weder alternate-Link noch content") }
            if let id = children(entry, "id").first?.stringValue, !ids.insert(id).inserted { problems.append("\(label): id doppelt") }
            for summary in children(entry, "summary") {
                let type = attribute(summary, "type") ?? "text"
                if !["text", "html", "xhtml"].contains(type) { problems.append("\(label): summary type „\(type)“") }
            }
        }
        return problems
    }

    static func isAbsoluteIRI(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":"), colon > value.startIndex else { return false }
        let scheme = value[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && !value.contains(" ")
    }

    static func isRFC3339(_ value: String) -> Bool {
        value.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
    }
}

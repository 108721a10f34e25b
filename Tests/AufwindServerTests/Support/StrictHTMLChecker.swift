import Foundation

/// A strict reader for the HTML our pages render, stricter than HTML itself: every element is
/// closed in order (void elements aside), attribute values are double-quoted, every `&` starts a
/// reference and text holds no raw `<` or `>`. It also refuses what an injection would bring:
/// event-handler attributes, a repeated attribute, `javascript:`/`data:` links and inline
/// scripts. What it read is kept as decoded text and attribute values, so a test can ask whether
/// a value arrived whole.
struct StrictHTMLChecker {
    struct Element {
        var name: String
        var attributes: [(name: String, value: String?)]
    }

    private(set) var problems: [String] = []
    /// Decoded text nodes, in order.
    private(set) var texts: [String] = []
    /// Every element's name and decoded attributes, in order.
    private(set) var elements: [Element] = []

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
    /// Elements whose content is text up to their end tag.
    static let textElements: Set<String> = ["script", "style", "textarea", "title"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href"]

    private let bytes: [UInt8]
    private var index = 0
    private var stack: [String] = []

    init(_ html: String) {
        bytes = Array(html.utf8)
        read()
    }

    /// The decoded text of the page, text nodes joined by spaces.
    var text: String { texts.joined(separator: " ") }

    private mutating func read() {
        let doctype = Array("<!DOCTYPE html>".utf8)
        guard bytes.starts(with: doctype) else {
            problems.append("the page does not start with <!DOCTYPE html>")
            return
        }
        index = doctype.count
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                readMarkup()
            } else {
                readText(until: nil)
            }
            if problems.count > 20 { return }
        }
        if !stack.isEmpty { problems.append("elements left open at the end: \(stack.joined(separator: " > "))") }
    }

    private mutating func readMarkup() {
        if starts(with: "<!--") {
            guard let end = find("-->", from: index + 4) else { return fail("a comment without end") }
            index = end + 3
        } else if starts(with: "</") {
            index += 2
            let name = readName()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return fail("a broken end tag </\(name)") }
            index += 1
            guard stack.last == name else {
                return fail("</\(name)> closes \(stack.last.map { "<\($0)>" } ?? "nothing")")
            }
            stack.removeLast()
        } else {
            readStartTag()
        }
    }

    private mutating func readStartTag() {
        index += 1
        let name = readName()
        guard !name.isEmpty, name.first!.isLetter else { return fail("a raw '<' in text") }
        var attributes: [(name: String, value: String?)] = []
        var selfClosing = false
        while true {
            skipSpaces()
            guard index < bytes.count else { return fail("<\(name) is never closed") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                break
            }
            if starts(with: "/>") {
                index += 2
                selfClosing = true
                break
            }
            let attribute = readName()
            guard !attribute.isEmpty else { return fail("a broken attribute in <\(name)>") }
            var value: String?
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    return fail("the value of \(attribute) in <\(name)> is not in double quotes")
                }
                index += 1
                guard let end = find("\"", from: index) else { return fail("the value of \(attribute) in <\(name)> never ends") }
                let raw = String(decoding: bytes[index..<end], as: UTF8.self)
                if raw.contains("<") || raw.contains(">") { problems.append("a raw '<' or '>' in \(attribute) of <\(name)>") }
                value = decode(raw, in: "\(attribute) of <\(name)>")
                index = end + 1
                guard index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[index]) else {
                    return fail("no space after the value of \(attribute) in <\(name)>")
                }
            }
            check(attribute: attribute, value: value, element: name, existing: attributes)
            attributes.append((attribute, value))
        }
        elements.append(Element(name: name, attributes: attributes))
        if name == "script" {
            if !attributes.contains(where: { $0.name == "src" }) { problems.append("an inline <script>") }
        }
        if selfClosing || Self.voidElements.contains(name) { return }
        if Self.textElements.contains(name) {
            let end = find("</\(name)>", from: index) ?? bytes.count
            let content = String(decoding: bytes[index..<end], as: UTF8.self)
            if name == "script" || name == "style" {
                if !content.isEmpty && name == "script" { problems.append("a <script> with content") }
                if content.contains("</") { problems.append("</ inside <\(name)>") }
                index = end
            } else {
                readText(until: end)
            }
            stack.append(name)
            return
        }
        stack.append(name)
    }

    private mutating func check(attribute: String, value: String?, element: String, existing: [(name: String, value: String?)]) {
        let lower = attribute.lowercased()
        if lower.hasPrefix("on") { problems.append("an event handler \(attribute) on <\(element)>") }
        if existing.contains(where: { $0.name.lowercased() == lower }) { problems.append("\(attribute) twice on <\(element)>") }
        if Self.urlAttributes.contains(lower), let value {
            let scheme = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().filter { !$0.isWhitespace }
            if scheme.hasPrefix("javascript:") || scheme.hasPrefix("data:") || scheme.hasPrefix("vbscript:") {
                problems.append("\(attribute)=\"\(value)\" on <\(element)>")
            }
        }
    }

    /// Text up to the next `<` (or `end`); a raw `>` or a bare `&` is a problem.
    private mutating func readText(until end: Int?) {
        let start = index
        let limit = end ?? bytes.count
        while index < limit, end != nil || bytes[index] != UInt8(ascii: "<") { index += 1 }
        let raw = String(decoding: bytes[start..<index], as: UTF8.self)
        if raw.contains(">") { problems.append("a raw '>' in text: …\(raw.prefix(60))…") }
        if end != nil && raw.contains("<") { problems.append("a raw '<' in <textarea> or <title>: …\(raw.prefix(60))…") }
        let decoded = decode(raw, in: "text")
        if !decoded.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { texts.append(decoded) }
    }

    /// Resolves references; an `&` that starts none is a problem.
    private mutating func decode(_ raw: String, in place: String) -> String {
        guard raw.contains("&") else { return raw }
        var result = ""
        var rest = Substring(raw)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.firstIndex(of: ";"), let character = Self.reference(String(rest[rest.index(after: ampersand)..<semicolon]))
            else {
                problems.append("a bare '&' in \(place): …\(rest.prefix(30))…")
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            result.append(character)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func reference(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            let number: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                number = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                number = UInt32(name.dropFirst(), radix: 10)
            } else {
                number = nil
            }
            return number.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }

    private mutating func fail(_ problem: String) {
        problems.append(problem)
        index = bytes.count
    }

    private func starts(with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return index + prefix.count <= bytes.count && Array(bytes[index..<index + prefix.count]) == prefix
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let needle = Array(needle.utf8)
        var probe = start
        while probe + needle.count <= bytes.count {
            if bytes[probe] == needle[0] && Array(bytes[probe..<probe + needle.count]) == needle { return probe }
            probe += 1
        }
        return nil
    }

    private mutating func readName() -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isName =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ":")
            guard isName else { break }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(bytes[index]) { index += 1 }
    }
}

import Foundation

/// Finds Plot calls that would write a computed value into the page unescaped: an attribute
/// function (`.href(path)`, `.value(name)`, `.attribute(named: "data-x", value: key)`, …), a
/// hand-built `Attribute(name:value:)`, or `.raw(html)`. Views write such values through the
/// safe attribute layer (`Sources/AufwindServer/Web/SafeAttributes.swift`) instead; a string
/// literal without interpolation, an enum case or a number may go to Plot directly.
///
/// A source scan, not a type check: it looks at unqualified calls (`.href(…)`) and calls on a
/// type (`Node.href(…)`, `Node<C>.href(…)`), so a method of a value (`query.value(…)`) is not
/// taken for Plot's. Files that do not import Plot are skipped.
struct UnescapedAttributeCheck {
    struct Finding: Equatable, CustomStringConvertible {
        var file: String
        var line: Int
        var call: String
        var advice: String
        var description: String { "\(file):\(line): \(call) – \(advice)" }
    }

    /// Plot's functions that put a string into an attribute or the page unescaped, with the advice.
    static let checkedFunctions: [String: String] = {
        var functions = [
            "href": "use .safeHref (or .safeExternalHref for an address a user entered)", "src": "use .safeSrc",
            "action": "use .safeAction", "value": "use .safeValue", "id": "use .safeID", "class": "use .safeClass", "name": "use .safeName",
            "for": "use .safeFor", "title": "use .safeTitle", "attribute": "use .safeAttribute(name, value)",
            "raw": "use .text (escaped); raw HTML only as a literal", "comment": "comments only as literals",
            "element": "element names only as literals", "selfClosedElement": "element names only as literals",
        ]
        for name in [
            "data", "label", "placeholder", "alt", "content", "ariaLabel", "ariaControls", "datetime", "style", "property", "srcset", "media",
            "integrity", "onclick", "sizes", "color", "type",
        ] {
            functions[name] = "use .safeAttribute(name, value)"
        }
        return functions
    }()

    /// For these functions only the labelled arguments are attribute values or names.
    static let checkedLabels: [String: Set<String>] = ["element": ["named"], "selfClosedElement": ["named"]]

    /// The layer itself: the only files that hand computed values to Plot.
    static let layerFiles = ["Sources/AufwindServer/Web/SafeAttributes.swift", "Sources/AufwindServer/Web/HTMLEscaping.swift"]

    /// Calls that are fine although the scan cannot see it, each with the reason.
    static let allowed: [(file: String, call: String, reason: String)] = [
        ("Sources/AufwindServer/Web/FormNodes.swift", ".type(type)", "`type` is an HTMLInputType, a closed enum of Plot"),
        ("Sources/AufwindServer/Accounts/Views/TownProfileEditPage.swift", ".type(type)", "`type` is an HTMLInputType, a closed enum of Plot"),
        ("Sources/AufwindServer/Web/HTMLResponse.swift", ".raw(html)", "HTML our own views rendered before (the cached programme page)"),
        ("Sources/AufwindServer/Web/HTMLResponse.swift", ".raw(part.html)", "a `RenderedHTML`, made only from a Plot node of our views"),
    ]

    /// Keywords after which `.name(…)` is an unqualified call again.
    private static let keywords: Set<String> = [
        "return", "case", "in", "else", "throw", "try", "await", "where", "is", "as", "if", "guard", "switch", "then", "yield", "let", "var",
    ]

    /// Every Swift file under `root/Sources` that imports Plot; paths in findings are relative to `root`.
    static func scan(packageRoot root: URL) throws -> (findings: [Finding], files: Int) {
        let sources = root.appendingPathComponent("Sources")
        guard let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return ([], 0) }
        var findings: [Finding] = []
        var files = 0
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            guard !layerFiles.contains(relative) else { continue }
            let source = try String(contentsOf: url, encoding: .utf8)
            guard source.contains("import Plot") else { continue }
            files += 1
            findings += check(source, file: relative)
        }
        return (findings.sorted { ($0.file, $0.line) < ($1.file, $1.line) }, files)
    }

    /// The findings in one file's source.
    static func check(_ source: String, file: String) -> [Finding] {
        let tokens = SwiftTokenizer.tokens(source)
        var findings: [Finding] = []
        for index in tokens.indices {
            if let finding = constructorFinding(tokens, at: index, file: file) {
                findings.append(finding)
                continue
            }
            guard index + 2 < tokens.count, tokens[index].kind == .punctuation("."), case .identifier(let name) = tokens[index + 1].kind,
                let advice = checkedFunctions[name], tokens[index + 2].kind == .punctuation("("),
                isPlotPosition(previous: index > 0 ? tokens[index - 1] : nil)
            else { continue }
            let (arguments, end) = self.arguments(tokens, openingAt: index + 2)
            let checked = arguments.filter { argument in
                guard let labels = checkedLabels[name] else { return true }
                return argument.label.map(labels.contains) ?? false
            }
            guard !checked.allSatisfy({ isLiteral($0.value) }) else { continue }
            let call = text(tokens[index...end])
            guard !allowed.contains(where: { $0.file == file && $0.call == call }) else { continue }
            findings.append(Finding(file: file, line: tokens[index].line, call: call, advice: advice))
        }
        return findings
    }

    /// `Attribute(name:…)` or `Attribute<C>(name:…)`: an attribute built by hand.
    private static func constructorFinding(_ tokens: [SwiftToken], at index: Int, file: String) -> Finding? {
        guard tokens[index].kind == .identifier("Attribute"), index + 1 < tokens.count else { return nil }
        if index > 0, tokens[index - 1].kind == .punctuation(".") { return nil }
        var next = index + 1
        if tokens[next].kind == .punctuation("<") {
            while next < tokens.count, tokens[next].kind != .punctuation(">") { next += 1 }
            next += 1
        }
        guard next < tokens.count, tokens[next].kind == .punctuation("(") else { return nil }
        let (_, end) = arguments(tokens, openingAt: next)
        return Finding(
            file: file, line: tokens[index].line, call: text(tokens[index...end]), advice: "build attributes with .safeAttribute(name, value)")
    }

    /// Whether `.name(` after `previous` is an unqualified call or a call on a type (Plot's
    /// static functions), not a method called on a value.
    private static func isPlotPosition(previous: SwiftToken?) -> Bool {
        guard let previous else { return true }
        switch previous.kind {
        case .identifier(let word): return keywords.contains(word) || word.first?.isUppercase == true
        case .number, .string: return false
        case .punctuation(")"), .punctuation("]"), .punctuation("}"): return false
        // `a ? .x : .y` and `!` as an operator, but not `value?.x` or `value!.x`.
        case .punctuation("?"), .punctuation("!"): return previous.spaceBefore
        case .punctuation: return true
        }
    }

    /// The arguments of the call whose `(` is at `open`: label and value tokens; and the index of `)`.
    private static func arguments(_ tokens: [SwiftToken], openingAt open: Int) -> ([(label: String?, value: [SwiftToken])], Int) {
        var arguments: [[SwiftToken]] = [[]]
        var depth = 0
        var index = open
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .punctuation("("), .punctuation("["), .punctuation("{"): depth += 1
            case .punctuation(")"), .punctuation("]"), .punctuation("}"): depth -= 1
            default: break
            }
            if depth == 0 { break }
            if index > open {
                if depth == 1 && token.kind == .punctuation(",") { arguments.append([]) } else { arguments[arguments.count - 1].append(token) }
            }
            index += 1
        }
        let labelled = arguments.filter { !$0.isEmpty }.map { tokens -> (label: String?, value: [SwiftToken]) in
            if tokens.count > 2, case .identifier(let label) = tokens[0].kind, tokens[1].kind == .punctuation(":") {
                return (label, Array(tokens.dropFirst(2)))
            }
            return (nil, tokens)
        }
        return (labelled, min(index, tokens.count - 1))
    }

    /// A value that cannot carry input: a string literal without interpolation, a number,
    /// `true`/`false`/`nil`, an enum case (`.post`), or a nested node (`.text("…")`), whose own
    /// call is checked where it stands.
    private static func isLiteral(_ value: [SwiftToken]) -> Bool {
        let kinds = value.map(\.kind)
        let literals: [[SwiftToken.Kind]] = [
            [.string(interpolated: false)], [.number], [.identifier("true")], [.identifier("false")], [.identifier("nil")],
            [.punctuation("-"), .number],
        ]
        if literals.contains(kinds) { return true }
        guard value.count >= 2, value[0].kind == .punctuation("."), case .identifier(let name) = value[1].kind, name != "init" else { return false }
        // `.post`: an enum case.
        if value.count == 2 { return true }
        // `.name(…)` filling the whole argument: a node or an enum case with a payload.
        guard value[2].kind == .punctuation("(") else { return false }
        let (_, end) = arguments(value, openingAt: 2)
        return end == value.count - 1 && value[end].kind == .punctuation(")")
    }

    /// The tokens as they read in the source, on one line.
    private static func text(_ tokens: ArraySlice<SwiftToken>) -> String {
        var result = ""
        for token in tokens {
            let joins = result.isEmpty || "([.".contains(result.last!) || [")", "]", ",", ":", ".", "("].contains(token.text)
            if token.spaceBefore && !joins { result += " " }
            result += token.text
        }
        return result
    }
}

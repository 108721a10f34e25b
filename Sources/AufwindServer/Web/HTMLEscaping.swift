import Plot

/// Escaping for HTML text and attribute values. Views do not call it: they write attributes
/// through the safe attribute layer (`SafeAttributes.swift`) and text through `.text(_:)`.
enum HTMLEscaping {
    /// An attribute value: `&`, `<`, `>`, `"` and `'` replaced by references, so the value
    /// stays inside its quotes. Every `&` is escaped, also one that starts a reference.
    static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// Text: `&`, `<` and `>` replaced by references (every `&`, also one that starts a reference).
    static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    private static func escape(_ value: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension Node {
    /// Text, escaped completely. Declared in this module, it takes the place of Plot's own
    /// `.text(_:)` in every view: Plot leaves sequences that look like references alone, so a
    /// typed "&amp;" showed as "&" and a saved "&lt;b&gt;" came back from a form as "<b>".
    static func text(_ text: String) -> Node {
        .raw(HTMLEscaping.text(text))
    }
}

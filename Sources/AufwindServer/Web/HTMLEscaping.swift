import Plot

/// Plot escapes text nodes but writes attribute values as given: every value that can hold
/// user input goes through these helpers.
enum HTMLEscaping {
    static func attribute(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension Attribute {
    /// An attribute whose value is escaped and kept even when empty (`value=""`).
    static func safe(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: false)
    }
}

extension Node {
    /// An attribute whose value is escaped and kept even when empty.
    static func safeAttribute(_ name: String, _ value: String) -> Node {
        .attribute(Attribute<Context>.safe(name, value))
    }

    /// A link whose target may hold user input.
    static func safeHref(_ url: String) -> Node { safeAttribute("href", url) }
}

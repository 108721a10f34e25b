import Foundation

/// The one guard every request body and query passes before a handler sees it: no value may
/// carry NUL or another control character (tabs and line breaks pass here; single-line fields
/// refuse them in their own check) or a bidirectional override. Names the offending field.
public enum InputGuard {
    /// The name of the first field of an `application/x-www-form-urlencoded` text (a body or a
    /// query string) whose name or value holds a forbidden character, or nil.
    public static func offendingField(urlEncoded text: String) -> String? {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if isForbidden(name) || isForbidden(value) {
                return name.isEmpty ? "?" : String(name.unicodeScalars.filter { !$0.isForbiddenInInput(allowingLineBreaks: false) })
            }
        }
        return nil
    }

    /// The JSON path of the first string (key or value) in a JSON document that holds a
    /// forbidden character, or nil; nil also for text that is no JSON (the handler refuses that).
    public static func offendingField(json data: Data) -> String? {
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return offending(root, path: "")
    }

    private static func offending(_ value: Any, path: String) -> String? {
        switch value {
        case let text as String:
            return isForbidden(text) ? (path.isEmpty ? "/" : path) : nil
        case let object as [String: Any]:
            for (key, member) in object {
                let memberPath = path + "/" + key
                if isForbidden(key) { return path + "/?" }
                if let found = offending(member, path: memberPath) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = offending(element, path: path + "/\(index)") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    static func isForbidden(_ text: String) -> Bool {
        text.containsControlCharacters(allowingLineBreaks: true)
    }

    /// Percent-decoding as browsers encode forms (`+` is a space); a malformed escape stays as typed.
    static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

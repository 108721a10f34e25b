/// What the request log may show of a URL: secret path segments (the iCal links' tokens) and
/// secret query values (`token=…` in confirmation and reset links) are replaced, so a log file
/// never hands out a working link.
public enum LogRedaction {
    public static let placeholder = "[entfernt]"
    /// Path prefixes whose next segment is a secret.
    public static let secretPathPrefixes = ["/kalender/verbuende/", "/kalender/kommunen/"]
    /// Query parameters whose values are secrets.
    public static let secretQueryNames: Set<String> = ["token", "key", "secret", "passwort", "password", "code"]

    /// `path?query` with every secret replaced.
    public static func redact(path: String, query: String?) -> String {
        var shown = path
        for prefix in secretPathPrefixes where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            let tail = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
            shown = prefix + placeholder + tail
        }
        guard let query, !query.isEmpty else { return shown }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard parts.count == 2, secretQueryNames.contains((name.removingPercentEncoding ?? name).lowercased()) else { return String(pair) }
            return name + "=" + placeholder
        }
        return shown + "?" + pairs.joined(separator: "&")
    }

    /// A text (a mail) with the secrets of its links replaced: `token=…` values and the secret
    /// segments of calendar links. For exports: nobody can use a link from a download.
    public static func redactLinks(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        let markers = secretQueryNames.map { $0 + "=" } + secretPathPrefixes
        while let range = markers.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let secret = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "%" || $0 == "." }
            if !secret.isEmpty { result += placeholder }
            rest = rest.dropFirst(secret.count)
        }
        return result + rest
    }
}

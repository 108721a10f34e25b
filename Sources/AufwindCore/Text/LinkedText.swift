/// Plain text as people write it: paragraphs separated by blank lines, and web addresses that
/// become links. Everything else stays text (the views escape it).
public enum LinkedText {
    public enum Segment: Sendable, Equatable {
        case text(String)
        case link(String)
    }

    /// Paragraphs (split at blank lines), each as text and link segments.
    public static func paragraphs(_ text: String) -> [[Segment]] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty {
                    paragraphs.append(current.joined(separator: "\n"))
                    current = []
                }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs.map(segments)
    }

    /// Splits at http(s) addresses; a trailing full stop, comma or bracket stays text.
    public static func segments(_ text: String) -> [Segment] {
        var result: [Segment] = []
        var rest = Substring(text)
        while let begin = [rest.range(of: "https://"), rest.range(of: "http://")].compactMap({ $0?.lowerBound }).min() {
            if begin > rest.startIndex { result.append(.text(String(rest[rest.startIndex..<begin]))) }
            var end = rest[begin...].firstIndex(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) ?? rest.endIndex
            while end > begin, let last = rest[begin..<end].last, ".,;:!?)]".contains(last) { end = rest.index(before: end) }
            let url = String(rest[begin..<end])
            if url == "https://" || url == "http://" {
                result.append(.text(url))
            } else {
                result.append(.link(url))
            }
            rest = rest[end...]
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return result
    }
}

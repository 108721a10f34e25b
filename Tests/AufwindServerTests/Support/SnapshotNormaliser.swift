import Foundation

/// Makes a rendered page comparable across runs and databases. It replaces what changes with
/// every run, and only that:
/// - UUIDs (ids in links and forms) by `{uuid-1}`, `{uuid-2}`, … in order of first appearance,
///   so that the page's structure (which link points where) stays visible;
/// - the CSRF token (`name="_csrf" value="…"`) by `{csrf}`;
/// - timestamps (ISO 8601 date-times) by `{zeitpunkt}`;
/// - calendar dates within 60 days of `today` (German `29.11.2026` and ISO `2026-11-29`) by
///   `{heute}`, `{heute+14}`, `{heute-1}`, and a clock time right after such a date by
///   `{uhrzeit}`: these come from the clock (creation times, expiry dates), fixed data uses
///   dates further away;
/// - content hashes of static files (`/assets/aufwind.3f2a….css`, `?v=…`, `integrity`) by `{hash}`.
enum SnapshotNormaliser {
    static func normalise(_ html: String, today: Date = Date()) -> String {
        var text = html
        text = replace(#"(name="_csrf" value=")[^"]*""#, in: text) { match, _ in match[1] + "{csrf}\"" }
        text = replace(#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"#, in: text) { _, _ in "{zeitpunkt}" }
        text = normaliseDates(text, today: today)
        text = replace(#"(/(?:static|assets)/[A-Za-z0-9_-]+)\.[0-9a-f]{8,64}\.([a-z]+)"#, in: text) { match, _ in "\(match[1]).{hash}.\(match[2])" }
        text = replace(#"\?v=[0-9A-Za-z_-]+"#, in: text) { _, _ in "?v={hash}" }
        text = replace(#"integrity="[^"]*""#, in: text) { _, _ in #"integrity="{hash}""# }
        var numbers: [String: Int] = [:]
        text = replace(#"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"#, in: text) { match, _ in
            let key = match[0].lowercased()
            let number = numbers[key] ?? numbers.count + 1
            numbers[key] = number
            return "{uuid-\(number)}"
        }
        // One element per line: a changed page shows as a short diff.
        return text.replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }

    private static func normaliseDates(_ text: String, today: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let start = calendar.startOfDay(for: today)
        func offset(_ day: Int, _ month: Int, _ year: Int) -> Int? {
            guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
                let days = calendar.dateComponents([.day], from: start, to: date).day, abs(days) <= 60
            else { return nil }
            return days
        }
        func label(_ days: Int) -> String { days == 0 ? "{heute}" : days > 0 ? "{heute+\(days)}" : "{heute\(days)}" }
        let time = #"(,? (um )?\d{1,2}:\d{2}( Uhr)?)?"#
        var result = replace(#"\b(\d{2})\.(\d{2})\.(\d{4})"# + time, in: text) { match, whole in
            guard let days = offset(Int(match[1])!, Int(match[2])!, Int(match[3])!) else { return whole }
            return label(days) + (match[4].isEmpty ? "" : " {uhrzeit}")
        }
        result = replace(#"\b(\d{4})-(\d{2})-(\d{2})\b"#, in: result) { match, whole in
            guard let days = offset(Int(match[3])!, Int(match[2])!, Int(match[1])!) else { return whole }
            return label(days)
        }
        return result
    }

    /// Replaces every match of `pattern`; `transform` gets the groups (empty when a group did not take part) and the whole match.
    private static func replace(_ pattern: String, in text: String, _ transform: ([String], String) -> String) -> String {
        let expression = try! NSRegularExpression(pattern: pattern)
        let source = text as NSString
        var result = ""
        var last = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let groups = (0..<match.numberOfRanges).map { index -> String in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : source.substring(with: range)
            }
            result += transform(groups, groups[0])
            last = match.range.location + match.range.length
        }
        return result + source.substring(from: last)
    }
}

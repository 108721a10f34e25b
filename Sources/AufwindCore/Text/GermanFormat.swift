import Foundation

/// Numbers, dates and durations as German readers expect them: `12.300`, `1.234,5`,
/// `30.11.2025`, `14:30 Uhr`, `90 Minuten`, `12.300 Einwohner`. The one formatter of the
/// project: pages, mails, commands and error messages all use it (conventions:
/// `docs/sprache.md`).
public enum GermanFormat {
    /// `12300` → `12.300`.
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(".") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// `1234.56` with 1 digit → `1.234,6`.
    public static func decimal(_ value: Double, digits: Int) -> String {
        var factor = 1.0
        for _ in 0..<digits { factor *= 10 }
        let scaled = Int((value.magnitude * factor).rounded())
        let whole = scaled / Int(factor)
        let fraction = scaled % Int(factor)
        var text = integer(whole)
        if digits > 0 {
            let fractionText = String(fraction)
            text += "," + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return value < 0 && scaled != 0 ? "-" + text : text
    }

    /// `2025-11-30` → `30.11.2025`; other text unchanged.
    public static func date(iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// `26.11.2026` in German time (Europe/Berlin).
    public static func date(_ date: Date) -> String {
        let c = berlin(date)
        return "\(two(c.day)).\(two(c.month)).\(c.year ?? 0)"
    }

    /// `26.11.2026, 19:40 Uhr` in German time (Europe/Berlin).
    public static func dateTime(_ date: Date) -> String {
        "\(self.date(date)), \(time(date))"
    }

    /// `19:40 Uhr` in German time (Europe/Berlin).
    public static func time(_ date: Date) -> String {
        let c = berlin(date)
        return "\(two(c.hour)):\(two(c.minute)) Uhr"
    }

    private static func berlin(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

    private static func two(_ n: Int?) -> String {
        let n = n ?? 0
        return n < 10 ? "0\(n)" : "\(n)"
    }

    /// `1 Gemeinde`, `396 Gemeinden`.
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(n)) \(n == 1 ? singular : plural)"
    }

    /// `12.300 Einwohner`.
    public static func einwohner(_ n: Int) -> String { "\(integer(n)) Einwohner" }

    /// `1.234,56 km²`.
    public static func km2(_ value: Double) -> String { "\(decimal(value, digits: 2)) km²" }

    /// `12,5 km`.
    public static func km(_ value: Double) -> String { "\(decimal(value, digits: 1)) km" }

    /// `230 Einwohner je km²`, `–` when unknown.
    public static func density(_ value: Double?) -> String {
        value.map { "\(integer(Int($0.rounded()))) Einwohner je km²" } ?? "–"
    }

    /// A duration in words, for pages, mails and messages to people: `1 Sekunde`, `45 Sekunden`,
    /// `1 Minute`, `90 Minuten` (up to two hours, in minutes, rounded up), `3 Stunden`,
    /// `2 Stunden 30 Minuten`, `2 Tage`.
    public static func spokenDuration(seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0 Sekunden" }
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return count(whole, "Sekunde", "Sekunden") }
        let minutes = (whole + 59) / 60
        if minutes <= 120 { return count(minutes, "Minute", "Minuten") }
        if minutes % (24 * 60) == 0 { return count(minutes / (24 * 60), "Tag", "Tage") }
        let hours = count(minutes / 60, "Stunde", "Stunden")
        return minutes % 60 == 0 ? hours : "\(hours) \(count(minutes % 60, "Minute", "Minuten"))"
    }

    /// A duration for operators (logs, commands, mail-server errors): `120 ms`, `2,5 s`,
    /// `3 min 5 s`, `1 h 20 min` (rounded to what the largest unit makes worth saying; a
    /// trailing `,0` is left out). Pages use `spokenDuration(seconds:)`.
    public static func duration(_ duration: Duration) -> String {
        self.duration(seconds: duration / .seconds(1))
    }

    /// A `TimeInterval` as in `duration(_:)`.
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        if seconds < 0 { return "-" + duration(seconds: -seconds) }
        func tenths(_ value: Double) -> String {
            let text = decimal(value, digits: 1)
            return text.hasSuffix(",0") ? String(text.dropLast(2)) : text
        }
        let milliseconds = seconds * 1000
        if (milliseconds * 10).rounded() < 100 { return tenths(milliseconds) + " ms" }
        if milliseconds.rounded() < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        if (seconds * 10).rounded() < 600 { return tenths(seconds) + " s" }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s" }
        let minutes = Int((seconds / 60).rounded())
        return minutes % 60 == 0 ? "\(integer(minutes / 60)) h" : "\(integer(minutes / 60)) h \(minutes % 60) min"
    }
}

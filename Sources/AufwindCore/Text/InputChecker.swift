/// Collects German messages while reading form or API fields, so a form shows all problems at once.
public struct InputChecker: Sendable {
    public private(set) var errors: [ValidationMessage] = []

    public init() {}

    public mutating func fail(_ message: ValidationMessage) { errors.append(message) }

    /// Trimmed text within `length`; required text must not be empty; no control characters
    /// (line breaks only where `multiline`). Browsers send a textarea's line breaks as CRLF:
    /// they are stored and counted as one character, as the browser's own `maxlength` counts them.
    public mutating func text(_ value: String?, _ name: String, required: Bool = true, length: ClosedRange<Int>, multiline: Bool = false) -> String {
        var trimmed = (value ?? "").trimmingSpaces
        if multiline { trimmed = trimmed.normalizingLineBreaks }
        if trimmed.isEmpty {
            if required { errors.append("Bitte füllen Sie „\(name)“ aus.") }
            return ""
        }
        let count = trimmed.unicodeScalars.count
        if count > length.upperBound { errors.append("„\(name)“ darf höchstens \(GermanFormat.integer(length.upperBound)) Zeichen lang sein.") }
        if count < length.lowerBound { errors.append("„\(name)“ muss mindestens \(length.lowerBound) Zeichen lang sein.") }
        if trimmed.containsControlCharacters(allowingLineBreaks: multiline) { errors.append("„\(name)“ enthält unzulässige Steuerzeichen.") }
        return trimmed
    }

    /// A whole number within `range`.
    public mutating func number(_ value: String?, _ name: String, in range: ClosedRange<Int>) -> Int {
        guard let text = value?.trimmingSpaces, !text.isEmpty else {
            errors.append("Bitte füllen Sie „\(name)“ aus.")
            return range.lowerBound
        }
        guard let number = Int(text), range.contains(number) else {
            errors.append(
                "„\(name)“ muss eine ganze Zahl von \(GermanFormat.integer(range.lowerBound)) bis \(GermanFormat.integer(range.upperBound)) sein.")
            return range.lowerBound
        }
        return number
    }

    /// One of the values of `T`; an empty value is `fallback` when there is one, else a problem.
    public mutating func choice<T: RawRepresentable>(_ value: String?, _ type: T.Type, _ name: String, default fallback: T? = nil) -> T?
    where T.RawValue == String {
        guard let value, !value.isEmpty else {
            if fallback == nil { errors.append("Bitte wählen Sie „\(name)“.") }
            return fallback
        }
        guard let parsed = T(rawValue: value) else {
            errors.append("Unbekannter Wert „\(value)“ für „\(name)“.")
            return nil
        }
        return parsed
    }

    /// A real date (JJJJ-MM-TT).
    public mutating func day(_ value: String?, _ name: String) -> String {
        let text = (value ?? "").trimmingSpaces
        guard ISODay.isValid(text) else {
            errors.append(text.isEmpty ? "Bitte füllen Sie „\(name)“ aus." : "„\(name)“ ist kein gültiges Datum (JJJJ-MM-TT).")
            return ""
        }
        return text
    }

    public func result<T>(_ value: @autoclosure () -> T) -> Result<T, ValidationMessages> {
        errors.isEmpty ? .success(value()) : .failure(ValidationMessages(messages: errors))
    }
}

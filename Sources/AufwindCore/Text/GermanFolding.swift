import Foundation

/// Folds German names and queries so that the spellings people type compare equal:
/// case, umlauts (`ü`, `ue`, `u`), `ß`/`ss`, other diacritics, punctuation, hyphens.
public enum GermanFolding {
    /// How umlauts are written after folding.
    public enum UmlautStyle: Sendable {
        /// `ä` → `ae` (the German transliteration: "Muenster").
        case expanded
        /// `ä` → `a` (what people type on foreign keyboards: "Munster").
        case stripped
    }

    /// Lower-cased words of `text`, umlauts written in `style`, diacritics removed,
    /// every character that is not a letter or digit treated as a word break.
    public static func words(_ text: String, umlauts style: UmlautStyle) -> [String] {
        var words: [String] = []
        // The word so far as UTF-8: one string per word, made when it ends.
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        func umlaut(_ vowel: UInt8) {
            current.append(vowel)
            if style == .expanded { current.append(UInt8(ascii: "e")) }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 128 {
                switch value {
                case 65...90: current.append(UInt8(value + 32))
                case 97...122, 48...57: current.append(UInt8(value))
                default: flush()
                }
                continue
            }
            switch scalar {
            case "ä", "Ä": umlaut(UInt8(ascii: "a"))
            case "ö", "Ö": umlaut(UInt8(ascii: "o"))
            case "ü", "Ü": umlaut(UInt8(ascii: "u"))
            case "ß", "ẞ": current.append(contentsOf: [UInt8(ascii: "s"), UInt8(ascii: "s")])
            default:
                let folded = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                var produced = false
                for f in folded.unicodeScalars where f.properties.isAlphabetic || f.properties.numericType != nil {
                    if f.value < 128 || f.properties.isAlphabetic {
                        UTF8.encode(f) { current.append($0) }
                        produced = true
                    }
                }
                if !produced { flush() }
            }
        }
        flush()
        return words
    }
}

extension String {
    /// Whether the text holds characters no input may carry: control characters (C0, DEL, C1;
    /// tabs and line breaks only where `allowingLineBreaks`) and the bidirectional overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069) that make text display other than it reads.
    /// The one rule behind every text field, the form guard and the API.
    public func containsControlCharacters(allowingLineBreaks: Bool = false) -> Bool {
        unicodeScalars.contains { $0.isForbiddenInInput(allowingLineBreaks: allowingLineBreaks) }
    }
}

extension String {
    /// CRLF and lone CR as LF.
    public var normalizingLineBreaks: String {
        guard unicodeScalars.contains("\r") else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

extension Unicode.Scalar {
    /// See `String.containsControlCharacters(allowingLineBreaks:)`.
    public func isForbiddenInInput(allowingLineBreaks: Bool) -> Bool {
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return true }
        guard properties.generalCategory == .control else { return false }
        return !(allowingLineBreaks && (self == "\n" || self == "\r" || self == "\t"))
    }
}

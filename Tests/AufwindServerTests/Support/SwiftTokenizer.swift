/// A small Swift tokenizer for source checks: identifiers, numbers, string literals (with
/// interpolation, raw and multi-line forms) and punctuation; comments are dropped. Enough to
/// find calls and their arguments, not a parser.
struct SwiftToken: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case number
        /// A string literal; `interpolated` when it contains `\(…)`.
        case string(interpolated: Bool)
        case punctuation(Character)
    }

    var kind: Kind
    var line: Int
    /// Whether whitespace (or a comment) comes right before the token.
    var spaceBefore: Bool
    /// The token's text in the source.
    var text: String
}

struct SwiftTokenizer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(_ source: String) { bytes = Array(source.utf8) }

    static func tokens(_ source: String) -> [SwiftToken] {
        var tokenizer = SwiftTokenizer(source)
        return tokenizer.all()
    }

    private mutating func all() -> [SwiftToken] {
        var tokens: [SwiftToken] = []
        var spaceBefore = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                index += 1
                spaceBefore = true
                continue
            }
            if starts(with: "//") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                spaceBefore = true
                continue
            }
            if starts(with: "/*") {
                skipBlockComment()
                spaceBefore = true
                continue
            }
            let start = index
            let startLine = line
            let kind: SwiftToken.Kind
            if isStringStart() {
                kind = .string(interpolated: skipString())
            } else if byte == UInt8(ascii: "`") {
                // `class` in backticks is the identifier class.
                index += 1
                let nameStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "`") { index += 1 }
                kind = .identifier(String(decoding: bytes[nameStart..<index], as: UTF8.self))
                index += 1
            } else if isIdentifierByte(byte) && !isDigit(byte) {
                while index < bytes.count, isIdentifierByte(bytes[index]) { index += 1 }
                kind = .identifier(String(decoding: bytes[start..<index], as: UTF8.self))
            } else if isDigit(byte) {
                while index < bytes.count, isIdentifierByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") && nextIsDigit() { index += 1 }
                kind = .number
            } else {
                index += 1
                kind = .punctuation(Character(Unicode.Scalar(byte)))
            }
            tokens.append(
                SwiftToken(kind: kind, line: startLine, spaceBefore: spaceBefore, text: String(decoding: bytes[start..<index], as: UTF8.self)))
            spaceBefore = false
        }
        return tokens
    }

    private func starts(with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return index + prefix.count <= bytes.count && Array(bytes[index..<index + prefix.count]) == prefix
    }

    private func nextIsDigit() -> Bool { index + 1 < bytes.count && isDigit(bytes[index + 1]) }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte >= 0x80 || isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// `"`, `"""` or `#…#"` (a raw string; `#if` and `#selector` are punctuation).
    private func isStringStart() -> Bool {
        var probe = index
        while probe < bytes.count, bytes[probe] == UInt8(ascii: "#") { probe += 1 }
        return probe < bytes.count && bytes[probe] == UInt8(ascii: "\"")
    }

    private mutating func skipBlockComment() {
        var depth = 0
        repeat {
            if starts(with: "/*") {
                depth += 1
                index += 2
            } else if starts(with: "*/") {
                depth -= 1
                index += 2
            } else {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                index += 1
            }
        } while depth > 0 && index < bytes.count
    }

    /// Skips a string literal; returns whether it interpolates.
    private mutating func skipString() -> Bool {
        var hashes = 0
        while bytes[index] == UInt8(ascii: "#") {
            hashes += 1
            index += 1
        }
        let quote = starts(with: "\"\"\"") ? "\"\"\"" : "\""
        index += quote.count
        let close = quote + String(repeating: "#", count: hashes)
        let escape = "\\" + String(repeating: "#", count: hashes)
        var interpolated = false
        while index < bytes.count {
            if starts(with: close) {
                index += close.count
                return interpolated
            }
            if starts(with: escape) {
                index += escape.count
                if index < bytes.count, bytes[index] == UInt8(ascii: "(") {
                    interpolated = true
                    skipInterpolation()
                } else {
                    index += 1
                }
                continue
            }
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        return interpolated
    }

    /// Skips `(…)` of an interpolation, with nested parentheses and strings.
    private mutating func skipInterpolation() {
        var depth = 0
        while index < bytes.count {
            if isStringStart() {
                _ = skipString()
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: "\n"): line += 1
            default: break
            }
            index += 1
            if depth == 0 { return }
        }
    }
}

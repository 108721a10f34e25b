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

    /// Byte by byte over the UTF-8: the five characters are ASCII, and no byte of a longer UTF-8
    /// sequence is ASCII. (Going by `Character` was slow — grapheme breaking on every page — and let a
    /// quote through when a combining mark followed it: `"\u{301}` is one `Character`, not `"`.)
    /// A value without any of them is returned as it is, without a copy.
    private static func escape(_ value: String, quotes: Bool) -> String {
        let utf8 = value.utf8
        guard utf8.contains(where: { reference(for: $0, quotes: quotes) != nil }) else { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            if let reference = reference(for: byte, quotes: quotes) { bytes += reference } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let ampersand = Array("&amp;".utf8), lessThan = Array("&lt;".utf8), greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8), apostrophe = Array("&#39;".utf8)

    @inline(__always)
    private static func reference(for byte: UInt8, quotes: Bool) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): ampersand
        case UInt8(ascii: "<"): lessThan
        case UInt8(ascii: ">"): greaterThan
        case UInt8(ascii: "\""): quotes ? quote : nil
        case UInt8(ascii: "'"): quotes ? apostrophe : nil
        default: nil
        }
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

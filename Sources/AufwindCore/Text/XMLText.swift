/// Text for XML 1.0 content and attribute values (Atom feeds, Frab schedules): `&`, `<`, `>`,
/// `"` and `'` escaped; characters XML 1.0 forbids (controls other than tab, newline and
/// carriage return; U+FFFE, U+FFFF) dropped, since no escape makes them valid.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

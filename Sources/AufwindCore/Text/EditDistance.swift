/// Optimal-string-alignment distance, bounded: answers whether two strings differ by at most
/// one edit (one letter wrong, missing, extra, or two neighbours swapped).
public enum EditDistance {
    public static func isWithinOne(_ a: String, _ b: String) -> Bool {
        isWithinOne(Array(a.utf8), Array(b.utf8))
    }

    public static func isWithinOne(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        switch long.count - short.count {
        case 0:
            var i = 0
            while i < short.count, short[i] == long[i] { i += 1 }
            // one substitution
            if short[(i + 1)...] == long[(i + 1)...] { return true }
            // one transposition of neighbours
            return i + 1 < short.count
                && short[i] == long[i + 1] && short[i + 1] == long[i]
                && short[(i + 2)...] == long[(i + 2)...]
        case 1:
            var i = 0
            while i < short.count, short[i] == long[i] { i += 1 }
            return short[i...] == long[(i + 1)...]
        default:
            return false
        }
    }
}

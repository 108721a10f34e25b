/// Where a person goes back to after signing in: a path on this site, never another site.
///
/// Only an absolute path of this site is accepted (`/eintraege/…?q=…`). Refused are URLs with a scheme
/// or host (`https://…`, `//evil.example`, `/\evil.example`, which browsers read as another host),
/// control characters, overlong values, and the pages of signing in and out themselves.
public enum ReturnPath {
    public static let maximumLength = 512
    /// Where signing in leads when no page asked for it.
    public static let home = "/mein-aufwind"

    /// The path if it is safe to redirect to, else nil.
    public static func sanitized(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= maximumLength else { return nil }
        let scalars = raw.unicodeScalars
        guard scalars.first == "/" else { return nil }
        let second = scalars.dropFirst().first
        guard second != "/", second != "\\" else { return nil }
        guard !scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) else { return nil }
        let path = raw.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? raw
        guard !excluded.contains(path) else { return nil }
        return raw
    }

    /// The target after a successful sign-in, fit for a `Location` header: characters outside ASCII
    /// (and spaces) percent-encoded as UTF-8, everything else as it came.
    public static func target(_ raw: String?) -> String {
        guard let path = sanitized(raw) else { return home }
        var encoded = ""
        for scalar in path.unicodeScalars {
            if scalar.isASCII && scalar != " " {
                encoded.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
            }
        }
        return encoded
    }

    /// `page` with `?zurueck=` and the way back, when `raw` is a safe one (else `page` alone):
    /// for the links "Anmelden" and "Registrieren" and the consent page.
    public static func link(_ page: String, returningTo raw: String?) -> String {
        queryValue(raw).map { page + "?zurueck=" + $0 } ?? page
    }

    /// The way back as one query value, if it is safe: everything but letters, digits and
    /// `-._~/` percent-encoded (so `?`, `&` and `=` of the path stay inside the value).
    public static func queryValue(_ raw: String?) -> String? {
        guard let path = sanitized(raw) else { return nil }
        var encoded = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            let plain =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._~/".unicodeScalars.contains(scalar)
            if plain {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    static let excluded: Set<String> = ["/anmelden", "/abmelden", "/registrieren"]
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: Swift.max(0, length - count)) + self }
}

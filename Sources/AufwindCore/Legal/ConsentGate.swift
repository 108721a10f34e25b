/// Which pages a signed-in person may open before agreeing to the current Nutzungsbedingungen:
/// signing out, the legal pages, the terms and the consent page themselves, the data export and
/// the deletion of the account. Every other page of the site leads to the consent page, with
/// the way back to the page that was asked for.
public enum ConsentGate {
    /// The consent page.
    public static let consentPath = "/nutzungsbedingungen/zustimmen"

    /// Paths (without query) open without the current consent.
    public static let openPaths: Set<String> = [
        "/abmelden", "/impressum", "/datenschutz", "/barrierefreiheit", "/hilfe", "/kontakt", "/nutzungsbedingungen", consentPath,
        "/konto/daten.json", "/konto/loeschen",
    ]

    /// Whether a request for `path` (without query) is let through before the person agreed.
    public static func isOpen(_ path: String) -> Bool {
        openPaths.contains(path)
    }
}

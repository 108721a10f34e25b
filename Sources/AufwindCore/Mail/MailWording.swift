/// The one greeting and the one sign-off of every mail Aufwind sends (`docs/sprache.md`):
/// "Guten Tag Anna Schulte," (or "Guten Tag," when no name is known), the text, then
/// "Freundliche Grüße" and "Ihr Aufwind-Team".
public enum MailWording {
    /// "Guten Tag Anna Schulte,"; "Guten Tag," without a name.
    public static func greeting(_ name: String?) -> String {
        let name = name?.trimmingSpaces ?? ""
        return name.isEmpty ? "Guten Tag," : "Guten Tag \(name),"
    }

    /// The closing lines, before any footer.
    public static let signOff = ["Freundliche Grüße", "Ihr Aufwind-Team"]

    /// A whole plain-text mail: greeting, `text`, sign-off, each separated by a blank line.
    public static func letter(to name: String?, _ text: String) -> String {
        "\(greeting(name))\n\n\(text)\n\n\(signOff.joined(separator: "\n"))"
    }
}

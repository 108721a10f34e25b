/// The name a Verbund is founded with.
public enum VerbundName {
    /// The typed name, or `fallback` (the Vorhaben's title) when none is typed.
    public static func parse(_ typed: String?, fallback: String) -> Result<String, ValidationMessage> {
        let typed = (typed ?? "").trimmingSpaces
        let name = typed.isEmpty ? fallback : typed
        guard name.unicodeScalars.count <= 120, !name.containsControlCharacters() else {
            return .failure("Der Name des Verbunds darf höchstens 120 Zeichen lang sein und keine Steuerzeichen enthalten.")
        }
        return .success(name)
    }
}

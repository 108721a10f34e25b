/// Whom the lead of a Verbund invites, as the form gives it, checked.
public enum VerbundInvitationInput: Sendable, Equatable {
    /// A town or provider as typed (a town's name, AGS or Kreis key; a provider's name), to be
    /// looked up.
    case member(typed: String, role: VerbundRole)
    /// A Zweckverband (a public body without accounts here), entered by name; it is in at once.
    case zweckverband(name: String, landCode: String, role: VerbundRole)

    /// `kind` is `zweckverband` for a Zweckverband, anything else for a town or provider.
    public static func parse(member: String?, role: String?, kind: String?, land: String?, register: RegisterCatalog) -> Result<
        VerbundInvitationInput, ValidationMessage
    > {
        let typed = (member ?? "").trimmingSpaces
        guard let role = VerbundRole(rawValue: role ?? "partner"), role != .konsortialfuehrung else {
            return .failure("Eingeladen wird als Partner oder assoziiert.")
        }
        guard kind == "zweckverband" else { return .success(.member(typed: typed, role: role)) }
        guard !typed.isEmpty, typed.unicodeScalars.count <= 150, !typed.containsControlCharacters() else {
            return .failure("Bitte den Namen des Zweckverbands angeben (höchstens 150 Zeichen).")
        }
        let land = land ?? ""
        guard register.unit(key: land)?.kind == .land else { return .failure("Bitte das Land des Zweckverbands wählen.") }
        return .success(.zweckverband(name: typed, landCode: land, role: role))
    }
}

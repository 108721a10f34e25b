/// A Verbund founded from a programme's eligibility check ("Verbund mit diesen Kommunen
/// gründen"): the checked towns by key, the one that leads it and its name, checked.
public struct VerbundFoundingInput: Sendable, Equatable {
    public var name: String
    public var leadKey: String
    /// The other towns, to be invited, in the order given.
    public var invitedKeys: [String]

    public static let maximumMembers = 100

    public init(name: String, leadKey: String, invitedKeys: [String]) {
        self.name = name
        self.leadKey = leadKey
        self.invitedKeys = invitedKeys
    }

    /// `members`: AGS or Kreis keys separated by commas; `lead` one of them; an empty `name` is
    /// `fallbackName`.
    public static func parse(members: String?, lead: String?, name: String?, fallbackName: String, resolver: VerbundResolver) -> Result<
        VerbundFoundingInput, ValidationMessages
    > {
        var errors: [ValidationMessage] = []
        let keys = (members ?? "").split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        if keys.isEmpty { errors.append("Es fehlen die Kommunen des Verbunds; bitte prüfen Sie die Förderfähigkeit erneut.") }
        if keys.count > maximumMembers { errors.append("Ein Verbund wird mit höchstens \(maximumMembers) Kommunen gegründet.") }
        for key in keys where resolver.member(key: key) == nil {
            errors.append("„\(key)“ ist keine Gemeinde und kein Kreis des Verzeichnisses.")
        }
        if Set(keys).count != keys.count { errors.append("Eine Kommune steht doppelt in der Liste.") }
        let leadKey = (lead ?? "").trimmingSpaces
        if !keys.isEmpty && !keys.contains(leadKey) { errors.append("Die federführende Kommune muss eine der Kommunen des Verbunds sein.") }
        var verbundName = ""
        switch VerbundName.parse(name, fallback: fallbackName) {
        case .failure(let message): errors.append(message)
        case .success(let parsed): verbundName = parsed
        }
        guard errors.isEmpty else { return .failure(ValidationMessages(messages: errors)) }
        return .success(VerbundFoundingInput(name: verbundName, leadKey: leadKey, invitedKeys: keys.filter { $0 != leadKey }))
    }
}

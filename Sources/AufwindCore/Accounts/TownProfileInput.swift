/// What a Verwalter can say about their town, validated.
public struct TownProfileInput: Sendable, Equatable, Codable {
    public var contactPerson: String
    public var contactEmail: String
    public var website: String
    public var description: String
    public var handlungsfelder: [Handlungsfeld]

    public static let maximumDescriptionLength = 2_000

    public init(contactPerson: String, contactEmail: String, website: String, description: String, handlungsfelder: [Handlungsfeld]) {
        self.contactPerson = contactPerson
        self.contactEmail = contactEmail
        self.website = website
        self.description = description
        self.handlungsfelder = handlungsfelder
    }

    /// Checks and normalises raw form values; every problem gets a German message.
    public static func validate(
        contactPerson: String, contactEmail: String, website: String, description: String, handlungsfelder: [String]
    ) -> Result<TownProfileInput, ValidationMessages> {
        var errors: [ValidationMessage] = []
        let person = contactPerson.trimmingSpaces
        if person.unicodeScalars.count > 100 { errors.append("Die Ansprechperson darf höchstens 100 Zeichen lang sein.") }
        if person.containsControlCharacters() { errors.append("Die Ansprechperson darf keine Zeilenumbrüche oder Steuerzeichen enthalten.") }
        var email = contactEmail.trimmingSpaces
        if !email.isEmpty {
            switch AccountValidation.email(email) {
            case .success(let valid): email = valid
            case .failure(let message): errors.append(message)
            }
        }
        let site = website.trimmingSpaces
        if !site.isEmpty,
            !(site.hasPrefix("https://") || site.hasPrefix("http://")) || site.unicodeScalars.count > 200 || site.contains(where: \.isWhitespace)
        {
            errors.append("Die Website muss mit https:// oder http:// beginnen und darf höchstens 200 Zeichen lang sein.")
        }
        let text = description.trimmingSpaces
        if text.containsControlCharacters(allowingLineBreaks: true) { errors.append("Die Selbstbeschreibung enthält unzulässige Steuerzeichen.") }
        if text.unicodeScalars.count > maximumDescriptionLength {
            errors.append("Die Selbstbeschreibung darf höchstens \(maximumDescriptionLength) Zeichen lang sein.")
        }
        var fields: [Handlungsfeld] = []
        switch Handlungsfeld.parseList(handlungsfelder) {
        case .success(let parsed): fields = parsed
        case .failure(let message): errors.append(message)
        }
        guard errors.isEmpty else { return .failure(ValidationMessages(messages: errors)) }
        return .success(TownProfileInput(contactPerson: person, contactEmail: email, website: site, description: text, handlungsfelder: fields))
    }
}

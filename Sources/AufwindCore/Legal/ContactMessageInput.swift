/// A message sent with the contact form (`/kontakt`), validated: every problem gets a German
/// message at its field, all at once.
public struct ContactMessageInput: Sendable, Equatable {
    /// The fields of the form, by their names in it.
    public enum Field: String, CaseIterable, Sendable {
        case name, email
        case subject = "betreff"
        case message = "nachricht"
    }

    public static let maximumNameLength = 100
    public static let maximumSubjectLength = 150
    public static let maximumMessageLength = 5_000

    public var name: String
    public var email: String
    /// "Ohne Betreff" when left empty.
    public var subject: String
    public var message: String

    public init(name: String, email: String, subject: String, message: String) {
        self.name = name
        self.email = email
        self.subject = subject
        self.message = message
    }

    /// Checks and trims what was typed.
    public static func validate(name: String, email: String, subject: String, message: String) -> Result<
        ContactMessageInput, ContactMessageErrors
    > {
        var errors: [Field: ValidationMessage] = [:]
        let name = name.trimmingSpaces
        if name.isEmpty {
            errors[.name] = "Bitte geben Sie Ihren Namen an."
        } else if name.count > maximumNameLength {
            errors[.name] = "Der Name darf höchstens \(maximumNameLength) Zeichen lang sein."
        } else if name.containsControlCharacters() {
            errors[.name] = "Der Name darf keine Zeilenumbrüche oder Steuerzeichen enthalten."
        }
        var address = email.trimmingSpaces
        switch AccountValidation.email(address) {
        case .success(let valid): address = valid
        case .failure(let problem): errors[.email] = problem
        }
        let subject = subject.trimmingSpaces
        if subject.count > maximumSubjectLength {
            errors[.subject] = "Der Betreff darf höchstens \(maximumSubjectLength) Zeichen lang sein."
        } else if subject.containsControlCharacters() {
            errors[.subject] = "Der Betreff darf keine Zeilenumbrüche oder Steuerzeichen enthalten."
        }
        let text = message.trimmingSpaces
        if text.isEmpty {
            errors[.message] = "Bitte schreiben Sie Ihre Nachricht."
        } else if text.count > maximumMessageLength {
            errors[.message] = "Die Nachricht darf höchstens \(maximumMessageLength) Zeichen lang sein (jetzt: \(text.count))."
        } else if text.containsControlCharacters(allowingLineBreaks: true) {
            errors[.message] = "Die Nachricht enthält unzulässige Steuerzeichen."
        }
        guard errors.isEmpty else { return .failure(ContactMessageErrors(errors)) }
        return .success(
            ContactMessageInput(name: name, email: address, subject: subject.isEmpty ? "Ohne Betreff" : subject, message: text))
    }
}

/// The German messages of a refused contact form, by field, in the order of the form.
public struct ContactMessageErrors: Error, Sendable, Equatable {
    public let byField: [ContactMessageInput.Field: ValidationMessage]

    public init(_ byField: [ContactMessageInput.Field: ValidationMessage]) { self.byField = byField }

    public subscript(field: ContactMessageInput.Field) -> String? { byField[field]?.text }

    /// All messages, in the order of the form's fields.
    public var all: [String] { ContactMessageInput.Field.allCases.compactMap { byField[$0]?.text } }
}

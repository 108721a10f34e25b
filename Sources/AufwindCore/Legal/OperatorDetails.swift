/// Who runs this Aufwind installation: what the Impressum (§ 5 DDG) and the
/// Datenschutzerklärung (Art. 13 DSGVO) must name. Read once at start from the environment
/// (`AUFWIND_OPERATOR_…`); a value that cannot be right (a malformed e-mail address) is a
/// start-up problem, a missing one makes the installation a "Testbetrieb".
public struct OperatorDetails: Sendable, Equatable {
    public enum Field: String, CaseIterable, Sendable {
        case name, address, representative, email, phone, dataProtectionOfficer, supervisoryAuthority, register, vatID, arbitrationBody

        /// The environment variable that sets it.
        public var variable: String {
            switch self {
            case .name: "AUFWIND_OPERATOR_NAME"
            case .address: "AUFWIND_OPERATOR_ADDRESS"
            case .representative: "AUFWIND_OPERATOR_REPRESENTATIVE"
            case .email: "AUFWIND_OPERATOR_EMAIL"
            case .phone: "AUFWIND_OPERATOR_PHONE"
            case .dataProtectionOfficer: "AUFWIND_OPERATOR_DPO"
            case .supervisoryAuthority: "AUFWIND_OPERATOR_SUPERVISORY_AUTHORITY"
            case .register: "AUFWIND_OPERATOR_REGISTER"
            case .vatID: "AUFWIND_OPERATOR_VAT_ID"
            case .arbitrationBody: "AUFWIND_OPERATOR_ARBITRATION"
            }
        }

        /// How the pages name it.
        public var label: String {
            switch self {
            case .name: "Name des Betreibers"
            case .address: "Anschrift"
            case .representative: "Vertretungsberechtigte Person"
            case .email: "E-Mail-Adresse"
            case .phone: "Telefonnummer"
            case .dataProtectionOfficer: "Kontakt der oder des Datenschutzbeauftragten"
            case .supervisoryAuthority: "Zuständige Aufsichtsbehörde"
            case .register: "Registereintrag"
            case .vatID: "Umsatzsteuer-Identifikationsnummer"
            case .arbitrationBody: "Schlichtungsstelle für Barrierefreiheit"
            }
        }

        /// Register entry and VAT id exist only for some operators (a public body has neither);
        /// without an own arbitration body the Schlichtungsstelle nach § 16 BGG is named.
        public var isRequired: Bool { ![.register, .vatID, .arbitrationBody].contains(self) }
    }

    public static let maximumLength = 300

    private var values: [Field: String]

    /// Values already checked (`read` checks what comes from the environment).
    public init(_ values: [Field: String] = [:]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    public subscript(field: Field) -> String? { values[field] }

    /// The required details that are not configured, in the order the Impressum names them.
    public var missing: [Field] { Field.allCases.filter { $0.isRequired && values[$0] == nil } }

    public var isComplete: Bool { missing.isEmpty }

    /// "Testbetrieb – Betreiberangaben fehlen: …" while something required is missing.
    public var testOperationNotice: String? {
        guard !isComplete else { return nil }
        return "Testbetrieb – Betreiberangaben fehlen: " + missing.map(\.label).joined(separator: ", ") + "."
    }

    /// The details from the environment, and a German message for every value that cannot be used.
    public static func read(_ value: (String) -> String?) -> (details: OperatorDetails, problems: [String]) {
        var values: [Field: String] = [:]
        var problems: [String] = []
        for field in Field.allCases {
            guard let raw = value(field.variable)?.trimmingSpaces, !raw.isEmpty else { continue }
            switch check(raw, as: field) {
            case .success(let checked): values[field] = checked
            case .failure(let message): problems.append(message.text)
            }
        }
        return (OperatorDetails(values), problems)
    }

    static func check(_ raw: String, as field: Field) -> Result<String, ValidationMessage> {
        if raw.containsControlCharacters() {
            return .failure("\(field.variable) darf keine Zeilenumbrüche oder Steuerzeichen enthalten.")
        }
        if raw.count > maximumLength { return .failure("\(field.variable) darf höchstens \(maximumLength) Zeichen lang sein.") }
        switch field {
        case .email:
            guard case .success(let email) = AccountValidation.email(raw) else {
                return .failure("\(field.variable) ist keine gültige E-Mail-Adresse: „\(raw)“.")
            }
            return .success(email)
        case .phone:
            let allowed = Set("0123456789+ /-()")
            guard raw.allSatisfy(allowed.contains), raw.filter(\.isNumber).count >= 6 else {
                return .failure("\(field.variable) ist keine Telefonnummer (Ziffern, Leerzeichen, + / - und Klammern): „\(raw)“.")
            }
            return .success(raw)
        case .vatID:
            let compact = raw.replacingOccurrences(of: " ", with: "").uppercased()
            let isValid =
                compact.count >= 4 && compact.count <= 14 && compact.prefix(2).allSatisfy { $0.isASCII && $0.isLetter }
                && compact.dropFirst(2).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            guard isValid else {
                return .failure("\(field.variable) ist keine Umsatzsteuer-Identifikationsnummer (z. B. DE123456789): „\(raw)“.")
            }
            return .success(compact)
        default:
            return .success(raw)
        }
    }
}

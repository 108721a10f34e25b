import AufwindCore
import Testing

@Suite("Operator details and the contact form's input")
struct OperatorDetailsTests {
    @Test("nothing configured: a Testbetrieb that names every required detail, not the optional ones")
    func nothingConfigured() {
        let (details, problems) = OperatorDetails.read { _ in nil }
        #expect(problems == [])
        #expect(!details.isComplete)
        #expect(
            details.testOperationNotice
                == "Testbetrieb – Betreiberangaben fehlen: Name des Betreibers, Anschrift, Vertretungsberechtigte Person, E-Mail-Adresse, "
                + "Telefonnummer, Kontakt der oder des Datenschutzbeauftragten, Zuständige Aufsichtsbehörde.")
    }

    @Test("values are trimmed and normalised; only what is missing is named")
    func partlyConfigured() {
        let environment = [
            "AUFWIND_OPERATOR_NAME": "  Stadt Telgte ", "AUFWIND_OPERATOR_EMAIL": "Info@Telgte.example", "AUFWIND_OPERATOR_VAT_ID": "de 123 456 789",
        ]
        let (details, problems) = OperatorDetails.read { environment[$0] }
        #expect(problems == [])
        #expect(details[.name] == "Stadt Telgte" && details[.email] == "info@telgte.example" && details[.vatID] == "DE123456789")
        #expect(details.missing == [.address, .representative, .phone, .dataProtectionOfficer, .supervisoryAuthority])
    }

    @Test("values that cannot be right are problems with the variable's name")
    func invalidValues() {
        let environment = [
            "AUFWIND_OPERATOR_EMAIL": "info@", "AUFWIND_OPERATOR_PHONE": "0800", "AUFWIND_OPERATOR_VAT_ID": "123",
            "AUFWIND_OPERATOR_NAME": "Stadt\nTelgte",
        ]
        let (details, problems) = OperatorDetails.read { environment[$0] }
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.hasPrefix("AUFWIND_OPERATOR_") })
        #expect(details[.email] == nil && details[.name] == nil)
    }

    @Test("the contact form: every problem at its field at once; a valid message is trimmed, the address lower-cased")
    func contactInput() {
        guard
            case .failure(let errors) = ContactMessageInput.validate(name: " ", email: "x", subject: String(repeating: "a", count: 151), message: "")
        else {
            Issue.record("accepted")
            return
        }
        #expect(Set(errors.byField.keys) == [.name, .email, .subject, .message])
        #expect(errors.all.first == "Bitte geben Sie Ihren Namen an.")
        let valid = ContactMessageInput.validate(name: " Erika ", email: "Erika@Telgte.example", subject: "", message: " Hallo\nWelt ")
        #expect(valid == .success(ContactMessageInput(name: "Erika", email: "erika@telgte.example", subject: "Ohne Betreff", message: "Hallo\nWelt")))
    }
}

import AufwindCore
import Testing

@Suite("Account input validation")
struct AccountValidationTests {
    @Test("e-mail addresses are trimmed and lower-cased; broken ones get a German message")
    func emails() throws {
        #expect(try AccountValidation.email("  Buergermeister@Ahlen.DE ").get() == "buergermeister@ahlen.de")
        for bad in ["", "ahlen.de", "a@b", "a@.de", "a b@c.de", "<script>@x.de", "@ahlen.de", String(repeating: "a", count: 250) + "@x.de"] {
            #expect(throws: ValidationMessage.self, "\(bad)") { try AccountValidation.email(bad).get() }
        }
    }

    @Test("passwords need 10 to 128 characters")
    func passwords() {
        #expect(AccountValidation.password("kurz") != nil)
        #expect(AccountValidation.password("lang genug!") == nil)
        #expect(AccountValidation.password(String(repeating: "x", count: 129)) != nil)
    }

    @Test("names are required and limited")
    func names() throws {
        #expect(try AccountValidation.displayName(" Anna Beispiel ").get() == "Anna Beispiel")
        #expect(throws: ValidationMessage.self) { try AccountValidation.displayName("   ").get() }
        #expect(throws: ValidationMessage.self) { try AccountValidation.displayName(String(repeating: "x", count: 101)).get() }
    }
}

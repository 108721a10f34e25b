import AufwindCore
import Testing

@Suite("Verbund forms: name and description, founding from an eligibility check")
struct VerbundProfileInputTests {
    typealias F = VerbundFixture

    @Test("name and description are trimmed; every problem is named at once, in German")
    func profile() throws {
        let input = try VerbundProfileInput.parse(name: "  Bauhof Münsterland ", description: "Fahrzeuge teilen.\r\nPersonal teilen.").get()
        #expect(input == VerbundProfileInput(name: "Bauhof Münsterland", description: "Fahrzeuge teilen.\nPersonal teilen."))
        #expect(try VerbundProfileInput.parse(name: "Bauhof", description: nil).get().description == "")
        let problems = VerbundProfileInput.parse(name: " ", description: String(repeating: "x", count: 2_001) + "\u{7}")
        #expect(
            problems
                == .failure(
                    ValidationMessages(messages: [
                        "Bitte füllen Sie „Name des Verbunds“ aus.", "„Beschreibung“ darf höchstens 2.000 Zeichen lang sein.",
                        "„Beschreibung“ enthält unzulässige Steuerzeichen.",
                    ])))
        #expect(
            VerbundProfileInput.parse(name: String(repeating: "a", count: 121), description: "")
                == .failure(ValidationMessages(messages: ["„Name des Verbunds“ darf höchstens 120 Zeichen lang sein."])))
    }

    @Test("founding from a check: the lead is one of the checked towns, the others are invited; unknown and doubled keys refused")
    func founding() throws {
        let resolver = VerbundResolver(catalog: F.register)
        func parse(_ members: String?, lead: String?, name: String? = nil) -> Result<VerbundFoundingInput, ValidationMessages> {
            VerbundFoundingInput.parse(members: members, lead: lead, name: name, fallbackName: "Verbund IKZ NRW", resolver: resolver)
        }
        let input = try parse("\(F.ahlen),\(F.oelde),05570", lead: F.oelde).get()
        #expect(input == VerbundFoundingInput(name: "Verbund IKZ NRW", leadKey: F.oelde, invitedKeys: [F.ahlen, "05570"]))
        #expect(try parse(F.ahlen, lead: F.ahlen, name: " Bauhof ").get().name == "Bauhof")
        #expect(
            parse("\(F.ahlen),\(F.ahlen),99999999", lead: F.munster)
                == .failure(
                    ValidationMessages(messages: [
                        "„99999999“ ist keine Gemeinde und kein Kreis des Verzeichnisses.", "Eine Kommune steht doppelt in der Liste.",
                        "Die federführende Kommune muss eine der Kommunen des Verbunds sein.",
                    ])))
        #expect(
            parse("", lead: F.ahlen)
                == .failure(ValidationMessages(messages: ["Es fehlen die Kommunen des Verbunds; bitte prüfen Sie die Förderfähigkeit erneut."])))
    }
}

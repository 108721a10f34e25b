import Testing

@testable import AufwindCore

@Suite("Return path after signing in: a page of this site, never another site")
struct ReturnPathTests {
    @Test("paths of this site are followed, with their query", arguments: ["/eintraege", "/eintraege?q=W%C3%A4rme&seite=2", "/verbuende/abc", "/"])
    func sameSite(path: String) {
        #expect(ReturnPath.sanitized(path) == path)
        #expect(ReturnPath.target(path) == path)
    }

    @Test(
        "other sites, schemes, control characters and the sign-in pages lead home instead",
        arguments: [
            "https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "eintraege",
            "/eintraege\r\nSet-Cookie: x=1", "/a\u{0}b", "/anmelden", "/anmelden?zurueck=/x", "/abmelden", "",
            "/" + String(repeating: "a", count: 600),
        ])
    func refused(raw: String) {
        #expect(ReturnPath.sanitized(raw) == nil)
        #expect(ReturnPath.target(raw) == "/mein-aufwind")
    }

    @Test("umlauts and spaces are percent-encoded for the Location header; encoded paths stay as they are")
    func encoding() {
        #expect(ReturnPath.target("/eintraege?q=Wärme planung") == "/eintraege?q=W%C3%A4rme%20planung")
        #expect(ReturnPath.target("/eintraege?q=W%C3%A4rme") == "/eintraege?q=W%C3%A4rme")
    }

    @Test("the links to signing in and registering carry the way back as one query value; an unsafe one is left off")
    func links() {
        #expect(ReturnPath.link("/anmelden", returningTo: "/mein-aufwind") == "/anmelden?zurueck=/mein-aufwind")
        #expect(
            ReturnPath.link("/registrieren", returningTo: "/konto/organisationen?kommune=05570004&x=ä")
                == "/registrieren?zurueck=/konto/organisationen%3Fkommune%3D05570004%26x%3D%C3%A4")
        #expect(ReturnPath.link("/anmelden", returningTo: "//evil.example") == "/anmelden")
        #expect(ReturnPath.link("/anmelden", returningTo: nil) == "/anmelden")
    }

    @Test("without a return path, signing in leads to the home base")
    func home() {
        #expect(ReturnPath.target(nil) == "/mein-aufwind")
    }
}

@Suite("Next steps of a new account")
struct NextStepsTests {
    @Test("join, publish, look at partners: the first open step is the current one")
    func order() {
        let fresh = NextSteps(isMember: false, hasRequestedMembership: false, hasPublishedItem: false, hasCooperation: false)
        #expect(fresh.current == .joinTown && !fresh.isComplete)
        let member = NextSteps(isMember: true, hasRequestedMembership: false, hasPublishedItem: false, hasCooperation: false)
        #expect(member.current == .publishItem)
        let published = NextSteps(isMember: true, hasRequestedMembership: false, hasPublishedItem: true, hasCooperation: false)
        #expect(published.current == .lookAtPartners)
        let underWay = NextSteps(isMember: true, hasRequestedMembership: false, hasPublishedItem: true, hasCooperation: true)
        #expect(underWay.current == nil && underWay.isComplete)
    }
}

import AufwindCore
import Foundation
import Testing

@Suite("Verbund memberships: standing, the policy's resource, names")
struct VerbundMembershipTests {
    typealias F = VerbundFixture
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("an open invitation stands as invited until it expires")
    func standing() {
        #expect(F.member(F.oelde, .invited, expires: Self.now.addingTimeInterval(60)).standing(at: Self.now) == .eingeladen)
        #expect(F.member(F.oelde, .invited, expires: Self.now).standing(at: Self.now) == .abgelaufen)
        #expect(F.member(F.oelde, .invited).standing(at: Self.now) == .eingeladen)
        #expect(F.member(F.oelde, .accepted).standing(at: Self.now) == .dabei)
        #expect(F.member(F.oelde, .declined).standing(at: Self.now) == .abgelehnt)
    }

    @Test("towns and providers stand in the resource with the lead; a Zweckverband has no accounts and stands nowhere")
    func participants() {
        let participants = VerbundParticipants(
            memberships: [
                F.member(F.ahlen), F.member(F.oelde, .invited, expires: Self.now.addingTimeInterval(-1)), F.member("05570", .declined, type: .kreis),
                F.member("org-1", .invited, type: .anbieter, name: "SchulSoft GmbH"), F.member("zv-1", type: .zweckverband, name: "ZV", land: "05"),
            ], leadKey: F.ahlen, now: Self.now)
        #expect(
            participants
                == VerbundParticipants(
                    towns: [F.ahlen: .dabei, F.oelde: .abgelaufen, "05570": .abgelehnt], organisations: ["org-1": .eingeladen], leadKey: F.ahlen))
    }

    @Test("a member is named by its stored name, else by the register, else by its key")
    func names() {
        let directory = TownDirectory(catalog: F.register)
        #expect(F.member(F.ahlen).displayName(directory) == "Ahlen")
        #expect(F.member("org-1", type: .anbieter, name: "SchulSoft GmbH").displayName(directory) == "SchulSoft GmbH")
        #expect(F.member("09999999").displayName(directory) == "09999999")
    }
}

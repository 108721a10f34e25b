import AufwindCore
import Testing

@Suite("Policy: notifications are their recipient's alone")
struct PolicyNotificationTests {
    @Test("the recipient reads and marks; another user, the admin and anonymous get not-found or sign-in")
    func ownOnly() {
        let own = Resource.notification(recipientID: "u-anna")
        let anna = Actor(userID: "u-anna", emailConfirmed: true)
        let olga = Actor(userID: "u-olga", emailConfirmed: true, townRoles: ["05570036": .verwalter])
        let admin = Actor(userID: "admin", isPlatformAdmin: true, emailConfirmed: true)
        #expect(Policy.decide(anna, .readNotification, own).isAllowed)
        let refused = Policy.decide(olga, .readNotification, own)
        #expect(!refused.isAllowed && refused.concealsExistence && refused.reason == "Diese Benachrichtigung gibt es nicht.")
        #expect(!Policy.decide(admin, .readNotification, own).isAllowed)
        #expect(Policy.decide(.anonymous, .readNotification, own).reason == "Bitte melden Sie sich an.")
        #expect(!Policy.decide(anna, .readNotification, .platform).isAllowed)
    }
}

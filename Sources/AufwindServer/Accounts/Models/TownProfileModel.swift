import AufwindCore
import Fluent
import Foundation

/// What a town says about itself; edited by its Verwalter. `version` guards against
/// overwriting a concurrent edit.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class TownProfileModel: Model, @unchecked Sendable {
    static let schema = "town_profiles"

    @ID(custom: "org_key", generatedBy: .user) var id: String?
    @Field(key: "contact_person") var contactPerson: String
    @Field(key: "contact_email") var contactEmail: String
    @Field(key: "website") var website: String
    @Field(key: "description") var description: String
    @Field(key: "handlungsfelder") var handlungsfelder: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(key: String) {
        id = key
        contactPerson = ""
        contactEmail = ""
        website = ""
        description = ""
        handlungsfelder = ""
        version = 0
    }

    var input: TownProfileInput {
        TownProfileInput(
            contactPerson: contactPerson, contactEmail: contactEmail, website: website, description: description,
            handlungsfelder: handlungsfelder.split(separator: ",").compactMap { Handlungsfeld(rawValue: String($0)) })
    }

    func apply(_ input: TownProfileInput) {
        contactPerson = input.contactPerson
        contactEmail = input.contactEmail
        website = input.website
        description = input.description
        handlungsfelder = input.handlungsfelder.map(\.rawValue).joined(separator: ",")
    }
}

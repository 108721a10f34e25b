import AufwindCore
import Fluent
import Foundation

/// A Lösung: published by an Anbieter organisation (`organisationID`) or by a town (`townKey`),
/// exactly one of the two. Lists are stored comma-separated (interfaces line by line).
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class SolutionModel: Model, @unchecked Sendable {
    static let schema = "solutions"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "town_key") var townKey: String?
    @Field(key: "name") var name: String
    @Field(key: "short_description") var shortDescription: String
    @Field(key: "description") var description: String
    @Field(key: "handlungsfelder") var handlungsfelder: String
    @Field(key: "subthemes") var subthemes: String
    @Field(key: "needs_served") var needsServed: String
    @Field(key: "licence") var licence: String
    @Field(key: "repository_url") var repositoryURL: String
    @Field(key: "licence_id") var licenceID: String
    @Field(key: "operations") var operations: String
    @Field(key: "eu_hosting") var euHosting: Bool
    @Field(key: "interfaces") var interfaces: String
    @Field(key: "price_model") var priceModel: String
    @Field(key: "website") var website: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_email") var contactEmail: String
    @Field(key: "version_name") var versionName: String
    @Field(key: "release_date") var releaseDate: String
    @Field(key: "release_notes") var releaseNotes: String
    /// The keys of an imported publiccode.yml that Aufwind does not map, written back on export.
    @Field(key: "publiccode_kept") var publiccodeKept: String
    /// Folded name, descriptions, interfaces and needs, for the search.
    @Field(key: "search_text") var searchText: String
    @Field(key: "is_demo") var isDemo: Bool
    /// Hidden by a moderation decision (nil: shown).
    @OptionalField(key: "hidden") var hidden: Bool?
    /// Raised by every save: a save on an older revision changes nothing.
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(publisher: SolutionPublisher, input: SolutionInput, kept: String, createdBy: UUID?, isDemo: Bool = false) {
        switch publisher {
        case .organisation(let id): organisationID = UUID(uuidString: id)
        case .town(let key): townKey = key
        }
        publiccodeKept = kept
        self.createdBy = createdBy
        self.isDemo = isDemo
        revision = 1
        apply(input)
    }

    func apply(_ input: SolutionInput) {
        name = input.name
        shortDescription = input.shortDescription
        description = input.description
        handlungsfelder = input.handlungsfelder.map(\.rawValue).joined(separator: ",")
        subthemes = input.unterthemen.joined(separator: ",")
        needsServed = input.needsServed
        licence = input.licence.rawValue
        repositoryURL = input.repositoryURL
        licenceID = input.licenceID
        operations = input.operations.map(\.rawValue).joined(separator: ",")
        euHosting = input.euHosting
        interfaces = input.interfaces.joined(separator: "\n")
        priceModel = input.priceModel
        website = input.website
        contactName = input.contactName
        contactEmail = input.contactEmail
        versionName = input.version
        releaseDate = input.releaseDate
        releaseNotes = input.releaseNotes
        searchText = Self.searchText(input)
    }

    static func searchText(_ input: SolutionInput) -> String {
        let words = GermanFolding.words(
            ([input.name, input.shortDescription, input.description, input.needsServed] + input.interfaces).joined(separator: " "),
            umlauts: .expanded)
        return " " + words.joined(separator: " ") + " "
    }

    var publisher: SolutionPublisher {
        if let organisationID { return .organisation(organisationID.uuidString) }
        return .town(townKey ?? "")
    }

    var input: SolutionInput {
        SolutionInput(
            name: name, shortDescription: shortDescription, description: description,
            handlungsfelder: handlungsfelder.split(separator: ",").compactMap { Handlungsfeld(rawValue: String($0)) },
            unterthemen: subthemes.split(separator: ",").map(String.init), needsServed: needsServed,
            licence: SolutionLicence(rawValue: licence) ?? .proprietaer, repositoryURL: repositoryURL, licenceID: licenceID,
            operations: operations.split(separator: ",").compactMap { SolutionOperation(rawValue: String($0)) }, euHosting: euHosting,
            interfaces: interfaces.split(separator: "\n").map(String.init), priceModel: priceModel, website: website,
            contactName: contactName, contactEmail: contactEmail, version: versionName, releaseDate: releaseDate,
            releaseNotes: releaseNotes)
    }

    var path: String { "/loesungen/\(id!.uuidString.lowercased())" }
}

/// One release of a solution, written when a save names a new version.
final class SolutionReleaseModel: Model, @unchecked Sendable {
    static let schema = "solution_releases"

    @ID(key: .id) var id: UUID?
    @Field(key: "solution_id") var solutionID: UUID
    @Field(key: "version_name") var versionName: String
    @Field(key: "release_date") var releaseDate: String
    @Field(key: "notes") var notes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(solutionID: UUID, versionName: String, releaseDate: String, notes: String) {
        self.solutionID = solutionID
        self.versionName = versionName
        self.releaseDate = releaseDate
        self.notes = notes
    }
}

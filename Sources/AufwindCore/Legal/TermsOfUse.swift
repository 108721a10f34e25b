/// The Nutzungsbedingungen of Aufwind: their versions, oldest first, each with its date and what
/// changed. Registration records the acceptance of the current version; a person whose newest
/// acceptance is older (or who never accepted) is asked once before going on.
///
/// Changing the text of `/nutzungsbedingungen` in substance means appending a version here,
/// with a short summary of the changes: the consent page shows it to everyone who accepted an
/// earlier one.
public struct TermsOfUse: Sendable, Equatable {
    /// One published version.
    public struct Version: Sendable, Equatable {
        public let number: Int
        /// The day it took effect, `YYYY-MM-DD`.
        public let published: String
        /// What changed against the version before, in a few German sentences.
        public let changes: [String]

        public init(number: Int, published: String, changes: [String]) {
            self.number = number
            self.published = published
            self.changes = changes
        }

        /// "Fassung 1 vom 30.11.2026".
        public var label: String { "Fassung \(number) vom \(GermanFormat.date(iso: published))" }
    }

    /// The document name stored with every acceptance.
    public static let document = "nutzungsbedingungen"

    /// The versions of Aufwind's terms.
    public static let aufwind = TermsOfUse(versions: [
        Version(
            number: 1, published: "2026-11-30",
            changes: [
                "Aufwind hat jetzt Nutzungsbedingungen. Sie regeln, wer Aufwind nutzen darf, was Sie veröffentlichen dürfen, wie "
                    + "Mitgliedschaften in Kommunen geprüft werden und wann Konten und Inhalte gelöscht werden."
            ])
    ])

    /// The version every account must have accepted.
    public static var currentVersion: Int { aufwind.currentVersion }

    /// Oldest first; never empty, numbers rising.
    public let versions: [Version]

    public init(versions: [Version]) {
        precondition(!versions.isEmpty, "terms of use without a version")
        precondition(zip(versions, versions.dropFirst()).allSatisfy { $0.number < $1.number }, "versions out of order")
        self.versions = versions
    }

    public var current: Version { versions[versions.count - 1] }
    public var currentVersion: Int { current.number }

    /// Whether someone whose newest acceptance is `accepted` (nil: never) must agree again.
    public func needsConsent(accepted: Int?) -> Bool {
        guard let accepted else { return true }
        return accepted < currentVersion
    }

    /// The versions published after `accepted` (all of them for someone who never accepted),
    /// newest first: what the consent page summarises.
    public func changes(since accepted: Int?) -> [Version] {
        versions.filter { accepted == nil || $0.number > accepted! }.reversed()
    }
}

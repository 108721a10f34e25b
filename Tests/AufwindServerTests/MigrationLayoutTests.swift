import Fluent
import Foundation
import Testing

@testable import AufwindServer

@Suite("Migrations: one list, one folder rule, names that never change")
struct MigrationLayoutTests {
    @Test("the names stored in the databases stay as they are, in their order")
    func names() {
        #expect(
            AufwindMigrations.all.map(\.name) == [
                "001-CreateRegister", "002-CreateAccounts", "003-CreateMemberships", "004-CreateAPITokens", "005-CreateOrganisations",
                "006-CreateMailDelivery", "007-CreateCooperationItems", "008-CreateItemDetails", "009-CreateContact",
                "010-CreateFundingProgrammes", "011-CreateVerbuende", "012-CreateEvents", "013-AddPitchLinks", "014-HardenAccounts",
                "015-MailDeliveryState", "016-VerbundProfile", "017-NotificationCategory", "018-NotificationPreferences",
                "019-NotificationDelivery", "020-NotificationDigests", "021-ServerSecrets", "022-VerbundMailInvitations",
                "023-ContactEmailSetting", "024-TownSettings", "025-MatchAlerts", "026-VerbundGapAlerts",
                "029-HomeBaseIndexes", "030-UnreadNotificationsIndex",
                "032-ContactMessages", "033-Consents", "035-HomeVisits", "037-ProgrammeFavourites", "038-AddMeetingMatchmaking",
                "039-CreateSolutions",
                "040-CreateNeedAnswers",
                "041-CreateModeration", "042-CreatePitchApplications", "043-CreateChangeLog", "044-CreateJobLeases",
                "045-LogEventRegistrations",
            ])
    }

    @Test("every migration lives in its feature's Migrations folder, in a file named after it, and is in the list")
    func layout() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/AufwindServer")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var declared: [String] = []
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let pattern = try Regex(#"struct (\w+): (?:Async)?Migration\b"#)
            for match in text.matches(of: pattern) {
                let type = String(text[match.range].split(separator: " ")[1].dropLast())
                declared.append(type)
                #expect(file.deletingLastPathComponent().lastPathComponent == "Migrations", "\(type) lies in \(file.path)")
                #expect(file.deletingPathExtension().lastPathComponent == type)
            }
        }
        #expect(declared.sorted() == AufwindMigrations.all.map { String(describing: type(of: $0)) }.sorted())
    }
}

import AufwindCore
import Testing

@Suite("Personal data: which columns hold a person, and whether a feature declares each")
struct PersonalDataCoverageTests {
    typealias Column = PersonalDataCoverage.SchemaColumn

    @Test(
        "columns that point to the accounts or are named for a person are personal",
        arguments: [
            Column(table: "notes", column: "writer", references: "users"), Column(table: "users", column: "display_name"),
            Column(table: "items", column: "user_id"), Column(table: "items", column: "created_by"),
            Column(table: "requests", column: "decided_by_name"), Column(table: "log", column: "actor_name"),
            Column(table: "threads", column: "author_id"), Column(table: "meetings", column: "invitee_name"),
            Column(table: "revisions", column: "editor_name"), Column(table: "outbox", column: "recipient"),
            Column(table: "tokens", column: "new_email"), Column(table: "profiles", column: "contact_person"),
        ])
    func personal(column: Column) {
        #expect(PersonalDataCoverage.isPersonal(column))
    }

    @Test(
        "town keys, titles and timestamps are not",
        arguments: [
            Column(table: "items", column: "owner_key"), Column(table: "items", column: "title"), Column(table: "items", column: "created_at"),
            Column(table: "verbund_members", column: "member_name"), Column(table: "pitches", column: "presenter"),
            Column(table: "items", column: "item_id", references: "cooperation_items"), Column(table: "mail", column: "subject"),
        ])
    func notPersonal(column: Column) {
        #expect(!PersonalDataCoverage.isPersonal(column))
    }

    @Test("a new table with a user reference that no feature declares is reported, a declared one is not")
    func uncoveredColumnIsReported() {
        let schema = [
            Column(table: "item_revisions", column: "edited_by"), Column(table: "item_revisions", column: "changes"),
            Column(table: "reviews", column: "reviewer", references: "users"), Column(table: "reviews", column: "approved_by"),
        ]
        let declared = PersonalColumn.anonymised("item_revisions", ["edited_by"], exportedIn: "eintragsAenderungen")
        #expect(
            PersonalDataCoverage.uncovered(in: schema, declared: declared) == [
                SchemaColumnName(table: "reviews", column: "approved_by"), SchemaColumnName(table: "reviews", column: "reviewer"),
            ])
        let all = declared + PersonalColumn.deleted("reviews", ["reviewer", "approved_by"], exportedIn: "bewertungen")
        #expect(PersonalDataCoverage.uncovered(in: schema, declared: all).isEmpty)
    }

    @Test("a declaration whose column is gone, or a column declared twice, is reported")
    func staleAndDoubleDeclarations() {
        let schema = [Column(table: "notifications", column: "user_id")]
        let declared =
            PersonalColumn.deleted("notifications", ["user_id"], exportedIn: "benachrichtigungen")
            + PersonalColumn.kept("notifications", ["user_id", "sender_name"], because: "test")
        #expect(PersonalDataCoverage.unknown(in: schema, declared: declared) == [SchemaColumnName(table: "notifications", column: "sender_name")])
        #expect(PersonalDataCoverage.duplicates(in: declared) == [SchemaColumnName(table: "notifications", column: "user_id")])
    }
}

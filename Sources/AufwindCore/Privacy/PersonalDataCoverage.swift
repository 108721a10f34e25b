/// Which columns of a schema can hold a person, and whether every one of them is declared by a
/// feature: a new table with a user reference and no owner is reported, as is a declaration
/// whose column no longer exists.
public enum PersonalDataCoverage {
    /// A column as the database describes it.
    public struct SchemaColumn: Hashable, Sendable {
        public let name: SchemaColumnName
        /// The table a foreign key of this column points to, if any.
        public let references: String?
        /// The type as the database names it (`uuid`, `TEXT`, …).
        public let type: String

        public init(table: String, column: String, references: String? = nil, type: String = "") {
            name = SchemaColumnName(table: table, column: column)
            self.references = references
            self.type = type
        }
    }

    /// The table of the accounts.
    public static let usersTable = "users"
    /// Column names (split at `_`) that start with one of these name a person.
    static let personWords: Set<String> = ["user", "actor", "author", "requester", "invitee", "editor"]

    /// A column holds a person when it points to the accounts or its name says so: `user_id`,
    /// `author_name`, `created_by`, `decided_by_name`, `email`, `contact_email`, `contact_person`,
    /// `recipient`, and every column of the accounts table.
    public static func isPersonal(_ column: SchemaColumn) -> Bool {
        if column.references == usersTable || column.name.table == usersTable { return true }
        let name = column.name.column.lowercased()
        let words = name.split(separator: "_").map(String.init)
        guard let first = words.first, let last = words.last else { return false }
        return personWords.contains(first)
            || words.contains("by")
            || last == "email" || last == "person"
            || name == "recipient"
    }

    /// The personal columns of `schema` that no declaration covers, sorted.
    public static func uncovered(in schema: [SchemaColumn], declared: [PersonalColumn]) -> [SchemaColumnName] {
        let covered = Set(declared.map(\.name))
        return schema.filter(isPersonal).map(\.name).filter { !covered.contains($0) }.sorted()
    }

    /// Declared columns that the schema does not have (a renamed or dropped column), sorted.
    public static func unknown(in schema: [SchemaColumn], declared: [PersonalColumn]) -> [SchemaColumnName] {
        let existing = Set(schema.map(\.name))
        return Set(declared.map(\.name)).filter { !existing.contains($0) }.sorted()
    }

    /// Columns declared more than once (by two owners, or twice by one), sorted.
    public static func duplicates(in declared: [PersonalColumn]) -> [SchemaColumnName] {
        Dictionary(grouping: declared, by: \.name).filter { $0.value.count > 1 }.keys.sorted()
    }
}

/// A column of the database that holds a person (an account's id, e-mail address or name), and
/// what happens to it when the account is deleted. Each feature declares the columns it owns;
/// `PersonalDataCoverage` checks the declarations against the real schema.
public struct PersonalColumn: Hashable, Sendable, CustomStringConvertible {
    public enum Handling: Hashable, Sendable {
        /// The account's rows go with the account.
        case deleted
        /// The rows stay for the others; the reference is cleared, replaced by a random id, or
        /// the name becomes "ehemaliges Mitglied".
        case anonymised
        /// Kept on purpose: not tied to the account (the reason says why).
        case kept(reason: String)
    }

    public let table: String
    public let column: String
    public let handling: Handling
    /// The key of the export section that lists the rows holding this column; nil for kept columns.
    public let exportSection: String?

    public init(_ table: String, _ column: String, _ handling: Handling, exportSection: String?) {
        self.table = table
        self.column = column
        self.handling = handling
        self.exportSection = exportSection
    }

    public var name: SchemaColumnName { SchemaColumnName(table: table, column: column) }
    public var description: String { name.description }

    /// Columns of one table whose rows go with the account; they are listed in `section`.
    public static func deleted(_ table: String, _ columns: [String], exportedIn section: String) -> [PersonalColumn] {
        columns.map { PersonalColumn(table, $0, .deleted, exportSection: section) }
    }

    /// Columns of one table that are anonymised; the rows the account touched are listed in `section`.
    public static func anonymised(_ table: String, _ columns: [String], exportedIn section: String) -> [PersonalColumn] {
        columns.map { PersonalColumn(table, $0, .anonymised, exportSection: section) }
    }

    /// Columns kept on purpose.
    public static func kept(_ table: String, _ columns: [String], because reason: String) -> [PersonalColumn] {
        columns.map { PersonalColumn(table, $0, Handling.kept(reason: reason), exportSection: nil) }
    }
}

/// `table.column`.
public struct SchemaColumnName: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let table: String
    public let column: String

    public init(table: String, column: String) {
        self.table = table
        self.column = column
    }

    public var description: String { "\(table).\(column)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.table, lhs.column) < (rhs.table, rhs.column) }
}

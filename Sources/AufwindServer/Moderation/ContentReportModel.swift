import AufwindCore
import Fluent
import Foundation

/// One person's report of content: a category and what is wrong with it; part of a case.
// See GemeindeModel for why Fluent models are `@unchecked Sendable`.
final class ContentReportModel: Model, @unchecked Sendable {
    static let schema = "content_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @OptionalField(key: "reporter_id") var reporterID: UUID?
    @Field(key: "category") var category: String
    @Field(key: "text") var text: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(caseID: UUID, reporterID: UUID?, input: ReportInput) {
        self.caseID = caseID
        self.reporterID = reporterID
        category = input.category.rawValue
        text = input.text
    }

    var categoryValue: ReportCategory { ReportCategory(rawValue: category) ?? .sonstiges }
}

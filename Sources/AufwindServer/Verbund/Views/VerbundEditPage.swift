import AufwindCore
import Plot

/// `/verbuende/{id}/bearbeiten` (the lead): the Verbund's name and description, with the version
/// the form was opened at; after an error the form shows what was typed.
struct VerbundEditPage: PageView {
    var id: String
    var currentName: String
    var name: String
    var description: String
    var version: Int
    var csrf: String
    var errors: [String] = []
    var title: String { "Verbund bearbeiten: \(currentName)" }

    init(verbund: VerbundModel, name: String, description: String, version: Int, csrf: String, errors: [String] = []) {
        id = verbund.id?.uuidString.lowercased() ?? ""
        currentName = verbund.name
        self.name = name
        self.description = description
        self.version = version
        self.csrf = csrf
        self.errors = errors
    }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.text("Name und Beschreibung sehen alle Mitglieder und die eingeladenen Kommunen und Anbieter.")),
            .formErrors(errors),
            .form(
                .class("stacked"), .safeAction("/verbuende/\(id)/bearbeiten"), .method(.post), .csrf(csrf),
                .input(.type(.hidden), .name("version"), .safeValue(String(version))),
                .field("name", label: "Name des Verbunds", value: name, maxLength: VerbundProfileInput.maximumNameLength),
                .textArea(
                    "beschreibung", label: "Beschreibung (worum es geht, was die Partner beitragen; optional)", value: description,
                    maxLength: VerbundProfileInput.maximumDescriptionLength, rows: 6),
                .button(.type(.submit), .text("Speichern"))
            ),
            .p(.a(.safeHref("/verbuende/\(id)"), .text("Zurück zum Verbund")))
        )
    }
}

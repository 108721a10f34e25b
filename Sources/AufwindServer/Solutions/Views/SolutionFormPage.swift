import AufwindCore
import Plot

/// `/loesungen/neu`, `/loesungen/import` (the imported file, to check and complete) and
/// `/loesungen/{id}/bearbeiten`: every field of a solution, without JavaScript.
struct SolutionFormPage: PageView {
    /// Who may publish it (value "anbieter:<id>" or "kommune:<key>", name); one entry when editing.
    var publishers: [(value: String, label: String)]
    var selectedPublisher: String
    var values: SolutionInput.Raw
    var action: String
    var revision: Int?
    /// The kept keys of an imported publiccode.yml, carried through the form.
    var kept: String?
    var csrf: String
    var errors: [String] = []
    var imported = false
    var title: String { revision == nil ? (imported ? "Importierte Lösung prüfen" : "Neue Lösung") : "Lösung bearbeiten" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .if(
                imported && errors.isEmpty,
                .p(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .text(
                        "Die Datei ist gelesen. Bitte prüfen und ergänzen Sie die Angaben – was Aufwind nicht selbst verwendet, bleibt erhalten und steht im Export wieder in der publiccode.yml."
                    ))),
            .if(revision == nil && !imported, .p(.a(.href("/loesungen/import"), .text("Oder eine publiccode.yml importieren")))),
            .formErrors(errors),
            .form(
                .class("stacked"), .safeAction(action), .method(.post),
                .csrf(csrf),
                .unwrap(revision) { .input(.type(.hidden), .name("revision"), .safeValue(String($0))) },
                .unwrap(kept) { .input(.type(.hidden), .name("publiccode"), .safeValue($0)) },
                publisherField(),
                .field("name", label: "Name", value: values.name ?? "", maxLength: SolutionInput.nameLength.upperBound),
                .field(
                    "kurzbeschreibung", label: "Kurzbeschreibung (ein Satz, höchstens 150 Zeichen)", value: values.shortDescription ?? "",
                    maxLength: SolutionInput.maximumShortDescriptionLength),
                .textArea(
                    "beschreibung", label: "Beschreibung: Was leistet die Lösung, für wen?", value: values.description ?? "",
                    maxLength: SolutionInput.maximumDescriptionLength, rows: 8, required: true),
                .fieldset(
                    .element(named: "legend", text: "Handlungsfelder (mindestens eines)"),
                    .div(
                        .class("checks"),
                        .forEach(Handlungsfeld.allCases) { field in
                            .checkbox(
                                name: "handlungsfelder[]", id: "hf-\(field.rawValue)", value: field.rawValue, label: field.label,
                                checked: values.handlungsfelder.contains(field.rawValue))
                        })
                ),
                .forEach(values.unterthemen) { .input(.type(.hidden), .name("unterthemen[]"), .safeValue($0)) },
                .textArea(
                    "bedarfe", label: "Welche Bedarfe von Kommunen sie löst (optional)", value: values.needsServed ?? "",
                    maxLength: SolutionInput.maximumNeedsLength),
                .fieldset(
                    .element(named: "legend", text: "Lizenz"),
                    .forEach(SolutionLicence.allCases) { licence in
                        .radio(
                            name: "lizenz", id: "lz-\(licence.rawValue)", value: licence.rawValue, label: licence.label,
                            checked: values.licence == licence.rawValue)
                    },
                    .optionalField(
                        "repository", label: "Nur bei Open Source: Adresse des Quellcodes (https://…)", type: .url,
                        value: values.repositoryURL ?? "", maxLength: SolutionInput.maximumURLLength),
                    .optionalField(
                        "lizenz_id", label: "Nur bei Open Source: Lizenz-Kennung nach SPDX (z. B. EUPL-1.2)", value: values.licenceID ?? "",
                        maxLength: 80)
                ),
                .fieldset(
                    .element(named: "legend", text: "Betrieb (mindestens eine Form)"),
                    .div(
                        .class("checks"),
                        .forEach(SolutionOperation.allCases) { operation in
                            .checkbox(
                                name: "betrieb[]", id: "bt-\(operation.rawValue)", value: operation.rawValue, label: operation.label,
                                checked: values.operations.contains(operation.rawValue))
                        })
                ),
                .fieldset(
                    .element(named: "legend", text: "Werden die Daten in der EU gehostet?"),
                    .radio(name: "eu_hosting", id: "eu-ja", value: "ja", label: "ja", checked: values.euHosting == "ja"),
                    .radio(name: "eu_hosting", id: "eu-nein", value: "nein", label: "nein", checked: values.euHosting == "nein")
                ),
                .textArea(
                    "schnittstellen", label: "Schnittstellen und Standards (durch Komma getrennt, z. B. FIT-Connect, XBau, XÖV)",
                    value: values.interfaces ?? "", maxLength: 2_000, rows: 2),
                .textArea(
                    "preismodell", label: "Preismodell (optional)", value: values.priceModel ?? "", maxLength: SolutionInput.maximumPriceModelLength,
                    rows: 3),
                .optionalField(
                    "website", label: "Website (optional)", type: .url, value: values.website ?? "", maxLength: SolutionInput.maximumURLLength),
                .optionalField("ansprechperson", label: "Ansprechperson (optional)", value: values.contactName ?? "", maxLength: 100),
                .optionalField("kontakt_email", label: "E-Mail für Anfragen (optional)", type: .email, value: values.contactEmail ?? ""),
                .fieldset(
                    .element(named: "legend", text: "Aktuelle Version (optional; eine neue Version kommt in die Versionsgeschichte)"),
                    .optionalField("version", label: "Version", value: values.version ?? "", maxLength: 30),
                    .optionalField("veroeffentlicht_am", label: "Veröffentlicht am", type: .date, value: values.releaseDate ?? ""),
                    .textArea("neuerungen", label: "Was ist neu?", value: values.releaseNotes ?? "", maxLength: 500, rows: 3)
                ),
                .button(.type(.submit), .text(revision == nil ? "Lösung veröffentlichen" : "Speichern"))
            )
        )
    }

    private func publisherField() -> Node<HTML.FormContext> {
        if publishers.count == 1 { return .input(.type(.hidden), .name("herausgeber"), .safeValue(publishers[0].value)) }
        return .selectField("herausgeber", label: "Wer veröffentlicht die Lösung?", options: publishers, selected: selectedPublisher)
    }
}

/// `/loesungen/import`: a publiccode.yml as a file or pasted.
struct SolutionImportPage: PageView {
    var csrf: String
    var text = ""
    var errors: [String] = []
    var title: String { "publiccode.yml importieren" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text("Beschreibt Ihre Lösung schon eine "), .a(.href("https://yml.publiccode.tools"), .text("publiccode.yml")),
                .text(
                    " (wie auf Open CoDE)? Dann laden Sie sie hier hoch oder fügen Sie ihren Text ein. Im nächsten Schritt prüfen und ergänzen Sie die Angaben, bevor etwas veröffentlicht wird."
                )),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/loesungen/import"), .method(.post), .attribute(named: "enctype", value: "multipart/form-data"),
                .csrf(csrf),
                .div(
                    .class("field"), .label(.for("datei"), .text("Datei publiccode.yml")),
                    .input(.type(.file), .id("datei"), .name("datei"), .attribute(named: "accept", value: ".yml,.yaml,text/yaml"))),
                .textArea("text", label: "… oder ihr Text", value: text, maxLength: PublicCode.maximumBytes, rows: 12),
                .button(.type(.submit), .text("Lesen und prüfen"))
            )
        )
    }
}

import AufwindCore
import Plot

/// `/eintraege/neu` and `/eintraege/{id}/bearbeiten`: every field of an item, without JavaScript.
struct ItemFormPage: PageView {
    /// The towns the user may create items for (key, name); one entry when editing.
    var towns: [(key: String, name: String)]
    var selectedTown: String
    var values: ItemFormValues
    var action: String
    var version: Int?
    var csrf: String
    var errors: [String] = []
    /// Similar items found before the first save ("gibt es das schon?").
    var similar: [ItemListEntry] = []
    var title: String { version == nil ? "Neuer Eintrag" : "Eintrag bearbeiten" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .formErrors(errors),
            .if(
                !similar.isEmpty,
                .section(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .h2(.text("Gibt es das schon?")),
                    .p(.text("Diese Einträge klingen ähnlich. Vielleicht können Sie sich einem anschließen, statt einen neuen anzulegen:")),
                    .ul(.class("results"), .forEach(similar) { .li($0.node()) }),
                    .p(.text("Wenn Ihr Eintrag etwas anderes ist, speichern Sie ihn unten mit „Trotzdem speichern“."))
                )),
            .form(
                .class("stacked"), .safeAction(action), .method(.post),
                .csrf(csrf),
                .unwrap(version) { .input(.type(.hidden), .name("version"), .safeValue(String($0))) },
                .if(!similar.isEmpty, .input(.type(.hidden), .name("geprueft"), .value("1"))),
                townField(),
                .div(
                    .class("field"),
                    .label(.for("art"), .text("Art des Eintrags")),
                    .select(
                        .id("art"), .attribute(named: "name", value: "art"),
                        .forEach(ItemKind.allCases) {
                            .choice(value: $0.rawValue, label: $0.label, selected: values.kind == $0.rawValue)
                        })
                ),
                .field("titel", label: "Titel (3 bis 120 Zeichen)", value: values.title, maxLength: CooperationItemInput.titleLength.upperBound),
                .div(
                    .class("field"),
                    .label(.for("beschreibung"), .text("Beschreibung")),
                    .p(
                        .class("hint"), .id("beschreibung-hinweis"),
                        .text("Einfacher Text. Leerzeilen trennen Absätze, Webadressen (https://…) werden zu Links.")),
                    .textarea(
                        .id("beschreibung"), .name("beschreibung"), .rows(8), .required(true),
                        .attribute(named: "aria-describedby", value: "beschreibung-hinweis"),
                        .safeAttribute("maxlength", String(CooperationItemInput.maximumDescriptionLength)), .text(values.description))
                ),
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
                .element(
                    named: "details",
                    nodes: [
                        .safeAttribute("open", values.unterthemen.isEmpty ? nil : "open"),
                        .element(named: "summary", text: "Unterthemen (optional, passend zu den gewählten Handlungsfeldern)"),
                        .forEach(Handlungsfeld.allCases) { field in
                            .fieldset(
                                .element(named: "legend", text: field.label),
                                .div(
                                    .class("checks"),
                                    .forEach(field.unterthemen) { theme in
                                        .checkbox(
                                            name: "unterthemen[]", id: "ut-\(theme.id.replacingOccurrences(of: "/", with: "-"))", value: theme.id,
                                            label: theme.label, checked: values.unterthemen.contains(theme.id))
                                    })
                            )
                        },
                    ]),
                .div(
                    .class("field"),
                    .label(.for("stand"), .text("Stand (nur bei Vorhaben)")),
                    .select(
                        .id("stand"), .attribute(named: "name", value: "stand"),
                        .choice(value: "", label: "– kein Vorhaben –", selected: values.status.isEmpty),
                        .forEach(ItemStatus.allCases) { .choice(value: $0.rawValue, label: $0.label, selected: values.status == $0.rawValue) })
                ),
                .fieldset(
                    .element(named: "legend", text: "Gesuchte Partner: wie weit?"),
                    .forEach(Reach.allCases) { reach in
                        .radio(
                            name: "reichweite", id: "rw-\(reach.rawValue)", value: reach.rawValue, label: reach.label,
                            checked: values.reach == reach.rawValue)
                    }
                ),
                .fieldset(
                    .element(named: "legend", text: "Gesuchte Partner: welche Größe? (keine Auswahl: alle)"),
                    .div(
                        .class("checks"),
                        .forEach(Groessenklasse.allCases) { size in
                            .checkbox(
                                name: "groessen[]", id: "gr-\(size.rawValue)", value: size.rawValue, label: size.label,
                                checked: values.desiredSizes.contains(size.rawValue))
                        })
                ),
                .optionalField("zeitrahmen", label: "Zeitrahmen (z. B. „ab Frühjahr 2027, zwei Jahre“)", value: values.timeFrame, maxLength: 100),
                .optionalField("ansprechperson", label: "Ansprechperson", value: values.contactPerson, maxLength: 100),
                .fieldset(
                    .element(named: "legend", text: "Personal teilen (nur bei „Personal (Angebot)“ oder „Personal (Bedarf)“)"),
                    .optionalField("personal_rolle", label: "Rolle", value: values.staffRole, maxLength: 100),
                    .optionalField("personal_stunden", label: "Stunden pro Woche", type: .number, value: values.staffHours, maxLength: 2),
                    .optionalField("personal_dauer", label: "Dauer", value: values.staffDuration, maxLength: 100),
                    .div(
                        .class("field"),
                        .label(.for("personal_form"), .text("Form")),
                        .select(
                            .id("personal_form"), .attribute(named: "name", value: "personal_form"),
                            .choice(value: "", label: "– bitte wählen –", selected: values.staffForm.isEmpty),
                            .forEach(StaffForm.allCases) { .choice(value: $0.rawValue, label: $0.label, selected: values.staffForm == $0.rawValue) })
                    ),
                    .optionalField("personal_kosten", label: "Vorschlag zur Kostenteilung", value: values.staffCostSplit, maxLength: 300)
                ),
                .fieldset(
                    .element(named: "legend", text: "Sichtbarkeit"),
                    .forEach(Visibility.allCases) { visibility in
                        .radio(
                            name: "sichtbarkeit", id: "sb-\(visibility.rawValue)", value: visibility.rawValue, label: visibility.label,
                            checked: values.visibility == visibility.rawValue)
                    }
                ),
                .fieldset(
                    .element(named: "legend", text: "Veröffentlichung"),
                    .radio(
                        name: "veroeffentlichung", id: "vo-entwurf", value: "entwurf", label: "Entwurf (nur für Ihre Kommune sichtbar)",
                        checked: !values.published),
                    .radio(
                        name: "veroeffentlichung", id: "vo-veroeffentlicht", value: "veroeffentlicht", label: "veröffentlichen",
                        checked: values.published)
                ),
                .button(.type(.submit), .text(similar.isEmpty ? "Speichern" : "Trotzdem speichern"))
            )
        )
    }

    private func townField() -> Node<HTML.FormContext> {
        if towns.count == 1 { return .input(.type(.hidden), .name("kommune"), .safeValue(towns[0].key)) }
        return .div(
            .class("field"),
            .label(.for("kommune"), .text("Für welche Kommune?")),
            .select(
                .id("kommune"), .attribute(named: "name", value: "kommune"),
                .forEach(towns) { .choice(value: $0.key, label: $0.name, selected: $0.key == selectedTown) })
        )
    }
}

/// What the form shows: the typed raw values (also invalid ones, to correct them).
struct ItemFormValues {
    var kind = ItemKind.bedarf.rawValue
    var title = "", description = ""
    var handlungsfelder: [String] = [], unterthemen: [String] = []
    var status = "", reach = Reach.bundesweit.rawValue
    var desiredSizes: [String] = []
    var timeFrame = "", contactPerson = ""
    var visibility = Visibility.oeffentlich.rawValue
    var published = true
    var staffRole = "", staffHours = "", staffDuration = "", staffForm = "", staffCostSplit = ""

    init() {}

    init(_ input: CooperationItemInput) {
        kind = input.kind.rawValue
        title = input.title
        description = input.description
        handlungsfelder = input.handlungsfelder.map(\.rawValue)
        unterthemen = input.unterthemen
        status = input.status?.rawValue ?? ""
        reach = input.reach.rawValue
        desiredSizes = input.desiredSizes.map(\.rawValue)
        timeFrame = input.timeFrame
        contactPerson = input.contactPerson
        visibility = input.visibility.rawValue
        published = input.published
        staffRole = input.staff?.role ?? ""
        staffHours = input.staff.map { String($0.hoursPerWeek) } ?? ""
        staffDuration = input.staff?.duration ?? ""
        staffForm = input.staff?.form.rawValue ?? ""
        staffCostSplit = input.staff?.costSplit ?? ""
    }

    var raw: CooperationItemInput.Raw {
        CooperationItemInput.Raw(
            kind: kind, title: title, description: description, handlungsfelder: handlungsfelder, unterthemen: unterthemen, status: status,
            reach: reach, desiredSizes: desiredSizes, timeFrame: timeFrame, contactPerson: contactPerson, visibility: visibility,
            published: published, staffRole: staffRole, staffHours: staffHours, staffDuration: staffDuration, staffForm: staffForm,
            staffCostSplit: staffCostSplit)
    }
}

extension Node where Context == HTML.FormContext {
    static func checkbox(name: String, id: String, value: String, label: String, checked: Bool) -> Node {
        .div(
            .input(.type(.checkbox), .safeID(id), .safeName(name), .safeValue(value), .checked(checked)),
            .label(.safeFor(id), .text(" " + label))
        )
    }

    static func radio(name: String, id: String, value: String, label: String, checked: Bool) -> Node {
        .div(
            .input(.type(.radio), .safeID(id), .safeName(name), .safeValue(value), .checked(checked)),
            .label(.safeFor(id), .text(" " + label))
        )
    }
}

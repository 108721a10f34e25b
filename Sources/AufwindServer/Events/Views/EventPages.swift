import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen`: upcoming and past events.
struct EventListPage: PageView {
    struct Entry {
        var path: String
        var title: String
        var when: String
        var place: String
        var organiser: String
        var phase: String
    }
    var upcoming: [Entry]
    var past: [Entry]
    var canCreate: Bool
    var title: String { "Veranstaltungen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Barcamps und Treffen von Kommunen: Themen vorschlagen, abstimmen, ein Programm planen, 100-Sekunden-Pitches und 1:1-Gespräche.")),
            .if(canCreate, .p(.a(.href("/veranstaltungen/neu"), .text("Veranstaltung anlegen")))),
            .h2(.text("Demnächst")),
            list(upcoming, empty: "Keine anstehenden Veranstaltungen."),
            .if(!past.isEmpty, .group(.h2(.text("Vergangene")), list(past, empty: "")))
        )
    }

    private func list(_ entries: [Entry], empty: String) -> Node<HTML.BodyContext> {
        entries.isEmpty
            ? .p(.text(empty))
            : .ul(
                .class("results"),
                .forEach(entries) { entry in
                    .li(
                        .div(.class("name"), .a(.safeHref(entry.path), .text(entry.title))),
                        .div(.class("meta"), .text("\(entry.when) · \(entry.place) · \(entry.organiser) · \(entry.phase)")))
                })
    }
}

/// `/veranstaltungen/neu`
struct EventFormPage: PageView {
    var organisers: [(value: String, label: String)]
    var values: [String: String] = [:]
    var errors: [String] = []
    var csrf: String
    var title: String { "Veranstaltung anlegen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .formErrors(errors),
            .form(
                .class("stacked"), .action("/veranstaltungen"), .method(.post), .csrf(csrf),
                .selectField("veranstalter", label: "Veranstaltet von", options: organisers, selected: values["veranstalter"] ?? ""),
                .field("titel", label: "Titel", value: values["titel"] ?? "", maxLength: 150),
                .textArea("beschreibung", label: "Beschreibung (optional)", value: values["beschreibung"] ?? "", maxLength: 5000),
                .field("erster_tag", label: "Erster Tag", type: .date, value: values["erster_tag"] ?? ""),
                .optionalField("letzter_tag", label: "Letzter Tag (leer: eintägig)", type: .date, value: values["letzter_tag"] ?? ""),
                .optionalField("ort", label: "Ort (Adresse)", value: values["ort"] ?? "", maxLength: 200),
                .optionalField("online", label: "Online-Link (https://…)", type: .url, value: values["online"] ?? "", maxLength: 500),
                .field("plaetze", label: "Plätze", type: .number, value: values["plaetze"] ?? "100"),
                .field("tische", label: "Tische für 1:1-Treffen (0: keine)", type: .number, value: values["tische"] ?? "0"),
                .button(.type(.submit), .text("Anlegen"))
            )
        )
    }
}

/// `/veranstaltungen/{id}`: facts, registration, participants, and the organiser's tools.
struct EventPage: PageView {
    struct Participant {
        var userID: String
        var name: String
        var type: String
        var organisation: String
        var waitlisted: Bool
    }

    var path: String
    var name: String
    var description: String
    var when: String
    var place: String
    var onlineURL: String
    var organiser: String
    var phase: EventPhase
    var registrationOpen: Bool
    var capacity: Int
    var confirmedCount: Int
    var waitlistCount: Int
    var meetingTables: Int
    /// nil: not registered; otherwise the status text.
    var myStatus: String?
    var signedIn: Bool
    var myUserID: String?
    var registrationChoices: [(value: String, label: String)]
    /// The fields of the form that came back with errors, as sent (names differ between the forms).
    var sent: [String: String] = [:]
    var isOrganiser: Bool
    var isInside: Bool
    var isParticipant: Bool
    var participants: [Participant]
    var rooms: [(name: String, capacity: Int)]
    var slots: [(id: String, label: String, kind: String)]
    var hasSchedule: Bool
    var blocks: [(title: String, path: String)]
    /// Anbieter may apply for a pitch now (a block exists, the event is not over).
    var pitchApplicationsOpen = false
    var hasPitchBlocks: Bool { !blocks.isEmpty }
    var csrf: String?
    var errors: [String] = []
    var title: String { name }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(name)),
            .p(
                .class("meta"), .text("\(when) · \(place.isEmpty ? "online" : place) · Veranstaltet von \(organiser) · "),
                .span(.class("badge"), .text("Phase: \(phase.label)"))),
            .formErrors(errors),
            .if(!description.isEmpty, .div(.class("prose"), .forEach(description.components(separatedBy: "\n\n")) { .p(.text($0)) })),
            .if(!onlineURL.isEmpty, .p(.text("Online: "), .a(.safeHref(onlineURL), .attribute(named: "rel", value: "noopener"), .text(onlineURL)))),
            .nav(
                .ariaLabel("Bereiche der Veranstaltung"),
                .ul(
                    .class("inline-list"),
                    .li(.a(.safeHref(path + "/sessions"), .text("Sessions"))),
                    .if(hasSchedule, .li(.a(.safeHref(path + "/programm"), .text("Programm")))),
                    .if(isOrganiser, .li(.a(.safeHref(path + "/planung"), .text("Planung")))),
                    .li(.a(.safeHref(path + "/buehne"), .text("Pitch-Bühne"))),
                    .if(pitchApplicationsOpen, .li(.a(.safeHref(path + "/pitch-bewerbung"), .text("Für einen Pitch bewerben")))),
                    .if(isOrganiser && hasPitchBlocks, .li(.a(.safeHref(path + "/pitch-bewerbungen"), .text("Pitch-Bewerbungen")))),
                    .if(isParticipant && meetingTables > 0, .li(.a(.safeHref(path + "/treffen"), .text("1:1-Treffen")))),
                    // Organisers set the meeting windows even when they do not take part themselves.
                    .if(isOrganiser, .li(.a(.safeHref(path + "/treffen/fenster"), .text("1:1-Zeitfenster")))),
                    .if(isInside, .li(.a(.safeHref(path + "/agenda"), .text("Meine Agenda"))))
                )),
            registrationSection(),
            .if(isInside, participantsSection()),
            .if(isOrganiser, organiserSection())
        )
    }

    private func registrationSection() -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Anmeldung")),
            .p(
                .text(
                    "\(confirmedCount) von \(capacity) Plätzen belegt" + (waitlistCount > 0 ? ", \(waitlistCount) auf der Warteliste" : "")
                        + ". Die Anmeldung ist " + (registrationOpen ? "offen." : "geschlossen."))),
            .unwrap(myStatus) { status in
                .group(
                    .p(.strong(.text("Sie sind \(status)."))),
                    .unwrap(csrf) {
                        .form(
                            .safeAction(path + "/abmelden"), .method(.post), .csrf($0),
                            .button(.type(.submit), .class("secondary"), .text("Abmelden")))
                    })
            },
            .if(
                myStatus == nil && registrationOpen && signedIn,
                .unwrap(csrf) { csrf in
                    .form(
                        .class("stacked"), .safeAction(path + "/anmelden"), .method(.post), .csrf(csrf),
                        .selectField(
                            "fuer", label: "Ich komme für", options: registrationChoices,
                            selected: sent["fuer"] ?? registrationChoices.first?.value ?? ""),
                        .optionalField(
                            "organisation", label: "Name der Behörde oder Organisation (bei „Behörde“ oder „Sonstige“)",
                            value: sent["organisation"] ?? "", maxLength: 150),
                        .button(.type(.submit), .text(confirmedCount < capacity ? "Anmelden" : "Auf die Warteliste"))
                    )
                }),
            .if(!signedIn, .p(.a(.href("/anmelden"), .text("Melden Sie sich an")), .text(", um teilzunehmen.")))
        )
    }

    private func participantsSection() -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Teilnehmer:innen")),
            .if(isOrganiser, .p(.a(.safeHref(path + "/teilnehmende.csv"), .text("Teilnahmeliste als CSV (Excel)")))),
            .if(participants.isEmpty, .p(.text("Noch niemand angemeldet."))),
            .if(
                !participants.isEmpty,
                .scrollBox(
                    "Angemeldete Personen",
                    .table(
                        .caption(.text("Angemeldete Personen")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Name")),
                                .th(.attribute(named: "scope", value: "col"), .text("Art")),
                                .th(.attribute(named: "scope", value: "col"), .text("Für")),
                                .th(.attribute(named: "scope", value: "col"), .text("Status")),
                                .th(.attribute(named: "scope", value: "col"), .text("1:1")))),
                        .tbody(
                            .forEach(participants) { p in
                                .tr(
                                    .td(.text(p.name)), .td(.text(p.type)), .td(.text(p.organisation)),
                                    .td(.text(p.waitlisted ? "Warteliste" : "bestätigt")),
                                    .td(
                                        .if(
                                            meetingTables > 0 && !p.waitlisted && p.userID != myUserID,
                                            .a(.safeHref(path + "/treffen?mit=\(p.userID)&anlass=Teilnehmerliste"), .text("Treffen anfragen")))))
                            })
                    )))
        )
    }

    private func organiserSection() -> Node<HTML.BodyContext> {
        guard let csrf else { return .empty }
        return .section(
            .h2(.text("Organisation")),
            .p(.a(.safeHref(path + "/bearbeiten"), .text("Veranstaltung bearbeiten (Titel, Tage, Ort, Plätze, Räume)"))),
            .h3(.text("Phase")),
            .form(
                .class("inline"), .safeAction(path + "/phase"), .method(.post), .csrf(csrf),
                .selectField(
                    "phase", label: "Phase", options: EventPhase.allCases.map { ($0.rawValue, $0.label) }, selected: sent["phase"] ?? phase.rawValue),
                .button(.type(.submit), .text("Phase setzen"))),
            .h3(.text("Anmeldung")),
            .form(
                .class("inline"), .safeAction(path + "/anmeldung"), .method(.post), .csrf(csrf),
                .field("plaetze", id: "plaetze-neu", label: "Plätze", type: .number, value: sent["plaetze"] ?? String(capacity)),
                .selectField(
                    "status", label: "Anmeldung", options: [("offen", "offen"), ("geschlossen", "geschlossen")],
                    selected: sent["status"] ?? (registrationOpen ? "offen" : "geschlossen")),
                .button(.type(.submit), .text("Speichern"))),
            .h3(.text("Räume")),
            .if(rooms.isEmpty, .p(.text("Noch keine Räume."))),
            .ul(.forEach(rooms) { .li(.text("\($0.name) – \(GermanFormat.count($0.capacity, "Platz", "Plätze"))")) }),
            .form(
                .class("inline"), .safeAction(path + "/raeume"), .method(.post), .csrf(csrf),
                .field("name", id: "raum-name", label: "Raum", value: sent["name"] ?? "", maxLength: 80),
                .field("kapazitaet", label: "Plätze im Raum", type: .number, value: sent["kapazitaet"] ?? "30"),
                .button(.type(.submit), .text("Raum hinzufügen"))),
            .h3(.id("zeitraster"), .text("Zeitraster")),
            .if(slots.isEmpty, .p(.text("Noch keine Zeitfenster."))),
            .ul(
                .forEach(slots) { slot in
                    .li(
                        .text("\(slot.label) – \(slot.kind) "),
                        .form(
                            .class("inline"), .safeAction(path + "/zeitfenster/\(slot.id)/entfernen"), .method(.post), .csrf(csrf),
                            .button(.type(.submit), .class("secondary"), .text("Entfernen"))))
                }),
            .form(
                .class("inline"), .safeAction(path + "/zeitfenster"), .method(.post), .csrf(csrf),
                .field("tag", label: "Tag", type: .date, value: sent["tag"] ?? ""),
                .field("von", label: "Von (HH:MM)", type: .time, value: sent["von"] ?? ""),
                .field("bis", label: "Bis (HH:MM)", type: .time, value: sent["bis"] ?? ""),
                .selectField(
                    "art", id: "slot-art", label: "Art", options: SlotGrid.Kind.allCases.map { ($0.rawValue, $0.label) },
                    selected: sent["art"] ?? "session"),
                .button(.type(.submit), .text("Zeitfenster hinzufügen")))
        )
    }
}

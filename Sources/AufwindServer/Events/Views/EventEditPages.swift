import AufwindCore
import Foundation
import Plot

/// `/veranstaltungen/{id}/bearbeiten`: the event's facts and its rooms, for the organising team.
struct EventEditPage: PageView {
    struct Room {
        var id: String
        var name: String
        /// As stored, or as sent when the room's form comes back with errors.
        var capacity: String
        var sessions: Int
    }

    var path: String
    var name: String
    var version: Int
    /// The form's fields as stored, or as sent when the form comes back with errors.
    var values: [String: String]
    var rooms: [Room]
    var csrf: String
    var errors: [String] = []
    var title: String { "Veranstaltung bearbeiten – \(name)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.a(.safeHref(path), .text("Zurück zur Veranstaltung"))),
            .formErrors(errors),
            .form(
                .class("stacked"), .safeAction(path + "/bearbeiten"), .method(.post), .csrf(csrf),
                .input(.type(.hidden), .name("version"), .safeValue(String(version))),
                .field("titel", label: "Titel", value: values["titel"] ?? "", maxLength: 150),
                .textArea("beschreibung", label: "Beschreibung (optional)", value: values["beschreibung"] ?? "", maxLength: 5000),
                .field("erster_tag", label: "Erster Tag", type: .date, value: values["erster_tag"] ?? ""),
                .optionalField("letzter_tag", label: "Letzter Tag (leer: eintägig)", type: .date, value: values["letzter_tag"] ?? ""),
                .p(.class("hint"), .text("Das Zeitraster zieht mit dem ersten Tag mit. Angemeldete erfahren neue Tage und einen neuen Ort.")),
                .optionalField("ort", label: "Ort (Adresse)", value: values["ort"] ?? "", maxLength: 200),
                .optionalField("online", label: "Online-Link (https://…)", type: .url, value: values["online"] ?? "", maxLength: 500),
                .field("plaetze", label: "Plätze", type: .number, value: values["plaetze"] ?? ""),
                .field("tische", label: "Tische für 1:1-Treffen (0: keine)", type: .number, value: values["tische"] ?? "0"),
                .button(.type(.submit), .text("Änderungen speichern"))),
            .h2(.text("Räume")),
            .if(rooms.isEmpty, .p(.text("Noch keine Räume; legen Sie sie auf der Seite der Veranstaltung an."))),
            .forEach(rooms) { room in
                .div(
                    .form(
                        .class("inline"), .safeAction(path + "/raeume/\(room.id)"), .method(.post), .csrf(csrf),
                        .field("name", id: "raum-\(room.id)-name", label: "Raum", value: room.name, maxLength: 80),
                        .field("kapazitaet", id: "raum-\(room.id)-plaetze", label: "Plätze im Raum", type: .number, value: room.capacity),
                        .button(.type(.submit), .text("Raum speichern"))),
                    .p(
                        .a(
                            .safeHref(path + "/raeume/\(room.id)/entfernen"),
                            .text(
                                room.sessions == 0
                                    ? "Raum „\(room.name)“ entfernen" : "Raum „\(room.name)“ entfernen (\(room.sessions) eingeplante Sessions) …"))))
            },
            .h2(.text("Zeitraster")),
            .p(
                .text("Zeitfenster legen Sie auf der "), .a(.safeHref(path + "#zeitraster"), .text("Seite der Veranstaltung")),
                .text(" an und entfernen sie dort."))
        )
    }
}

/// `/veranstaltungen/{id}/raeume/{room}/entfernen`: what happens to the room's sessions.
struct RoomRemovalPage: PageView {
    var path: String
    var eventName: String
    var roomID: String
    var roomName: String
    /// The sessions planned in the room, with their time.
    var sessions: [(title: String, when: String)]
    var otherRooms: [(value: String, label: String)]
    /// The choice as sent, when the form comes back with errors.
    var chosen: String
    var target: String
    var csrf: String
    var errors: [String] = []
    var title: String { "Raum „\(roomName)“ entfernen" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(.a(.safeHref(path + "/bearbeiten"), .text("Zurück zu „\(eventName)“ bearbeiten"))),
            .formErrors(errors),
            sessions.isEmpty
                ? .p(.text("In diesem Raum ist keine Session eingeplant."))
                : .group(
                    .p(.text("In diesem Raum sind eingeplant:")),
                    .ul(.forEach(sessions) { .li(.text("\($0.title) – \($0.when)")) }),
                    .p(.text("Wer eine dieser Sessions leitet oder sich für sie interessiert, wird benachrichtigt."))),
            .form(
                .class("stacked"), .safeAction(path + "/raeume/\(roomID)/entfernen"), .method(.post), .csrf(csrf),
                .if(
                    !sessions.isEmpty,
                    .fieldset(
                        .element(named: "legend", text: "Was geschieht mit diesen Sessions?"),
                        .if(
                            !otherRooms.isEmpty,
                            .radio(
                                name: "sessions", id: "sessions-verschieben", value: "verschieben", label: "In einen anderen Raum, zur selben Zeit",
                                checked: chosen == "verschieben")),
                        .radio(
                            name: "sessions", id: "sessions-ausplanen", value: "ausplanen", label: "Ausplanen: Das Team plant sie neu ein",
                            checked: chosen == "ausplanen"))),
                .if(!sessions.isEmpty && !otherRooms.isEmpty, .selectField("ziel", label: "Anderer Raum", options: otherRooms, selected: target)),
                .button(.type(.submit), .text("Raum „\(roomName)“ entfernen")))
        )
    }
}

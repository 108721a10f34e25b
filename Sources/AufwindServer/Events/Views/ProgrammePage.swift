import AufwindCore
import Foundation
import Plot

/// The published programme, as read from a version, with what else the event's grid holds.
struct PublishedProgramme {
    var timetable: ProgrammeTimetable
    /// Tables for 1:1 meetings in every meeting window (0: no meetings).
    var meetingTables: Int
    var pitchBlocks: [(title: String, path: String)]
    var version: Int
    var publishedAt: Date?
    var changes: [ScheduleChange]
}

/// `/veranstaltungen/{id}/programm`: the public schedule with what changed, print-friendly.
/// On a wide screen the grid (rooms × time), below 40rem (640 px) a list per slot with the room
/// on each session; `?ansicht=liste` / `?ansicht=raster` shows one of them at every width.
/// Breaks, 1:1 windows and pitch blocks are in both; each session carries its Handlungsfeld as
/// text and as colour.
struct ProgrammePage: PageView {
    enum Presentation: String {
        /// Grid on wide screens, list on phones (the page holds both; the stylesheet picks one).
        case beides
        case liste
        case raster

        init(query: String?) { self = query.flatMap(Self.init(rawValue:)) ?? .beides }
    }

    /// A participant's "Mein Programm": buttons on the server; without it the page offers
    /// marking on this device (`programm.js`, localStorage).
    struct Marking {
        var csrf: String
        var marked: Set<String>
    }

    var eventPath: String
    var eventTitle: String
    var when: String
    var place: String
    var programme: PublishedProgramme
    var presentation: Presentation
    var marking: Marking?
    var title: String { "Programm – \(eventTitle)" }
    var timetable: ProgrammeTimetable { programme.timetable }

    func content() -> Node<HTML.BodyContext> {
        .div(
            .safeClass("programme-page zeige-\(presentation.rawValue)"), .safeAttribute("data-merkliste", marking == nil ? eventPath : nil),
            .h1(.text(title)),
            .p(
                .text(
                    "\(when) · \(place) · Version \(programme.version)"
                        + (programme.publishedAt.map { ", veröffentlicht \(GermanFormat.dateTime($0))" } ?? ""))),
            switcher,
            .unwrap(marking) { marking in
                .p(
                    .class("no-print"),
                    .text("Mein Programm: " + GermanFormat.count(marking.marked.count, "Session gemerkt", "Sessions gemerkt") + " – "),
                    .a(.safeHref(eventPath + "/agenda"), .text("Meine Agenda mit Überschneidungen und Kalender-Abo")))
            },
            .if(
                !programme.changes.isEmpty,
                .section(
                    .class("changes"), .h2(.text("Änderungen seit der letzten Version")),
                    .ul(.forEach(programme.changes) { .li(.span(.class("badge"), .text($0.kind.rawValue)), .text(" " + $0.text)) })
                )),
            .if(presentation != .liste, grid),
            .if(presentation != .raster, list),
            .if(
                !programme.pitchBlocks.isEmpty,
                .section(
                    .class("pitch-blocks"), .h2(.text("Pitches auf der Bühne")),
                    .ul(.forEach(programme.pitchBlocks) { .li(.a(.safeHref($0.path), .text($0.title))) }))),
            .toggleLiveRegion,
            .nav(
                .class("no-print"), .ariaLabel("Programm exportieren"),
                .ul(
                    .class("inline-list"),
                    .li(.a(.safeHref(eventPath + "/programm.ics"), .text("Kalender-Abo (iCal) für Outlook, Thunderbird oder das Smartphone"))),
                    .li(.a(.safeHref(eventPath + "/programm.csv"), .text("Programm als Tabelle für Excel (CSV)"))),
                    .li(.a(.safeHref(eventPath + "/programm.xml"), .text("Für Konferenz-Apps wie Giggity (Frab-XML, das übliche Programmformat)"))),
                    .li(.a(.safeHref(eventPath + "/programm.json"), .text("Programmdaten als JSON (Frab-Format, für eigene Auswertungen)"))),
                    .li(.a(.safeHref(eventPath + "/raumschilder"), .text("Raumschilder drucken"))),
                    .li(.a(.safeHref(eventPath), .text("Zur Veranstaltung")))
                )),
            .script(.safeSrc(SiteAsset.programmeScript.path))
        )
    }

    /// Links between the two views; they work without JavaScript.
    private var switcher: Node<HTML.BodyContext> {
        .nav(
            .class("view-switch no-print"), .ariaLabel("Ansicht des Programms"),
            .ul(
                .class("inline-list"),
                .li(
                    .class("to-list"),
                    .a(
                        .safeHref(eventPath + "/programm?ansicht=liste"), .safeAttribute("aria-current", presentation == .liste ? "page" : nil),
                        .text("Als Liste je Zeitfenster"))),
                .li(
                    .class("to-grid"),
                    .a(
                        .safeHref(eventPath + "/programm?ansicht=raster"), .safeAttribute("aria-current", presentation == .raster ? "page" : nil),
                        .text("Als Raster (Räume × Zeit)")))))
    }

    /// The anchor of a session: the list's in the list view and on phones' half of the page,
    /// the grid's otherwise (one id per session on every page).
    private func anchor(_ session: String, inList: Bool) -> String {
        switch presentation {
        case .beides: inList ? "liste-session-\(session)" : "session-\(session)"
        case .liste, .raster: "session-\(session)"
        }
    }

    private func trackClass(_ field: Handlungsfeld?) -> String { "track track-\(field?.rawValue ?? "ohne")" }

    private func facts(_ session: ProgrammeTimetable.Session, room: Bool) -> Node<HTML.BodyContext> {
        .group(
            .if(room, .span(.class("room-label"), .text("Raum: " + session.room))),
            .span(.class("track-label"), .text(session.field?.label ?? "ohne Handlungsfeld")),
            .if(!session.hosts.isEmpty, .span(.class("meta"), .text("Leitung: " + session.hosts))))
    }

    private func toggle(_ session: ProgrammeTimetable.Session, view: Presentation) -> Node<HTML.BodyContext> {
        .unwrap(marking) { marking in
            ToggleForm(
                action: "\(eventPath)/programm/\(session.id)/merken", csrf: marking.csrf, field: "merken",
                isOn: marking.marked.contains(session.id), label: "Merken", onText: "✓ in Mein Programm",
                offText: "nicht mehr in Mein Programm", subject: session.title,
                key: session.id, hidden: [("ansicht", view.rawValue)]
            ).node
        }
    }

    private func slotNote(_ row: ProgrammeTimetable.Row) -> Node<HTML.BodyContext> {
        switch row.slot.kind {
        case .pause: .text("Pause")
        case .treffen:
            .group(
                .text(
                    "1:1-Treffen"
                        + (programme.meetingTables > 0 ? " an " + GermanFormat.count(programme.meetingTables, "Tisch", "Tischen") : "") + " – "),
                .a(.safeHref(eventPath + "/treffen"), .text("Treffen vereinbaren")))
        case .session: .text("Noch keine Session in diesem Zeitfenster.")
        }
    }

    private var grid: Node<HTML.BodyContext> {
        .div(
            .class("programme-grid"),
            .forEach(timetable.days) { day in
                .scrollBox(
                    "Programm am " + GermanFormat.date(iso: day.day),
                    .table(
                        .class("programme cards"),
                        .caption(.text(GermanFormat.date(iso: day.day))),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Zeit")),
                                .forEach(timetable.rooms) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                        .tbody(.forEach(day.rows) { gridRow($0) })
                    ))
            })
    }

    private func gridRow(_ row: ProgrammeTimetable.Row) -> Node<HTML.TableContext> {
        let cells: Node<HTML.TableRowContext>
        if row.slot.kind == .session {
            cells = .forEach(timetable.rooms) { room in gridCell(row, room: room) }
        } else {
            cells = .td(
                .safeAttribute("colspan", String(max(timetable.rooms.count, 1))), .safeAttribute("data-label", row.slot.kind.label),
                .class("slot-note"), slotNote(row))
        }
        return .tr(.safeClass("slot-\(row.slot.kind.rawValue)"), .th(.attribute(named: "scope", value: "row"), .text(row.slot.timeLabel)), cells)
    }

    private func gridCell(_ row: ProgrammeTimetable.Row, room: String) -> Node<HTML.TableRowContext> {
        guard let session = row.session(in: room) else { return .td(.safeAttribute("data-label", room)) }
        let content: Node<HTML.BodyContext> = .div(
            .safeID(anchor(session.id, inList: false)), .safeClass(trackClass(session.field)), .safeAttribute("data-session", session.id),
            .a(.safeHref("\(eventPath)/sessions/\(session.id)"), .text(session.title)),
            facts(session, room: false), toggle(session, view: .raster))
        return .td(.safeAttribute("data-label", room), content)
    }

    private var list: Node<HTML.BodyContext> {
        .div(
            .class("programme-list"),
            .forEach(timetable.days) { day in
                .section(
                    .h2(.text("Programm am " + GermanFormat.date(iso: day.day))),
                    .forEach(day.rows) { listBlock($0) })
            })
    }

    private func listBlock(_ row: ProgrammeTimetable.Row) -> Node<HTML.BodyContext> {
        let body: Node<HTML.BodyContext>
        if row.slot.kind == .session && !row.sessions.isEmpty {
            body = .ul(.class("session-list"), .forEach(row.sessions) { .li(listItem($0)) })
        } else {
            body = .p(.class("slot-note"), slotNote(row))
        }
        return .section(
            .safeClass("slot-block slot-\(row.slot.kind.rawValue)"),
            .h3(.text(row.slot.timeLabel + " Uhr"), .span(.class("meta"), .text(" · " + row.slot.kind.label))),
            body)
    }

    private func listItem(_ session: ProgrammeTimetable.Session) -> Node<HTML.BodyContext> {
        .group(
            .safeID(anchor(session.id, inList: true)), .safeClass(trackClass(session.field)), .safeAttribute("data-session", session.id),
            .a(.class("session-title"), .safeHref("\(eventPath)/sessions/\(session.id)"), .text(session.title)),
            .div(.class("session-facts"), facts(session, room: true)), toggle(session, view: .liste))
    }
}

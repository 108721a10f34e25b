import Plot

/// `/kommunen/{key}/kalender`: the town's secret calendar link for all its Verbund dates.
struct TownCalendarPage: PageView {
    var key: String
    var townName: String
    var link: String?
    var csrf: String
    var title: String { "Kalender – \(townName)" }

    func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    "Alle Fristen, Meilensteine und Aufgaben der Verbünde, in denen \(townName) dabei ist, als Kalender-Abo (iCal) für Outlook, Thunderbird oder das Smartphone: Sie tragen den Link dort einmal ein, neue Termine erscheinen von selbst. "
                )),
            .p(.text("Der Link ist geheim: Wer ihn kennt, sieht die Termine. Ein neuer Link macht den alten ungültig.")),
            .unwrap(link) { .p(.class("notice"), .text("Ihr Link für das Kalender-Abo (nur jetzt sichtbar): "), .code(.text($0))) },
            .form(
                .safeAction("/kommunen/\(key)/kalender"), .method(.post), .csrf(csrf),
                .button(.type(.submit), .text("Neuen Link für das Kalender-Abo erzeugen")))
        )
    }
}

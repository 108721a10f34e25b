import AufwindCore
import Plot

extension Node where Context == HTML.FormContext {
    /// One radio button (`auswahl`) for a town a typed name may mean: its name, Kreis, Land,
    /// population and AGS. Used wherever a name is asked about (joining a town, inviting one).
    static func townChoice(_ choice: TownChoice, chosen: String?) -> Node {
        .div(
            .class("choice"),
            .input(
                .type(.radio), .safeID("auswahl-\(choice.key)"), .safeName("auswahl"), .safeValue(choice.key),
                .checked(choice.key == chosen)),
            .label(
                .safeFor("auswahl-\(choice.key)"), .strong(.text(choice.name)),
                .span(
                    .class("meta"),
                    .text(" – \(choice.kreis), \(choice.land) · \(GermanFormat.einwohner(choice.population)) · AGS \(choice.key)")))
        )
    }
}

extension Policy {
    /// One item, by the one visibility rule (`ItemAudience`). A draft is concealed from everybody
    /// outside its town: asking for it answers as if it did not exist.
    static func item(_ actor: Actor, _ resource: Resource) -> Decision {
        guard case .item(let facts) = resource else { return .concealed("Diesen Eintrag gibt es nicht.") }
        if ItemAudience.of(actor).sees(facts) { return .allowed }
        guard facts.published else { return .concealed("Diesen Eintrag gibt es nicht.") }
        return actor.isAuthenticated
            ? .denied("Dieser Eintrag ist nur für Mitglieder von Kommunen sichtbar.") : .denied("Bitte melden Sie sich an.")
    }
}

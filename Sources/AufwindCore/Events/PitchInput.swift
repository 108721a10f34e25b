/// A pitch for a pitch block, as the moderation form sends it. A town presents a published
/// Vorhaben, or an Anbieter pitches: then „Wer präsentiert“ and „Thema“ may stay empty and are
/// taken from there (the Vorhaben's town and title; the Anbieter's name and „Vorstellung von …“).
public struct PitchInput: Sendable, Equatable {
    public var presenter: String
    public var title: String

    /// What a chosen Vorhaben or Anbieter fills in for empty fields.
    public struct Source: Sendable, Equatable {
        public var presenter: String
        public var title: String

        /// A published Vorhaben of a town.
        public static func item(town: String, title: String) -> Source { Source(presenter: town, title: title) }
        /// A confirmed Anbieter.
        public static func anbieter(name: String) -> Source { Source(presenter: name, title: "Vorstellung von \(name)") }
    }

    /// The typed fields win; empty ones are taken from the Vorhaben (first) or the Anbieter.
    public static func validate(presenter: String?, title: String?, item: Source?, anbieter: Source?) -> Result<PitchInput, ValidationMessages> {
        var check = InputChecker()
        let typedPresenter = (presenter ?? "").trimmingSpaces
        let typedTitle = (title ?? "").trimmingSpaces
        let presenterDefault = anbieter?.presenter ?? item?.presenter ?? ""
        let titleDefault = String((item?.title ?? anbieter?.title ?? "").prefix(150))
        let presenterValue = check.text(typedPresenter.isEmpty ? presenterDefault : typedPresenter, "Wer präsentiert", length: 2...120)
        let titleValue = check.text(typedTitle.isEmpty ? titleDefault : typedTitle, "Thema oder Vorhaben", length: 2...150)
        return check.result(PitchInput(presenter: presenterValue, title: titleValue))
    }
}

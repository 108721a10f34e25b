/// The iCal feeds of Verbund dates, behind the secret calendar links: one Verbund's dates, and a
/// town's dates over all the Verbünde it is in. `link` gives a Verbund's address by its id.
public enum VerbundCalendar {
    public static func verbund(named name: String, dates: [VerbundDate], directory: TownDirectory, link: (String) -> String) -> ICalendar {
        ICalendar(
            name: "Verbund \(name)",
            events: dates.map { date in
                ICalendar.Event(
                    uid: "\(date.id)@aufwind", date: date.due, summary: "\(date.kindLabel): \(date.title)" + (date.done ? " (erledigt)" : ""),
                    description: "Verbund „\(name)“, verantwortlich: \(directory.name(of: date.ownerKey) ?? date.ownerKey)", url: link(date.verbundID)
                )
            })
    }

    /// `verbundNames`: Verbund id → name.
    public static func town(
        _ key: String, dates: [VerbundDate], verbundNames: [String: String], directory: TownDirectory, link: (String) -> String
    ) -> ICalendar {
        ICalendar(
            name: "Verbund-Termine \(directory.name(of: key) ?? key)",
            events: dates.map { date in
                ICalendar.Event(
                    uid: "\(date.id)@aufwind", date: date.due,
                    summary: "\(date.kindLabel): \(date.title) (\(verbundNames[date.verbundID] ?? "Verbund"))" + (date.done ? " – erledigt" : ""),
                    description: "Verbund „\(verbundNames[date.verbundID] ?? "")“", url: link(date.verbundID))
            })
    }
}

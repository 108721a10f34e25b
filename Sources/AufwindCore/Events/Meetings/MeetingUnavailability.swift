/// The times a participant cannot meet, per meeting window, as stored with their registration:
/// `"<window id>@600-615,<window id>@630-645"` (minutes of the window's day). Times rather than
/// slot numbers, so that they keep their meaning when the organiser changes the meeting length.
public struct MeetingUnavailability: Sendable, Equatable {
    public private(set) var times: [String: [Range<Int>]]

    public init(_ times: [String: [Range<Int>]] = [:]) {
        self.times = times.filter { !$0.value.isEmpty }
    }

    /// Reads the stored text; anything unreadable is left out (the text is only written by `text`).
    public init(text: String) {
        var times: [String: [Range<Int>]] = [:]
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "@")
            guard parts.count == 2 else { continue }
            let bounds = parts[1].split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] < bounds[1] else { continue }
            times[String(parts[0]), default: []].append(bounds[0]..<bounds[1])
        }
        self.init(times)
    }

    public var text: String {
        times.keys.sorted().flatMap { window in
            times[window, default: []].sorted { $0.lowerBound < $1.lowerBound }.map { "\(window)@\($0.lowerBound)-\($0.upperBound)" }
        }.joined(separator: ",")
    }

    public func blocks(window: String, _ slot: MeetingWindows.MeetingSlot) -> Bool {
        times[window, default: []].contains { $0.overlaps(slot.start..<slot.end) }
    }

    /// Whether the blocked times cover the whole slot (not only a part of it).
    public func covers(window: String, _ slot: MeetingWindows.MeetingSlot) -> Bool {
        (slot.start..<slot.end).allSatisfy { minute in times[window, default: []].contains { $0.contains(minute) } }
    }

    /// The windows whose times differ between the two.
    public func changedWindows(comparedTo other: MeetingUnavailability) -> Set<String> {
        Set(times.keys).union(other.times.keys).filter { (times[$0] ?? []).sorted(by: Self.order) != (other.times[$0] ?? []).sorted(by: Self.order) }
    }

    static func order(_ a: Range<Int>, _ b: Range<Int>) -> Bool { (a.lowerBound, a.upperBound) < (b.lowerBound, b.upperBound) }
}

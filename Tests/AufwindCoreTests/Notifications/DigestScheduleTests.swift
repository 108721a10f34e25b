import AufwindCore
import Foundation
import Testing

@Suite("Digest schedule: daily at the local hour, weekly on Mondays, in German time")
struct DigestScheduleTests {
    static func berlin(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Berlin")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    @Test("before 7:00 the period is yesterday's, from 7:00 on it is today's")
    func daily() {
        let schedule = DigestSchedule(hour: 7)
        #expect(schedule.currentPeriod(.daily, now: Self.berlin("2026-03-18 06:59")).key == "2026-03-17")
        let today = schedule.currentPeriod(.daily, now: Self.berlin("2026-03-18 07:00"))
        #expect(today.key == "2026-03-18")
        #expect(today.scheduled == Self.berlin("2026-03-18 07:00"))
        #expect(schedule.currentPeriod(.daily, now: Self.berlin("2026-03-18 23:59")).key == "2026-03-18")
    }

    @Test("the weekly period is named by its Monday and begins at the hour")
    func weekly() {
        let schedule = DigestSchedule(hour: 7)
        #expect(schedule.currentPeriod(.weekly, now: Self.berlin("2026-03-16 07:30")).key == "2026-03-16")  // a Monday
        #expect(schedule.currentPeriod(.weekly, now: Self.berlin("2026-03-22 22:00")).key == "2026-03-16")  // Sunday
        #expect(schedule.currentPeriod(.weekly, now: Self.berlin("2026-03-16 06:00")).key == "2026-03-09")
    }

    @Test("the hour stays local across the change to summer time (29 March 2026)")
    func daylightSaving() {
        let schedule = DigestSchedule(hour: 7)
        let period = schedule.currentPeriod(.daily, now: Self.berlin("2026-03-29 08:00"))
        #expect(period.key == "2026-03-29")
        #expect(period.scheduled == Self.berlin("2026-03-29 07:00"))
        #expect(DigestSchedule(hour: 30).hour == 23)
    }

    @Test("standard cadences: what waits on someone at once, partner matches daily")
    func standards() {
        #expect(NotificationCadence.standard(for: .anfragen) == .sofort)
        #expect(NotificationCadence.standard(for: .nachrichten) == .sofort)
        #expect(NotificationCadence.standard(for: .fristen) == .sofort)
        #expect(NotificationCadence.standard(for: .veranstaltungen) == .sofort)
        #expect(NotificationCadence.standard(for: .passendeEintraege) == .taeglich)
        #expect(NotificationCadence.taeglich.digest == .daily && NotificationCadence.woechentlich.digest == .weekly)
        #expect(NotificationCadence.sofort.digest == nil && NotificationCadence.nie.digest == nil)
    }
}

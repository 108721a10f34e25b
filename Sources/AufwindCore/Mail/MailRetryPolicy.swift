import Foundation

/// When a mail that could not be delivered is tried again: exponential back-off (1, 2, 4, … minutes,
/// at most 6 hours apart), and after the last attempt the mail is undeliverable. With the standard
/// values that is 15 attempts over about 38½ hours, so a mail server that is down for a night or a
/// weekend day loses nothing, and a mail that cannot go out is reported to the admins within two days.
public struct MailRetryPolicy: Sendable, Equatable {
    public var firstDelay: Duration
    public var maximumDelay: Duration
    public var maximumAttempts: Int

    public init(firstDelay: Duration, maximumDelay: Duration, maximumAttempts: Int) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
    }

    public static let standard = MailRetryPolicy(firstDelay: .seconds(60), maximumDelay: .seconds(6 * 3600), maximumAttempts: 15)

    /// What follows the failed attempt number `attempt` (1 for the first).
    public enum Decision: Sendable, Equatable {
        case retry(after: Duration)
        case giveUp
    }

    /// A permanent refusal (the server says the mailbox does not exist) is given up at once:
    /// asking again would only be refused again.
    public func decision(afterFailedAttempt attempt: Int, permanent: Bool = false) -> Decision {
        if permanent || attempt >= maximumAttempts { return .giveUp }
        let doublings = min(max(attempt - 1, 0), 40)
        let seconds = min(firstDelay.secondsValue * pow(2, Double(doublings)), maximumDelay.secondsValue)
        return .retry(after: .milliseconds(Int64((seconds * 1000).rounded())))
    }

    /// From the first attempt to the last, when every attempt fails.
    public var totalSpan: Duration {
        (1..<max(maximumAttempts, 1)).reduce(Duration.zero) { total, attempt in
            if case .retry(let delay) = decision(afterFailedAttempt: attempt) { return total + delay }
            return total
        }
    }
}

extension Duration {
    /// Seconds as a floating-point number.
    public var secondsValue: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

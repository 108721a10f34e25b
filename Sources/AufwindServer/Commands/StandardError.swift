import Foundation
import Vapor

/// Standard error: logs and what a command tells people on the way (progress, problems).
/// Standard output carries only a command's result, so `check-eligibility --json` or
/// `schedule` can be piped into a JSON reader as they are.
public enum StandardError {
    /// One line, in one write (lines from several threads do not mix).
    public static func write(_ text: String, newLine: Bool = true) {
        FileHandle.standardError.write(Data((newLine ? text + "\n" : text).utf8))
    }
}

/// A console that writes to standard error, for the logger:
/// `LoggingSystem.bootstrap(console: StandardErrorConsole(), level: …)` keeps Vapor's log lines
/// (`[ INFO ] …`) but off standard output.
public final class StandardErrorConsole: Console {
    public init() {}

    public var size: (width: Int, height: Int) { (80, 24) }
    public var supportsANSICommands: Bool { false }
    public var userInfo: [AnySendableHashable: any Sendable] {
        get { [:] }
        set {}
    }

    public func input(isSecure: Bool) -> String { readLine() ?? "" }
    public func output(_ text: ConsoleText, newLine: Bool) { StandardError.write(text.description, newLine: newLine) }
    public func report(error: String, newLine: Bool) { StandardError.write(error, newLine: newLine) }
    public func clear(_ type: ConsoleClear) {}
}

extension CommandContext {
    /// Progress and problems for people, on standard error.
    func note(_ message: String) { StandardError.write(message) }

    /// Says once, on standard error, what went wrong and ends the command with `code`
    /// (the entry point exits with it and adds nothing).
    func fail(_ message: String, code: Int32 = 1) -> ExitCode {
        note(message)
        return ExitCode(code)
    }
}

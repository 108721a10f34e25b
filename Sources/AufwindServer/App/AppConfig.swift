import AufwindCore
import Foundation

/// Everything Aufwind reads from the environment, read once at start.
public struct AppConfig: Sendable {
    /// PostgreSQL URL; nil → SQLite.
    public var databaseURL: String?
    /// PostgreSQL schema to use (tests give every run its own).
    public var postgresSchema: String?
    public var sqlitePath: String
    /// How long a request waits for a free database connection before it fails (a test run on two
    /// cores with hundreds of applications at once gives it more).
    public var databaseConnectionWait: TimeInterval = 10
    /// Directories searched for reference data, first match wins.
    public var dataDirectoryCandidates: [String]
    public var baseURL: String
    /// `AUFWIND_DEV_MAILS=1`: `/dev/mails` open without admin login (development only).
    public var devMailsOpen = false
    /// `AUFWIND_SMTP_URL`: mails leave the outbox over SMTP; nil → they stay in the outbox.
    public var smtpURL: String?
    /// `AUFWIND_SMTP_CA_FILE`: PEM certificates the SMTP client trusts instead of the system's (an internal CA).
    public var smtpCAFile: String?
    /// How long one live stream of the pitch stage stays open before the browser reconnects
    /// (short, so that shutdown never waits long for it).
    public var liveStreamSeconds: Double = 55
    /// `AUFWIND_SESSION_IDLE_DAYS` / `AUFWIND_SESSION_MAX_DAYS`: when a signed-in session ends.
    public var sessionLifetime = SessionLifetime.standard
    /// `AUFWIND_TRUSTED_PROXIES`: reverse proxies whose `Forwarded`/`X-Forwarded-For` count.
    public var clientAddresses = ClientAddressResolver(trusted: [])
    /// `AUFWIND_METRICS_TOKEN`: `/metrics` needs it as bearer token; unset → only from this machine.
    public var metricsToken: String?
    /// What the environment said that cannot be used; `configure` refuses to start then.
    public var problems: [String] = []
    /// `AUFWIND_STAGE_STREAMS_PER_ADDRESS`: live streams of the pitch stage one client address
    /// may hold at a time on one instance (a further one gets 429).
    public var liveStreamsPerAddress = 8
    /// `AUFWIND_DIGEST_HOUR`: the local hour (Europe/Berlin, 0–23) of the daily digest and, on
    /// Mondays, the weekly one.
    public var digestHour = 7
    /// `AUFWIND_OPERATOR_…`: who runs this installation, for Impressum, Datenschutz and the
    /// contact form; incomplete → "Testbetrieb" on those pages and a warning for admins.
    public var operatorDetails = OperatorDetails()

    public init(
        databaseURL: String? = nil, postgresSchema: String? = nil, sqlitePath: String = "aufwind.sqlite",
        dataDirectoryCandidates: [String] = ["../shared/data", "data"], baseURL: String = "http://localhost:8080"
    ) {
        self.databaseURL = databaseURL
        self.postgresSchema = postgresSchema
        self.sqlitePath = sqlitePath
        self.dataDirectoryCandidates = dataDirectoryCandidates
        self.baseURL = baseURL
    }

    /// `DATABASE_URL`, `AUFWIND_SQLITE_PATH`, `AUFWIND_DATA_DIR`, `AUFWIND_BASE_URL` and the others of the README.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> AppConfig {
        func value(_ key: String) -> String? {
            guard let raw = environment[key], !raw.isEmpty else { return nil }
            return raw
        }
        var config = AppConfig(databaseURL: value("DATABASE_URL"), postgresSchema: value("AUFWIND_POSTGRES_SCHEMA"))
        if let path = value("AUFWIND_SQLITE_PATH") { config.sqlitePath = path }
        if let dir = value("AUFWIND_DATA_DIR") { config.dataDirectoryCandidates = [dir] }
        if let url = value("AUFWIND_BASE_URL") { config.baseURL = url }
        config.devMailsOpen = value("AUFWIND_DEV_MAILS") == "1"
        config.smtpURL = value("AUFWIND_SMTP_URL")
        switch SessionLifetime.fromDays(idle: value("AUFWIND_SESSION_IDLE_DAYS"), absolute: value("AUFWIND_SESSION_MAX_DAYS")) {
        case .success(let lifetime): config.sessionLifetime = lifetime
        case .failure(let message): config.problems.append(message.text)
        }
        if let proxies = value("AUFWIND_TRUSTED_PROXIES") {
            switch ClientAddressResolver.parse(proxies) {
            case .success(let resolver): config.clientAddresses = resolver
            case .failure(let message): config.problems.append(message.text)
            }
        }
        if let token = value("AUFWIND_METRICS_TOKEN") {
            if token.count < 16 { config.problems.append("AUFWIND_METRICS_TOKEN muss mindestens 16 Zeichen lang sein.") }
            config.metricsToken = token
        }
        if let raw = value("AUFWIND_STAGE_STREAMS_PER_ADDRESS") {
            if let streams = Int(raw), streams > 0 {
                config.liveStreamsPerAddress = streams
            } else {
                config.problems.append("AUFWIND_STAGE_STREAMS_PER_ADDRESS muss eine ganze Zahl größer als 0 sein, nicht „\(raw)“.")
            }
        }
        if let raw = value("AUFWIND_DIGEST_HOUR") {
            if let hour = Int(raw), (0...23).contains(hour) {
                config.digestHour = hour
            } else {
                config.problems.append("AUFWIND_DIGEST_HOUR muss eine Stunde zwischen 0 und 23 sein, nicht „\(raw)“.")
            }
        }
        config.smtpCAFile = value("AUFWIND_SMTP_CA_FILE")
        let operatorDetails = OperatorDetails.read(value)
        config.operatorDetails = operatorDetails.details
        config.problems += operatorDetails.problems
        return config
    }

    public var usesPostgres: Bool { databaseURL != nil }

    /// Behind HTTPS: `Secure` and `__Host-` cookies, HSTS.
    public var secureCookies: Bool { baseURL.hasPrefix("https://") }
}

import AufwindCore
import CSystemMemory
import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

extension Application {
    /// What `serve` does before it listens: migrate, import the register on first start
    /// when the files are there, and load it into memory.
    public func prepareForServing() async throws {
        // Two arenas serve two cores; more only keep freed memory resident per thread.
        aufwind_limit_malloc_arenas(2)
        try await useWriteAheadLog()
        // With several instances starting at once, one migrates (and imports the register) at a time.
        try await MigrationLock.withLock(postgresConfiguration, eventLoop: eventLoopGroup.any(), logger: logger) {
            try await autoMigrate()
            try await importRegisterIfEmpty()
            try await importFundingIfEmpty()
        }
        try await loadAndFollowChanges()
        startVerbundReminders()
        startMeetingReminders()
        startAccountJobs()
        startNotificationDigests()
        try startOutboxSender()
    }

    /// Loads what the instance answers from (register, match engine, Kreis shapes, funding catalogue)
    /// and follows every later write from the change log; then `/readyz` says ready.
    public func loadAndFollowChanges() async throws {
        // The copies loaded now start at this position of the log: later writes are applied to them.
        try await beginFollowingChanges()
        try await reloadRegister()
        await kreisShapes.load(logger: logger)
        try await prepareFunding()
        // What loading left behind (rows, texts, in the arenas of the threads that built the
        // indexes) goes back to the system once all of it is freed: here, after every part.
        _ = aufwind_release_free_memory()
        logger.info("Geladen: \(aufwind_resident_bytes() / 1_048_576) MB resident")
        readiness.markLoaded()
        startFollowingChanges()
    }

    /// Imports the register on first start (an empty register and the files in the data directory).
    func importRegisterIfEmpty() async throws {
        guard try await RegisterRepository(database: db).isEmpty() else { return }
        if let files = ReferenceDataLocator(candidates: aufwindConfig.dataDirectoryCandidates).locate() {
            logger.info("Register ist leer: importiere \(files.gv100ad.path)")
            let summary = try await RegisterImporter(database: db, logger: logger).importFiles(files)
            for line in summary.lines { logger.info("\(line)") }
        } else {
            logger.warning("\(ReferenceDataLocator.missingFilesMessage(candidates: aufwindConfig.dataDirectoryCandidates))")
        }
    }

    /// Turns queued account requests into mails (every second; each request claimed by one
    /// instance) and cleans up what expired (every hour, by the instance holding the hour's lease).
    func startAccountJobs() {
        let processor = AccountRequestProcessor(database: db, baseURL: aufwindConfig.baseURL, clock: wallClock)
        let maintenance = AccountMaintenance(database: db, lifetime: aufwindConfig.sessionLifetime, clock: wallClock)
        let logger = logger
        lifecycle.use(CancelOnShutdown(task: Task { await processor.run(logger: logger) }))
        let lease = jobLease
        lifecycle.use(CancelOnShutdown(task: Task { await maintenance.runPeriodically(lease: lease, logger: logger) }))
    }

    /// The daily and weekly digests of notifications: checked at start and every 5 minutes; each
    /// period goes out once, also with several instances (see `NotificationDigestJob`).
    func startNotificationDigests() {
        let job = notificationDigestJob
        lifecycle.use(CancelOnShutdown(task: Task { await job.runPeriodically() }))
    }

    var notificationDigestJob: NotificationDigestJob {
        NotificationDigestJob(
            database: db, baseURL: aufwindConfig.baseURL, schedule: DigestSchedule(hour: aufwindConfig.digestHour), clock: wallClock, logger: logger)
    }

    /// Starts sending the outbox when SMTP is configured; a broken URL stops the start with a clear message.
    func startOutboxSender() throws {
        guard let url = aufwindConfig.smtpURL else {
            logger.info("AUFWIND_SMTP_URL ist nicht gesetzt: E-Mails bleiben im Postausgang (/dev/mails).")
            return
        }
        var configuration: SMTPConfiguration
        switch SMTPConfiguration.parse(url) {
        case .failure(let message): throw Abort(.internalServerError, reason: message.text)
        case .success(let parsed): configuration = parsed
        }
        configuration.trustRootsFile = aufwindConfig.smtpCAFile
        let transport: SMTPTransport
        do {
            transport = try SMTPTransport(configuration: configuration, eventLoopGroup: eventLoopGroup)
        } catch {
            throw Abort(.internalServerError, reason: "\(error)")
        }
        let sender = OutboxSender(database: db, transport: transport, logger: logger, clock: wallClock)
        let task = Task { await sender.run() }
        lifecycle.use(CancelOnShutdown(task: task))
        logger.info("E-Mails werden über \(configuration.host):\(configuration.port) gesendet, \(configuration.security.germanDescription).")
        if configuration.security == .none {
            logger.warning(
                "AUFWIND_SMTP_URL mit smtp+insecure://: E-Mails (auch Links zum Zurücksetzen von Passwörtern) gehen unverschlüsselt an \(configuration.host)."
            )
        }
    }

    /// Sends the reminders 30/7/1 days before Verbund dates: at start and every hour (each goes
    /// out once, also with several instances: see `VerbundService.sendDueReminders`); once a day
    /// the gap alerts before programme deadlines (`VerbundGapAlerts`, exactly once as well).
    func startVerbundReminders() {
        let service = VerbundService(database: db, baseURL: aufwindConfig.baseURL, directory: TownDirectory(catalog: registerStore.catalog))
        let logger = logger
        let clock = wallClock
        let (database, baseURL) = (db, aufwindConfig.baseURL)
        let (register, funding, matching) = (registerStore, fundingStore, matchStore)
        let lease = jobLease
        let task = Task {
            var gapsChecked: String?
            while !Task.isCancelled {
                let today = FundingDates.today(clock.now())
                // One instance per hour goes through the dates (each reminder is claimed besides).
                guard (try? await lease.take("verbund-erinnerungen", for: 3_600, now: clock.now())) == true else {
                    try? await Task.sleep(for: .seconds(3600))
                    continue
                }
                do {
                    let sent = try await service.sendDueReminders(today: today)
                    if sent > 0 { logger.info("Verbund-Erinnerungen verschickt: \(sent)") }
                } catch {
                    logger.error("Verbund-Erinnerungen: \(error)")
                }
                // Once a day: Verbünde close to a deadline that still lack something.
                if gapsChecked != today {
                    do {
                        let alerts = VerbundGapAlerts(
                            database: database, baseURL: baseURL, register: register.catalog,
                            funding: funding.catalog, matching: matching.engine)
                        let sent = try await alerts.sendDue(today: today)
                        if sent > 0 { logger.info("Verbund-Lückenhinweise verschickt: \(sent)") }
                        gapsChecked = today
                    } catch {
                        logger.error("Verbund-Lückenhinweise: \(error)")
                    }
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        lifecycle.use(CancelOnShutdown(task: task))
    }

    /// Reminds both people of each planned 1:1 meeting shortly before it (`MeetingReminders`),
    /// checked every minute.
    func startMeetingReminders() {
        let reminders = MeetingReminders(database: db, baseURL: aufwindConfig.baseURL)
        let logger = logger
        let clock = wallClock
        let task = Task {
            while !Task.isCancelled {
                do {
                    let sent = try await reminders.sendDue(now: clock.now())
                    if sent > 0 { logger.info("Erinnerungen an 1:1-Treffen verschickt: \(sent)") }
                } catch {
                    logger.error("Erinnerungen an 1:1-Treffen: \(error)")
                }
                try? await Task.sleep(for: .seconds(60))
            }
        }
        lifecycle.use(CancelOnShutdown(task: task))
    }

    /// SQLite: write-ahead log, so readers never wait for a writer and a commit costs one fsync
    /// (synchronous stays FULL: an acknowledged write survives a crash). The mode is stored in the file.
    func useWriteAheadLog() async throws {
        guard !aufwindConfig.usesPostgres, let sql = db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }

    /// Reads the register from the database into the in-memory catalog.
    public func reloadRegister() async throws {
        let catalog = try await RegisterRepository(database: db).loadCatalog()
        registerStore.replace(with: catalog)
        try await reloadMatching(now: now)
        // Loading builds ~16,000 Fluent models that are garbage right after; hand the freed
        // heap back to the system so the resident size reflects what the server keeps.
        _ = aufwind_release_free_memory()
        logger.info("Register geladen: \(catalog.gemeinden.count) Gemeinden, Gebietsstand \(catalog.gebietsstand ?? "–")")
    }
}

/// Stops a background task when the application shuts down, and waits until it has stopped:
/// Vapor clears the application's storage (the databases) right after the lifecycle handlers,
/// so a task still in its loop would otherwise reach for a database that is gone. The wait is
/// bounded (`maximumWait`, like `RequestDrain`): a mail stuck on a silent server does not hold the
/// shutdown; the tasks capture what they use, so one that outlives it ends with an error, not a crash.
struct CancelOnShutdown: LifecycleHandler {
    static let maximumWait: Duration = .seconds(10)

    let task: Task<Void, Never>
    func shutdown(_ application: Application) { task.cancel() }
    func shutdownAsync(_ application: Application) async {
        task.cancel()
        let task = task
        // Whichever comes first: the task's end or the deadline (an unstructured race: awaiting a
        // task's value cannot be cancelled, so a task group would wait for it anyway).
        let finished: Bool = await withCheckedContinuation { continuation in
            let pending = NIOLockedValueBox<CheckedContinuation<Bool, Never>?>(continuation)
            let resume: @Sendable (Bool) -> Void = { value in pending.withLockedValue { $0.take() }?.resume(returning: value) }
            Task {
                await task.value
                resume(true)
            }
            Task {
                try? await Task.sleep(for: Self.maximumWait)
                resume(false)
            }
        }
        if !finished {
            application.logger.warning("Eine Hintergrundaufgabe endete nicht binnen \(Self.maximumWait); das Herunterfahren geht weiter.")
        }
    }
}

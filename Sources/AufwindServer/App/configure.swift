import Fluent
import Foundation
import Vapor

/// The composition root: the server, the tests and the commands all start here.
public func configure(_ app: Application, config: AppConfig) throws {
    guard config.problems.isEmpty else {
        throw Abort(.internalServerError, reason: config.problems.joined(separator: " "))
    }
    app.aufwindConfig = config
    app.instanceID = UUID().uuidString.lowercased()
    // The pages link the assets by their content hashes: without the files nothing can be served.
    if case .failure(let error) = AssetCatalog.bundled { throw Abort(.internalServerError, reason: "\(error)") }
    // A thread pool of the application's own, larger than its database connections. SQLite's calls
    // block a thread of it, and SQLiteNIO's busy handler retries at once: a connection waiting for
    // another's write transaction holds its thread until that commits. On the process-wide default
    // pool (one thread per core) two such waiters — of any applications in the process — left no
    // thread for the transactions they waited for, and everything stood still.
    app.threadPool = NIOThreadPool(numberOfThreads: max(4, System.coreCount * 2))
    try app.configureDatabase(config)
    app.migrations.add(AufwindMigrations.all)
    // Every form up to its documented limits fits (5,000 characters of umlauts are ~30 KB
    // encoded); larger bodies are refused with 413 before anything is saved.
    app.routes.defaultMaxBodySize = "256kb"
    app.passwords.use(app.environment == .testing ? .bcrypt(cost: 4) : .bcrypt)
    app.registerStore = RegisterStore()
    app.matchStore = MatchStore()
    app.solutionUsers = SolutionUserStore(registerStore: app.registerStore)
    app.solutionSearch = SolutionSearchCache()
    app.kreisShapes = KreisShapeStore(dataDirectoryCandidates: config.dataDirectoryCandidates, threadPool: app.threadPool)
    app.atlas = AtlasStore()
    app.fundingStore = FundingStore()
    app.sessionCache = SessionCache()
    app.unreadBadges = UnreadBadgeCache()
    app.readiness = Readiness()
    app.requestMetrics = RequestMetrics()
    app.scheduleCache = ScheduleCache()
    app.layoutShells = LayoutShells()
    app.itemPageSections = ItemPageSections()
    app.changeFeed = app.makeChangeFeed()
    app.stageBroadcaster = StageBroadcaster(clock: app.wallClock, logger: app.logger)
    // Registered after the databases, so the pollers stop before the databases close.
    app.lifecycle.use(Application.StageBroadcasterShutdown())

    let drain = RequestDrain()
    app.lifecycle.use(RequestDrain.Lifecycle(drain: drain))

    app.middleware = .init()
    app.middleware.use(RequestDrain.Middleware(drain: drain))
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(MetricsMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AufwindErrorMiddleware())
    app.middleware.use(InputGuardMiddleware())
    app.middleware.use(AtlasInvalidation(atlas: app.atlas))
    app.middleware.use(ChangeFeedMiddleware())

    try app.register(collection: OperationsController())
    try app.register(collection: StaticAssetsController())
    try app.register(collection: RegisterAPIController(openAPIDocument: OpenAPIDocument.bundled()))
    try app.register(collection: TownProfileAPIController())
    try app.register(collection: FeedsController())
    try app.register(collection: ItemsAPIController())
    try app.register(collection: EventsAPIController())
    try app.register(collection: FundingAPIController())
    try app.register(collection: SolutionsAPIController())
    try app.register(collection: AtlasAPIController())
    // The HTML site: sessions, the signed-in user, CSRF checks on every form, and the consent to
    // the current Nutzungsbedingungen before anything else.
    let site = app.grouped(
        SessionMiddleware(), RejectAPITokensMiddleware(), CSRFMiddleware(), TermsConsentMiddleware(), NotificationBadgeMiddleware())
    try site.register(collection: StartController())
    try site.register(collection: RegisterPagesController())
    try site.register(collection: AtlasController())
    try site.register(collection: AccountController())
    try site.register(collection: HomeController())
    try site.register(collection: MembershipController())
    try site.register(collection: APITokenController())
    try site.register(collection: PrivacyController())
    try site.register(collection: OrganisationController())
    try site.register(collection: RegionalDashboardController())
    try site.register(collection: ItemsController())
    try site.register(collection: ContactController())
    try site.register(collection: NotificationsController())
    try site.register(collection: NotificationSettingsController())
    // The one-click unsubscribe of mails: the signed link is the credential, so no CSRF check (RFC 8058).
    try app.grouped(SessionMiddleware(), RejectAPITokensMiddleware(), NotificationBadgeMiddleware()).register(collection: UnsubscribeController())
    try site.register(collection: FundingController())
    try site.register(collection: VerbundController())
    try site.register(collection: EventsController())
    try site.register(collection: EventEditController())
    try site.register(collection: SessionsController())
    try site.register(collection: PlanningController())
    try site.register(collection: ScheduleController())
    try site.register(collection: ProgrammeFavouritesController())
    try site.register(collection: StageController())
    try site.register(collection: MeetingsController())
    try site.register(collection: MeetingPlanController())
    try site.register(collection: MeetingWindowsController())
    try site.register(collection: SolutionsController())
    try site.register(collection: ReferencesController())
    try site.register(collection: ProviderController())
    try site.register(collection: NeedAnswersController())
    try site.register(collection: PitchApplicationsController())
    try site.register(collection: ReportController())
    try site.register(collection: ModerationController())
    try site.register(collection: DevMailsController(openToAll: config.devMailsOpen))
    try site.register(collection: LegalPagesController())
    try site.register(collection: ContactFormController())
    try site.register(collection: TermsOfUseController())

    app.asyncCommands.use(ImportRegisterCommand(), as: "import-register")
    app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
    app.asyncCommands.use(GenerateDemoCommand(), as: "generate-demo")
    app.asyncCommands.use(CheckEligibilityCommand(), as: "check-eligibility")
    app.asyncCommands.use(ScheduleCommand(), as: "schedule")
    app.asyncCommands.use(ScheduleMeetingsCommand(), as: "schedule-meetings")
    app.asyncCommands.use(SendDigestsCommand(), as: "send-digests")
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    var aufwindConfig: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig() }
        set { storage[ConfigKey.self] = newValue }
    }
}

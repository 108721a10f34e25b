import Fluent

/// Every migration, in the order it runs. Each lives in its feature's `Migrations/` folder, one
/// file per migration, named after its type. The names (`001-CreateRegister`, …) are stored in
/// every database: never rename, reorder or edit one; a change of schema is a new migration at
/// the end, numbered on.
enum AufwindMigrations {
    static let all: [any Migration] = [
        CreateRegister(),
        CreateAccounts(),
        CreateMemberships(),
        CreateAPITokens(),
        CreateOrganisations(),
        CreateMailDelivery(),
        CreateCooperationItems(),
        CreateItemDetails(),
        CreateContact(),
        CreateFundingProgrammes(),
        CreateVerbuende(),
        CreateEvents(),
        AddPitchLinks(),
        HardenAccounts(),
        AddMailDeliveryState(),
        AddVerbundProfile(),
        AddNotificationCategory(),
        CreateNotificationPreferences(),
        AddNotificationDelivery(),
        CreateNotificationDigests(),
        CreateServerSecrets(),
        AddVerbundMailInvitations(),
        AddContactEmailSetting(),
        CreateTownSettings(),
        CreateMatchAlerts(),
        CreateVerbundGapAlerts(),
        AddHomeBaseIndexes(),
        AddUnreadNotificationsIndex(),
        CreateContactMessages(),
        CreateConsents(),
        CreateHomeVisits(),
        CreateProgrammeFavourites(),
        AddMeetingMatchmaking(),
        CreateSolutions(),
        CreateNeedAnswers(),
        CreateModeration(),
        CreatePitchApplications(),
        CreateChangeLog(),
        CreateJobLeases(),
        LogEventRegistrations(),
    ]
}

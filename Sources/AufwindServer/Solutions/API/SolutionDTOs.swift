import AufwindCore
import Foundation
import Vapor

/// A town that confirmed using a solution, as the API shows it.
struct SolutionUserDTO: Content {
    var ags: String
    var name: String
    var status: String
    /// "2024", "2024-03" or "" when not said.
    var seit: String
    /// RFC 3339 in UTC, written by `InternetDateTime` (a list can hold thousands).
    var zuletztBestaetigt: String
    /// Counts as running it now: "im Einsatz", confirmed within 18 months.
    var imEinsatz: Bool
    /// Distance from the `nahe` town in km (one decimal); absent without `nahe`.
    var entfernungKm: Double?
}

struct SolutionPublisherDTO: Content {
    /// "anbieter" or "kommune".
    var art: String
    /// The Anbieter's id or the town's AGS / Kreis key.
    var id: String
    var name: String
}

/// One solution with its confirmed users.
struct SolutionDTO: Content {
    var id: UUID
    var name: String
    var kurzbeschreibung: String
    var beschreibung: String
    var herausgeber: SolutionPublisherDTO
    var handlungsfelder: [String]
    var lizenz: String
    var lizenzKennung: String
    var repository: String
    var betrieb: [String]
    var hostingInDerEU: Bool
    var schnittstellen: [String]
    var preismodell: String
    var website: String
    var version: String
    var publiccodeYml: String
    var demo: Bool
    /// How many towns run it now.
    var imEinsatz: Int
    /// Distance of the nearest user (not "abgelöst") from the `nahe` town; absent without `nahe` or users.
    var entfernungKm: Double?
    /// How many towns confirmed using it (all of them, also those `nutzer` leaves out in a list).
    var nutzerAnzahl: Int
    var nutzer: [SolutionUserDTO]

    /// The users a list shows per solution (nearest first with `nahe`); one solution's page
    /// (`/api/v1/loesungen/{id}`) has them all. A list of 20 solutions stays small even when one
    /// of them is run by thousands of towns.
    static let usersInList = 20

    /// - Parameter userLimit: the most users to include (nil: all).
    init(
        _ model: SolutionModel, publisher: SolutionPublisherDTO, users: [SolutionUser], origin: GeoPoint?, towns: TownDirectory, baseURL: String,
        now: Date, userLimit: Int? = nil, cutoffs known: ReferenceFreshness.Cutoffs? = nil
    ) {
        let cutoffs = known ?? ReferenceFreshness.Cutoffs(now: now)
        let input = model.input
        id = model.id!
        name = input.name
        kurzbeschreibung = input.shortDescription
        beschreibung = input.description
        herausgeber = publisher
        handlungsfelder = input.handlungsfelder.map(\.rawValue)
        lizenz = input.licence.rawValue
        lizenzKennung = input.licenceID
        repository = input.repositoryURL
        betrieb = input.operations.map(\.rawValue)
        hostingInDerEU = input.euHosting
        schnittstellen = input.interfaces
        preismodell = input.priceModel
        website = input.website
        version = input.version
        publiccodeYml = baseURL + model.path + "/publiccode.yml"
        demo = model.isDemo
        imEinsatz = NearbyUsers.inUseCount(users, cutoffs)
        let ranked = NearbyUsers.rank(users, from: origin, now: now, limit: userLimit, cutoffs: cutoffs) { towns.point(of: $0) }
        nutzerAnzahl = users.count
        nutzer = ranked.map { entry in
            SolutionUserDTO(
                ags: entry.user.townKey, name: towns.name(of: entry.user.townKey) ?? entry.user.townKey, status: entry.user.status.rawValue,
                seit: entry.user.since, zuletztBestaetigt: InternetDateTime.string(entry.user.confirmedAt),
                imEinsatz: entry.user.status == .imEinsatz && entry.freshness.countsAsInUse,
                entfernungKm: entry.km.map(Self.rounded))
        }
        entfernungKm = origin == nil ? nil : ranked.first { $0.user.status != .abgeloest && $0.km != nil }?.km.map(Self.rounded)
    }

    static func rounded(_ km: Double) -> Double { (km * 10).rounded() / 10 }
}

struct SolutionListDTO: Content {
    var loesungen: [SolutionDTO]
    var total: Int
    var page: Int
    var perPage: Int
    var pageCount: Int
}

import AufwindCore
import Vapor

/// The town distances are measured from: the one typed (or picked among namesakes), else the
/// first town the signed-in user acts for, else none.
enum NearbyOrigin {
    case town(key: String, name: String, point: GeoPoint?)
    case choose([TownChoice])
    case notFound
    case none

    static func resolve(typed: String, chosen: String, request: Request) -> NearbyOrigin {
        let directory = TownDirectory(catalog: request.register)
        let text = typed.trimmingSpaces
        if text.isEmpty {
            guard let own = request.actor.townRoles.keys.sorted().first(where: { directory.name(of: $0) != nil }) else { return .none }
            return .town(key: own, name: directory.name(of: own) ?? own, point: directory.point(of: own))
        }
        switch TownChoices(catalog: request.register).lookup(text, chosen: chosen.isEmpty ? nil : chosen) {
        case .town(let key): return .town(key: key, name: directory.name(of: key) ?? key, point: directory.point(of: key))
        case .choose(let choices, _): return .choose(choices)
        case .notFound: return .notFound
        }
    }

    var point: GeoPoint? {
        if case .town(_, _, let point) = self { return point }
        return nil
    }

    var key: String? {
        if case .town(let key, _, _) = self { return key }
        return nil
    }

    var name: String? {
        if case .town(_, let name, _) = self { return name }
        return nil
    }

    var choices: [TownChoice] {
        if case .choose(let choices) = self { return choices }
        return []
    }
}

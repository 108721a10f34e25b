import AufwindCore
import Fluent
import Vapor

extension Request {
    /// The items the requesting person may see (the one rule: `ItemAudience`).
    var itemAudience: ItemAudience { ItemAudience.of(actor) }
}

extension CooperationItemModel {
    /// What the policy decides about when this item is shown.
    var facts: ItemFacts {
        ItemFacts(ownerKey: ownerKey, visibility: Visibility(rawValue: visibility) ?? .kommunen, published: published)
    }
}

extension QueryBuilder where Model == CooperationItemModel {
    /// Only the items `audience` may see: the database form of `ItemAudience.sees`, for every list
    /// of items (feeds, town pages, exports) so that no list decides visibility on its own.
    func visible(to audience: ItemAudience) -> Self {
        if audience.seesAllDrafts && audience.seesMembersOnly { return self }
        let towns = Array(audience.draftTowns)
        return group(.or) { either in
            either.group(.and) { published in
                published.filter(\.$published == true)
                if !audience.seesMembersOnly { published.filter(\.$visibility == Visibility.oeffentlich.rawValue) }
            }
            if !towns.isEmpty { either.filter(\.$ownerKey ~~ towns) }
        }
    }
}

import Foundation
import Testing

@testable import AufwindCore

@Suite("Item search: German words, compounds, typos, topic names, partial results")
struct ItemSearchTests {
    static let ahlen = TownFacts(
        key: "05570004", name: "Ahlen", population: 52_666, kreisKey: "05570", kreisName: "Kreis Warendorf",
        coordinate: GeoPoint(latitude: 51.7633, longitude: 7.8912), recentItems: 2)
    static let beckum = TownFacts(
        key: "05570008", name: "Beckum", population: 37_133, kreisKey: "05570", kreisName: "Kreis Warendorf",
        coordinate: GeoPoint(latitude: 51.7553, longitude: 8.0409), recentItems: 1)
    static let wittstock = TownFacts(
        key: "12068468", name: "Wittstock/Dosse", population: 13_900, kreisKey: "12068", kreisName: "Landkreis Ostprignitz-Ruppin",
        coordinate: GeoPoint(latitude: 53.1617, longitude: 12.4842), recentItems: 3)
    static let towns = Dictionary(uniqueKeysWithValues: [ahlen, beckum, wittstock].map { ($0.key, $0) })

    static func item(
        _ id: String, _ title: String, _ text: String = "", kind: ItemKind = .vorhaben, owner: TownFacts = ahlen,
        fields: Set<Handlungsfeld> = [.digitaleVerwaltung], subthemes: Set<String> = [], visibility: Visibility = .oeffentlich
    ) -> CooperationItem {
        CooperationItem(
            id: id, kind: kind, ownerKey: owner.key, title: title, description: text, handlungsfelder: fields, reach: .bundesweit,
            unterthemen: subthemes, visibility: visibility)
    }

    static func ids(_ index: ItemSearchIndex, _ text: String, publicOnly: Bool = true) -> [String] {
        index.search(ItemSearchQuery(text: text, publicOnly: publicOnly, pageSize: 100)).items.map(\.id).sorted()
    }

    // MARK: Compounds

    @Test("a word finds the compounds it begins: Informationssicherheit, Wärmeplanung")
    func compoundHeads() {
        let index = ItemSearchIndex(
            items: [
                Self.item("isb", "Informationssicherheitsbeauftragte gemeinsam bestellen"),
                Self.item("isb2", "Gemeinsamer Informationssicherheitsbeauftragter für den Kreis"),
                Self.item("kwp", "Kommunale Wärmeplanung", fields: [.klimaEnergie]),
                Self.item("wpg", "Umsetzung des Wärmeplanungsgesetzes", fields: [.klimaEnergie]),
                Self.item("bus", "Bürgerbus im Ehrenamt", fields: [.mobilitaet]),
            ], towns: Self.towns)
        #expect(Self.ids(index, "Informationssicherheit") == ["isb", "isb2"])
        #expect(Self.ids(index, "Wärmeplanung") == ["kwp", "wpg"])
        #expect(Self.ids(index, "waermeplanung") == ["kwp", "wpg"])
        // the exact word ranks before the compound
        #expect(index.search(ItemSearchQuery(text: "Wärmeplanung")).items.first?.id == "kwp")
    }

    @Test("a word finds compounds it ends or sits in, but only after a whole word: Sicherheit is not in Versicherung")
    func compoundParts() {
        let index = ItemSearchIndex(
            items: [
                Self.item("isb", "Informationssicherheitsbeauftragte gemeinsam bestellen", "Information und Beratung."),
                Self.item("vers", "Versicherungen der Gemeinde bündeln"),
                Self.item("ris", "Ratsinformationssystem einführen"),
                Self.item("kwp", "Kommunale Wärmeplanung", fields: [.klimaEnergie]),
                Self.item("gs", "Tablets für Grundschulen", fields: [.schuleBildung]),
            ], towns: Self.towns)
        #expect(Self.ids(index, "Sicherheit") == ["isb"])
        #expect(Self.ids(index, "Informationssystem") == ["ris"])
        #expect(Self.ids(index, "Planung") == ["kwp"])
        #expect(Self.ids(index, "Schule") == ["gs"])
        // three letters are too few to be looked for inside other words
        #expect(Self.ids(index, "Rat").isEmpty)
    }

    @Test("compound boundaries: known words with linking elements, never a particle or a fragment")
    func boundaries() {
        let known: Set<String> = ["information", "rat", "waerm", "schul"]
        func isWords(_ prefix: String) -> Bool {
            CompoundWords.isSequenceOfWords(Array(prefix.utf8)[...]) { known.contains(String(decoding: $0, as: UTF8.self)) }
        }
        #expect(isWords("informations"))
        #expect(isWords("ratsinformations"))
        #expect(isWords("waerme"))
        #expect(isWords("schul"))
        #expect(!isWords("ver"))
        #expect(!isWords("be"))
        #expect(!isWords("informationsx"))
        #expect(!CompoundWords.baseLexicon.contains("unter") && !CompoundWords.baseLexicon.contains("und"))
        #expect(CompoundWords.baseLexicon.contains("stadt") && CompoundWords.baseLexicon.contains("waerm"))
    }

    // MARK: Typos

    @Test("one typo is forgiven in words of five letters or more, and the right spelling is offered")
    func typos() {
        let index = ItemSearchIndex(
            items: [
                Self.item("ris", "Ratsinformationssystem einführen"),
                Self.item("kita", "Kita-Plätze teilen", fields: [.schuleBildung]),
                Self.item("bad", "Hallenbad sanieren", fields: [.daseinsvorsorge]),
            ], towns: Self.towns)
        let found = index.search(ItemSearchQuery(text: "Ratsinformationssytem"))
        #expect(found.items.map(\.id) == ["ris"])
        #expect(found.coverage == .allWords)
        #expect(found.suggestion == "Ratsinformationssystem")
        // swapped, extra and missing letters
        #expect(Self.ids(index, "Ratsinfromationssystem") == ["ris"])
        #expect(Self.ids(index, "Hallenbadd") == ["bad"])
        #expect(Self.ids(index, "Halenbad") == ["bad"])
        // four letters: no tolerance ("Kiat" is not "Kita"), and no suggestion
        let short = index.search(ItemSearchQuery(text: "Kiat"))
        #expect(short.total == 0 && short.suggestion == nil && short.unmatchedWords == ["Kiat"])
        // two typos are too many
        #expect(Self.ids(index, "Ratsinfromationssytem").isEmpty)
    }

    @Test("a word that occurs is taken as meant; a much more frequent neighbour is only offered")
    func typoOnlyWhenMissing() {
        var items = (0..<25).map { Self.item("rat\($0)", "Stadtrat digital", fields: [.digitaleVerwaltung]) }
        items.append(Self.item("rad", "Stadtrad für Pendler", fields: [.mobilitaet]))
        let index = ItemSearchIndex(items: items, towns: Self.towns)
        let result = index.search(ItemSearchQuery(text: "Stadtrad"))
        #expect(result.items.map(\.id) == ["rad"])
        #expect(result.suggestion == "Stadtrat")
        #expect(index.search(ItemSearchQuery(text: "Stadtrat", pageSize: 100)).total == 25)
        #expect(index.search(ItemSearchQuery(text: "Stadtrat")).suggestion == nil)
    }

    @Test("corrections come only from items the searcher may see")
    func correctionsRespectVisibility() {
        let index = ItemSearchIndex(
            items: [Self.item("intern", "Xylophonorchester der Musikschule", fields: [.kulturTourismus], visibility: .kommunen)],
            towns: Self.towns)
        let anonymous = index.search(ItemSearchQuery(text: "Xylophonorchestre"))
        #expect(anonymous.total == 0 && anonymous.suggestion == nil)
        let member = index.search(ItemSearchQuery(text: "Xylophonorchestre", publicOnly: false))
        #expect(member.items.map(\.id) == ["intern"] && member.suggestion == "Xylophonorchester")
    }

    // MARK: Topic names

    @Test("the names of sub-themes and Handlungsfelder are searched: IT-Sicherheit, Klima")
    func topicNames() {
        let index = ItemSearchIndex(
            items: [
                Self.item("it", "Gemeinsamer Beauftragter", "Wir teilen uns eine Stelle.", subthemes: ["digitale-verwaltung/it-sicherheit"]),
                Self.item("fw", "Feuerwehr-Nachwuchs", fields: [.sicherheit]),
                Self.item("solar", "Solardächer auf Schulen", fields: [.klimaEnergie]),
                Self.item("anpassung", "Hitzeschutz", fields: [.gesundheitPflege], subthemes: ["klima-energie/klimaanpassung"]),
                Self.item("bus", "Bürgerbus im Ehrenamt", fields: [.mobilitaet]),
            ], towns: Self.towns)
        #expect(Self.ids(index, "IT-Sicherheit") == ["it"])
        #expect(Self.ids(index, "Klima") == ["anpassung", "solar"])
        #expect(Self.ids(index, "Bevölkerungsschutz") == ["fw"])
    }

    // MARK: Partial results

    @Test("when no item has all words: the items with the most of them, the words not found, and Meinten Sie")
    func partialResults() {
        let index = ItemSearchIndex(
            items: [
                Self.item("kwp-ahlen", "Kommunale Wärmeplanung in Ahlen", fields: [.klimaEnergie]),
                Self.item("kwp", "Kommunale Wärmeplanung", fields: [.klimaEnergie]),
                Self.item("ahlen", "Bürgerbus Ahlen", fields: [.mobilitaet]),
                Self.item("ris", "Ratsinformationssystem einführen"),
                Self.item("bus", "Bürgerbus im Ehrenamt", fields: [.mobilitaet]),
            ], towns: Self.towns)
        let two = index.search(ItemSearchQuery(text: "Wärmeplanung Ahlen Hallenbad"))
        #expect(two.coverage == .someWords)
        #expect(two.items.map(\.id) == ["kwp-ahlen"])
        #expect(two.unmatchedWords == ["Hallenbad"])
        #expect(two.suggestion == nil)

        let one = index.search(ItemSearchQuery(text: "Wärmeplanung Hallenbad"))
        #expect(one.coverage == .someWords && one.total == 2)
        #expect(Set(one.items.map(\.id)) == ["kwp-ahlen", "kwp"])

        let typo = index.search(ItemSearchQuery(text: "Ratsinformationssytem Hallenbad"))
        #expect(typo.coverage == .someWords && typo.items.map(\.id) == ["ris"])
        #expect(typo.suggestion == "Ratsinformationssystem Hallenbad")

        // filters apply to partial results too
        #expect(index.search(ItemSearchQuery(text: "Wärmeplanung Hallenbad", kind: .bedarf)).total == 0)
        // all words found: no partial results
        #expect(index.search(ItemSearchQuery(text: "Bürgerbus Ahlen")).coverage == .allWords)
    }

    @Test("precision: a nonsense or common-word query never lists every item")
    func precision() {
        var items = (0..<10).map { Self.item("k\($0)", "Konzept \($0)", "Das Konzept ist erprobt.") }
        items.append(Self.item("bad", "Hallenbad sanieren", "Ein Konzept für das Hallenbad.", fields: [.daseinsvorsorge]))
        items.append(Self.item("bus", "Bürgerbus im Ehrenamt", fields: [.mobilitaet]))
        let index = ItemSearchIndex(items: items, towns: Self.towns)
        let nonsense = index.search(ItemSearchQuery(text: "xqzvw"))
        #expect(nonsense.total == 0 && nonsense.coverage == .allWords && nonsense.suggestion == nil)
        let common = index.search(ItemSearchQuery(text: "und die Kommune"))
        #expect(common.total == 0 && common.coverage == .tooGeneral)
        // the common word alone is no partial hit: "Konzept" is in 11 of 12 items
        let partial = index.search(ItemSearchQuery(text: "Konzept Schwimmbadsanierung"))
        #expect(partial.total == 0 && partial.unmatchedWords == ["Schwimmbadsanierung"])
        // a selective word carries the partial result, and only its items come
        let selective = index.search(ItemSearchQuery(text: "Hallenbad Schwimmmeister"))
        #expect(selective.coverage == .someWords && selective.items.map(\.id) == ["bad"])
        // without text: every item (a listing, not a search)
        #expect(index.search(ItemSearchQuery(text: "", pageSize: 100)).total == 12)
        #expect(index.search(ItemSearchQuery(text: "–", pageSize: 100)).total == 12)
    }

    // MARK: Basics, kept from the first search

    @Test("every word must occur, filters narrow, members-only items stay hidden from the public")
    func filters() {
        var hidden = Self.item("h", "Digitale Schulverwaltung intern", kind: .angebot, owner: Self.wittstock, fields: [.schuleBildung])
        hidden.visibility = .kommunen
        let index = ItemSearchIndex(
            items: [
                Self.item("a", "Digitale Schulverwaltung", "für Grundschulen", kind: .angebot, owner: Self.wittstock),
                Self.item("b", "Schulverwaltung gesucht", kind: .bedarf, owner: Self.ahlen, fields: [.schuleBildung]),
                Self.item("c", "Bürgerbus", kind: .vorhaben, owner: Self.beckum, fields: [.mobilitaet]),
                hidden,
            ], towns: Self.towns)
        #expect(index.search(ItemSearchQuery(text: "schulverwaltungen")).items.map(\.id).sorted() == ["a", "b"])
        #expect(index.search(ItemSearchQuery(text: "digitale Schulverwaltung")).items.map(\.id) == ["a"])
        #expect(index.search(ItemSearchQuery(text: "digitale Schulverwaltung", publicOnly: false)).items.map(\.id).sorted() == ["a", "h"])
        #expect(index.search(ItemSearchQuery(text: "Schulverwaltung", kind: .bedarf)).items.map(\.id) == ["b"])
        #expect(index.search(ItemSearchQuery(land: "12")).items.map(\.id) == ["a"])
        #expect(index.search(ItemSearchQuery(feld: .mobilitaet)).items.map(\.id) == ["c"])
        #expect(index.search(ItemSearchQuery(groesse: .mittelstadt)).items.map(\.id) == ["c", "b"])
        let paged = index.search(ItemSearchQuery(page: 2, pageSize: 2))
        #expect(paged.total == 3 && paged.items.map(\.id) == ["a"] && paged.pageCount == 2)
        #expect(index.search(ItemSearchQuery(text: "Hallenbad")).total == 0)
    }

    @Test("pages: the partial ranking equals the full sort for the pages it serves")
    func partialRanking() {
        var random = SplitMix64(seed: 9)
        let ranked = (0..<2_000).map { (slot: $0, score: Double(Int.random(in: 0..<50, using: &random))) }
        let full = ranked.sorted { $0.score != $1.score ? $0.score > $1.score : $0.slot > $1.slot }
        for count in [1, 20, 60, 400] {
            #expect(ItemSearchIndex.best(ranked, count: count).map(\.slot) == full.prefix(count).map(\.slot))
        }
    }

    // MARK: Keeping current

    static let pool = [
        "Wärmeplanung", "Wärmeplanungsgesetz", "Informationssicherheit", "Informationssicherheitsbeauftragte", "Ratsinformationssystem",
        "Schule", "Grundschulen", "Bürgerbus", "Radweg", "Radwegebau", "Kita", "Kitaplätze", "Hallenbad", "Konzept", "Sicherheit",
        "Versicherung", "Planung", "Dorfladen", "Glasfaserausbau", "Digitale", "Verwaltung", "Schulverwaltung", "Ahlen", "Beckum",
    ]

    static func randomItems(seed: UInt64, count: Int) -> [CooperationItem] {
        var random = SplitMix64(seed: seed)
        let owners = [ahlen, beckum, wittstock]
        return (0..<count).map { number in
            let words = (0..<Int.random(in: 2...5, using: &random)).map { _ in pool.randomElement(using: &random)! }
            return CooperationItem(
                id: "i\(number)", kind: ItemKind.allCases.randomElement(using: &random)!, ownerKey: owners.randomElement(using: &random)!.key,
                title: words.prefix(2).joined(separator: " "), description: words.dropFirst(2).joined(separator: " "),
                handlungsfelder: [Handlungsfeld.allCases.randomElement(using: &random)!], reach: .bundesweit,
                unterthemen: Bool.random(using: &random) ? [Unterthema.all.randomElement(using: &random)!.id] : [],
                visibility: Int.random(in: 0..<5, using: &random) == 0 ? .kommunen : .oeffentlich)
        }
    }

    static let queries = [
        "Wärmeplanung", "Sicherheit", "Informationssicherheit Beckum", "Schule", "Radweg", "Kita Konzept", "Ratsinformationssytem",
        "Planung Ahlen", "Hallenbad Dorfladen Glasfaserausbau", "Klima", "IT-Sicherheit", "Verwaltung digitale", "Schulverwaltng",
    ]

    @Test("the index answers exactly as scoring every item by the plan's words would")
    func equalsBruteForce() {
        let index = ItemSearchIndex(items: Self.randomItems(seed: 5, count: 600), towns: Self.towns)
        for text in Self.queries {
            for publicOnly in [true, false] {
                let plan = ItemSearchPlan(text: text, index: index, publicOnly: publicOnly)
                let hits = index.table.indices.filter { slot in
                    guard index.alive[slot], !publicOnly || index.isPublic[slot] else { return false }
                    let terms = Set(index.terms(of: slot).map(\.term))
                    return plan.words.allSatisfy { word in word.expansions.contains { terms.contains($0.term) } }
                }
                let result = index.search(ItemSearchQuery(text: text, publicOnly: publicOnly, pageSize: 100))
                if hits.isEmpty {
                    #expect(result.coverage != .allWords || result.total == 0, "\(text)")
                } else {
                    #expect(result.coverage == .allWords, "\(text)")
                    #expect(result.total == hits.count, "\(text)")
                    #expect(Set(result.items.map(\.id)) == Set(hits.prefix(100).map { index.table.id(at: $0) }) || hits.count > 100, "\(text)")
                }
            }
        }
    }

    @Test("updates, removals and compaction answer as an index built anew")
    func keepingCurrent() {
        let items = Self.randomItems(seed: 11, count: 1_500)
        var index = ItemSearchIndex(items: [], towns: Self.towns)
        for item in items { index.upsert(item) }
        let built = ItemSearchIndex(items: items, towns: Self.towns)
        for text in Self.queries {
            #expect(index.search(ItemSearchQuery(text: text, pageSize: 50)) == built.search(ItemSearchQuery(text: text, pageSize: 50)), "\(text)")
        }
        var renamed = items[1_200]
        renamed.title = "Xylophonorchester"
        renamed.description = ""
        index.upsert(renamed)
        #expect(Self.ids(index, "Xylophonorchester", publicOnly: false) == [renamed.id])
        for item in items.prefix(1_000) { index.remove(id: item.id) }
        #expect(index.count == 500)
        // compacted once the tombstones outnumbered the live items (after 750 removals)
        #expect(index.table.count == 750)
        // the renamed item went to the end when it was replaced
        let fresh = ItemSearchIndex(items: items.dropFirst(1_000).filter { $0.id != renamed.id } + [renamed], towns: Self.towns)
        for text in Self.queries + ["Xylophonorchester"] {
            for publicOnly in [true, false] {
                let query = ItemSearchQuery(text: text, publicOnly: publicOnly, pageSize: 50)
                #expect(index.search(query) == fresh.search(query), "\(text)")
            }
        }
    }

    @Test("similar items: half of the draft's title words, more shared words first, the draft itself left out")
    func similarItems() {
        let index = ItemSearchIndex(
            items: [
                Self.item("a", "Bürgerbus im Ehrenamt", "Fahrer gesucht", fields: [.mobilitaet]),
                Self.item("b", "Bürgerbus", fields: [.mobilitaet]),
                Self.item("c", "Ehrenamtsbörse", fields: [.engagementEhrenamt]),
            ], towns: Self.towns)
        let draft = Self.item("neu", "Bürgerbus Ehrenamt gesucht", fields: [.mobilitaet])
        #expect(index.similarItems(to: draft).map(\.id) == ["a", "b"])
        #expect(index.similarItems(to: Self.item("a", "Bürgerbus im Ehrenamt")).map(\.id) == ["b"])
    }

    @Test("search terms keep the word and drop its inflection")
    func searchTerms() {
        func terms(_ text: String) -> [String] { GermanTextAnalyzer.words(text).compactMap(\.searchTerm) }
        #expect(terms("Schulen Schule") == ["schul", "schul"])
        #expect(terms("Informationen Information") == ["information", "information"])
        #expect(terms("Kitas Kreis Bus Prozess") == ["kita", "kreis", "bus", "prozess"])
        #expect(terms("Sicherheit sichern") == ["sicherheit", "sichern"])
        #expect(terms("Wir suchen die Wärmeplanung für IT-Sicherheit") == ["waermeplanung", "it", "sicherheit"])
        let text = "Größe²x"
        #expect(GermanTextAnalyzer.words(text).map(\.folded) == GermanFolding.words(text, umlauts: .expanded))
        // the matching's terms are unchanged
        #expect(GermanTextAnalyzer.terms("Wir suchen Schulen für die Digitalisierung") == ["schul", "digitalisier"])
    }

    @Test("the typo neighbourhood finds every word one edit away and a check removes the rest")
    func typoNeighbourhood() {
        var neighbourhood = TypoNeighbourhood()
        let words = ["system", "systeme", "sytem", "sysetm", "ssystem", "xystem", "stadt"]
        for (number, word) in words.enumerated() { neighbourhood.insert(Array(word.utf8), number: Int32(number)) }
        let query = Array("system".utf8)
        let confirmed = neighbourhood.candidates(query).map { words[Int($0)] }.filter { EditDistance.isWithinOne(Array($0.utf8), query) }
        #expect(Set(confirmed) == ["system", "systeme", "sytem", "sysetm", "ssystem", "xystem"])
    }
}

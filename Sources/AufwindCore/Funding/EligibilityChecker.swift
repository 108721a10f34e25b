import Foundation

/// The answer of a programme's rules for a Verbund.
public enum EligibilityVerdict: String, Sendable, Codable, CaseIterable {
    case foerderfaehig = "foerderfaehig"
    case nichtFoerderfaehig = "nicht-foerderfaehig"
    case manuellPruefen = "manuell-pruefen"

    public var label: String {
        switch self {
        case .foerderfaehig: "förderfähig"
        case .nichtFoerderfaehig: "nicht förderfähig"
        case .manuellPruefen: "von Hand zu prüfen"
        }
    }
}

/// One rule's result.
public struct RuleResult: Sendable, Equatable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case erfuellt
        case nichtErfuellt = "nicht-erfuellt"
        /// A decisive condition the machine cannot check.
        case manuell
        /// A note: checked by hand later, it does not change the verdict; also the estimate.
        case hinweis
        case nichtAnwendbar = "nicht-anwendbar"
    }

    public var rule: FundingRule
    public var outcome: Outcome
    /// German, naming members and figures.
    public var explanation: String
}

/// A funding estimate with the formula it came from.
public struct FundingEstimate: Sendable, Equatable {
    /// Euro; nil when the formula needs the eligible costs and none were given.
    public var amount: Double?
    public var formula: String
}

public struct EligibilityResult: Sendable, Equatable {
    public var programmeID: String
    public var verdict: EligibilityVerdict
    public var results: [RuleResult]
    public var estimate: FundingEstimate?

    /// What is still missing, as the check words it ("Es fehlt noch …").
    public var missing: [String] { results.filter { $0.outcome == .nichtErfuellt }.map(\.explanation) }
}

/// Checks a Verbund against a programme's rules. Pure and fast: no I/O, no dates but `today`.
public struct EligibilityChecker: Sendable {
    /// Land names by code, for the explanations ("05" → "Nordrhein-Westfalen").
    public var landNames: [String: String]
    /// ISO date (JJJJ-MM-TT) deadlines are compared with.
    public var today: String

    public init(landNames: [String: String], today: String) {
        self.landNames = landNames
        self.today = today
    }

    private func land(_ code: String) -> String { landNames[code] ?? "Land \(code)" }
    private func landList(_ codes: [String]) -> String { codes.map(land).joined(separator: " oder ") }
    private static func euro(_ value: Double) -> String { "\(GermanFormat.integer(Int(value.rounded()))) €" }
    private static func percent(_ value: Double) -> String {
        "\(GermanFormat.decimal(value * 100, digits: value * 100 == (value * 100).rounded() ? 0 : 1)) %"
    }

    /// Stands in the results of a programme whose rules check nothing a machine can check: it
    /// makes the verdict "von Hand zu prüfen" and says why. It cites no source (it is no rule of
    /// the programme).
    public static let noCheckableRule = FundingRule(
        id: "keine-pruefbaren-regeln",
        kind: .manual(
            text:
                "Für dieses Programm sind keine maschinell prüfbaren Regeln hinterlegt; ob der Verbund antragsberechtigt ist, sagen nur die Quellen.",
            decisive: true), source: "")

    public func check(_ verbund: VerbundFacts, against programme: ProgrammeRules) -> EligibilityResult {
        var results: [RuleResult] = []
        var estimate: FundingEstimate?
        var rules = programme.rules
        if !rules.contains(where: \.checksEligibility) { rules.insert(Self.noCheckableRule, at: 0) }
        for rule in rules {
            let (outcome, explanation, ruleEstimate) = evaluate(rule, verbund)
            results.append(RuleResult(rule: rule, outcome: outcome, explanation: explanation))
            if let ruleEstimate { estimate = ruleEstimate }
        }
        let verdict: EligibilityVerdict
        if results.contains(where: { $0.outcome == .nichtErfuellt }) || !verbund.problems.isEmpty {
            verdict = .nichtFoerderfaehig
        } else if results.contains(where: { $0.outcome == .manuell }) {
            verdict = .manuellPruefen
        } else {
            verdict = .foerderfaehig
        }
        return EligibilityResult(programmeID: programme.programmeID, verdict: verdict, results: results, estimate: estimate)
    }

    private func members(_ verbund: VerbundFacts, _ scope: RuleScope) -> [VerbundMember] {
        switch scope {
        case .antragsteller: verbund.applicants
        case .konsortialfuehrung: verbund.lead.map { [$0] } ?? []
        case .alle: verbund.members
        }
    }

    private func evaluate(_ rule: FundingRule, _ verbund: VerbundFacts) -> (RuleResult.Outcome, String, FundingEstimate?) {
        switch rule.kind {
        case .applicantTypes(let allowed, let scope):
            let checked = members(verbund, scope)
            if scope == .konsortialfuehrung && checked.isEmpty { return (.nichtErfuellt, "Es ist noch keine federführende Kommune bestimmt.", nil) }
            let wrong = checked.filter { !allowed.contains($0.type) }
            let list = allowed.map(\.label).joined(separator: ", ")
            return wrong.isEmpty
                ? (.erfuellt, "Antragsberechtigt sind \(list); das trifft auf alle zu.", nil)
                : (
                    .nichtErfuellt,
                    wrong.map { "\($0.nameWithKind) ist nicht antragsberechtigt" }.joined(separator: "; ")
                        + ". Antragsberechtigt: \(list).", nil
                )

        case .land(let codes, let scope):
            let checked = members(verbund, scope)
            if scope == .konsortialfuehrung && checked.isEmpty { return (.nichtErfuellt, "Es ist noch keine federführende Kommune bestimmt.", nil) }
            let outside = checked.filter { !codes.contains($0.landCode) }
            let who = scope == .konsortialfuehrung ? "Die federführende Kommune liegt" : "Alle Antragsteller liegen"
            return outside.isEmpty
                ? (.erfuellt, "\(who) in \(landList(codes)).", nil)
                : (
                    .nichtErfuellt,
                    outside.map { "\($0.name) liegt in \(land($0.landCode)), nicht in \(landList(codes))" }.joined(separator: "; ") + ".", nil
                )

        case .partnerCount(let min, let max, let scope, let type, let landCode):
            var counted = members(verbund, scope)
            if let type { counted = counted.filter { $0.type == type } }
            if let landCode { counted = counted.filter { $0.landCode == landCode } }
            // Partners and members are towns and organisations, not people: "Partner", "Mitglied".
            let prefix = type.map { "\($0.label)-" } ?? ""
            let (one, many, another) =
                scope == .alle
                ? (prefix + "Mitglied", prefix + "Mitglieder", "ein weiteres \(prefix)Mitglied")
                : (prefix + "Partner", prefix + "Partner", "ein weiterer \(prefix)Partner")
            let fromLand = landCode.map { " aus \(land($0))" } ?? ""
            if let min, counted.count < min {
                let gap = min - counted.count
                let text =
                    gap == 1 && counted.count > 0
                    ? "Es fehlt noch mindestens \(another)\(fromLand)"
                    : (gap == 1 ? "Es fehlt noch 1 \(one)" : "Es fehlen noch \(gap) \(many)") + fromLand
                return (.nichtErfuellt, "\(text) (nötig: mindestens \(min), bisher \(counted.count)).", nil)
            }
            if let max, counted.count > max {
                let limit = GermanFormat.count(max, one, many) + fromLand + (max == 1 ? " ist" : " sind")
                return (.nichtErfuellt, "Höchstens \(limit) möglich, der Verbund hat \(counted.count).", nil)
            }
            return (
                .erfuellt,
                GermanFormat.count(counted.count, one, many) + fromLand + (min.map { " (mindestens \($0))" } ?? "")
                    + (max.map { " (höchstens \($0))" } ?? "") + ".",
                nil
            )

        case .population(let perMember, let min, let max, let types):
            if perMember {
                let checked = verbund.members.filter { types.contains($0.type) }
                var problems: [String] = []
                for member in checked {
                    if let max, member.population > max {
                        problems.append(
                            "\(member.name) überschreitet die Einwohnergrenze von \(GermanFormat.integer(max)) (\(GermanFormat.integer(member.population)) Einwohner)"
                        )
                    }
                    if let min, member.population < min {
                        problems.append(
                            "\(member.name) liegt unter der Mindestgröße von \(GermanFormat.integer(min)) Einwohnern (\(GermanFormat.integer(member.population)))"
                        )
                    }
                }
                if checked.isEmpty { return (.nichtAnwendbar, "Kein Mitglied, für das die Einwohnergrenze gilt.", nil) }
                return problems.isEmpty
                    ? (.erfuellt, "Alle \(types.map(\.label).joined(separator: "/"))-Mitglieder liegen in der Einwohnergrenze.", nil)
                    : (.nichtErfuellt, problems.joined(separator: "; ") + ".", nil)
            }
            let total = verbund.totalPopulation
            if let max, total > max {
                return (
                    .nichtErfuellt, "Der Verbund hat \(GermanFormat.integer(total)) Einwohner, höchstens \(GermanFormat.integer(max)) sind möglich.",
                    nil
                )
            }
            if let min, total < min {
                return (
                    .nichtErfuellt,
                    "Es fehlen noch \(GermanFormat.integer(min - total)) Einwohner: mindestens \(GermanFormat.integer(min)) sind nötig, der Verbund hat \(GermanFormat.integer(total)).",
                    nil
                )
            }
            return (.erfuellt, "Der Verbund hat \(GermanFormat.integer(total)) Einwohner.", nil)

        case .regionalSpread(let minKreise, let orMinPopulation):
            let kreise = verbund.kreisCount
            let population = verbund.totalPopulation
            if let minKreise, kreise >= minKreise {
                return (.erfuellt, "Der Verbund umfasst \(GermanFormat.count(kreise, "Kreis", "Kreise")) (mindestens \(minKreise)).", nil)
            }
            if let orMinPopulation, population >= orMinPopulation {
                return (
                    .erfuellt, "Der Verbund hat \(GermanFormat.integer(population)) Einwohner (mindestens \(GermanFormat.integer(orMinPopulation))).",
                    nil
                )
            }
            let needs = [
                minKreise.map { "mindestens \(GermanFormat.count($0, "Kreis", "Kreise")) (bisher \(kreise))" },
                orMinPopulation.map { "mindestens \(GermanFormat.integer($0)) Einwohner (bisher \(GermanFormat.integer(population)))" },
            ]
            .compactMap { $0 }.joined(separator: " oder ")
            return (.nichtErfuellt, "Es fehlt noch regionale Breite: \(needs).", nil)

        case .joint(let mode):
            let applicants = verbund.applicants.count
            switch mode {
            case .ausgeschlossen:
                return applicants > 1
                    ? (
                        .nichtErfuellt, "Gemeinsame Anträge sind in diesem Programm ausgeschlossen (der Verbund hat \(applicants) Antragsteller).",
                        nil
                    )
                    : (.erfuellt, "Ein einzelner Antragsteller, wie das Programm es verlangt.", nil)
            case .erforderlich:
                return applicants >= 2
                    ? (.erfuellt, "Ein gemeinsamer Antrag von \(applicants) Antragstellern, wie das Programm es verlangt.", nil)
                    : (.nichtErfuellt, "Das Programm verlangt einen gemeinsamen Antrag: Es fehlt noch mindestens ein weiterer Antragsteller.", nil)
            case .erlaubt:
                return (.erfuellt, "Gemeinsame Anträge sind möglich.", nil)
            case .bevorzugt:
                return (
                    .erfuellt,
                    applicants >= 2
                        ? "Gemeinsame Anträge werden bevorzugt – der Verbund stellt einen."
                        : "Gemeinsame Anträge werden bevorzugt; ein einzelner Antrag ist möglich.", nil
                )
            }

        case .fields(let fields):
            guard !verbund.handlungsfelder.isEmpty else {
                return (
                    .hinweis, "Das Programm fördert: \(fields.map(\.label).joined(separator: ", ")). Der Verbund hat noch keine Handlungsfelder.", nil
                )
            }
            let shared = fields.filter(verbund.handlungsfelder.contains)
            return shared.isEmpty
                ? (
                    .nichtErfuellt,
                    "Das Programm fördert \(fields.map(\.label).joined(separator: ", ")); der Verbund arbeitet in \(Handlungsfeld.allCases.filter(verbund.handlungsfelder.contains).map(\.label).joined(separator: ", ")).",
                    nil
                )
                : (.erfuellt, "Passendes Handlungsfeld: \(shared.map(\.label).joined(separator: ", ")).", nil)

        case .deadline(let until, let rolling):
            if rolling { return (.erfuellt, "Anträge sind laufend möglich.", nil) }
            let date = until ?? ""
            return date >= today
                ? (.erfuellt, "Antragsfrist bis \(GermanFormat.date(iso: date)).", nil)
                : (.nichtErfuellt, "Die Antragsfrist ist am \(GermanFormat.date(iso: date)) abgelaufen.", nil)

        case .manual(let text, let decisive):
            return (decisive ? .manuell : .hinweis, (decisive ? "Von Hand zu prüfen: " : "Noch zu bestätigen: ") + text, nil)

        case .fixedAmount(let base, let basePartners, let perFurther, let landCode, let maxRate):
            var counted = verbund.applicants
            if let landCode { counted = counted.filter { $0.landCode == landCode } }
            let fromLand = landCode.map { " aus \(land($0))" } ?? ""
            // "für 1 Beteiligten", "für 2 Beteiligte" (the applicants: towns and Zweckverbände).
            let who = (basePartners == 1 ? "Beteiligten" : "Beteiligte") + fromLand
            guard counted.count >= basePartners else {
                let from = "ab \(basePartners) Beteiligten\(fromLand)"
                return (
                    .hinweis, "Festbetrag erst \(from) (bisher \(counted.count)).",
                    FundingEstimate(amount: nil, formula: "Festbetrag \(Self.euro(Double(base))) \(from)")
                )
            }
            let further = counted.count - basePartners
            let fixed = Double(base + further * perFurther)
            var formula =
                "\(Self.euro(Double(base))) für \(basePartners) \(who) + \(further) × \(Self.euro(Double(perFurther))) = \(Self.euro(fixed))"
            var amount = fixed
            if let maxRate {
                formula += ", höchstens \(Self.percent(maxRate)) der zuwendungsfähigen Ausgaben"
                if let costs = verbund.eligibleCosts {
                    amount = min(fixed, maxRate * costs)
                    formula += " (\(Self.percent(maxRate)) von \(Self.euro(costs)) = \(Self.euro(maxRate * costs))) → \(Self.euro(amount))"
                }
            }
            return (.hinweis, "Geschätzte Förderung: \(formula).", FundingEstimate(amount: amount, formula: formula))

        case .rate(let rate, let maxAmount):
            var formula = "\(Self.percent(rate)) der zuwendungsfähigen Ausgaben" + (maxAmount.map { ", höchstens \(Self.euro(Double($0)))" } ?? "")
            guard let costs = verbund.eligibleCosts else {
                return (
                    .hinweis, "Förderquote: \(formula). Für eine Schätzung die zuwendungsfähigen Ausgaben angeben.",
                    FundingEstimate(amount: nil, formula: formula)
                )
            }
            let amount = min(rate * costs, maxAmount.map(Double.init) ?? .infinity)
            formula += ": \(Self.percent(rate)) von \(Self.euro(costs)) → \(Self.euro(amount))"
            return (.hinweis, "Geschätzte Förderung: \(formula).", FundingEstimate(amount: amount, formula: formula))
        }
    }
}

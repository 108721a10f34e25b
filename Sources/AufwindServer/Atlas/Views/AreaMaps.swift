import AufwindCore
import Plot
import Vapor

/// The map of an area page or a regional dashboard: a Kreis shows its Gemeinden by activity, a Land
/// or Regierungsbezirk its Kreise by the share of active Gemeinden. Nil without the Kreis shapes.
enum AreaMaps {
    /// A Kreis: its Gemeinden by activity; a Land or Regierungsbezirk: its Kreise by active share.
    static func map(of unit: Gebietseinheit, figures: AtlasFigures, catalog: RegisterCatalog, request: Request) async -> Node<HTML.BodyContext>? {
        let shapes = request.application.kreisShapes
        if unit.kind == .kreis {
            guard
                let area = await shapes.area(
                    of: [unit.key], width: KreisActivityMap.width, height: KreisActivityMap.height, margin: KreisActivityMap.margin,
                    logger: request.logger),
                let center = area.inside.first
            else { return nil }
            let gemeinden = catalog.gemeinden(in: unit.key).compactMap { g in figures.gemeinde(ags: g.ags).map { (gemeinde: g, activity: $0) } }
            return KreisActivityMap(kreis: unit, center: center, around: area.around, frame: area.frame, gemeinden: gemeinden).node()
        }
        guard
            let area = await shapes.area(
                of: catalog.kreise(in: unit.key).map(\.key), width: AreaKreiseMap.width, height: AreaKreiseMap.height, margin: AreaKreiseMap.margin,
                logger: request.logger)
        else { return nil }
        return AreaKreiseMap(area: unit, kreise: area.inside, around: area.around, frame: area.frame, figures: figures, catalog: catalog).node()
    }
}

extension TownDirectory {
    /// Where a town is: a Gemeinde's coordinates, a Kreis' centre; nil when unknown.
    public func point(of key: String) -> GeoPoint? {
        switch key.count {
        case 8: catalog.gemeinde(ags: key)?.coordinate
        case 5: catalog.centre(ofUnit: key)
        default: nil
        }
    }
}

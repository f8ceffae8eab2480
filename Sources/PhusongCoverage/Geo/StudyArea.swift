/// The lon/lat box in which input points are expected. A point outside it whose swapped
/// coordinates fall inside is taken for swapped columns (docs/specs/data-formats.md, "Bad input"); any
/// other point outside it gets a warning. The same box as a raster's extent: one type.
public typealias StudyArea = LonLatBox

extension LonLatBox {
    /// Vietnam's mainland, islands and offshore special zones (vn-admin-2025 extent
    /// lon 102.14–117.83, lat 7.18–23.39), with a margin of about 0.5°.
    public static let vietnam = StudyArea(minLon: 101.5, minLat: 6.5, maxLon: 118.5, maxLat: 24.0)
}

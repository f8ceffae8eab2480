import Foundation
import PhusongSupport

/// The 1° × 1° cell of an SRTM tile, named by its south-west corner as SRTM names files:
/// `N21E105.hgt` covers 21–22° N, 105–106° E; S and W are negative (`S01W073.hgt` covers
/// 1–0° S, 73–72° W) (docs/specs/terrain-model.md, "Elevation data").
public struct TileName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Latitude of the southern edge, whole degrees (−90…89).
    public let south: Int
    /// Longitude of the western edge, whole degrees (−180…179).
    public let west: Int

    /// The cell with the given south-west corner.
    /// - Parameters:
    ///   - south: latitude of the southern edge, degrees.
    ///   - west: longitude of the western edge, degrees.
    public init(south: Int, west: Int) {
        self.south = south
        self.west = west
    }

    /// The cell whose south-west corner is ⌊lat⌋, ⌊lon⌋ (the tile a point belongs to when it is
    /// not on an edge); nil for a coordinate outside −90…90, −180…180 or not finite.
    /// - Parameters:
    ///   - latitude: degrees.
    ///   - longitude: degrees.
    public init?(containingLatitude latitude: Double, longitude: Double) {
        guard latitude >= -90, latitude <= 90, longitude >= -180, longitude <= 180 else { return nil }
        self.init(south: min(Int(latitude.rounded(.down)), 89), west: min(Int(longitude.rounded(.down)), 179))
    }

    /// The name of a file name such as `N21E105.hgt` (case-insensitive), nil for any other name.
    /// - Parameter fileName: the file's name, without folders.
    public init?(fileName: String) {
        let upper = fileName.uppercased()
        guard upper.hasSuffix(".HGT") else { return nil }
        let stem = Array(upper.dropLast(4).utf8)
        guard stem.count == 7, let latitude = Self.number(stem[1..<3]), let longitude = Self.number(stem[4..<7]) else { return nil }
        let north: Int32
        switch stem[0] {
        case UInt8(ascii: "N"): north = 1
        case UInt8(ascii: "S"): north = -1
        default: return nil
        }
        let east: Int32
        switch stem[3] {
        case UInt8(ascii: "E"): east = 1
        case UInt8(ascii: "W"): east = -1
        default: return nil
        }
        let south = Int(north) * latitude
        let west = Int(east) * longitude
        guard south >= -90, south <= 89, west >= -180, west <= 179 else { return nil }
        self.init(south: south, west: west)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// `N21E105.hgt`.
    public var fileName: String { description + ".hgt" }

    /// `N21E105`.
    public var description: String {
        let latitude = (south < 0 ? "S" : "N") + NumberText.zeroPadded(abs(south), width: 2)
        let longitude = (west < 0 ? "W" : "E") + NumberText.zeroPadded(abs(west), width: 3)
        return latitude + longitude
    }

    public static func < (lhs: TileName, rhs: TileName) -> Bool {
        (lhs.south, lhs.west) < (rhs.south, rhs.west)
    }
}

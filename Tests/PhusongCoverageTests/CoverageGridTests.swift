import Foundation
import Testing
@testable import PhusongCoverage

/// The coverage raster's grid: metres to degrees at the middle latitude, exact extent, limits.
@Suite struct CoverageGridTests {
    /// Metres in a degree of latitude on the radio model's sphere.
    let metresPerDegree = Double.pi * Geodesy.earthRadiusM / 180

    @Test func resolutionBecomesDegreesAtTheMiddleLatitudeAndTheExtentIsExact() throws {
        let box = LonLatBox(minLon: 102, minLat: 21, maxLon: 103, maxLat: 22)
        let grid = try CoverageGrid(box: box, resolutionM: 1000)
        // A degree of longitude at 21.5°: 111,194.93 m × cos 21.5° = 103,456 m: 103.46 → 104 columns.
        #expect(grid.columns == 104)
        // A degree of latitude: 111,194.93 m: 111.19 → 112 rows.
        #expect(grid.rows == 112)
        #expect(grid.pixelWidthDeg == 1.0 / 104 && grid.pixelHeightDeg == 1.0 / 112)
        #expect(grid.pixelWidthDeg * metresPerDegree * cos(21.5 * .pi / 180) <= 1000)
        #expect(grid.box == box)
        let corner = grid.centre(column: 0, row: 0)
        #expect(corner.lon == 102 + 0.5 / 104 && corner.lat == 22 - 0.5 / 112)
        let last = grid.centre(column: 103, row: 111)
        #expect(abs(last.lon - (103 - 0.5 / 104)) < 1e-12 && abs(last.lat - (21 + 0.5 / 112)) < 1e-12)
    }

    @Test func aSpanOfExactlyNPixelsIsNotRoundedUp() throws {
        let grid = try CoverageGrid(box: LonLatBox(minLon: 10, minLat: -0.5, maxLon: 11, maxLat: 0.5), resolutionM: metresPerDegree / 100)
        #expect(grid.rows == 100)
    }

    @Test(arguments: [
        (LonLatBox(minLon: 103, minLat: 21, maxLon: 102, maxLat: 22), "MINLON (103.0) must be less than MAXLON (102.0)"),
        (LonLatBox(minLon: 102, minLat: 22, maxLon: 103, maxLat: 22), "MINLAT (22.0) must be less than MAXLAT (22.0)"),
        (LonLatBox(minLon: 102, minLat: 21, maxLon: 181, maxLat: 22), "longitudes must lie within -180…180 degrees"),
        (LonLatBox(minLon: 102, minLat: -91, maxLon: 103, maxLat: 22), "latitudes must lie within -90…90 degrees"),
        (LonLatBox(minLon: .nan, minLat: 21, maxLon: 103, maxLat: 22), "every edge must be a finite number"),
    ])
    func unusableBoxes(box: LonLatBox, reason: String) {
        // Compared by message: a NaN edge makes the boxes themselves unequal.
        #expect {
            try CoverageGrid(box: box, resolutionM: 100)
        } throws: { error in
            guard case .badBox(_, let given)? = error as? CoverageGridError else { return false }
            return given == reason && "\(error)" == "bounding box \(box) is not usable: \(reason)"
        }
    }

    @Test func resolutionOutOfRangeAndTooManyPixels() {
        let box = LonLatBox(minLon: 102, minLat: 8, maxLon: 110, maxLat: 24)
        for metres in [9.99, 100_001, .nan, -100] {
            #expect(throws: CoverageGridError.self) { try CoverageGrid(box: box, resolutionM: metres) }
        }
        #expect {
            try CoverageGrid(box: box, resolutionM: 10)
        } throws: { error in
            guard case .tooManyPixels(let columns, let rows, _) = error as? CoverageGridError else { return false }
            return columns * rows > Double(CoverageGrid.maxPixels)
                && "\(error)".contains("exceeds the limit of 25000000 pixels")
        }
        // Vietnam's whole box at 1 km: 16° × 111.19 km → 1,780 rows; 8° × 111.19 km × cos 16°
        // = 855.1 km → 856 columns; 1,523,680 pixels: allowed.
        let country = try? CoverageGrid(box: box, resolutionM: 1000)
        #expect(country?.rows == 1780 && country?.columns == 856)
        #expect(country?.pixelCount == 1_523_680)
    }
}

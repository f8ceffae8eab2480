import Foundation
import GEOSKit

/// Traces coverage footprints: for each of N bearings θ_k = k · 360° / N from a site, the
/// largest ground distance r_k ≤ `max_range_m` at which the site's cells of one technology
/// reach the coverage threshold (``CoverageRaySolver``), and the polygon through the
/// destination points (``Geodesy/destination(lon:lat:bearingDeg:distanceM:)``).
///
/// Why the bearing θ_k may be used directly: the destination formula follows the great circle
/// whose initial course is θ_k, so the initial bearing from the cell to every point of the
/// ray — what docs/specs/radio-model.md feeds to the antenna pattern — is θ_k exactly, and the
/// haversine distance to it is the distance travelled. RSRP along the ray is therefore the
/// spec's RSRP with A_H = A_H(θ_k) and d2D = r, evaluated in the spec's order
/// (rs_eirp_dbm + A_H − PL − extra_loss_db, compared with the threshold unrounded); the
/// tests check the traced edge against ``PreparedCell/rsrpDBm(at:)`` at the destination points.
///
/// A site's sectors (cells at one location) are traced together: the footprint is the set of
/// points some sector covers, so r_k is the longest of the sectors' rays. Sectors with the same
/// EIRP, band, height and path-loss model differ only in gain, so only the largest gain
/// toward θ_k is solved for; equal gains (an omni cell, the −30 dB back lobe, sectors 120°
/// apart) are solved once. The receiver's area type is given by the caller (the nearest village's).
///
/// Between vertices the outline is a straight lon/lat segment, a chord of the true edge:
/// with 72 bearings the polygon of a circular footprint has 0.13 % less area than the disc
/// ((N / 2π) sin(2π / N) = 0.99873).
struct FootprintTracer: Sendable {
    /// θ_k, degrees.
    let bearingsDeg: [Double]
    let sinBearings: [Double]
    let cosBearings: [Double]
    let solver: CoverageRaySolver

    /// - Parameters:
    ///   - bearings: N (≥ 3 for a polygon; the settings require ≥ 72).
    ///   - toleranceM: precision of each ray, metres.
    init(bearings: Int, toleranceM: Double, parameters: RadioModelParameters) {
        bearingsDeg = (0..<bearings).map { Double($0 * 360) / Double(bearings) }
        sinBearings = bearingsDeg.map { sin($0 * (Double.pi / 180)) }
        cosBearings = bearingsDeg.map { cos($0 * (Double.pi / 180)) }
        solver = CoverageRaySolver(toleranceM: toleranceM, minDistanceM: parameters.minDistanceM,
                                   maxRangeM: parameters.maxRangeM)
    }

    /// r_k for cells at one location (metres, one per bearing): for each bearing, the longest
    /// distance at which one of `sectors` gives a receiver of `areaType` an RSRP of at least
    /// `thresholdDBm`; 0 where none does even at the clamp distance.
    func raysM(sectors: [PreparedCell], areaType: AreaType, thresholdDBm: Double) -> [Double] {
        var rays = [Double](repeating: 0, count: bearingsDeg.count)
        var solved = GainMemo(capacity: bearingsDeg.count)
        for radioClass in RadioClass.classes(of: sectors, areaType: areaType) {
            let cell = radioClass.cell
            solved.removeAll()
            // The last edge solved (gain, ln of the edge, slope in ln d): predicts the next ray.
            var lastEdge: (gain: Double, lnM: Double, slope: Double)?
            for (k, bearing) in bearingsDeg.enumerated() {
                var gain = -Double.infinity
                for antenna in radioClass.antennas { gain = max(gain, antenna.gainDB(towardBearingDeg: bearing)) }
                let ray: Double
                if let known = solved.ray(forGain: gain) {
                    ray = known
                } else {
                    let guess = lastEdge.map { exp($0.lnM + (gain - $0.gain) / $0.slope) }
                    let found = solver.rayM(guessM: guess) { distanceM in
                        cell.rsEIRPdBm + gain - cell.radio.pathLoss(distance2DM: distanceM, areaType: areaType).pathLossDB
                            - cell.radio.extraLossDB - thresholdDBm
                    }
                    ray = found.rayM
                    if let edge = found.edge { lastEdge = (gain, edge.lnM, edge.slope) }
                    solved.insert(gain: gain, rayM: ray)
                }
                rays[k] = max(rays[k], ray)
            }
        }
        return rays
    }

    /// The footprint through the ends of `raysM` from (`lon`, `lat`), or nil when it has no
    /// area (fewer than three distinct vertices, e.g. every ray 0).
    func footprint(lon: Double, lat: Double, raysM: [Double], technology: Technology, provinceCode: String?)
        -> CoverageFootprint? {
        let phi = lat * (Double.pi / 180)
        let sinLat = sin(phi), cosLat = cos(phi)
        var ring: [Double] = []
        ring.reserveCapacity(2 * raysM.count + 2)
        var envelope = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        var vertices = 0
        for (k, ray) in raysM.enumerated() {
            let point = ray > 0
                ? Geodesy.destination(lon: lon, sinLat: sinLat, cosLat: cosLat, sinBearing: sinBearings[k],
                                      cosBearing: cosBearings[k], distanceM: ray)
                : (lon: lon, lat: lat)
            if vertices > 0 && ring[ring.count - 2] == point.lon && ring[ring.count - 1] == point.lat { continue }
            ring.append(point.lon)
            ring.append(point.lat)
            vertices += 1
            envelope = envelope.union(Envelope(x: point.lon, y: point.lat))
        }
        if vertices > 1 && ring[0] == ring[ring.count - 2] && ring[1] == ring[ring.count - 1] {
            ring.removeLast(2)
            vertices -= 1
        }
        guard vertices >= 3 else { return nil }
        ring.append(ring[0])
        ring.append(ring[1])
        return CoverageFootprint(
            technology: technology, provinceCode: provinceCode, lon: lon, lat: lat, ring: ring,
            envelope: envelope)
    }
}

/// Sectors at one location that differ only in their antenna (same EIRP, band, height and
/// path-loss model for the receiver's area type), so that at every bearing the one with the
/// largest gain has the longest ray.
struct RadioClass {
    /// A representative sector (any member: they share everything but the antenna).
    let cell: PreparedCell
    let antennas: [SectorAntenna]

    /// The classes of `sectors`, in order of first member.
    static func classes(of sectors: [PreparedCell], areaType: AreaType) -> [RadioClass] {
        var classes: [RadioClass] = []
        for sector in sectors {
            if let index = classes.firstIndex(where: { $0.cell.sharesRadio(with: sector, areaType: areaType) }) {
                classes[index] = RadioClass(cell: classes[index].cell, antennas: classes[index].antennas + [sector.antenna])
            } else {
                classes.append(RadioClass(cell: sector, antennas: [sector.antenna]))
            }
        }
        return classes
    }
}

extension PreparedCell {
    /// True when `other` delivers the same RSRP as this cell toward a receiver of `areaType` at
    /// any distance and equal antenna gain.
    func sharesRadio(with other: PreparedCell, areaType: AreaType) -> Bool {
        rsEIRPdBm == other.rsEIRPdBm && radio.frequencyMHz == other.radio.frequencyMHz
            && radio.heightDifferenceSquaredM2 == other.radio.heightDifferenceSquaredM2
            && radio.extraLossDB == other.radio.extraLossDB && radio.minDistanceM == other.radio.minDistanceM
            && radio.pathLoss[areaType] == other.radio.pathLoss[areaType]
    }
}

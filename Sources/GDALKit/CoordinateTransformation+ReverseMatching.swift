/// Points transformed so that they are the exact inverse of the operation PROJ picks in the
/// other direction.
///
/// Why: between two CRSs PROJ may know several operations, each with an area of use (VN-2000
/// to WGS 84 has two: "Vietnam - onshore" and "Mekong delta blocks DBSCL 02 and 03", about
/// 1 m apart). For each point it picks the operation whose area holds the point, testing the
/// area's bounding box in the *source* CRS. The boxes differ between directions: a box in
/// degrees becomes a larger box in UTM metres. So a point converted from WGS 84 to VN-2000
/// (by `ogr2ogr`, QGIS, a surveyor's tool) with one operation may come back with the other:
/// in the national scenario 333 of 341,154 cells north of the Mekong blocks came back
/// 7.3e-6° (0.8 m) off. The areas of use are defined in degrees (EPSG), so the choice made
/// from WGS 84 is the one the registry means; this method returns the point that the reverse
/// operation maps onto the input, which round-trips exactly.
extension CoordinateTransformation {
    /// How many correction rounds at most; two suffice in practice (one to find the other
    /// operation's point, one to confirm).
    static let reverseMatchingRounds = 6

    /// The largest correction, relative to the coordinate (at least 1), taken as converged:
    /// 1e-12 of a degree is 0.1 µm.
    static let reverseMatchingTolerance = 1e-12

    /// Transforms points in place so that the reverse transformation (target to source, with
    /// PROJ's own choice of operation) gives back the input points.
    ///
    /// Starts from PROJ's forward result L₀ = F(P) and iterates L ← L + F(P) − F(R(L)), where
    /// R is the reverse transformation: a fixed-point (Newton-like) step with F as the
    /// inverse Jacobian, exact when R(L) = P. Points whose forward and reverse operations
    /// agree (almost all) stop after one round with a correction below 1e-12.
    /// - Parameters:
    ///   - xs: The x coordinates (longitude or easting); replaced by the target's.
    ///   - ys: The y coordinates (latitude or northing), as many as `xs`; replaced.
    /// - Throws: ``GDALError`` when the counts differ or a point cannot be transformed in
    ///   either direction.
    public func transformMatchingReverse(xs: inout [Double], ys: inout [Double]) throws(GDALError) {
        try transform(xs: &xs, ys: &ys)
        let firstXs = xs, firstYs = ys
        let reverse = try CoordinateTransformation(from: target, to: source)
        var pending = Array(xs.indices)
        for _ in 0..<Self.reverseMatchingRounds where !pending.isEmpty {
            var againXs = pending.map { xs[$0] }, againYs = pending.map { ys[$0] }
            try reverse.transform(xs: &againXs, ys: &againYs)
            try transform(xs: &againXs, ys: &againYs)
            var stillMoving: [Int] = []
            for (slot, index) in pending.enumerated() {
                let dx = firstXs[index] - againXs[slot], dy = firstYs[index] - againYs[slot]
                xs[index] += dx
                ys[index] += dy
                let limit = Self.reverseMatchingTolerance * max(1, abs(xs[index]), abs(ys[index]))
                if max(abs(dx), abs(dy)) > limit { stillMoving.append(index) }
            }
            pending = stillMoving
        }
    }
}

import PhusongCoverage
import PhusongSupport

/// Synthetic 3″ SRTM tiles over mainland Vietnam's 1° cells (8–24° N, 102–110° E), for running
/// the national scenario with the terrain model when real tiles are not at hand (issue 17).
/// **Not real terrain**: every figure computed over these tiles must say the terrain is
/// synthetic. Plains near sea level (5–25 m) and mountain ranges of 1,000–3,000 m: ranges are
/// straight ridges with a Gaussian cross-section (half-width 8–30 km), 60–400 km long, placed,
/// turned and sized by the seed, roughened by value noise; where ranges overlap the higher one
/// wins. Only IEEE `+ − × ÷` and `PortableMath`'s functions are used, so a seed gives the
/// same bytes on every machine.
public struct SyntheticTerrain: Sendable {
    /// The generator's seed.
    public let seed: UInt64
    let ranges: [Ridge]

    /// The tiles written: south edges 8…23° N, west edges 102…109° E.
    public static let tileNames: [TileName] = (8...23).flatMap { south in (102...109).map { TileName(south: south, west: $0) } }
    /// Posts per tile side (3″).
    public static let size = 1201
    /// Mountain ranges drawn.
    static let rangeCount = 40

    /// One straight ridge: its centre (degrees), its unit direction in km (east, north), its half
    /// length and half-width (km), its crest (m), and the cosine of its centre's latitude.
    struct Ridge: Sendable {
        let latitude: Double
        let longitude: Double
        let east: Double
        let north: Double
        let halfLengthKm: Double
        let halfWidthKm: Double
        let crestM: Double
        let cosLatitude: Double

        /// Degrees of latitude and longitude around the centre beyond which the ridge adds less
        /// than a metre.
        var reachDegrees: (latitude: Double, longitude: Double) {
            let km = halfLengthKm + 3 * halfWidthKm
            return (km / 110.57, km / (111.32 * cosLatitude))
        }
    }

    /// The terrain of `seed`.
    /// - Parameter seed: the generator's seed (the same seed, the same tiles).
    public init(seed: UInt64) {
        self.seed = seed
        var random = SplitMix64(seed: seed ^ 0x7E88_A1B5_D3C4_0F17)
        ranges = (0..<Self.rangeCount).map { _ in
            let latitude = random.uniform(9...23)
            let angle = random.uniform(0...1)
            // Direction from a point on the unit circle's first half (cos, sin by the rational
            // parametrisation t ∈ [−1, 1]: no trigonometry).
            let t = 2 * angle - 1
            let east = (1 - t * t) / (1 + t * t), north = 2 * t / (1 + t * t)
            return Ridge(
                latitude: latitude, longitude: random.uniform(102.5...109), east: east, north: north,
                halfLengthKm: random.uniform(30...200), halfWidthKm: random.uniform(8...30), crestM: random.uniform(1_000...3_000),
                cosLatitude: PortableMath.cos(latitude * Double.pi / 180))
        }
    }

    /// The height at a point, m: the plain plus the highest ridge there.
    /// - Parameters:
    ///   - latitude: degrees.
    ///   - longitude: degrees.
    /// - Returns: metres above sea level (5 m or more).
    public func heightM(latitude: Double, longitude: Double) -> Double {
        heightM(latitude: latitude, longitude: longitude, ridges: ranges[...])
    }

    func heightM(latitude: Double, longitude: Double, ridges: ArraySlice<Ridge>) -> Double {
        let plain = 5 + 20 * noise(latitude / 0.5, longitude / 0.5, salt: 1)
        var relief = 0.0
        for ridge in ridges {
            let x = (longitude - ridge.longitude) * 111.32 * ridge.cosLatitude
            let y = (latitude - ridge.latitude) * 110.57
            let along = x * ridge.east + y * ridge.north
            let across = -x * ridge.north + y * ridge.east
            let clamped = max(-ridge.halfLengthKm, min(ridge.halfLengthKm, along))
            let beyond = (along - clamped) / ridge.halfWidthKm
            let side = across / ridge.halfWidthKm
            let taper = 1 - (clamped / ridge.halfLengthKm) * (clamped / ridge.halfLengthKm) * 0.6
            let height = ridge.crestM * taper * PortableMath.exp(-(side * side + beyond * beyond))
            relief = max(relief, height)
        }
        guard relief > 1 else { return plain }
        return plain + relief * (0.7 + 0.6 * noise(latitude / 0.04, longitude / 0.04, salt: 2))
    }

    /// Value noise in [0, 1): a seeded value at each integer lattice point, interpolated with
    /// smoothstep weights.
    func noise(_ u: Double, _ v: Double, salt: UInt64) -> Double {
        let i = u.rounded(.down), j = v.rounded(.down)
        let fu = u - i, fv = v - j
        let su = fu * fu * (3 - 2 * fu), sv = fv * fv * (3 - 2 * fv)
        // Safe: latitudes and longitudes over a few hundred lattice steps per degree.
        let a = lattice(Int64(i), Int64(j), salt), b = lattice(Int64(i) + 1, Int64(j), salt)
        let c = lattice(Int64(i), Int64(j) + 1, salt), d = lattice(Int64(i) + 1, Int64(j) + 1, salt)
        return (a * (1 - su) + b * su) * (1 - sv) + (c * (1 - su) + d * su) * sv
    }

    private func lattice(_ i: Int64, _ j: Int64, _ salt: UInt64) -> Double {
        var mixer = SplitMix64(seed: seed &+ salt &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(bitPattern: i) &* 0xBF58_476D_1CE4_E5B9
            &+ UInt64(bitPattern: j) &* 0x94D0_49BB_1331_11EB)
        return Double(mixer.next() >> 11) / Double(1 << 53)
    }

    /// The tile's bytes as SRTM stores them: 1201 × 1201 big-endian 16-bit posts, row 0 at the
    /// northern edge, post (r, c) at lat = south + 1 − r/1200, lon = west + c/1200.
    /// - Parameter name: one of ``tileNames``.
    /// - Returns: 2,884,802 bytes.
    public func tileBytes(_ name: TileName) -> [UInt8] {
        let south = Double(name.south), west = Double(name.west)
        let near = ranges.filter { ridge in
            let reach = ridge.reachDegrees
            return ridge.latitude + reach.latitude >= south && ridge.latitude - reach.latitude <= south + 1
                && ridge.longitude + reach.longitude >= west && ridge.longitude - reach.longitude <= west + 1
        }
        let step = 1 / Double(Self.size - 1)
        var bytes = [UInt8](repeating: 0, count: 2 * Self.size * Self.size)
        for row in 0..<Self.size {
            let latitude = south + 1 - Double(row) * step
            for column in 0..<Self.size {
                let height = heightM(latitude: latitude, longitude: west + Double(column) * step, ridges: near[...])
                // Safe: 5 m to about 4,000 m, inside Int16.
                let bits = UInt16(bitPattern: Int16(height.rounded()))
                let index = 2 * (row * Self.size + column)
                bytes[index] = UInt8(bits >> 8)
                bytes[index + 1] = UInt8(bits & 0xFF)
            }
        }
        return bytes
    }
}

/// The propagation mode ITM reports for a path (the Algorithm, §4; NTIA ITM v1.4 codes 1–3).
///
/// "Line of sight" means the path is shorter than the smooth-earth horizon distance `d_Ls`, not
/// that the terrain between the ends is clear (docs/specs/terrain-model.md, "Known answers").
public enum ITMPropagationMode: Int, Sendable, Hashable, CaseIterable {
    /// d < d_Ls: the two-ray and extended diffraction blend of §4.2.
    case lineOfSight = 1
    /// d_Ls ≤ d ≤ d_x: the diffraction line of §4.3.
    case diffraction = 2
    /// d > d_x: the troposcatter line of §4.4.
    case troposcatter = 3

    /// The name `phusong pathloss` writes: `line_of_sight`, `diffraction` or `troposcatter`.
    public var name: String {
        switch self {
        case .lineOfSight: "line_of_sight"
        case .diffraction: "diffraction"
        case .troposcatter: "troposcatter"
        }
    }
}

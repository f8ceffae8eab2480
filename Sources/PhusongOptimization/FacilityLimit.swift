/// What limits the open facilities of a maximum-coverage problem. Both limits count every
/// open facility, the fixed ones included.
public enum FacilityLimit: Sendable, Hashable {
    /// At most this many open facilities: the p of Church & ReVelle's maximal covering
    /// location problem (1974), where Σ x_j = p (opening a facility that covers nothing new
    /// never helps, so "at most" and "exactly" have the same optimum).
    case count(Int)
    /// The open facilities' total cost at most this (the budgeted maximum coverage problem of
    /// Khuller, Moss & Naor 1999).
    case budget(Double)
}

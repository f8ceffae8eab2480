/// Purposes of the generator's independent random streams (`SeededGenerator(seed:stream:)`):
/// each province draws its settlements, unpowered villages, names and sites from streams of
/// their own, so changing how one part draws leaves the others as they were.
enum SyntheticStream {
    static let layout: UInt64 = 1
    static let settlements: UInt64 = 2
    static let unpowered: UInt64 = 3
    static let names: UInt64 = 4
    static let sites: UInt64 = 5
}

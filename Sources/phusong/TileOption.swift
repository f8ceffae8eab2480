import ArgumentParser
import PhusongCoverage

extension TileBounds: ExpressibleByArgument {
    /// Reads `--tile MINLON,MINLAT,MAXLON,MAXLAT`; anything else is a usage error (exit 64).
    public init?(argument: String) {
        self.init(argument)
    }
}

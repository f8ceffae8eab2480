import Foundation

/// Leaflet and Leaflet.markercluster as Debian packages them (`libjs-leaflet`,
/// `libjs-leaflet.markercluster`), read when a report is written and inlined into report.html
/// so that the page stays one offline file — never copied into this repository. Their
/// licences (the packages' `copyright` files) go into the page with them.
///
/// The files are read from `directory` (by default `/usr/share/javascript/leaflet`, where both
/// packages put their files; `PHUSONG_LEAFLET_DIR` overrides it) and the licences from
/// `/usr/share/doc/<package>/copyright`. The stylesheet's images (the layer switcher's icon)
/// become `data:` URLs, so nothing is fetched.
public struct LeafletAssets: Sendable, Hashable {
    /// The Debian packages that hold the files, to name when they are missing.
    public static let packages = ["libjs-leaflet", "libjs-leaflet.markercluster"]
    /// Where Debian puts the files.
    public static let defaultDirectory = "/usr/share/javascript/leaflet"

    /// leaflet.min.js then leaflet.markercluster.min.js.
    public var script: String
    /// leaflet.css, MarkerCluster.css and MarkerCluster.Default.css.
    public var style: String
    /// The two packages' copyright files, with their names.
    public var licences: [(package: String, text: String)] {
        zip(Self.packages, licenceTexts).map { ($0, $1) }
    }
    var licenceTexts: [String]
    /// The versions named in the scripts' headers, e.g. "Leaflet 1.6.0, Leaflet.markercluster 1.5.3".
    public var versions: String

    /// Why the map library could not be read: the file and the package that provides it.
    public struct Missing: Error, CustomStringConvertible, Sendable {
        /// The file that is missing or unreadable.
        public var file: String
        /// The Debian package that installs it.
        public var package: String
        /// "… not found: install the Debian package libjs-leaflet …".
        public var description: String {
            "\(file) not found: install the Debian package \(package) (apt-get install \(LeafletAssets.packages.joined(separator: " ")))"
        }
    }

    /// Reads the files.
    /// - Parameters:
    ///   - directory: the folder of the scripts and stylesheets; nil: `PHUSONG_LEAFLET_DIR`, else
    ///     `defaultDirectory`.
    ///   - documentation: the folder of the packages' documentation (their copyright files).
    /// - Throws: `Missing` naming the first file missing and its package.
    public static func load(directory: String? = nil, documentation: String = "/usr/share/doc") throws(Missing) -> LeafletAssets {
        let folder = directory ?? ProcessInfo.processInfo.environment["PHUSONG_LEAFLET_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDirectory
        func read(_ path: String, _ package: String) throws(Missing) -> String {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw Missing(file: path, package: package)
            }
            return text
        }
        let leaflet = try read(folder + "/leaflet.min.js", "libjs-leaflet")
        let cluster = try read(folder + "/leaflet.markercluster.min.js", "libjs-leaflet.markercluster")
        var css = try read(folder + "/leaflet.css", "libjs-leaflet")
        for name in ["MarkerCluster.css", "MarkerCluster.Default.css"] {
            css += "\n" + (try read(folder + "/" + name, "libjs-leaflet.markercluster"))
        }
        let licences = try packages.map { package throws(Missing) in try read(documentation + "/" + package + "/copyright", package) }
        return LeafletAssets(script: safeInScript(leaflet + "\n" + cluster), style: safeInScript(inlineImages(css, folder: folder)),
                             licenceTexts: licences, versions: [version(leaflet, "Leaflet"), version(cluster, "Leaflet.markercluster")]
                                 .compactMap { $0 }.joined(separator: ", "))
    }

    /// "Leaflet 1.6.0" from the header comment of the script.
    static func version(_ script: String, _ name: String) -> String? {
        guard let range = script.range(of: name + " ") else { return nil }
        let number = script[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        return number.isEmpty ? nil : name + " " + number.trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    /// `url(images/x.png)` as `url(data:image/png;base64,…)` when the image is there (else
    /// the rule is dropped to `none`, so nothing is requested).
    static func inlineImages(_ css: String, folder: String) -> String {
        var result = ""
        var rest = Substring(css)
        while let open = rest.range(of: "url(") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: ")") else {
                rest = rest[open.lowerBound...]
                break
            }
            let target = rest[open.upperBound..<close].trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
            if target.hasPrefix("data:") {
                result += "url(" + target + ")"
            } else if target.hasSuffix(".png"), !target.contains(".."), let image = FileManager.default.contents(atPath: folder + "/" + target) {
                result += "url(data:image/png;base64," + image.base64EncodedString() + ")"
            } else {
                result += "none"
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// `</` inside a script or style element would end it early: written `<\/` (the same text
    /// for JavaScript strings and regular expressions, and absent from CSS).
    static func safeInScript(_ text: String) -> String {
        text.replacingOccurrences(of: "</", with: "<\\/")
    }
}

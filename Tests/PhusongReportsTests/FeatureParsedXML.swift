import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element read back with Foundation's `XMLParser`, for checking written KML.
struct FeatureParsedXML {
    var name: String
    var attributes: [String: String]
    var children: [FeatureParsedXML] = []
    /// The element's own character data (entities and character references resolved).
    var text = ""

    func children(_ name: String) -> [FeatureParsedXML] { children.filter { $0.name == name } }
    func child(_ name: String) -> FeatureParsedXML? { children.first { $0.name == name } }

    /// Parses a whole document; throws the parser's error when it is not well-formed.
    static func parse(_ bytes: [UInt8]) throws -> FeatureParsedXML {
        let parser = XMLParser(data: Data(bytes))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw parser.parserError ?? CocoaError(.propertyListReadCorrupt)
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [FeatureParsedXML] = []
        var root: FeatureParsedXML?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append(FeatureParsedXML(name: elementName, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            if stack.isEmpty {
                root = element
            } else {
                stack[stack.count - 1].children.append(element)
            }
        }
    }
}

import Testing
@testable import PhusongSupport

@Suite("One escaper per output language: HTML, XML, JSON")
struct TextEscaperTests {
    @Test("HTML: the five markup characters as references, everything else as it is")
    func html() {
        #expect(HTMLText.escaped("<b a=\"x\">&'") == "&lt;b a=&quot;x&quot;&gt;&amp;&#39;")
        #expect(HTMLText.escaped("Bản Mường Hốc · 5G") == "Bản Mường Hốc · 5G")
        #expect(HTMLText.escaped("") == "")
        #expect(HTMLText.escaped("a\nb") == "a\nb")
    }

    @Test("HTML: a quote or < followed by a combining mark is still escaped (one Character, two scalars)")
    func htmlCombiningMarks() {
        // "\"\u{301}" is a single Swift Character that is not equal to "\"", yet a browser ends
        // the attribute at the quote.
        #expect(HTMLText.escaped("\"\u{301} onmouseover=alert(1)") == "&quot;\u{301} onmouseover=alert(1)")
        #expect(HTMLText.escaped("<\u{338}script>") == "&lt;\u{338}script&gt;")
        #expect(HTMLText.escaped("'\u{300}&\u{301}") == "&#39;\u{300}&amp;\u{301}")
    }

    @Test("HTML with line breaks: CR LF, CR and LF each become one <br/>")
    func htmlLineBreaks() {
        #expect(HTMLText.escaped("a\r\nb\rc\nd", breakingLines: true) == "a<br/>b<br/>c<br/>d")
        #expect(HTMLText.escaped("a\n\nb\r\r\n", breakingLines: true) == "a<br/><br/>b<br/><br/>")
        #expect(HTMLText.escaped("x & <y>\n'z'", breakingLines: true) == "x &amp; &lt;y&gt;<br/>&#39;z&#39;")
    }

    @Test("HTML: JSON for a script element never holds '<'")
    func scriptJSON() throws {
        struct Row: Encodable { var name: String; var b: Int }
        #expect(try HTMLText.scriptJSON(Row(name: "</script><!-- a/b", b: 1)) == #"{"b":1,"name":"\u003c/script>\u003c!-- a/b"}"#)
    }

    @Test("XML: predefined entities, CR as a reference, characters XML 1.0 cannot hold as U+FFFD")
    func xml() {
        #expect(XMLText.escaped("A & B <C> \"d\" 'e'") == "A &amp; B &lt;C&gt; &quot;d&quot; &apos;e&apos;")
        #expect(XMLText.escaped("a\rb\nc\td") == "a&#13;b\nc\td")
        #expect(XMLText.escaped("x\u{1}y\u{1B}z\u{FFFE}") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
        #expect(XMLText.escaped("Điện Biên") == "Điện Biên")
    }

    @Test("JSON: quote, backslash and control characters escaped, Vietnamese as it is")
    func json() {
        #expect(JSONText.string("Xóm \"Cầu Gỗ\"") == #""Xóm \"Cầu Gỗ\"""#)
        #expect(JSONText.string("a\\b\nc\rd\te") == #""a\\b\nc\rd\te""#)
        #expect(JSONText.string("\u{0}\u{1F}\u{7F}") == "\"\\u0000\\u001F\u{7F}\"")
        #expect(JSONText.string("") == "\"\"")
    }
}

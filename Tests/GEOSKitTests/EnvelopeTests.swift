import GEOSKit
import Testing

@Suite("Envelope")
struct EnvelopeTests {
    @Test func helpers() {
        let box = Envelope(minX: 0, minY: 0, maxX: 2, maxY: 1)
        #expect(box.width == 2 && box.height == 1)
        #expect(box.intersects(Envelope(minX: 2, minY: 1, maxX: 3, maxY: 3)))  // touching corner
        #expect(!box.intersects(Envelope(minX: 2.1, minY: 0, maxX: 3, maxY: 1)))
        #expect(box.contains(Envelope(minX: 0.5, minY: 0, maxX: 2, maxY: 0.5)))
        #expect(!box.contains(Envelope(minX: 0.5, minY: 0, maxX: 2.5, maxY: 0.5)))
        #expect(box.contains(x: 2, y: 1) && !box.contains(x: 2, y: 1.01))
        #expect(box.expanded(by: 1) == Envelope(minX: -1, minY: -1, maxX: 3, maxY: 2))
        #expect(box.expanded(by: -0.6).isEmpty)
        #expect(box.union(Envelope(x: 5, y: -1)) == Envelope(minX: 0, minY: -1, maxX: 5, maxY: 1))
        let empty = Envelope(minX: 1, minY: 0, maxX: 0, maxY: 1)
        #expect(empty.isEmpty && !empty.intersects(box) && !box.contains(empty))
        #expect(empty.union(box) == box && empty.width == 0)
        #expect(Envelope(minX: .nan, minY: 0, maxX: 1, maxY: 1).isEmpty)
        #expect(Set([box, box, empty]).count == 2)
    }
}

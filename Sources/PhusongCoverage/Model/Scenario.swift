/// The inputs of one run: villages and cells, in file order.
public struct Scenario: Sendable {
    public var villages: [Village]
    public var cells: [Cell]

    public init(villages: [Village], cells: [Cell]) {
        self.villages = villages
        self.cells = cells
    }
}

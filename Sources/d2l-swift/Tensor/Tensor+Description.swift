/// How a tensor prints: its shape, then its values, abbreviated when long.
extension Tensor: CustomStringConvertible {
  /// `Tensor(2, 3) [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]`, eliding the middle of long axes.
  public var description: String {
    "Tensor\(Tensor.describe(shape)) " + formatValues(digits: 4, edge: 3)
  }

  /// The values as nested brackets, `edge` items at each end of a long axis and `…` between.
  public func formatValues(digits: Int = 4, edge: Int = 3) -> String {
    func number(_ x: Float) -> String {
      if x.isNaN { return "nan" }
      if x.isInfinite { return x > 0 ? "inf" : "-inf" }
      var s = String(format: "%.\(digits)f", x)
      if s.hasPrefix("-") && Float(s) == 0 { s.removeFirst() }
      return s
    }
    func format(_ axis: Int, _ offset: Int) -> String {
      if axis == shape.count { return number(storage.base[offset]) }
      let n = shape[axis]
      let inner = shape[(axis + 1)...].reduce(1, *)
      let indices: [Int?] = n > 2 * edge ? Array(0..<edge) + [nil] + Array((n - edge)..<n) : Array(0..<n)
      let items = indices.map { i in i.map { format(axis + 1, offset + $0 * inner) } ?? "…" }
      return "[" + items.joined(separator: ", ") + "]"
    }
    return format(0, 0)
  }
}

import Foundation

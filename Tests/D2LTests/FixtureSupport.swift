import Foundation
import Testing
@testable import D2L

/// Reads the PyTorch reference files written by `scripts/make_fixtures.py`.
enum Fixtures {
  static var directory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  }

  static func file(_ name: String) throws -> SafeTensorsFile {
    try SafeTensorsFile(contentsOf: directory.appendingPathComponent(name))
  }
}

/// Checks `got` against `expected` elementwise to a relative tolerance (relative to the larger of
/// the element and the tensor's largest magnitude, so values near 0 do not demand impossible
/// digits), and reports llm.c style: the name, the largest difference, the first values.
func expectClose(
  _ got: Tensor?, _ expected: Tensor, _ name: String, relativeTolerance: Float = 1e-4,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let got else {
    Issue.record("\(name): no value (expected \(Tensor.describe(expected.shape)))", sourceLocation: sourceLocation)
    return
  }
  guard got.count == expected.count else {
    Issue.record("\(name): shape \(Tensor.describe(got.shape)) vs expected \(Tensor.describe(expected.shape))", sourceLocation: sourceLocation)
    return
  }
  let scale = max(expected.scalars.map(abs).max() ?? 0, 1e-6)
  var worst: Float = 0
  for (a, b) in zip(got.scalars, expected.scalars) {
    worst = max(worst, abs(a - b) / max(abs(b), scale))
  }
  #expect(worst <= relativeTolerance,
          "\(name): NOT OK, max relative difference \(worst); got \(got.scalars.prefix(4)) expected \(expected.scalars.prefix(4))",
          sourceLocation: sourceLocation)
}

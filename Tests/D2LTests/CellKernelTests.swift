import CKernels
import Foundation
import Testing
@testable import D2L

/// Every cell's fused kernels, forward and backward, at every kernel level this CPU runs,
/// compute what the cell's plain reference (the book's equations in Swift and libm) computes:
/// over a share of the units with a tail shorter than a vector, and over inputs from deep in
/// the saturated range of σ and tanh to near 0 (where tanh switches to its series).
@Suite struct CellKernelTests {
  @Test(arguments: CellKind.allCases) func portableMatchesReference(kind: CellKind) {
    compare(kind, Levels.kernels(.portable))
  }

  @Test(.enabled(if: Levels.runs(.avx2), Comment(rawValue: Levels.noAVX2)), arguments: CellKind.allCases)
  func avx2MatchesReference(kind: CellKind) {
    compare(kind, Levels.kernels(.avx2))
  }

  @Test(.enabled(if: Levels.runs(.avx512), Comment(rawValue: Levels.noAVX512)), arguments: CellKind.allCases)
  func avx512MatchesReference(kind: CellKind) {
    compare(kind, Levels.kernels(.avx512))
  }

  func compare(_ kind: CellKind, _ kernels: KernelSet) {
    for (batch, hidden, units) in [(3, 40, 0..<40), (2, 64, 16..<53), (1, 5, 1..<4)] {
      let inputs = StepBuffers(kind: kind, batch: batch, hidden: hidden, seed: UInt64(hidden))
      let cell = kind.cell, (forward, backward) = cell.kernels(kernels)
      for (direction, kernel, reference) in [("forward", forward, cell.referenceForward), ("backward", backward, cell.referenceBackward)] {
        let expected = inputs.copy(), got = inputs.copy()
        reference(expected.step(units: units))
        var step = got.step(units: units)
        kernel(&step)
        for (name, a) in expected.buffers {
          let b = got.buffers[name]!
          // Relative to the value (or 1): the kernels' exp is a polynomial within 2e-7 of libm,
          // and with FMA a product like 1 - tanh² rounds once instead of twice, so differences
          // of a few 1e-6 are rounding; a wrong term or index gives 1e-2 and more.
          let worst = zip(a.buffer, b.buffer).map { abs($0 - $1) / max(abs($0), 1) }.max() ?? 0
          #expect(worst < 1e-5, "\(kind.displayName) \(kernels.level) \(direction) \(name) (batch \(batch), hidden \(hidden), units \(units)): worst difference \(worst)")
        }
      }
    }
  }
}

/// Every buffer a cell step reads or writes, filled with values from a seeded generator.
struct StepBuffers {
  let batch: Int, hidden: Int, gates: Int
  var buffers: [String: TensorStorage] = [:]

  init(kind: CellKind, batch: Int, hidden: Int, seed: UInt64) {
    (self.batch, self.hidden, gates) = (batch, hidden, kind.gateCount)
    var g = RandomGenerator(seed: seed)
    let gateCount = batch * gates * hidden, stateCount = batch * hidden
    // Pre-activations from -30 to 30 (σ and tanh saturate), and near 0.
    for name in ["g", "gh"] {
      let values = Tensor.uniform([gateCount], low: -1, high: 1, using: &g).scalars
      buffers[name] = TensorStorage(copying: values.enumerated().map { i, v in i % 3 == 0 ? 30 * v : i % 3 == 1 ? 3 * v : 0.3 * v })
    }
    for name in ["h_prev", "h", "c_prev", "c", "tanh_c", "hn", "dh", "dy", "dc", "dh_prev"] {
      buffers[name] = Tensor.uniform([stateCount], low: -2, high: 2, using: &g).storage
    }
    for name in ["dg", "dgh"] { buffers[name] = Tensor.uniform([gateCount], low: -1, high: 1, using: &g).storage }
  }

  func copy() -> StepBuffers {
    var c = self
    c.buffers = buffers.mapValues { $0.copy() }
    return c
  }

  func step(units: Range<Int>) -> d2l_cell_step {
    func p(_ name: String) -> UnsafeMutablePointer<Float> { buffers[name]!.base }
    var s = d2l_cell_step()
    (s.batch, s.hidden, s.first_unit, s.units) = (batch, hidden, units.lowerBound, units.count)
    (s.g, s.gh, s.h_prev, s.h) = (p("g"), UnsafePointer(p("gh")), UnsafePointer(p("h_prev")), p("h"))
    (s.c_prev, s.c, s.tanh_c, s.hn) = (UnsafePointer(p("c_prev")), p("c"), p("tanh_c"), p("hn"))
    (s.dh, s.dy, s.dc) = (UnsafePointer(p("dh")), UnsafePointer(p("dy")), p("dc"))
    (s.dg, s.dgh, s.dh_prev) = (p("dg"), p("dgh"), p("dh_prev"))
    return s
  }
}

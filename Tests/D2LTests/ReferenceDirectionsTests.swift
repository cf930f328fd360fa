import CKernels
import Testing
@testable import D2L

/// A bidirectional network rebuilt from the cells' plain references alone (the book's
/// equations in Swift, one step at a time, products as plain loops, the reverse direction a
/// reversed time index) agrees with the engine, with one thread and with one direction per
/// core: outputs and final states, for every cell.
@Suite struct ReferenceDirectionsTests {
  @Test(arguments: CellKind.allCases)
  func engineMatchesTheCellReferencesInBothDirections(kind: CellKind) throws {
    let (T, B, I, H, L) = (5, 8, 6, 16, 2)
    var g = RandomGenerator(seed: 11)
    let layer = RecurrentLayer(kind: kind, inputSize: I, hiddenSize: H, numLayers: L, bidirectional: true, using: &g)
    let x = Tensor.uniform([T, B, I], low: -1, high: 1, using: &g)
    let h0 = Tensor.uniform([L * 2, B, H], low: -1, high: 1, using: &g)
    let c0 = kind.hasCellState ? Tensor.uniform([L * 2, B, H], low: -1, high: 1, using: &g) : nil
    let expected = Self.reference(layer, x.scalars, steps: T, batch: B, h0: h0.scalars, c0: c0?.scalars)
    for parts in Set([1, WorkerTeam.shared.size]).sorted() {
      layer.parallelism = parts
      let (out, state) = layer(x, state: RecurrentState(hidden: h0, cell: c0))
      expectClose(out, Tensor(shape: [T, B, 2 * H], expected.output), "\(kind.name) parts \(parts) outputs")
      expectClose(state.hidden, Tensor(shape: [L * 2, B, H], expected.h), "\(kind.name) parts \(parts) H_T")
      if let c = expected.c { expectClose(state.cell, Tensor(shape: [L * 2, B, H], c), "\(kind.name) parts \(parts) C_T") }
    }
  }

  /// Layer by layer, direction by direction, step by step with `referenceForward`.
  static func reference(
    _ layer: RecurrentLayer, _ input: [Float], steps T: Int, batch B: Int, h0: [Float], c0: [Float]?
  ) -> (output: [Float], h: [Float], c: [Float]?) {
    let (H, G, cell) = (layer.hiddenSize, layer.kind.gateCount, layer.kind.cell)
    var x = input, width = layer.inputSize
    var finalH: [Float] = [], finalC: [Float] = []
    for l in 0..<layer.numLayers {
      var output = [Float](repeating: 0, count: T * B * 2 * H)
      for d in RecurrentDirection.allCases {
        func weight(_ p: RecurrentParameter) -> [Float] { layer.parameter(named: p.name(layer: l, direction: d))!.scalars }
        let (wih, whh, bih, bhh) = (weight(.weightIH), weight(.weightHH), weight(.biasIH), weight(.biasHH))
        let row = (l * 2 + d.rawValue) * B * H
        var h = Array(h0[row..<(row + B * H)]), c = c0.map { Array($0[row..<(row + B * H)]) } ?? []
        for step in 0..<T {
          let t = d == .forward ? step : T - 1 - step  // the reverse direction reads backwards
          var gx = [Float](repeating: 0, count: B * G * H), gh = gx
          for b in 0..<B {
            for r in 0..<(G * H) {
              var sx = bih[r], sh = bhh[r]
              for i in 0..<width { sx += x[(t * B + b) * width + i] * wih[r * width + i] }
              for j in 0..<H { sh += h[b * H + j] * whh[r * H + j] }
              (gx[b * G * H + r], gh[b * G * H + r]) = cell.separateHiddenGates ? (sx, sh) : (sx + sh, sh)
            }
          }
          var hNext = h, cNext = c, tanhC = c, hn = h
          gx.withUnsafeMutableBufferPointer { gp in gh.withUnsafeBufferPointer { ghp in h.withUnsafeBufferPointer { hp in
            hNext.withUnsafeMutableBufferPointer { np in c.withUnsafeBufferPointer { cp in cNext.withUnsafeMutableBufferPointer { cnp in
              tanhC.withUnsafeMutableBufferPointer { tp in hn.withUnsafeMutableBufferPointer { hnp in
                var s = d2l_cell_step()
                (s.batch, s.hidden, s.first_unit, s.units) = (B, H, 0, H)
                (s.g, s.gh, s.h_prev, s.h) = (gp.baseAddress, ghp.baseAddress, hp.baseAddress, np.baseAddress)
                (s.c_prev, s.c, s.tanh_c, s.hn) = (cp.baseAddress, cnp.baseAddress, tp.baseAddress, hnp.baseAddress)
                cell.referenceForward(s)
              } }
            } } }
          } } }
          (h, c) = (hNext, cNext)
          for b in 0..<B {
            for j in 0..<H { output[(t * B + b) * 2 * H + d.rawValue * H + j] = h[b * H + j] }
          }
        }
        finalH += h
        finalC += c
      }
      (x, width) = (output, 2 * H)
    }
    return (x, finalH, c0 == nil ? nil : finalC)
  }
}

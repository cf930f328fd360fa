import Testing
@testable import D2L

/// The LSTM's AVX-512 cells, forward and backward, compute what the portable Swift cells compute.
@Suite struct CellKernelTests {
  @Test(arguments: [(3, 40, 0..<40), (2, 64, 16..<53)])
  func avx512LSTMForwardMatchesPortable(batch: Int, hidden: Int, units: Range<Int>) throws {
    try #require(VectorKernel.best == .avx512, "this CPU has no AVX-512")
    var g = RandomGenerator(seed: UInt64(hidden))
    let gates = Tensor.uniform([batch, 4 * hidden], low: -6, high: 6, using: &g)
    let cPrev = Tensor.uniform([batch, hidden], low: -3, high: 3, using: &g)
    func run(_ kernel: VectorKernel) -> [TensorStorage] {
      let out = [gates.storage.copy()] + (0..<3).map { _ in TensorStorage(count: batch * hidden) }
      CellKernels.lstmForward(g: out[0].base, cPrev: cPrev.storage.base, c: out[1].base, tanhC: out[2].base, h: out[3].base,
                              batch: batch, hidden: hidden, units: units, kernel: kernel)
      return out
    }
    let expected = run(.portable), got = run(.avx512)
    for (name, (a, b)) in zip(["activations", "C_t", "tanh C_t", "H_t"], zip(expected, got)) {
      let worst = zip(a.buffer, b.buffer).map { abs($0 - $1) / max(abs($0), 1e-3) }.max() ?? 0
      #expect(worst < 1e-6, "\(name): worst relative difference \(worst)")
    }
  }

  @Test(arguments: [(3, 40, 0..<40), (2, 64, 16..<53)])
  func avx512LSTMBackwardMatchesPortable(batch: Int, hidden: Int, units: Range<Int>) throws {
    try #require(VectorKernel.best == .avx512, "this CPU has no AVX-512")
    var g = RandomGenerator(seed: UInt64(hidden) + 1)
    // Activations as the forward cell leaves them: sigmoids and tanh in (-1, 1).
    let activations = Tensor.uniform([batch, 4 * hidden], low: -1, high: 1, using: &g)
    let (cPrev, tanhC) = (Tensor.uniform([batch, hidden], low: -3, high: 3, using: &g), Tensor.uniform([batch, hidden], low: -1, high: 1, using: &g))
    let (dh, dy, dc) = (Tensor.uniform([batch, hidden], low: -2, high: 2, using: &g), Tensor.uniform([batch, hidden], low: -2, high: 2, using: &g),
                        Tensor.uniform([batch, hidden], low: -2, high: 2, using: &g))
    func run(_ kernel: VectorKernel) -> [TensorStorage] {
      let out = [TensorStorage(count: batch * 4 * hidden), dc.storage.copy()]
      CellKernels.lstmBackward(dh: dh.storage.base, dy: dy.storage.base, dc: out[1].base, g: activations.storage.base,
                               cPrev: cPrev.storage.base, tanhC: tanhC.storage.base, dG: out[0].base,
                               batch: batch, hidden: hidden, units: units, kernel: kernel)
      return out
    }
    let expected = run(.portable), got = run(.avx512)
    for (name, (a, b)) in zip(["dG", "dC_{t-1}"], zip(expected, got)) {
      let worst = zip(a.buffer, b.buffer).map { abs($0 - $1) / max(abs($0), 1e-3) }.max() ?? 0
      #expect(worst < 1e-6, "\(name): worst relative difference \(worst)")
    }
  }
}

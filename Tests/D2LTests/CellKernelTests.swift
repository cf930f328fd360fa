import Testing
@testable import D2L

/// The LSTM's AVX-512 forward cell computes what the portable Swift cell computes.
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
}

import Testing
@testable import D2L

/// The time loop split across threads computes the same outputs, states and gradients as the
/// single-threaded loop: split by sequences (a batch of 8), or by hidden units with a barrier per
/// step (a batch of 4, on packed weights; of 3, through BLAS).
@Suite struct ParallelLayerTests {
  static let cases: [(CellKind, Bool)] = CellKind.allCases.flatMap { [($0, false), ($0, true)] }

  func run(_ kind: CellKind, tokens: Bool, batch B: Int, parts: Int) -> [String: [Float]] {
    var g = RandomGenerator(seed: 11)
    let (T, I, H) = (5, 12, 64)  // sizes where the packed per-step kernel runs
    let layer = RecurrentLayer(kind: kind, inputSize: I, hiddenSize: H, numLayers: 2, using: &g)
    layer.parallelism = parts
    let x = Tensor.normal([T, B, I], using: &g).requiringGradient()
    let ids = (0..<(T * B)).map { _ in Int32(g.nextInt(below: I)) }
    let h0 = Tensor.normal([2, B, H], using: &g).requiringGradient()
    let c0 = kind == .lstm ? Tensor.normal([2, B, H], using: &g).requiringGradient() : nil
    let state = RecurrentState(hidden: h0, cell: c0)
    let (out, final) = tokens ? layer(tokens: ids, steps: T, batch: B, state: state) : layer(x, state: state)
    let r = Tensor.normal(out.shape, using: &g), s = Tensor.normal(final.hidden.shape, using: &g)
    ((out * r).sum() + (final.hidden * s).sum() + (final.cell.map { ($0 * s).sum() } ?? Tensor(0))).backward()
    var result: [String: [Float]] = ["out": out.scalars, "h": final.hidden.scalars, "dh0": h0.gradient!.scalars]
    if !tokens { result["dx"] = x.gradient!.scalars }
    if let c = final.cell { result["c"] = c.scalars; result["dc0"] = c0!.gradient!.scalars }
    for (name, p) in layer.namedParameters { result[name] = p.gradient!.scalars }
    return result
  }

  @Test(arguments: cases)
  func splitLoopMatchesSingleThread(kind: CellKind, tokens: Bool) throws {
    try #require(WorkerTeam.shared.size > 1, "one thread: there is no split loop to compare")
    for batch in [8, 4, 3] {
      compare(kind, tokens: tokens, batch: batch)
    }
  }

  func compare(_ kind: CellKind, tokens: Bool, batch: Int) {
    let one = run(kind, tokens: tokens, batch: batch, parts: 1)
    let two = run(kind, tokens: tokens, batch: batch, parts: WorkerTeam.shared.size)
    #expect(one.keys.sorted() == two.keys.sorted())
    for (name, a) in one {
      let b = two[name]!
      // Relative to the tensor's scale: the split changes the order of float sums (different
      // GEMM blockings), which moves the last digits; a wrong index would move the first ones.
      let scale = max(a.map(abs).max() ?? 0, 1e-6)
      let worst = (zip(a, b).map { abs($0 - $1) }.max() ?? 0) / scale
      #expect(worst < 1e-5, "\(kind.displayName) \(tokens ? "tokens" : "dense") batch \(batch) \(name): max relative difference \(worst)")
    }
  }
}

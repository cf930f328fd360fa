import Testing
@testable import D2L

/// A recurrent layer at bf16 precision computes what the FP32 layer computes, to bf16's
/// accuracy: outputs, final states and every gradient, for each cell, one direction and both
/// (one per core), dense and token input. The kernels themselves are held to their reference in
/// `BF16KernelTests`; this checks that the time loops hand them the right operands.
@Suite struct BF16LayerTests {
  static let cases: [(CellKind, Bool)] = CellKind.allCases.flatMap { [($0, false), ($0, true)] }
  /// A layer takes bf16 only where the kernels run it: the CPU has AVX512_BF16 and
  /// `D2L_KERNELS` does not cap the level below it (CI's portable run does).
  static var layersRunBF16: Bool { (try? Precision.bf16.checkAvailable()) != nil }
  static let noBF16Layers = "bf16 layers cannot run here: no AVX512_BF16, or D2L_KERNELS caps the kernels below it"

  func run(_ kind: CellKind, bidirectional: Bool, tokens: Bool, precision: Precision) -> [String: [Float]] {
    var g = RandomGenerator(seed: 5)
    let (T, B, I, H) = (6, 8, 24, 64)
    let layer = RecurrentLayer(kind: kind, inputSize: I, hiddenSize: H, numLayers: 2, bidirectional: bidirectional, using: &g)
    layer.precision = precision
    let x = Tensor.normal([T, B, I], using: &g).requiringGradient()
    let ids = (0..<(T * B)).map { _ in Int32(g.nextInt(below: I)) }
    let (out, final) = tokens ? layer(tokens: ids, steps: T, batch: B) : layer(x)
    let r = Tensor.normal(out.shape, using: &g), s = Tensor.normal(final.hidden.shape, using: &g)
    ((out * r).sum() + (final.hidden * s).sum()).backward()
    var result: [String: [Float]] = ["out": out.scalars, "h": final.hidden.scalars]
    if !tokens { result["dx"] = x.gradient!.scalars }
    for (name, p) in layer.namedParameters { result[name] = p.gradient!.scalars }
    return result
  }

  @Test(.enabled(if: layersRunBF16, Comment(rawValue: noBF16Layers)), arguments: cases)
  func bf16LayerFollowsFP32(kind: CellKind, tokens: Bool) {
    for bidirectional in [false, true] {
      let fp32 = run(kind, bidirectional: bidirectional, tokens: tokens, precision: .fp32)
      let bf16 = run(kind, bidirectional: bidirectional, tokens: tokens, precision: .bf16)
      #expect(fp32.keys.sorted() == bf16.keys.sorted())
      for (name, a) in fp32 {
        let b = bf16[name]!
        // Relative to the tensor's scale: bf16 keeps 8 significant bits (2⁻⁹ relative per
        // operand), which sums over a few hundred products and six steps leave near 1e-2; a
        // wrong operand or layout would be off by the tensor's whole scale.
        let scale = max(a.map(abs).max() ?? 0, 1e-6)
        let worst = (zip(a, b).map { abs($0 - $1) }.max() ?? 0) / scale
        #expect(worst < 0.05, "\(kind.displayName) \(bidirectional ? "bidirectional" : "") \(tokens ? "tokens" : "dense") \(name): max relative difference \(worst)")
        #expect(worst > 0, "\(kind.displayName) \(name): bf16 gave FP32's exact bits, so it did not run")
      }
    }
  }
}

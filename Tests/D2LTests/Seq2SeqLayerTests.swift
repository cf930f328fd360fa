import Foundation
import Testing
@testable import D2L

/// The layers and losses seq2seq adds, against PyTorch (`seq2seq_layers.safetensors`, from
/// scripts/make_fixtures_seq2seq.py) and against finite differences.
@Suite struct Seq2SeqLayerTests {
  static let file = try! Fixtures.file("seq2seq_layers.safetensors")
  static func t(_ name: String) -> Tensor { try! file.tensor(name) }
  static func tokens(_ name: String) -> [Int32] { try! file.integers(name).map { Int32($0) } }

  @Test func embeddingMatchesPyTorch() {
    var generator = RandomGenerator(seed: 1)
    let layer = Embedding(vocabSize: 7, embedSize: 4, using: &generator)
    layer.weight.assign(Self.t("emb.weight"))
    let y = layer(Self.tokens("emb.indices"), shape: [3, 5])
    expectClose(y, Self.t("emb.out"), "embedding", relativeTolerance: 1e-5)
    (y * Self.t("emb.R")).sum().backward()
    expectClose(layer.weight.gradient, Self.t("emb.grad_weight"), "embedding d/dweight", relativeTolerance: 1e-5)
  }

  @Test func linearOverStepsMatchesPyTorch() {
    var generator = RandomGenerator(seed: 1)
    let layer = Linear(inputSize: 5, outputSize: 4, using: &generator)
    layer.weight.assign(Self.t("lin.weight"))
    layer.bias.assign(Self.t("lin.bias"))
    let x = Self.t("lin.x").requiringGradient()
    let y = layer(x)
    #expect(y.shape == [2, 3, 4])
    expectClose(y, Self.t("lin.out"), "linear (batch, steps, features)", relativeTolerance: 1e-5)
    (y * Self.t("lin.R")).sum().backward()
    expectClose(x.gradient, Self.t("lin.grad_x"), "linear d/dx", relativeTolerance: 1e-5)
    expectClose(layer.weight.gradient, Self.t("lin.grad_weight"), "linear d/dW", relativeTolerance: 1e-5)
    expectClose(layer.bias.gradient, Self.t("lin.grad_bias"), "linear d/db", relativeTolerance: 1e-5)
  }

  @Test func sequenceMaskMatchesTheBook() {
    let x = Tensor(shape: [2, 3], [1, 2, 3, 4, 5, 6])
    expectClose(x.sequenceMask(validLengths: [1, 2]), Self.t("mask.int_out"), "sequence_mask", relativeTolerance: 0)
    expectClose(Tensor.ones([2, 3, 4]).sequenceMask(validLengths: [1, 2], value: -1), Self.t("mask.ones_out"),
                "sequence_mask value -1", relativeTolerance: 0)
  }

  @Test func maskedSoftmaxCrossEntropyMatchesPyTorch() {
    let logits = Self.t("mce.logits").requiringGradient()
    let loss = logits.maskedSoftmaxCrossEntropy(labels: Self.tokens("mce.labels"), validLengths: Self.tokens("mce.valid"))
    expectClose(loss, Self.t("mce.loss"), "MaskedSoftmaxCELoss", relativeTolerance: 1e-5)
    (loss * Self.t("mce.w")).sum().backward()
    expectClose(logits.gradient, Self.t("mce.grad_logits"), "MaskedSoftmaxCELoss d/dlogits", relativeTolerance: 1e-5)
    let book = Tensor.ones([3, 4, 10]).maskedSoftmaxCrossEntropy(labels: Array(repeating: 1, count: 12), validLengths: [4, 2, 0])
    expectClose(book, Self.t("mce.book_loss"), "the book's example (2.3026, 1.1513, 0)", relativeTolerance: 1e-5)
    let sum = Tensor.ones([3, 4, 10]).maskedSoftmaxCrossEntropy(labels: Array(repeating: 1, count: 12), validLengths: [4, 2, 0],
                                                                 reduction: .sum)
    expectClose(sum, Self.t("mce.book_loss") * 4, "the sum over valid steps", relativeTolerance: 1e-5)
  }

  @Test func adamMatchesPyTorch() {
    let p = Self.t("adam.p0").requiringGradient()
    let adam = Adam(parameters: [p], learningRate: 0.01)
    for k in 0..<3 {
      p.zeroGradient()
      (p * Self.t("adam.g\(k)")).sum().backward()  // d/dp = g
      adam.step()
      expectClose(p, Self.t("adam.p\(k + 1)"), "Adam step \(k + 1)", relativeTolerance: 1e-5)
    }
  }

  @Test func newOpsHaveFiniteDifferenceGradients() {
    var generator = RandomGenerator(seed: 3)
    func random(_ shape: [Int]) -> Tensor { Tensor.uniform(shape, low: -1, high: 1, using: &generator) }
    checkGradients("embedding", inputs: [random([5, 3])]) { Tensor.embedding($0[0], indices: [4, 0, 4, 2], shape: [2, 2]) }
    checkGradients("sequenceMask", inputs: [random([3, 4, 2])]) { $0[0].sequenceMask(validLengths: [4, 1, 0], value: 0.5) }
    checkGradients("maskedSoftmaxCrossEntropy", inputs: [random([3, 4, 5])]) {
      $0[0].maskedSoftmaxCrossEntropy(labels: [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1], validLengths: [4, 2, 0])
    }
    checkGradients("maskedSoftmaxCrossEntropy sum", inputs: [random([2, 3, 4])]) {
      $0[0].maskedSoftmaxCrossEntropy(labels: [0, 1, 2, 3, 0, 1], validLengths: [3, 1], reduction: .sum)
    }
    checkGradients("repeat", inputs: [random([2, 3])]) { $0[0].repeatedAlongNewLeadingAxis(4) }
    checkGradients("logSoftmax", inputs: [random([3, 5])]) { $0[0].logSoftmax() }
    checkGradients("dropout (one mask)", inputs: [random([4, 6])]) { xs in
      var g = RandomGenerator(seed: 11)  // the same mask at every evaluation
      return xs[0].dropout(0.3, using: &g)
    }
    checkGradients("linear over steps", inputs: [random([2, 3, 4]), random([5, 4]), random([5])]) {
      Tensor.linear($0[0].reshaped([6, 4]), weight: $0[1], bias: $0[2]).reshaped([2, 3, 5])
    }
  }

  @Test func dropoutStatistics() {
    var generator = RandomGenerator(seed: 4)
    let x = Tensor.ones([100_000])
    for p: Float in [0.1, 0.5] {
      let y = x.dropout(p, using: &generator).scalars
      let zeros = Float(y.count { $0 == 0 }) / Float(y.count)
      #expect(abs(zeros - p) < 0.01, "dropout \(p): \(zeros) of the elements zeroed")
      #expect(y.allSatisfy { $0 == 0 || abs($0 - 1 / (1 - p)) < 1e-6 }, "survivors scaled by 1/(1-p)")
      let mean = y.reduce(0, +) / Float(y.count)
      #expect(abs(mean - 1) < 0.02, "dropout \(p) keeps the mean: \(mean)")
    }
    #expect(x.dropout(1, using: &generator).scalars.allSatisfy { $0 == 0 })
    #expect(x.dropout(0, using: &generator).scalars.allSatisfy { $0 == 1 })
  }

  /// PyTorch's semantics: between layers, in training only, never after the last layer.
  @Test(arguments: CellKind.allCases)
  func recurrentDropoutIsBetweenLayersInTrainingOnly(kind: CellKind) {
    var g1 = RandomGenerator(seed: 8), g2 = RandomGenerator(seed: 8), g3 = RandomGenerator(seed: 8)
    let plain = RecurrentLayer(kind: kind, inputSize: 3, hiddenSize: 16, numLayers: 2, using: &g1)
    let dropped = RecurrentLayer(kind: kind, inputSize: 3, hiddenSize: 16, numLayers: 2, dropout: 0.5, using: &g2)
    let single = RecurrentLayer(kind: kind, inputSize: 3, hiddenSize: 16, numLayers: 1, dropout: 0.5, using: &g3)
    for (a, b) in zip(plain.parameters, dropped.parameters) { #expect(a.scalars == b.scalars) }
    var gx = RandomGenerator(seed: 9)
    let x = Tensor.uniform([5, 4, 3], low: -1, high: 1, using: &gx)
    let reference = withoutGradients { plain(x).output }
    dropped.isTraining = false
    #expect(withoutGradients { dropped(x).output }.scalars == reference.scalars, "eval(): no dropout")
    dropped.isTraining = true
    let trained = withoutGradients { dropped(x).output }
    #expect(trained.scalars != reference.scalars, "train(): dropout between the two layers")
    // One layer: nothing to drop between, so training and evaluation agree.
    let one = withoutGradients { single(x).output }
    single.isTraining = false
    #expect(withoutGradients { single(x).output }.scalars == one.scalars, "no dropout after the last layer")
    // With p = 1 the top layer reads zeros in training: its outputs no longer depend on x.
    var g4 = RandomGenerator(seed: 8)
    let all = RecurrentLayer(kind: kind, inputSize: 3, hiddenSize: 16, numLayers: 2, dropout: 1, using: &g4)
    let other = Tensor.uniform([5, 4, 3], low: -1, high: 1, using: &gx)
    #expect(withoutGradients { all(x).output }.scalars == withoutGradients { all(other).output }.scalars)
    all.isTraining = false
    #expect(withoutGradients { all(x).output }.scalars != withoutGradients { all(other).output }.scalars)
  }

  @Test func xavierUniformHasPyTorchsBound() {
    #expect(abs(Initialization.xavierBound([96, 64]) - (6.0 / 160).squareRoot()) < 1e-7)
    #expect(abs(Initialization.xavierBound([201, 32], gain: 2) - 2 * (6.0 / 233).squareRoot()) < 1e-7)
    var generator = RandomGenerator(seed: 2)
    let w = Tensor.zeros([300, 200])
    Initialization.xavierUniform(w, using: &generator)
    let a = Initialization.xavierBound([300, 200])
    #expect(w.scalars.allSatisfy { abs($0) <= a })
    let variance = w.scalars.reduce(0) { $0 + Double($1 * $1) } / Double(w.count)
    #expect(abs(variance - Double(a * a) / 3) < 0.02 * Double(a * a) / 3, "U(-a, a) has variance a²/3")
  }

  @Test func bleuMatchesTheBook() throws {
    struct Expected: Decodable { let bleu: [[Value]] }
    enum Value: Decodable {
      case text(String), number(Double)
      init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .text(s) } else { self = .number(try c.decode(Double.self)) }
      }
      var text: String { if case .text(let s) = self { s } else { "" } }
      var number: Double { if case .number(let x) = self { x } else { .nan } }
    }
    let e = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Fixtures.directory.appendingPathComponent("nmt_data.json")))
    for row in e.bleu {
      let got = bleu(row[0].text, row[1].text, k: Int(row[2].number))
      #expect(abs(got - row[3].number) < 1e-12, "bleu(\(row[0].text), \(row[1].text)) = \(got), the book's \(row[3].number)")
    }
    #expect(bleu("va", "va !", k: 2) == 0, "one token has no bigram: where the book divides by zero")
  }
}

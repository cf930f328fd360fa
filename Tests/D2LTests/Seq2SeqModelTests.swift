import Foundation
import Testing
@testable import D2L

/// The book's seq2seq model (`Seq2SeqEncoder`, `Seq2SeqDecoder`, `EncoderDecoder`) against the
/// book's PyTorch code: a small model's outputs, state, loss and gradients, one decoder step and
/// two training steps (`seq2seq_model.safetensors`); then models the project never saw.
@Suite struct Seq2SeqModelTests {
  static let file = try! Fixtures.file("seq2seq_model.safetensors")
  static func t(_ name: String) -> Tensor { try! file.tensor(name) }
  static func tokens(_ name: String) -> [Int32] { try! file.integers(name).map { Int32($0) } }

  /// The fixture's model (source vocabulary 11, target 13, embed 6, hidden 8, 2 GRU layers).
  static func model(prefix: String = "param.", dropout: Float = 0) -> Seq2Seq {
    var generator = RandomGenerator(seed: 0)
    let model = Seq2Seq(sourceVocabSize: 11, targetVocabSize: 13, embedSize: 6, hiddenSize: 8, numLayers: 2, dropout: dropout,
                        using: &generator)
    for (name, p) in model.namedParameters { p.assign(t(prefix + name)) }
    return model
  }

  @Test func namesAreTheBooksStateDict() {
    let names = Set(Self.model().namedParameters.map(\.name))
    let torch = Set(Self.file.entries.keys.filter { $0.hasPrefix("param.") }.map { String($0.dropFirst(6)) })
    #expect(names == torch)
    #expect(names.contains("encoder.rnn.weight_ih_l0") && names.contains("decoder.dense.weight"))
  }

  @Test func forwardLossAndGradientsMatchPyTorch() {
    let model = Self.model()
    let x = TokenSequences(Self.tokens("X"), batch: 4, steps: 5), y = TokenSequences(Self.tokens("Y"), batch: 4, steps: 5)
    let decoderInput = y.shiftedRight(startingWith: 2)
    #expect(decoderInput.tokens == Self.tokens("dec_X"))
    let (logits, state) = model(x, decoderInput, sourceValidLengths: Self.tokens("X_valid"))
    expectClose(logits, Self.t("Y_hat"), "Y_hat (batch, steps, vocab)", relativeTolerance: 1e-5)
    expectClose(state.hidden, Self.t("state"), "decoder state", relativeTolerance: 1e-5)
    let loss = logits.maskedSoftmaxCrossEntropy(labels: y.tokens, validLengths: Self.tokens("Y_valid"))
    expectClose(loss, Self.t("loss"), "masked loss", relativeTolerance: 1e-5)
    loss.sum().backward()
    for (name, p) in model.namedParameters {
      expectClose(p.gradient, Self.t("grad." + name), "d loss / d \(name)", relativeTolerance: 1e-5)
    }
  }

  @Test func evaluationModeTurnsDropoutOff() {
    let model = Self.model(dropout: 0.5)
    model.isTraining = false
    let x = TokenSequences(Self.tokens("X"), batch: 4, steps: 5)
    let (logits, _) = withoutGradients { model(x, TokenSequences(Self.tokens("dec_X"), batch: 4, steps: 5)) }
    expectClose(logits, Self.t("Y_hat"), "eval() with dropout 0.5", relativeTolerance: 1e-5)
    model.isTraining = true
    let (dropped, _) = withoutGradients { model(x, TokenSequences(Self.tokens("dec_X"), batch: 4, steps: 5)) }
    #expect(dropped.scalars != logits.scalars)
  }

  @Test func oneDecoderStepMatchesPyTorch() {
    let model = Self.model()
    let state = withoutGradients { model.encoder(TokenSequences(Self.tokens("X"), batch: 4, steps: 5), validLengths: nil).state }
    let (logits, next) = withoutGradients { model.decoder.step(Self.tokens("step.tokens"), state: state) }
    expectClose(logits, Self.t("step.logits"), "one step's logits", relativeTolerance: 1e-5)
    expectClose(next.hidden, Self.t("step.state"), "one step's state", relativeTolerance: 1e-5)
    let (logProbabilities, _) = model.decoder.logProbabilities(after: Self.tokens("step.tokens"), state: state)
    for r in 0..<4 {
      let row = Array(logProbabilities.scalars[(r * 13)..<((r + 1) * 13)])
      #expect(abs(row.reduce(0) { $0 + exp(Double($1)) } - 1) < 1e-5)
      #expect(row.indices.max { row[$0] < row[$1] } == logits.argmax()[r])
    }
  }

  /// Two steps of the book's loop: zero, forward, loss.sum().backward(), clip 1, Adam.
  @Test func twoTrainingStepsMatchPyTorch() {
    let model = Self.model()
    let adam = Adam(parameters: model.parameters, learningRate: 0.01)
    let x = TokenSequences(Self.tokens("X"), batch: 4, steps: 5), y = TokenSequences(Self.tokens("Y"), batch: 4, steps: 5)
    for _ in 0..<2 {
      model.zeroGradients()
      let (logits, _) = model(x, y.shiftedRight(startingWith: 2))
      logits.maskedSoftmaxCrossEntropy(labels: y.tokens, validLengths: Self.tokens("Y_valid")).sum().backward()
      Optimization.clipGradients(model.parameters, maxNorm: 1)
      adam.step()
    }
    for (name, p) in model.namedParameters {
      expectClose(p, Self.t("trained." + name), "\(name) after two steps", relativeTolerance: 1e-5)
    }
    // The trainer's way: clipping as a scale that Adam applies while reading each gradient.
    let fused = Self.model()
    let fusedAdam = Adam(parameters: fused.parameters, learningRate: 0.01)
    for _ in 0..<2 {
      fused.zeroGradients()
      let (logits, _) = fused(x, y.shiftedRight(startingWith: 2))
      logits.maskedSoftmaxCrossEntropy(labels: y.tokens, validLengths: Self.tokens("Y_valid")).sum().backward()
      let norm = Optimization.gradientNorm(fused.parameters)
      fusedAdam.step(gradientScale: norm > 1 ? 1 / norm : 1)
    }
    for (name, p) in fused.namedParameters {
      expectClose(p, Self.t("trained." + name), "\(name) after two fused steps", relativeTolerance: 1e-5)
    }
  }
}

/// State dicts saved from the book's PyTorch code (one freshly initialised, one trained with
/// other sizes): the loss the book prints and the greedy translations agree with PyTorch's.
@Suite(.enabled(if: NMTDataTests.hasPairs, "needs fra-eng/fra.txt under D2L_DATA_DIR"))
struct UnseenSeq2SeqTests {
  struct Expected: Decodable {
    struct Model: Decodable { let eval_loss: Double; let translations: [String] }
    let sentences: [String]
    let models: [String: Model]
  }

  static let expected: Expected = {
    let data = try! Data(contentsOf: Fixtures.directory.appendingPathComponent("seq2seq_unseen_expected.json"))
    return try! JSONDecoder().decode(Expected.self, from: data)
  }()

  /// The book's data: its vocabularies rebuild those of a bare state_dict.
  static let data = try! loadDataNMT(batchSize: 64, numSteps: 10, shuffle: false, locator: DataTestFiles.locator())

  static func load(_ name: String) throws -> Seq2SeqCheckpoint {
    try Seq2SeqCheckpoint.load(from: Fixtures.directory.appendingPathComponent("seq2seq_unseen_\(name).safetensors")) {
      (data.sourceVocab, data.targetVocab)
    }
  }

  @Test(arguments: ["random", "trained"])
  func lossAndTranslationsMatchPyTorch(name: String) throws {
    let checkpoint = try Self.load(name)
    let e = Self.expected.models[name]!
    let loss = checkpoint.model.maskedLoss(on: Self.data.loader, bos: Self.data.targetVocab["<bos>"]).loss
    #expect(abs(loss - e.eval_loss) <= 1e-4 * e.eval_loss, "loss \(loss), PyTorch \(e.eval_loss)")
    var same = 0
    for (sentence, torch) in zip(Self.expected.sentences, e.translations) {
      let ours = checkpoint.model.predict(sentence, sourceVocab: checkpoint.sourceVocab, targetVocab: checkpoint.targetVocab,
                                          numSteps: 10).translation
      #expect(ours == torch, "\(sentence) => \(ours), PyTorch: \(torch)")
      if ours == torch { same += 1 }
    }
    #expect(same == Self.expected.sentences.count && same >= 40)
  }

  @Test func ourCheckpointRoundTrips() throws {
    let checkpoint = try Self.load("trained")
    try DataTestFiles.withTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("model.safetensors")
      try checkpoint.save(to: url)
      let again = try Seq2SeqCheckpoint.load(from: url) { Issue.record("the vocabularies are in the file"); throw DataError.emptyFile(path: "") }
      #expect(again.sourceVocab == checkpoint.sourceVocab && again.targetVocab == checkpoint.targetVocab)
      for ((n1, a), (n2, b)) in zip(again.model.namedParameters, checkpoint.model.namedParameters) {
        #expect(n1 == n2 && a.scalars == b.scalars)
      }
    }
  }

  @Test func aWrongFileIsRefusedWithItsReason() throws {
    let text = DataTestFiles.errorText {
      _ = try Seq2SeqCheckpoint.load(from: Fixtures.directory.appendingPathComponent("unseen_gru_l1.safetensors")) {
        (Self.data.sourceVocab, Self.data.targetVocab)
      }
    } ?? ""
    #expect(text.contains("no encoder.embedding.weight matrix"), "\(text)")
    let mismatch = DataTestFiles.errorText {
      _ = try Seq2SeqCheckpoint.load(from: Fixtures.directory.appendingPathComponent("seq2seq_unseen_random.safetensors")) {
        (try Vocab(idxToToken: ["<unk>", "a"]), Self.data.targetVocab)
      }
    } ?? ""
    #expect(mismatch.contains("the vocabularies have 2 and 201 tokens"), "\(mismatch)")
  }
}

import D2L
import Foundation

/// The book's training loop for any encoder and decoder (the library's trainer is the loop for
/// the book's own model), with the switches that lessons turn to answer questions about it: the
/// mask, `mean` or `sum` over the steps, and teacher forcing; it also reports how often clipping
/// acted. With the book's switches it computes what the library's trainer computes.
public struct TranslationSettings: Sendable {
  public var epochs = 300
  public var learningRate: Float = 0.005
  public var clip: Float = 1
  /// Padded positions left out of the loss (the book), or counted like the others.
  public var masked = true
  /// Each sequence's loss averaged over the steps (the book's `mean`) or summed.
  public var reduction: Tensor.MaskedLossReduction = .mean
  /// The decoder reads the true previous word (the book) or its own best guess.
  public var teacherForcing = true

  public init() {}
}

/// What a training run measured, per epoch and in total.
public struct TranslationHistory: Sendable {
  /// The book's printed loss per epoch: Σ of the sequences' losses / valid target tokens.
  public var losses: [Double] = []
  /// The cross-entropy per valid target token, per epoch: comparable across settings.
  public var perToken: [Double] = []
  /// The share of minibatches whose gradient norm was above the clipping threshold.
  public var clippedShare = 0.0
  /// The median over all updates of the gradient's norm before clipping.
  public var medianGradientNorm = 0.0
  public var seconds = 0.0
}

/// The book's Xavier initialisation for a model's encoder and decoder: every weight matrix of a
/// `Linear` or a recurrent layer (not the embeddings, not the biases).
public func xavierInitWeights(_ model: Module, using g: inout RandomGenerator) {
  for (name, weight) in model.namedParameters where !name.contains("embedding") && weight.rank == 2 && name.contains("weight") {
    Initialization.xavierUniform(weight, using: &g)
  }
}

/// Trains `encoder` and `decoder` on `data` with `settings` (Adam, clipping, the masked loss
/// summed over the minibatch, as the book); `onEpoch(epoch, loss)` sees each epoch's printed loss.
public func trainTranslator<E: SequenceEncoder, D: SequenceDecoder>(
  _ encoder: E, _ decoder: D, data: TranslationData, settings: TranslationSettings,
  onEpoch: (Int, Double) -> Void = { _, _ in }
) -> TranslationHistory where D.EncoderOutput == E.Output {
  (encoder.isTraining, decoder.isTraining) = (true, true)
  defer { (encoder.isTraining, decoder.isTraining) = (false, false) }
  let parameters = encoder.parameters + decoder.parameters
  let optimizer = Adam(parameters: parameters, learningRate: settings.learningRate)
  let bos = data.targetVocab["<bos>"]
  var history = TranslationHistory()
  var norms: [Float] = []
  let start = Date()
  for epoch in 1...settings.epochs {
    var (lossSum, crossEntropySum, tokens) = (0.0, 0.0, 0)
    for batch in data.loader.batches(forEpoch: epoch - 1) {
      let lengths = batch.sourceValidLengths
      let scores = settings.teacherForcing
        ? decoder(batch.target.shiftedRight(startingWith: bos), state: decoder.initState(encoder(batch.source, validLengths: lengths), validLengths: lengths)).output
        : freeRunning(encoder, decoder, batch.source, validLengths: lengths, bos: bos)
      // Without the mask every position counts: a valid length of numSteps for every row.
      let counted = settings.masked ? batch.targetValidLengths : Array(repeating: Int32(batch.target.steps), count: batch.batchSize)
      let l = scores.maskedSoftmaxCrossEntropy(labels: batch.target.tokens, validLengths: counted, reduction: settings.reduction).sum()
      encoder.zeroGradients()
      decoder.zeroGradients()
      l.backward()
      norms.append(Optimization.clipGradients(parameters, maxNorm: settings.clip))
      optimizer.step()
      lossSum += Double(l.scalar)
      crossEntropySum += Double(withoutGradients {
        scores.maskedSoftmaxCrossEntropy(labels: batch.target.tokens, validLengths: batch.targetValidLengths, reduction: .sum).sum()
      }.scalar)
      tokens += batch.targetTokens
    }
    history.losses.append(lossSum / Double(tokens))
    history.perToken.append(crossEntropySum / Double(tokens))
    onEpoch(epoch, lossSum / Double(tokens))
  }
  history.seconds = Date().timeIntervalSince(start)
  history.clippedShare = Double(norms.count { $0 > settings.clip }) / Double(max(norms.count, 1))
  history.medianGradientNorm = Double(norms.sorted()[norms.count / 2])
  return history
}

/// The decoder's scores (batch, steps, vocab) when it reads its own best word of the step
/// before instead of the true one (no teacher forcing): one step at a time, the best word cut
/// from the tape.
public func freeRunning<E: SequenceEncoder, D: SequenceDecoder>(
  _ encoder: E, _ decoder: D, _ source: TokenSequences, validLengths: [Int32], bos: Int
) -> Tensor where D.EncoderOutput == E.Output {
  var state = decoder.initState(encoder(source, validLengths: validLengths), validLengths: validLengths)
  var previous = Array(repeating: Int32(bos), count: source.batch)
  var outputs: [Tensor] = []
  for _ in 0..<source.steps {
    let (scores, next) = decoder(TokenSequences(previous, batch: source.batch, steps: 1), state: state)  // (B, 1, V)
    outputs.append(scores)
    state = next
    previous = scores.reshaped([source.batch, -1]).argmax().map { Int32($0) }
  }
  return Tensor.concatenate(outputs, alongAxis: 1)
}

/// Greedy translation of one sentence with any encoder and decoder, as the library's `predict`
/// does for the book's model: `<bos>` first, then each step's best word fed back, until `<eos>`
/// or `numSteps` words; dropout off.
public func greedyTranslate<E: SequenceEncoder, D: SequenceDecoder>(
  _ encoder: E, _ decoder: D, _ sentence: String, sourceVocab: Vocab, targetVocab: Vocab, numSteps: Int
) -> String where D.EncoderOutput == E.Output {
  let was = (encoder.isTraining, decoder.isTraining)
  (encoder.isTraining, decoder.isTraining) = (false, false)
  defer { (encoder.isTraining, decoder.isTraining) = was }
  return withoutGradients {
    let words = sentence.lowercased().split(separator: " ").map(String.init)
    let tokens = sourceVocab.indices(of: words) + [sourceVocab["<eos>"]]
    let source = TokenSequences(rows: [truncatePad(tokens, numSteps: numSteps, paddingToken: sourceVocab["<pad>"])])
    let lengths = [Int32(min(tokens.count, numSteps))]
    var state = decoder.initState(encoder(source, validLengths: lengths), validLengths: lengths)
    var next = targetVocab["<bos>"], out: [Int] = []
    for _ in 0..<numSteps {
      let (scores, s) = decoder(TokenSequences([Int32(next)], batch: 1, steps: 1), state: state)
      state = s
      next = scores.reshaped([1, -1]).argmax()[0]
      if next == targetVocab["<eos>"] { break }
      out.append(next)
    }
    return targetVocab.tokens(for: out).joined(separator: " ")
  }
}

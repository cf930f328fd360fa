import D2L
import Foundation
import LessonEngine
import MachineTranslationLesson

/// How the translation lessons train a model: the book's `train_seq2seq` (Xavier, Adam, the
/// masked loss, clipping at 1, teacher forcing), with the switches that the lessons' questions
/// turn: the mask, `mean` or `sum` over the steps, and teacher forcing.
public struct TranslationSettings: Sendable {
  public var epochs = 300
  public var learningRate: Float = 0.005
  public var clip: Float = 1
  public var batchSize = 64
  public var numSteps = 10
  public var examples = 600
  public var seed: UInt64 = 0
  /// Padded positions multiplied by zero in the loss (the book), or counted.
  public var masked = true
  /// Each sequence's loss averaged over the steps (the book's `mean`) or summed.
  public var sumOverSteps = false
  /// The decoder reads the true previous word (the book) or its own best guess.
  public var teacherForcing = true

  public init() {}
}

/// What a training run measured, per epoch and in total.
public struct TranslationHistory: Sendable {
  /// The book's printed loss per epoch: Σ of the sequences' losses / valid target tokens.
  public var losses: [Double] = []
  /// The masked cross-entropy per valid target token, per epoch: comparable across settings.
  public var perToken: [Double] = []
  /// The share of minibatches whose gradient norm was above the clipping threshold.
  public var clippedShare = 0.0
  /// Valid target tokens per second, over the whole run.
  public var tokensPerSecond = 0.0
  public var seconds = 0.0
}

/// Trains `model` on `data` with `settings`; `onEpoch(epoch, loss)` sees each epoch's printed
/// loss (for a live chart). `stacks` are the model's recurrent stacks, whose dropout is on while
/// training.
public func trainTranslator<E: Encoder, D: Decoder>(
  _ model: EncoderDecoder<E, D>, data: NMTData, settings: TranslationSettings, stacks: [StackedRecurrent],
  onEpoch: (Int, Double) -> Void = { _, _ in }
) -> TranslationHistory {
  var g = RandomGenerator(seed: settings.seed &+ 17)
  for (name, weight) in model.namedParameters where name.contains("weight") && !name.contains("embedding") && weight.rank == 2 {
    xavierUniform(weight, using: &g)  // the book's xavier_init_weights: Linear and GRU weights
  }
  stacks.forEach { $0.training = true }
  let parameters = model.parameters
  let optimizer = Adam(parameters, learningRate: settings.learningRate)
  let (bos, T) = (data.tgtVocab["<bos>"], data.numSteps)
  var history = TranslationHistory()
  var (clipped, updates, allTokens) = (0, 0, 0)
  let start = Date()
  for epoch in 1...settings.epochs {
    var (lossSum, crossEntropySum, tokens) = (0.0, 0.0, 0)
    for batch in data.batches(using: &g) {
      let B = batch.sourceValidLength.count
      let X = TokenBatch(batch.source, batch: B, steps: T)
      let Yhat = settings.teacherForcing
        ? model(X, shiftedRight(batch.target, bos: bos, batch: B, steps: T), validLength: batch.sourceValidLength).output
        : freeRunning(model, X, validLength: batch.sourceValidLength, bos: bos, steps: T)
      let crossEntropies = softmaxCrossEntropies(Yhat, labels: batch.target)  // (B, T)
      let mask = sequenceMask(Tensor.ones([B, T]), validLength: batch.targetValidLength)
      let counted = settings.masked ? crossEntropies * mask : crossEntropies
      let perSequence = settings.sumOverSteps ? counted.sum(alongAxis: 1) : counted.mean(alongAxis: 1)
      let l = perSequence.sum()
      l.backward()
      if Optimization.clipGradients(parameters, maxNorm: settings.clip) > settings.clip { clipped += 1 }
      updates += 1
      optimizer.step()
      model.zeroGradients()
      let valid = batch.targetValidLength.reduce(0, +)
      lossSum += Double(l.scalar)
      crossEntropySum += Double(withoutGradients { (crossEntropies * mask).sum() }.scalar)
      tokens += valid
    }
    allTokens += tokens
    history.losses.append(lossSum / Double(tokens))
    history.perToken.append(crossEntropySum / Double(tokens))
    onEpoch(epoch, lossSum / Double(tokens))
  }
  history.seconds = Date().timeIntervalSince(start)
  history.clippedShare = Double(clipped) / Double(max(updates, 1))
  history.tokensPerSecond = Double(allTokens) / max(history.seconds, 1e-9)
  stacks.forEach { $0.training = false }
  return history
}

/// The decoder's input under teacher forcing: `<bos>`, then each target row but its last token.
public func shiftedRight(_ target: [Int], bos: Int, batch: Int, steps: Int) -> TokenBatch {
  var shifted: [Int] = []
  for i in 0..<batch { shifted += [bos] + target[(i * steps)..<((i + 1) * steps - 1)] }
  return TokenBatch(shifted, batch: batch, steps: steps)
}

/// The decoder's scores when it reads its own best word of the step before (no teacher
/// forcing): one step at a time, the argmax cut from the tape.
public func freeRunning<E: Encoder, D: Decoder>(
  _ model: EncoderDecoder<E, D>, _ X: TokenBatch, validLength: [Int], bos: Int, steps: Int
) -> Tensor {
  var state = model.decoder.initState(model.encoder(X, validLength: validLength), validLength: validLength)
  var previous = Array(repeating: bos, count: X.batch)
  var outputs: [Tensor] = []
  for _ in 0..<steps {
    let (scores, next) = model.decoder(TokenBatch(previous, batch: X.batch, steps: 1), state: state)  // (B, 1, V)
    outputs.append(scores)
    state = next
    previous = scores.reshaped([X.batch, -1]).argmax()
  }
  return Tensor.concatenate(outputs, alongAxis: 1)
}

/// Greedy translation of one sentence with any encoder–decoder: `<bos>` first, then each step's
/// best word fed back, until `<eos>` or `numSteps` words. Dropout is off meanwhile.
public func greedyTranslate<E: Encoder, D: Decoder>(
  _ model: EncoderDecoder<E, D>, _ sentence: String, srcVocab: Vocab, tgtVocab: Vocab, numSteps: Int,
  stacks: [StackedRecurrent]
) -> String {
  let before = stacks.map(\.training)
  stacks.forEach { $0.training = false }
  defer { zip(stacks, before).forEach { $0.training = $1 } }
  return withoutGradients {
    let words = sentence.lowercased().split(separator: " ").map(String.init)
    let tokens = srcVocab.indices(of: words) + [srcVocab["<eos>"]]
    let X = TokenBatch(truncatePad(tokens, numSteps: numSteps, paddingToken: srcVocab["<pad>"]), batch: 1, steps: numSteps)
    var state = model.decoder.initState(model.encoder(X, validLength: [tokens.count]), validLength: [tokens.count])
    var next = tgtVocab["<bos>"], out: [Int] = []
    for _ in 0..<numSteps {
      let (scores, s) = model.decoder(TokenBatch([next], batch: 1, steps: 1), state: state)
      state = s
      next = scores.reshaped([1, -1]).argmax()[0]
      if next == tgtVocab["<eos>"] { break }
      out.append(next)
    }
    return tgtVocab.tokens(for: out).joined(separator: " ")
  }
}

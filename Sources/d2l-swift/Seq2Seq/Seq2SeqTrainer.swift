import Foundation

/// D2L's `train_seq2seq`: Xavier initialisation, then per minibatch teacher forcing (`<bos>`
/// and the target shifted right), the masked loss summed over the batch, backward, clipping to
/// `clipNorm`, an Adam step. Each epoch reports Σ loss / Σ valid target tokens and tokens/s.
public final class Seq2SeqTrainer {
  public let model: Seq2Seq
  public let data: TranslationData
  public let configuration: Seq2SeqConfiguration
  public let optimizer: Adam
  /// How each row's masked token losses become one number (the book: the mean over steps).
  public var reduction: Tensor.MaskedLossReduction = .mean
  /// Train on the calling thread alone (`WorkerTeam.oneThread`): at the book's sizes the
  /// second thread's hand-offs cost more than its share of the work saves.
  public var singleThreaded = true
  public private(set) var history: [Seq2SeqEpochReport] = []
  private let parameters: [Tensor]

  /// A trainer of `model` (its weights as they are: see `xavierInitWeights`) on `data`.
  public init(model: Seq2Seq, data: TranslationData, configuration: Seq2SeqConfiguration) {
    (self.model, self.data, self.configuration) = (model, data, configuration)
    parameters = model.parameters
    optimizer = Adam(parameters: parameters, learningRate: configuration.learningRate)
  }

  /// A fresh model of the configuration's sizes for `data`'s vocabularies, seeded by
  /// `configuration.seed`, with the book's Xavier initialisation.
  public static func freshModel(_ c: Seq2SeqConfiguration, data: TranslationData) -> Seq2Seq {
    var generator = RandomGenerator(seed: c.seed)
    let model = Seq2Seq(sourceVocabSize: data.sourceVocab.count, targetVocabSize: data.targetVocab.count, embedSize: c.embedSize,
                        hiddenSize: c.hiddenSize, numLayers: c.numLayers, dropout: c.dropout, cell: c.cell, using: &generator)
    xavierInitWeights(model, using: &generator)
    return model
  }

  /// The book's `xavier_init_weights`: Xavier uniform for every `Linear` weight and every GRU
  /// weight matrix (`weight_ih_l*`, `weight_hh_l*`); embeddings and biases keep PyTorch's
  /// defaults. (The book tests `type(m) == nn.GRU`, so an LSTM or RNN keeps its defaults.)
  public static func xavierInitWeights(_ model: Seq2Seq, using generator: inout RandomGenerator) {
    for rnn in [model.encoder.rnn, model.decoder.rnn] where rnn.kind == .gru {
      for (name, weight) in rnn.namedParameters where name.hasPrefix("weight") {
        Initialization.xavierUniform(weight, using: &generator)
      }
    }
    Initialization.xavierUniform(model.decoder.dense.weight, using: &generator)
  }

  /// The next epoch's number (1-based).
  public var nextEpoch: Int { history.count + 1 }

  /// Trains one epoch over the loader's minibatches of epoch `nextEpoch - 1`.
  /// - Throws: `TrainingError.diverged` at the first loss that is not finite.
  @discardableResult
  public func trainEpoch() throws -> Seq2SeqEpochReport {
    singleThreaded ? try WorkerTeam.oneThread { try runEpoch() } : try runEpoch()
  }

  private func runEpoch() throws -> Seq2SeqEpochReport {
    let epoch = nextEpoch
    model.isTraining = true
    let start = DispatchTime.now().uptimeNanoseconds
    var lossSum: Double = 0
    var tokens = 0
    let bos = data.targetVocab["<bos>"]
    for (step, batch) in data.loader.batches(forEpoch: epoch - 1).enumerated() {
      let decoderInput = batch.target.shiftedRight(startingWith: bos)  // teacher forcing
      let (logits, _) = PhaseClock.measure("forward") {
        model(batch.source, decoderInput, sourceValidLengths: batch.sourceValidLengths)
      }
      let total = PhaseClock.measure("loss") {
        logits.maskedSoftmaxCrossEntropy(labels: batch.target.tokens, validLengths: batch.targetValidLengths, reduction: reduction).sum()
      }
      let value = total.scalar
      guard value.isFinite else {
        throw TrainingError.diverged(epoch: epoch, step: step + 1, loss: value, learningRate: configuration.learningRate)
      }
      PhaseClock.measure("zero gradients") { model.zeroGradients() }
      PhaseClock.measure("backward") { total.backward() }
      PhaseClock.measure("clip and adam") {
        // D2L's grad_clipping as a scale that Adam applies while it reads each gradient.
        let norm = Optimization.gradientNorm(parameters)
        optimizer.step(gradientScale: norm > configuration.clipNorm ? configuration.clipNorm / norm : 1)
      }
      lossSum += Double(value)
      tokens += batch.targetTokens
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let report = Seq2SeqEpochReport(epoch: epoch, loss: lossSum / Double(max(tokens, 1)),
                                    tokensPerSecond: Double(tokens) / max(seconds, 1e-9), seconds: seconds, tokens: tokens)
    history.append(report)
    return report
  }
}

extension EncoderDecoder where E == Seq2SeqEncoder, D == Seq2SeqDecoder {
  /// The book's printed loss on `loader`'s pairs in order, with dropout off and teacher forcing:
  /// Σ over sequences of the masked loss (each a mean over `numSteps`) / Σ valid target tokens.
  public func maskedLoss(on loader: TranslationDataLoader, bos: Int) -> (loss: Double, tokens: Int) {
    let wasTraining = isTraining
    isTraining = false
    defer { isTraining = wasTraining }
    var sum: Double = 0
    var tokens = 0
    WorkerTeam.oneThread {
      withoutGradients {
        for batch in loader.batches(forEpoch: 0) {
          let (logits, _) = self(batch.source, batch.target.shiftedRight(startingWith: bos), sourceValidLengths: batch.sourceValidLengths)
          let losses = logits.maskedSoftmaxCrossEntropy(labels: batch.target.tokens, validLengths: batch.targetValidLengths)
          sum += losses.scalars.reduce(0) { $0 + Double($1) }
          tokens += batch.targetTokens
        }
      }
    }
    return (sum / Double(max(tokens, 1)), tokens)
  }
}

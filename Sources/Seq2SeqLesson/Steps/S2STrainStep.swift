import D2L
import Foundation
import LessonEngine

/// The book's run: `load_data_nmt(64, 10)`, a 2-layer GRU encoder and decoder (embed 32, hidden
/// 32, dropout 0.1), Xavier, Adam at 0.005, clipping at 1, 300 epochs of teacher forcing, with
/// the loss drawn live on a terminal and the book's closing line.
public enum S2STrainStep: LessonStep {
  public static let id = "s2s-train"
  public static var summary: String { tr("train.summary") }
  public static let parameters: [StepParameter] = [
    .integer("embedSize", 1...512, tr("help.embedSize")), .integer("numHiddens", 1...512, tr("help.numHiddens")),
    .integer("numLayers", 1...4, tr("help.numLayers")), .number("dropout", 0...0.9, tr("help.dropout")),
    .integer("batchSize", 1...601, tr("help.batchSize")), .integer("numSteps", 2...50, tr("help.numSteps")),
    .number("lr", 0.000001...1, tr("help.lr")), .integer("epochs", 1...3000, tr("help.epochs")),
    .integer("seed", 0...1_000_000, tr("help.seed")),
  ]

  public typealias Input = StepValues
  public typealias Output = TrainedTranslator

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainedTranslator {
    var configuration = Seq2SeqConfiguration()
    configuration.embedSize = values.int("embedSize")
    configuration.hiddenSize = values.int("numHiddens")
    configuration.numLayers = values.int("numLayers")
    configuration.dropout = values.float("dropout")
    configuration.batchSize = values.int("batchSize")
    configuration.numSteps = values.int("numSteps")
    configuration.learningRate = values.float("lr")
    configuration.epochs = values.int("epochs")
    configuration.seed = UInt64(values.int("seed"))
    let live = LiveChart.start(name: tr("train.loss"), epochs: configuration.epochs, level: nil)
    // ANCHOR: s2s-train
    let data = try loadDataNMT(
      batchSize: configuration.batchSize, numSteps: configuration.numSteps,
        seed: configuration.seed)
    // Xavier, as the book
    let model = Seq2SeqTrainer.freshModel(configuration, data: data)
    let trainer = Seq2SeqTrainer(model: model, data: data,
      configuration: configuration)
    for _ in 1...configuration.epochs {
      let report = try trainer.trainEpoch()
      let loss = String(format: "%.3f", report.loss)
      live?.add(report.loss, status: "epoch \(report.epoch)  loss \(loss)")
    }
    // ANCHOR_END: s2s-train
    live?.finish()
    let history = trainer.history
    out.chart(StepChart(title: tr("train.chart"), series: [.init(name: tr("train.loss"), values: history.map(\.loss))]))
    let last = history.last!
    let tokens = history.reduce(0) { $0 + $1.tokens }, seconds = history.reduce(0) { $0 + $1.seconds }
    out.say("  " + tr("train.result", [
      "loss": String(format: "%.3f", last.loss), "rate": Num.fixed(Double(tokens) / max(seconds, 1e-9), 1),
      "seconds": Num.fixed(seconds, 1), "threads": Benchmark.threads,
    ]))
    return TrainedTranslator(model: model, data: data, configuration: configuration, history: history)
  }
}

/// A trained book model with its data, for the steps after training. The step cache keeps it
/// as the library's seq2seq checkpoint (weights, vocabularies, configuration, history) and
/// rebuilds the data from the configuration, as `loadDataNMT` made it: the beam-search lesson
/// finds the same file and searches with this model.
public struct TrainedTranslator: CachableOutput {
  public let model: Seq2Seq
  public let data: TranslationData
  public let configuration: Seq2SeqConfiguration
  /// Each epoch's report.
  public let history: [Seq2SeqEpochReport]

  public init(model: Seq2Seq, data: TranslationData, configuration: Seq2SeqConfiguration, history: [Seq2SeqEpochReport]) {
    (self.model, self.data, self.configuration, self.history) = (model, data, configuration, history)
  }

  public static var cacheFileExtension: String { "safetensors" }

  public func writeCache(to url: URL) throws {
    try Seq2SeqCheckpoint(
      model: model, sourceVocab: data.sourceVocab, targetVocab: data.targetVocab, configuration: configuration,
      history: history
    ).save(to: url)
  }

  public static func readCache(from url: URL) throws -> TrainedTranslator {
    let checkpoint = try Seq2SeqCheckpoint.load(from: url) { throw CachedTranslatorError(file: url.lastPathComponent) }
    guard let configuration = checkpoint.configuration else { throw CachedTranslatorError(file: url.lastPathComponent) }
    let data = try loadDataNMT(batchSize: configuration.batchSize, numSteps: configuration.numSteps, seed: configuration.seed)
    return TrainedTranslator(model: checkpoint.model, data: data, configuration: configuration, history: checkpoint.history)
  }

  /// The greedy translations of `sentences` and their BLEU (k = 2) against `references`.
  public func translate(_ sentences: [String], references: [String]) -> [(translation: String, bleu: Double)] {
    zip(sentences, references).map { english, french in
      let translation = model.predict(english, sourceVocab: data.sourceVocab, targetVocab: data.targetVocab,
                                      numSteps: configuration.numSteps).translation
      return (translation, bleu(translation, french, k: 2))
    }
  }
}

/// A cached translator without the vocabularies or configuration it was trained with.
struct CachedTranslatorError: Error, CustomStringConvertible {
  let file: String
  var description: String { "\(file): no vocabularies or configuration in its metadata" }
}

import D2L
import Foundation
import LessonEngine

/// The translation model of the seq2seq lesson: the book's encoder–decoder (embed 32, hidden
/// 32, two GRU layers, dropout 0.1) trained on the first 600 pairs of fra-eng with Adam,
/// through the library's `Seq2SeqTrainer`, with the book's settings; or the seq2seq lesson's own
/// run of the same settings when its walk left one in the step cache. Kept in the step cache.
public enum BeamSeq2SeqStep: LessonStep {
  public static let id = "beam-seq2seq"
  public static var summary: String { tr("seq2seq.summary") }
  public static let parameters: [StepParameter] = [
    .integer("epochs", 1...2000, tr("help.epochs")), .number("lr", 0.00001...1, tr("help.adamLr")),
  ]

  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainedTranslator {
    // ANCHOR: beam-seq2seq
    var configuration = Seq2SeqConfiguration()  // the book's run
    configuration.epochs = values.int("epochs")
    configuration.learningRate = values.float("lr")
    let cached = TrainedTranslator.fromSeq2SeqLesson(configuration)
    if let (trained, file) = cached {  // the seq2seq lesson's own run
      out.say("  " + tr("seq2seq.fromLesson", ["file": file]))
      BeamSeq2SeqStep.report(trained, out)
      return trained
    }
    let data = try loadDataNMT(
      batchSize: configuration.batchSize, numSteps: configuration.numSteps,
      numExamples: configuration.numExamples, seed: configuration.seed)
    let model = Seq2SeqTrainer.freshModel(configuration, data: data)
    let trainer = Seq2SeqTrainer(
      model: model, data: data, configuration: configuration)
    for _ in 0..<configuration.epochs {
      let report = try trainer.trainEpoch()
      if report.epoch % 50 == 0 {  // the book's loss: per valid target token
        out.say("  epoch \(report.epoch)  loss \(Num.fixed(report.loss, 3))")
      }
    }
    // ANCHOR_END: beam-seq2seq
    let trained = TrainedTranslator(checkpoint: Seq2SeqCheckpoint(
      model: model, sourceVocab: data.sourceVocab, targetVocab: data.targetVocab, configuration: configuration,
      history: trainer.history))
    BeamSeq2SeqStep.report(trained, out)
    return trained
  }

  /// Its epochs, final loss, training time and vocabularies.
  public static func report(_ trained: TrainedTranslator, _ out: StepOutput) {
    let c = trained.checkpoint
    out.say("  " + tr("seq2seq.done", [
      "epochs": c.history.count, "loss": Num.fixed(c.history.last?.loss ?? .nan, 3),
      "seconds": Num.fixed(trained.seconds, 1), "source": c.sourceVocab.count, "target": c.targetVocab.count,
    ]))
  }
}

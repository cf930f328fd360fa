import CourseKit
import D2L
import LessonEngine

/// The character language model of the earlier lessons, trained on The Time Machine with the
/// chapter's settings (the training run the deep-RNN lesson uses): the model whose `predict`
/// exercise 3 asks about.
public enum BeamCharTrainStep: LessonStep {
  public static let id = "beam-char-train"
  public static var summary: String { tr("charTrain.summary") }
  public static let parameters: [StepParameter] = [
    .choice("cell", CellKind.names, tr("help.cell")), .integer("numLayers", 1...4, tr("help.numLayers")),
    .integer("numHiddens", 1...1024, tr("help.numHiddens")), .integer("epochs", 1...2000, tr("help.epochs")),
    .number("lr", 0.001...10, tr("help.lr")),
  ]

  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainingRun.Outcome {
    // ANCHOR: beam-char-train
    var configuration = TrainingConfiguration()  // batch 32 × 35, clip 1
    configuration.cell = CellKind(rawValue: values.string("cell"))!
    configuration.numLayers = values.int("numLayers")
    configuration.hiddenSize = values.int("numHiddens")
    configuration.epochs = values.int("epochs")
    configuration.learningRate = values.float("lr")
    let training = TrainingRun(configuration: configuration, prefixes: [])
    let outcome = try training.run()
    // ANCHOR_END: beam-char-train
    out.say("  " + tr("charTrain.done", [
      "ppl": Num.fixed(outcome.history.last?.perplexity ?? .nan, 2), "seconds": Num.fixed(outcome.wallSeconds, 1),
    ]))
    return outcome
  }
}

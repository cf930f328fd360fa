import CourseKit
import D2L
import DeepRNNLesson
import LessonEngine

/// The section's wrong application: a bidirectional LSTM trained as a language model on The
/// Time Machine, with deep-rnn's training run (its readout, its settings' names).
public enum BiTrainStep: LessonStep {
  public static let id = "bi-train"
  public static var summary: String { tr("train.summary") }
  public static let parameters: [StepParameter] = TrainStep.parameters

  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainedModel {
    // ANCHOR: bi-train
    var configuration = TrainingConfiguration()
    configuration.cell = CellKind(rawValue: values.string("cell"))!
    configuration.bidirectional = true  // the one change from deep-rnn
    configuration.numLayers = values.int("numLayers")
    configuration.hiddenSize = values.int("numHiddens")
    configuration.epochs = values.int("epochs")
    configuration.learningRate = values.float("lr")
    configuration.clipNorm = values.float("clip")
    configuration.batchSize = values.int("batchSize")
    configuration.numSteps = values.int("numSteps")
    let run = TrainingRun(configuration: configuration, prefixes: [])
    let outcome = try run.run()
    // ANCHOR_END: bi-train
    // The model is bidirectional only if the training set-up honours the configuration.
    guard outcome.model.bidirectional else { throw StepError(tr("train.notBidirectional")) }
    out.say("  " + tr("train.parameters", ["count": Num.int(outcome.model.parameterCount), "width": outcome.model.rnn.outputSize]))
    return TrainedModel(outcome)
  }
}

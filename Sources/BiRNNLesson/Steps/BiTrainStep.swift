import CourseKit
import D2L
import LessonEngine

/// The section's wrong application: a character model trained on The Time Machine with the
/// section's settings, once as it is (one-directional) and once bidirectional, with the course's
/// training run (its readout, its settings' names).
public enum BiTrainStep: LessonStep {
  public static let id = "bi-train"
  public static var summary: String { tr("train.summary") }
  public static let parameters: [StepParameter] = TrainingRun.stepParameters

  public typealias Input = StepValues

  /// Both trained models, for the steps that compare them.
  public struct Output {
    public let oneDirectional, bidirectional: TrainedModel

    public init(oneDirectional: TrainedModel, bidirectional: TrainedModel) {
      self.oneDirectional = oneDirectional
      self.bidirectional = bidirectional
    }
  }

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> Output {
    // ANCHOR: bi-train
    var configuration = TrainingConfiguration(values)  // the step's settings
    var outcomes: [TrainingRun.Outcome] = []
    for bidirectional in [false, true] {  // the only difference
      configuration.bidirectional = bidirectional
      let run = TrainingRun(configuration: configuration, prefixes: [])
      outcomes.append(try run.run())
    }
    // ANCHOR_END: bi-train
    for (outcome, bidirectional) in zip(outcomes, [false, true]) {
      // The model is bidirectional only if the training set-up honours the configuration.
      guard outcome.model.bidirectional == bidirectional else { throw StepError(tr("train.notBidirectional")) }
      out.say("  " + tr(bidirectional ? "train.bi" : "train.one", [
        "count": Num.int(outcome.model.parameterCount), "width": outcome.model.rnn.outputSize,
        "seconds": Num.fixed(outcome.wallSeconds, 1),
      ]))
    }
    return Output(oneDirectional: TrainedModel(outcomes[0]), bidirectional: TrainedModel(outcomes[1]))
  }
}

import CourseKit
import D2L
import Foundation
import LessonEngine

/// Training on The Time Machine with a live readout: the chapter's run.
public enum TrainStep: LessonStep {
  public static let id = "train"
  public static var summary: String { tr("train.summary") }
  public static let parameters = TrainingRun.stepParameters

  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainingRun.Outcome {
    // ANCHOR: train
    let configuration = TrainingConfiguration(values)  // the step's settings
    var run = TrainingRun(configuration: configuration, prefixes: [])
    run.reference = DeepRNNLesson.published  // drawn beside the curve
    let outcome = try run.run()
    // ANCHOR_END: train
    return outcome
  }
}

/// The perplexity curve of the training run, drawn in the terminal.
public enum PerplexityCurveStep: LessonStep {
  public static let id = "perplexity-curve"
  public static var summary: String { tr("curve.summary") }
  public static let parameters: [StepParameter] = [.integer("height", 4...40, tr("help.height"))]
  public static let requires = [TrainStep.id]

  public struct Input {
    public var height: Int
    /// Every epoch's report from step train.
    public var history: [EpochReport]
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let history = try results.output(of: TrainStep.self).history
    guard !history.isEmpty else { throw StepError(tr("curve.noEpoch")) }
    return Input(height: values.int("height"), history: history)
  }

  public static func run(_ input: Input, _ out: StepOutput) {
    let history = input.history
    out.chart(StepChart(series: [.init(name: tr("word.perplexity"), values: history.map(\.perplexity))], height: input.height))
    let first = history.first!, last = history.last!
    out.say("  " + tr("curve.ends", [
      "first": Num.fixed(first.perplexity, 3), "epoch": last.epoch, "last": Num.fixed(last.perplexity, 3),
    ]))
  }
}

/// Greedy predictions from the trained model.
public enum PredictStep: LessonStep {
  public static let id = "predict"
  public static var summary: String { tr("predict.summary") }
  public static let parameters: [StepParameter] = [
    .text("prefixes", tr("help.prefixes")), .integer("chars", 1...1000, tr("help.chars")),
  ]
  public static let requires = [TrainStep.id]

  public struct Input {
    public var prefixes: [String]
    public var chars: Int
    /// The model and vocabulary step train produced.
    public var outcome: TrainingRun.Outcome
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(
      prefixes: values.string("prefixes").split(separator: "|").map(String.init), chars: values.int("chars"),
      outcome: try results.output(of: TrainStep.self))
  }

  /// The predicted texts, in the order of the prefixes.
  public static func run(_ input: Input, _ out: StepOutput) -> [String] {
    let (outcome, chars) = (input.outcome, input.chars)
    var texts: [String] = []
    for prefix in input.prefixes {
      // ANCHOR: predict
      let text = outcome.model.predict(
        prefix: prefix, count: chars, vocab: outcome.vocab)
      // ANCHOR_END: predict
      out.say("  predict(\"\(prefix)\") → \(text)")
      texts.append(text)
    }
    return texts
  }
}

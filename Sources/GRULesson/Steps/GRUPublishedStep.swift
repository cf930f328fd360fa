import CourseKit
import D2L
import LessonEngine

/// What D2L 0.17's PyTorch edition printed for the section (the executed notebook of
/// d2l-ai/d2l-pytorch-slides-classic, chapter_recurrent-modern/gru.ipynb, on one CUDA GPU).
public enum GRUPublished {
  public static var scratch: PublishedRun {
    PublishedRun(
      label: tr("published.d2lScratch"),
      result: PublishedResult(source: "D2L", perplexity: 1.1, tokensPerSecond: 20_459.5, epochs: 500),
      predictions: ["time traveller for so it will be convenient to speak of himwas e",
                    "travelleryou can show black is white by argument said filby"])
  }
  public static var concise: PublishedRun {
    PublishedRun(
      label: tr("published.d2lConcise"),
      result: PublishedResult(source: "D2L", perplexity: 1.0, tokensPerSecond: 283_912.8, epochs: 500),
      predictions: ["time travelleryou can show black is white by argument said filby",
                    "travelleryou can show black is white by argument said filby"])
  }
}

/// Both runs' perplexity, tokens/s and predictions beside D2L's.
public enum GRUPublishedStep: LessonStep {
  public static let id = "gru-published"
  public static var summary: String { tr("published.summary") }
  public static let requires = [GRUScratchTrainStep.id, GRUConciseTrainStep.id]

  public struct Input {
    public let scratch: TrainingRun.ModelOutcome
    public let concise: TrainingRun.Outcome
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(scratch: try results.output(of: GRUScratchTrainStep.self).outcome, concise: try results.output(of: GRUConciseTrainStep.self))
  }

  public static func run(_ input: Input, _ out: StepOutput) {
    let hardware = tr("published.hardware", ["cpu": SectionResults.cpuName() ?? tr("published.cpu"), "threads": Benchmark.threads])
    SectionResults.show(
      published: [GRUPublished.scratch, GRUPublished.concise],
      ours: [(tr("published.ourScratch"), input.scratch.history, input.scratch.predictions.map(\.text)),
             (tr("published.ourConcise"), input.concise.history, input.concise.predictions.map(\.text))],
      columns: tr("published.columns"), gpu: tr("published.gpu"), hardware: hardware, out: out)
    out.say()
    out.say("  " + tr("published.ratio", SectionResults.ratios(
      scratch: input.scratch.history, concise: input.concise.history, published: (GRUPublished.scratch, GRUPublished.concise))))
  }
}

import D2L
import LessonEngine

/// What a section's published-figures step reads: the outcomes of its scratch and concise runs.
public struct PublishedComparisonInput {
  public let scratch: TrainingRun.ModelOutcome
  public let concise: TrainingRun.Outcome

  public init(scratch: TrainingRun.ModelOutcome, concise: TrainingRun.Outcome) {
    self.scratch = scratch
    self.concise = concise
  }
}

/// A gated-cell section's step that sets both its runs (the scratch model's and the concise
/// one's) beside the book's printed figures: perplexity, tokens/s and predictions, then how
/// the two speeds compare here and there. The GRU and LSTM sections differ only in their runs,
/// the book's figures and their strings.
public protocol PublishedComparisonStep: LessonStep where Input == PublishedComparisonInput, Output == Void {
  /// The step that trains the scratch model.
  associatedtype Scratch: ScratchTrainingStep
  /// The step that trains the concise model.
  associatedtype Concise: ConciseTrainingStep
  /// What the book printed for the scratch and the concise model, in the current language.
  static var published: (scratch: PublishedRun, concise: PublishedRun) { get }
  /// The lesson's strings: `published.summary`, `.hardware`, `.cpu`, `.ourScratch`,
  /// `.ourConcise`, `.columns`, `.gpu` and `.ratio`.
  static var strings: StringTable { get }
}

extension PublishedComparisonStep {
  public static var summary: String { strings("published.summary") }
  public static var requires: [String] { [Scratch.id, Concise.id] }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> PublishedComparisonInput {
    PublishedComparisonInput(scratch: try results.output(of: Scratch.self).outcome, concise: try results.output(of: Concise.self))
  }

  public static func run(_ input: PublishedComparisonInput, _ out: StepOutput) {
    let book = published
    let hardware = strings("published.hardware", ["cpu": SectionResults.cpuName() ?? strings("published.cpu"), "threads": Benchmark.threads])
    SectionResults.show(
      published: [book.scratch, book.concise],
      ours: [(strings("published.ourScratch"), input.scratch.history, input.scratch.predictions.map(\.text)),
             (strings("published.ourConcise"), input.concise.history, input.concise.predictions.map(\.text))],
      columns: strings("published.columns"), gpu: strings("published.gpu"), hardware: hardware, out: out)
    out.say()
    out.say("  " + strings("published.ratio", SectionResults.ratios(
      scratch: input.scratch.history, concise: input.concise.history, published: (book.scratch, book.concise))))
  }
}

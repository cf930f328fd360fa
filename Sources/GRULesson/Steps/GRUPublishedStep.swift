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
public enum GRUPublishedStep: PublishedComparisonStep {
  public typealias Scratch = GRUScratchTrainStep
  public typealias Concise = GRUConciseTrainStep
  public static let id = "gru-published"
  public static var published: (scratch: PublishedRun, concise: PublishedRun) { (GRUPublished.scratch, GRUPublished.concise) }
  public static var strings: StringTable { GRUStrings.table }
}

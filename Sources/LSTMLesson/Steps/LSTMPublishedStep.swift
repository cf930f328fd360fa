import CourseKit
import D2L
import LessonEngine

/// What D2L 0.17's PyTorch edition printed for the section (the executed notebook of
/// d2l-ai/d2l-pytorch-slides-classic, chapter_recurrent-modern/lstm.ipynb, on one CUDA GPU).
public enum LSTMPublished {
  public static var scratch: PublishedRun {
    PublishedRun(
      label: tr("published.d2lScratch"),
      result: PublishedResult(source: "D2L", perplexity: 1.1, tokensPerSecond: 22_161.1, epochs: 500),
      predictions: ["time traveller three the lermot you of a listouscount but hewh t",
                    "traveller comes the larther absert and this now more a mong"])
  }
  public static var concise: PublishedRun {
    PublishedRun(
      label: tr("published.d2lConcise"),
      result: PublishedResult(source: "D2L", perplexity: 1.0, tokensPerSecond: 315_170.8, epochs: 500),
      predictions: ["time travelleryou can show black is white by argument said filby",
                    "travelleryou can show black is white by argument said filby"])
  }
}

/// Both runs' perplexity, tokens/s and predictions beside D2L's.
public enum LSTMPublishedStep: PublishedComparisonStep {
  public typealias Scratch = LSTMScratchTrainStep
  public typealias Concise = LSTMConciseTrainStep
  public static let id = "lstm-published"
  public static var published: (scratch: PublishedRun, concise: PublishedRun) { (LSTMPublished.scratch, LSTMPublished.concise) }
  public static var strings: StringTable { LSTMStrings.table }
}

import D2L
import CourseKit
import LessonEngine

/// The question from D2L's tracker, measured: the book's model trained twice from the same
/// weights on the same minibatches, once with each sequence's masked loss averaged over the
/// steps (the book's `mean`) and once summed; their curves (as cross-entropy per valid token,
/// comparable), how often clipping acted, and their translations side by side.
public enum S2SMeanSumStep: LessonStep {
  public static let id = "s2s-mean-sum"
  public static var summary: String { tr("meansum.summary") }
  public static let parameters: [StepParameter] = [
    .integer("epochs", 1...3000, tr("help.epochs")), .integer("seed", 0...1_000_000, tr("help.seed")),
  ]

  public typealias Input = StepValues

  /// The two runs, `mean` first.
  public typealias Output = [ComparedRun]

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> [ComparedRun] {
    var configuration = Seq2SeqConfiguration()  // the book's sizes
    configuration.epochs = values.int("epochs")
    configuration.seed = UInt64(values.int("seed"))
    var settings = TranslationSettings()
    settings.epochs = configuration.epochs
    // ANCHOR: s2s-mean-sum
    let data = try loadDataNMT(batchSize: 64, numSteps: 10,
      seed: configuration.seed)
    var runs: [ComparedRun] = []
    for reduction in [Tensor.MaskedLossReduction.mean, .sum] {
      // the only difference between the two runs
      settings.reduction = reduction
      runs.append(compareBookModel(reduction.rawValue,
        configuration: configuration, data: data, settings: settings))
    }
    // ANCHOR_END: s2s-mean-sum
    show(runs, out)
    out.say()
    let (meanClipped, sumClipped) = (runs[0].clippedShare ?? 0, runs[1].clippedShare ?? 0)
    // Clipped at every update, both runs take unit steps in the same direction: Adam then sees
    // the same gradients, and only rounding tells the runs apart.
    let key = meanClipped == 1 && sumClipped == 1 ? "meansum.reading.allClipped" : "meansum.reading"
    let reading = tr(key, [
      "mean": Num.fixed(100 * meanClipped, 0), "sum": Num.fixed(100 * sumClipped, 0),
      "meanNorm": Num.fixed(runs[0].medianGradientNorm ?? .nan, 2), "sumNorm": Num.fixed(runs[1].medianGradientNorm ?? .nan, 2),
      "meanLoss": Num.fixed(runs[0].perToken.last ?? .nan, 3), "sumLoss": Num.fixed(runs[1].perToken.last ?? .nan, 3),
    ])
    for line in LineFitter.paragraph(reading, width: out.width, first: "  ", rest: "  ") { out.say(line) }
    return runs
  }
}

import D2L
import LessonEngine

/// The book's histogram of tokens per sequence, English beside French, over every pair: a bar
/// per few lengths (the longest, which few sequences reach, in one last bar), drawn as text
/// so that the terminal and the exported page show the same chart.
public enum MTHistogramStep: LessonStep {
  public static let id = "mt-histogram"
  public static var summary: String { tr("histogram.summary") }
  public static let parameters: [StepParameter] = [
    .integer("bin", 1...10, tr("help.bin")),
    .integer("lengths", 5...100, tr("help.lengths")),
  ]
  public static let requires = [MTTokensStep.id]

  public struct Input {
    public var source, target: [[String]]
    public var bin, lengths: Int
  }

  /// How many sequences have each length: `[length: count]` for each language.
  public struct Output {
    public let source, target: [Int: Int]

    public init(source: [Int: Int], target: [Int: Int]) {
      self.source = source
      self.target = target
    }
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let tokens = try results.output(of: MTTokensStep.self)
    return Input(source: tokens.source, target: tokens.target, bin: values.int("bin"), lengths: values.int("lengths"))
  }

  public static func run(_ input: Input, _ out: StepOutput) -> Output {
    let (source, target) = (input.source, input.target)
    // ANCHOR: mt-histogram
    var sourceCounts: [Int: Int] = [:], targetCounts: [Int: Int] = [:]
    for tokens in source { sourceCounts[tokens.count, default: 0] += 1 }
    for tokens in target { targetCounts[tokens.count, default: 0] += 1 }
    // ANCHOR_END: mt-histogram
    let chart = LengthHistogram(
      series: [(tr("histogram.source"), sourceCounts), (tr("histogram.target"), targetCounts)],
      bin: input.bin, lastBar: input.lengths)
    for line in chart.lines(width: out.width, axis: tr("histogram.axis")) { out.say(line) }
    out.say()
    for (name, counts, total) in [(tr("histogram.source"), sourceCounts, source.count), (tr("histogram.target"), targetCounts, target.count)] {
      let under = counts.filter { $0.key < 20 }.values.reduce(0, +)
      let mean = Double(counts.reduce(0) { $0 + $1.key * $1.value }) / Double(max(total, 1))
      out.say("  " + tr("histogram.stats", [
        "name": name, "mean": Num.fixed(mean, 1), "longest": counts.keys.max() ?? 0,
        "share": Num.fixed(100 * Double(under) / Double(max(total, 1)), 1),
      ]))
    }
    return Output(source: sourceCounts, target: targetCounts)
  }
}

import CourseKit
import D2L
import Foundation
import LessonEngine

/// D2L's published result for the chapter's run beside this run's own, each with the hardware
/// that produced it.
public enum PublishedResultStep: LessonStep {
  public static let id = "published-result"
  public static var summary: String { tr("publishedResult.summary") }
  public static let requires = [TrainStep.id]
  static let d2lPerplexity = DeepRNNLesson.published.perplexity
  static let d2lTokensPerSecond = DeepRNNLesson.published.tokensPerSecond!

  public static func input(_ values: StepValues, _ results: StepResults) throws -> TrainingRun.Outcome {
    try results.output(of: TrainStep.self)
  }

  public static func run(_ outcome: TrainingRun.Outcome, _ context: StepOutput) throws {
    guard let last = outcome.history.last else { throw StepError(tr("curve.noEpoch")) }
    let speeds = outcome.history.map(\.tokensPerSecond).sorted()
    let median = speeds[speeds.count / 2]
    // The hardware column takes what the other columns leave (a long processor name is cut).
    let hardware = LineFitter.truncate(
      tr("published.hardware", ["cpu": cpuName(), "threads": Benchmark.threads]), width: max(24, context.width - 53))
    let rows = [
      [tr("published.d2l"), Num.int(DeepRNNLesson.published.epochs!), Num.fixed(d2lPerplexity, 1), Num.int(Int(d2lTokensPerSecond.rounded())), tr("published.gpu")],
      [tr("published.thisRun"), Num.int(last.epoch), Num.fixed(last.perplexity, 3), Num.int(Int(median.rounded())), hardware],
    ]
    let table = ResultTable(columns: tr("published.columns").components(separatedBy: "|"), rows: rows)
    for line in table.lines(width: context.width) { context.say(line) }
    context.say("  " + tr("published.speed", ["ratio": Num.fixed(median / d2lTokensPerSecond, 2)]))
  }

  /// The processor's model name (Linux: /proc/cpuinfo), else a plain description.
  static func cpuName() -> String {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let name = line.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces), !name.isEmpty
    else { return tr("published.cpu") }
    // "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz" reads as "Intel Xeon Platinum 8375C".
    var short = name.replacingOccurrences(of: "(R)", with: "").replacingOccurrences(of: "(TM)", with: "")
    if let at = short.range(of: " CPU @") ?? short.range(of: " @ ") { short = String(short[..<at.lowerBound]) }
    return short.split(separator: " ").joined(separator: " ") + " (CPU)"
  }
}

import D2L
import Foundation
import LessonEngine

/// What a section of the book printed after one of its training runs: the result (perplexity,
/// tokens/s, epochs) and the greedy predictions, under the label a table shows.
public struct PublishedRun: Sendable {
  public let label: String
  public let result: PublishedResult
  public let predictions: [String]

  public init(label: String, result: PublishedResult, predictions: [String]) {
    self.label = label
    self.result = result
    self.predictions = predictions
  }
}

/// This run's results beside a section's published ones: one table (run, epochs, perplexity,
/// tokens/s, hardware), then each run's predictions.
public enum SectionResults {
  /// - Parameters:
  ///   - ours: each of this run's models: its label, epochs, history and predictions.
  ///   - strings: the column names (`run|epochs|…`), the GPU's and this machine's description.
  public static func show(
    published: [PublishedRun], ours: [(label: String, history: [EpochReport], predictions: [String])],
    columns: String, gpu: String, hardware: String, out: StepOutput
  ) {
    var rows: [[String]] = published.map {
      [$0.label, $0.result.epochs.map { Num.int($0) } ?? "", Num.fixed($0.result.perplexity, 1),
       $0.result.tokensPerSecond.map { Num.int(Int($0.rounded())) } ?? "", gpu]
    }
    for run in ours {
      guard let last = run.history.last else { continue }
      let median = run.history.map(\.tokensPerSecond).sorted()[run.history.count / 2]
      rows.append([run.label, Num.int(last.epoch), Num.fixed(last.perplexity, 3), Num.int(Int(median.rounded())),
                   LineFitter.truncate(hardware, width: max(24, out.width - 53))])
    }
    for line in ResultTable(columns: columns.components(separatedBy: "|"), rows: rows).lines(width: out.width) { out.say(line) }
    out.say()
    for (label, predictions) in published.map({ ($0.label, $0.predictions) }) + ours.map({ ($0.label, $0.predictions) }) {
      out.say("  \(label):")
      for p in predictions { out.say("    \(p)") }
    }
  }

  /// The measured ratios a lesson's sentence reports: `scratch` and `concise` (this run's
  /// tokens/s against D2L's), `fused` (the concise model's speed against the scratch one's) and
  /// `gap` (the scratch model's final perplexity minus the concise one's). Speeds are medians
  /// over the epochs.
  public static func ratios(scratch: [EpochReport], concise: [EpochReport], published: (PublishedRun, PublishedRun))
    -> [String: Any]
  {
    guard let s = scratch.last, let c = concise.last else { return [:] }
    let speed = { (h: [EpochReport]) in h.map(\.tokensPerSecond).sorted()[h.count / 2] }
    let ratio = { (ours: Double, theirs: PublishedResult) in theirs.tokensPerSecond.map { Num.fixed(ours / $0, 2) } ?? "?" }
    return [
      "scratch": ratio(speed(scratch), published.0.result),
      "concise": ratio(speed(concise), published.1.result),
      "fused": Num.fixed(speed(concise) / speed(scratch), 1),
      "gap": Num.fixed(s.perplexity - c.perplexity, 3),
    ]
  }

  /// The processor's model name (Linux: /proc/cpuinfo), or nil.
  public static func cpuName() -> String? {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let name = line.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces), !name.isEmpty
    else { return nil }
    // "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz" reads as "Intel Xeon Platinum 8375C".
    var short = name.replacingOccurrences(of: "(R)", with: "").replacingOccurrences(of: "(TM)", with: "")
    if let at = short.range(of: " CPU @") ?? short.range(of: " @ ") { short = String(short[..<at.lowerBound]) }
    return short.split(separator: " ").joined(separator: " ") + " (CPU)"
  }
}

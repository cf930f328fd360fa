import D2L
import Foundation
import LessonEngine

/// What a section of D2L printed after a training run: its perplexity, tokens/s and greedy
/// predictions, as the lesson's published results name their source.
public struct PublishedRun: Sendable {
  public let label: String
  public let perplexity: Double
  public let tokensPerSecond: Double
  public let predictions: [String]

  public init(label: String, perplexity: Double, tokensPerSecond: Double, predictions: [String]) {
    self.label = label
    self.perplexity = perplexity
    self.tokensPerSecond = tokensPerSecond
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
      [$0.label, Num.int(500), Num.fixed($0.perplexity, 1), Num.int(Int($0.tokensPerSecond.rounded())), gpu]
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
    return [
      "scratch": Num.fixed(speed(scratch) / published.0.tokensPerSecond, 2),
      "concise": Num.fixed(speed(concise) / published.1.tokensPerSecond, 2),
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

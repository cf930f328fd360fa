import D2L
import Foundation
import LessonEngine

/// D2L's published result for the chapter's run beside this run's own, each with the hardware
/// that produced it.
public enum PublishedResultStep: LessonStep {
  public static let id = "published-result"
  public static var summary: String { "D2L's published perplexity and tokens/s beside this run's, hardware named" }
  public static let requires = [TrainStep.id]
  /// What D2L 0.17's PyTorch build of the chapter printed after `train_ch8` (the executed
  /// notebook d2l-ai/d2l-pytorch-slides-classic, chapter_recurrent-modern/deep-rnn.ipynb):
  /// "perplexity 1.0, 210022.3 tokens/sec on cuda:0".
  static let d2lPerplexity = 1.0
  static let d2lTokensPerSecond = 210_022.3

  public static func input(_ values: StepValues, _ results: StepResults) throws -> TrainingRun.Outcome {
    try results.output(of: TrainStep.self)
  }

  public static func run(_ outcome: TrainingRun.Outcome, _ context: StepOutput) throws {
    guard let last = outcome.history.last else { throw StepError("the training run finished no epoch") }
    let speeds = outcome.history.map(\.tokensPerSecond).sorted()
    let median = speeds[speeds.count / 2]
    let rows = [
      ["D2L 0.17, PyTorch", "500", String(format: "%.1f", d2lPerplexity), String(format: "%.0f", d2lTokensPerSecond), "a CUDA GPU (cuda:0)"],
      ["this run, d2l-swift", "\(last.epoch)", String(format: "%.3f", last.perplexity), String(format: "%.0f", median),
       "\(cpuName()), \(Benchmark.threads) threads"],
    ]
    for line in ResultTable(columns: ["run", "epochs", "perplexity", "tokens/s", "hardware"], rows: rows).lines() { context.say(line) }
    context.say(String(format: "  This run trained at %.2f× D2L's published GPU speed (tokens/s is the median over its epochs).",
                       median / d2lTokensPerSecond))
  }

  /// The processor's model name (Linux: /proc/cpuinfo), else a plain description.
  static func cpuName() -> String {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let name = line.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces), !name.isEmpty
    else { return "this machine's CPU" }
    return name + " (CPU)"
  }
}

import D2L
import Foundation
import LessonEngine

/// The section's claim that bidirectional RNNs are slow, measured: training tokens/s of the
/// one-directional and the bidirectional model of the same size, in alternating rounds, medians.
public enum BiSpeedStep: LessonStep {
  public static let id = "bi-speed"
  public static var summary: String { tr("speed.summary") }
  public static let parameters: [StepParameter] = [
    .choice("cell", CellKind.names, tr("help.cell")), .integer("numLayers", 1...6, tr("help.numLayers")),
    .integer("numHiddens", 1...1024, tr("help.numHiddens")), .integer("rounds", 1...20, tr("help.rounds")),
    .number("seconds", 0.05...60, tr("help.seconds")),
  ]

  public typealias Input = StepValues

  /// Median tokens/s: one-directional, bidirectional.
  public struct Output {
    public let oneDirectional, bidirectional: Double

    public init(oneDirectional: Double, bidirectional: Double) {
      self.oneDirectional = oneDirectional
      self.bidirectional = bidirectional
    }
  }

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> Output {
    let (rounds, seconds) = (values.int("rounds"), values.double("seconds"))
    var configuration = TrainingConfiguration()
    configuration.cell = CellKind(rawValue: values.string("cell"))!
    configuration.numLayers = values.int("numLayers")
    configuration.hiddenSize = values.int("numHiddens")
    let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: 10_000)
    let loader = SeqDataLoader(corpus: corpus, batchSize: configuration.batchSize, numSteps: configuration.numSteps)
    var oneRounds: [Double] = [], biRounds: [Double] = []
    // ANCHOR: bi-speed
    for _ in 0..<rounds {  // alternating, so both see the same load
      for bidirectional in [false, true] {
        var generator = RandomGenerator(seed: 0)
        let model = RNNModel(
          kind: configuration.cell, vocabSize: vocab.count,
          hiddenSize: configuration.hiddenSize,
          numLayers: configuration.numLayers,
          bidirectional: bidirectional, using: &generator)
        let result = Benchmark.training(
          model, loader: loader, configuration: configuration,
          seconds: seconds)
        if bidirectional {
          biRounds.append(result.tokensPerSecond)
        } else {
          oneRounds.append(result.tokensPerSecond)
        }
      }
    }
    // ANCHOR_END: bi-speed
    let (one, bi) = (BiSpeedStep.median(oneRounds), BiSpeedStep.median(biRounds))
    let size = "\(configuration.cell.displayName) \(configuration.numLayers) × \(configuration.hiddenSize)"
    out.say("  " + tr("speed.setting", [
      "size": size, "batch": configuration.batchSize, "steps": configuration.numSteps, "rounds": rounds,
      "seconds": Num.fixed(seconds, 1), "cpu": BiSpeedStep.cpuName, "threads": Benchmark.threads, "kernels": "\(Benchmark.kernels)",
    ]))
    out.say("  " + tr("speed.one", ["rate": Num.int(Int(one.rounded()))]))
    out.say("  " + tr("speed.bi", ["rate": Num.int(Int(bi.rounded()))]))
    out.say("  " + tr("speed.ratio", ["ratio": Num.fixed(one / max(bi, 1), 2)]))
    return Output(oneDirectional: one, bidirectional: bi)
  }

  public static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  }

  /// The CPU's model name from /proc/cpuinfo, so that the figures say where they were measured.
  public static var cpuName: String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
          let colon = line.firstIndex(of: ":") else { return tr("speed.unknownCPU") }
    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
  }
}

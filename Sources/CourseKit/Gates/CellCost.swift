import D2L
import Foundation
import LessonEngine

/// What one hidden size costs in each cell (RNN, GRU, LSTM), measured on The Time Machine with
/// the concise one-layer model: training and inference tokens/s (medians of `rounds`), and the
/// FLOPs per token that the products need. The GRU and LSTM sections' exercise 3.
public struct CellCost {
  public struct Row {
    public let kind: CellKind
    public let trainingTokensPerSecond: Double
    public let inferenceTokensPerSecond: Double
    public let trainingFlopsPerToken: Double
    public let inferenceFlopsPerToken: Double
  }

  public let hiddenSize: Int
  public let seconds: Double
  public let rounds: Int

  public init(hiddenSize: Int, seconds: Double, rounds: Int) {
    self.hiddenSize = hiddenSize
    self.seconds = seconds
    self.rounds = rounds
  }

  /// Measures every cell in turn, round-robin so that a busy neighbour slows all alike.
  public func measure(batchSize: Int = 32, numSteps: Int = 35) throws -> [Row] {
    let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: 10_000)
    var training: [CellKind: [Double]] = [:], inference: [CellKind: [Double]] = [:]
    var models: [CellKind: (RNNModel, SeqDataLoader, TrainingConfiguration)] = [:]
    for kind in CellKind.allCases {
      var c = TrainingConfiguration()
      (c.cell, c.numLayers, c.hiddenSize, c.learningRate, c.batchSize, c.numSteps) = (kind, 1, hiddenSize, 1, batchSize, numSteps)
      let setup = TrainingSetup(configuration: c, corpus: corpus, vocabSize: vocab.count)
      models[kind] = (setup.model, setup.loader, c)
    }
    for _ in 0..<rounds {
      for kind in CellKind.allCases {
        let (model, loader, c) = models[kind]!
        training[kind, default: []].append(
          Benchmark.training(model, loader: loader, configuration: c, seconds: seconds).tokensPerSecond)
        inference[kind, default: []].append(Self.inferenceSpeed(model, loader: loader, seconds: seconds))
      }
    }
    func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
    return CellKind.allCases.map { kind in
      let model = models[kind]!.0
      return Row(
        kind: kind, trainingTokensPerSecond: median(training[kind]!), inferenceTokensPerSecond: median(inference[kind]!),
        trainingFlopsPerToken: Benchmark.trainingFlopsPerToken(model), inferenceFlopsPerToken: Benchmark.inferenceFlopsPerToken(model))
    }
  }

  /// Forward passes only (no tape), minibatch after minibatch with the state carried, for about
  /// `seconds`: tokens per second of inference at the training batch.
  static func inferenceSpeed(_ model: RNNModel, loader: SeqDataLoader, seconds: Double) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    var tokens = 0, epoch = 0
    withoutGradients {
      while elapsed < seconds {
        var state: RecurrentState?
        for batch in IteratorSequence(loader.batches(forEpoch: epoch)) {
          let (_, next) = model(batch, state: state)
          state = next
          tokens += batch.inputs.count
          if elapsed >= seconds { break }
        }
        epoch += 1
      }
    }
    return Double(tokens) / max(elapsed, 1e-9)
  }

  /// The measured ratios a lesson's sentence reports, by name: `gruFlops`, `lstmFlops` (FLOPs
  /// per training token against the RNN's), `gruTime`, `lstmTime` (time per training token),
  /// `gruInference`, `lstmInference` (time per inference token), and `threads`.
  public static func ratios(_ rows: [Row]) -> [String: Any] {
    let by = Dictionary(uniqueKeysWithValues: rows.map { ($0.kind, $0) })
    guard let rnn = by[.rnn], let gru = by[.gru], let lstm = by[.lstm] else { return [:] }
    return [
      "gruFlops": Num.fixed(gru.trainingFlopsPerToken / rnn.trainingFlopsPerToken, 1),
      "lstmFlops": Num.fixed(lstm.trainingFlopsPerToken / rnn.trainingFlopsPerToken, 1),
      "gruTime": Num.fixed(rnn.trainingTokensPerSecond / gru.trainingTokensPerSecond, 1),
      "lstmTime": Num.fixed(rnn.trainingTokensPerSecond / lstm.trainingTokensPerSecond, 1),
      "gruInference": Num.fixed(rnn.inferenceTokensPerSecond / gru.inferenceTokensPerSecond, 1),
      "lstmInference": Num.fixed(rnn.inferenceTokensPerSecond / lstm.inferenceTokensPerSecond, 1),
      "threads": Benchmark.threads,
    ]
  }

  /// The step's parameters (`numHiddens`, `seconds`, `rounds`), helped in the lesson's words:
  /// `help.numHiddens`, `help.seconds` and `help.rounds` of its `strings`.
  public static func parameters(_ strings: StringTable) -> [StepParameter] {
    [
      .integer("numHiddens", 1...1024, strings("help.numHiddens")), .number("seconds", 0.01...30, strings("help.seconds")),
      .integer("rounds", 1...9, strings("help.rounds")),
    ]
  }

  /// Prints what a cost step shows below its code: the rows as a table, then the lesson's
  /// sentence on the measured `ratios`.
  /// - Parameters:
  ///   - strings: the lesson's strings: `cost.columns` (the table's columns, `|`-separated) and
  ///     `cost.measured` (the sentence).
  public func report(_ rows: [Row], strings: StringTable, out: StepOutput) {
    for line in table(rows, columns: strings("cost.columns").components(separatedBy: "|")).lines(width: out.width) {
      out.say(line)
    }
    out.say()
    out.say("  " + strings("cost.measured", Self.ratios(rows)))
  }

  /// The rows as a table: cell, training and inference tokens/s, MFLOP per token in each.
  public func table(_ rows: [Row], columns: [String]) -> ResultTable {
    ResultTable(columns: columns, rows: rows.map { r in
      [r.kind.displayName, Num.int(Int(r.trainingTokensPerSecond.rounded())), Num.int(Int(r.inferenceTokensPerSecond.rounded())),
       Num.fixed(r.trainingFlopsPerToken / 1e6, 2), Num.fixed(r.inferenceFlopsPerToken / 1e6, 2)]
    })
  }
}

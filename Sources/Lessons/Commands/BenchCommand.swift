import CourseKit
import LessonEngine
import ArgumentParser
import D2L
import Foundation

/// `lessons bench`: training throughput, measured in release builds.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure training speed (tokens/s) on The Time Machine.",
    discussion: """
      Trains the model for a few warm-up minibatches, then for --seconds, and reports tokens \
      per second, the GFLOP/s that implies (forward and backward GEMMs), and its share of the \
      machine's peak, measured in the same run just before and after (a loop of independent FMAs \
      on every training thread at once; the best of six rounds).
      """)

  @OptionGroup var model: ModelOptions

  @Option(name: .customLong("model"), help: "rnn (the chapter's language model) or seq2seq (the book's English-French run, Adam; with --seconds, --json, --phases).")
  var modelKind: ModelKind = .rnn

  @Option(parsing: .unconditional, help: "Seconds to measure for, after the warm-up.")
  var seconds: Double = 10

  @Option(parsing: .unconditional, help: "Learning rate of the SGD steps measured.")
  var lr: Float = 2

  @Flag(help: "Print one JSON object.")
  var json = false

  @Flag(help: "Also time each phase of a minibatch (forward, loss, backward, each operation's backward, and within each layer) and list milliseconds per minibatch (with --json: phases_ms_per_minibatch).")
  var phases = false

  @Flag(help: "Instead of training: Tensor.matmul against cblas_sgemm called directly, for the chapter's two product shapes.")
  var matmul = false

  @Option(help: "Instead of training: time inference with this checkpoint (greedy prediction of --chars characters, and perplexity over --text).")
  var inference: String?

  @Option(help: "With --inference: the text to evaluate on (cut to --text-chars characters).")
  var text: String?

  @Option(name: .customLong("text-chars"), help: "With --inference: characters of --text to evaluate on.")
  var textChars: Int = 100_000

  @Option(help: "With --inference: characters to predict.")
  var chars: Int = 500

  func validate() throws {
    guard seconds > 0 && seconds <= 3600 else { throw ValidationError(tr("option.seconds", ["high": 3600, "value": seconds])) }
    guard lr.isFinite && lr > 0 else { throw ValidationError(tr("option.positive", ["option": "--lr", "value": lr])) }
  }

  func run() throws {
    if modelKind == .seq2seq { return try Seq2SeqCommands.bench(seconds: seconds, json: json, phases: phases) }
    if matmul { return try runMatmul() }
    if let inference { return try runInference(weights: inference) }
    var configuration = model.configuration()
    configuration.learningRate = lr
    let data = try TrainingData.load(books: [], maxTokens: configuration.maxTokens)
    let setup = TrainingSetup(configuration: configuration, corpus: data.corpus, vocabSize: data.vocab.count)
    let (loader, net) = (setup.loader, setup.model)
    let before = MachinePeak.measure()
    PhaseClock.enabled = phases
    let result = Benchmark.training(net, loader: loader, configuration: configuration, seconds: seconds)
    PhaseClock.enabled = false
    let peak = MachinePeak.best(before, MachinePeak.measure())
    let flopsPerToken = Benchmark.trainingFlopsPerToken(net)
    let gflops = result.tokensPerSecond * flopsPerToken / 1e9
    var object: [String: Any] = [
      "tokens_per_sec": result.tokensPerSecond, "gflops": gflops, "peak_gflops": peak.gflops,
      "peak_share": gflops / peak.gflops, "mflop_per_token": flopsPerToken / 1e6,
      "cell": configuration.cell.rawValue, "layers": configuration.numLayers, "hidden": configuration.hiddenSize,
      "bidirectional": configuration.bidirectional,
      "batch_size": configuration.batchSize, "num_steps": configuration.numSteps, "vocab": data.vocab.count,
      "seconds": result.seconds, "minibatches": result.minibatches, "threads": Benchmark.threads,
      "kernels": Benchmark.kernels.description,
    ]
    let perBatch = 1000 / Double(max(result.minibatches, 1))  // milliseconds per minibatch, from seconds
    if phases {
      object["ms_per_minibatch"] = result.seconds * perBatch
      object["phases_ms_per_minibatch"] = Dictionary(uniqueKeysWithValues: PhaseClock.report.map { ($0.phase, $0.seconds * perBatch) })
    }
    if json {
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      Console.write(String(decoding: data, as: UTF8.self) + "\n")
      return
    }
    Console.write(String(format: "%.0f tokens/s, %.1f GFLOP/s (%.0f%% of the machine's %.0f GFLOP/s peak, %@; %@ kernels)\n",
                         result.tokensPerSecond, gflops, 100 * gflops / peak.gflops, peak.gflops, peak.description,
                         Benchmark.kernels.description))
    if phases {
      Console.write(String(format: "%.2f ms per minibatch; phases (ms per minibatch, nested phases included in their parents):\n",
                           result.seconds * perBatch))
      let width = PhaseClock.report.map(\.phase.count).max() ?? 0
      for p in PhaseClock.report {
        Console.write("  " + p.phase.padding(toLength: width + 2, withPad: " ", startingAt: 0) + String(format: "%7.2f\n", p.seconds * perBatch))
      }
    }
  }

  /// The per-step product (B×H)·(H×4H) and the all-steps product (T·B×H)·(H×4H).
  private func runMatmul() throws {
    let h = model.hidden, b = model.batchSize, t = model.numSteps
    let results = [(b, h, 4 * h), (t * b, h, 4 * h)].map { Benchmark.matmul(m: $0.0, k: $0.1, n: $0.2) }
    if json {
      let rows: [[String: Any]] = results.map {
        ["shape": "(\($0.m)×\($0.k))·(\($0.k)×\($0.n))", "library_seconds": $0.librarySeconds,
         "gemm_seconds": $0.gemmSeconds, "blas_seconds": $0.blasSeconds,
         "ratio": $0.ratio, "library_gflops": $0.libraryGflops, "blas_gflops": $0.blasGflops]
      }
      let data = try JSONSerialization.data(withJSONObject: ["matmul": rows, "threads": Benchmark.threads], options: [.sortedKeys])
      Console.write(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      for r in results {
        Console.write(String(format: "(%d×%d)·(%d×%d): Tensor.matmul %.1f µs (Tensor.gemm into a kept buffer %.1f µs), cblas_sgemm %.1f µs, ratio %.3f\n",
                             r.m, r.k, r.k, r.n, r.librarySeconds * 1e6, r.gemmSeconds * 1e6, r.blasSeconds * 1e6, r.ratio))
      }
    }
  }

  /// `lessons predict` of --chars characters and `lessons eval` over --text-chars characters,
  /// timed in-process (loading excluded), medians of 5 runs.
  private func runInference(weights: String) throws {
    guard let text else { throw ValidationError(tr("option.inferenceText")) }
    let checkpoint = try loadCheckpoint(weights)
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: text)).prefix(textChars))
    let tokens = bytes.withUnsafeBufferPointer { raw in
      preprocessCharacters(raw).withUnsafeBufferPointer { checkpoint.vocab.indices(ofCharacterBytes: $0) }
    }
    let r = Benchmark.inference(checkpoint.model, vocab: checkpoint.vocab, prefix: "time traveller", characters: chars, tokens: tokens)
    if json {
      let object: [String: Any] = ["predict_seconds": r.predictSeconds, "predict_chars": chars, "eval_seconds": r.evalSeconds,
                                   "eval_tokens": r.evalTokens, "threads": Benchmark.threads]
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      Console.write(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      Console.write(String(format: "predict %d characters: %.3f s; eval over %d tokens: %.3f s (medians of 5)\n",
                           chars, r.predictSeconds, r.evalTokens, r.evalSeconds))
    }
  }
}

import CBLAS
import CKernels
import Foundation

/// Training throughput, and the arithmetic it implies.
public enum Benchmark {
  /// What a timed run measured.
  public struct Result: Sendable {
    public let tokensPerSecond: Double
    public let seconds: Double
    public let minibatches: Int
    /// CPU time of the whole process (every thread) over the same window: on a shared machine,
    /// tokens per CPU second move less with the neighbours' load than tokens per second do.
    public let cpuSeconds: Double
  }

  /// This process's CPU time so far, every thread's.
  static func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Trains `model` for a few warm-up minibatches, then for about `seconds`, cycling through
  /// the loader's epochs, and measures tokens per second.
  public static func training(
    _ model: any LanguageModel, loader: SeqDataLoader, configuration: TrainingConfiguration, seconds: Double,
    warmup: Int = 3
  ) -> Result {
    let trainer = Trainer(model: model, loader: loader, configuration: configuration)
    var steps = 0
    _ = try? trainer.trainEpoch { steps += 1; return steps >= warmup }
    PhaseClock.reset()
    let cpuStart = processCPUSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    var tokens = 0, minibatches = 0
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    while elapsed < seconds {
      _ = try? trainer.trainEpoch {
        tokens += configuration.batchSize * configuration.numSteps
        minibatches += 1
        return elapsed >= seconds
      }
    }
    let time = elapsed
    return Result(tokensPerSecond: Double(tokens) / time, seconds: time, minibatches: minibatches,
                  cpuSeconds: processCPUSeconds() - cpuStart)
  }

  /// FLOPs of one trained token: the forward and backward GEMMs of every layer and direction
  /// and of the output layer (a one-hot input is a gather: no GEMM, and layer 1 needs no input
  /// gradient). A layer above a bidirectional one reads D·H inputs.
  public static func trainingFlopsPerToken(_ model: RNNModel) -> Double {
    3 * inferenceFlopsPerToken(model)  // forward, and backward's two products per forward one
  }

  /// FLOPs of one token of inference (forward only).
  public static func inferenceFlopsPerToken(_ model: RNNModel) -> Double {
    let h = Double(model.hiddenSize), g = Double(model.kind.gateCount), v = Double(model.vocabSize)
    let d = Double(model.rnn.directions.count), layers = Double(model.numLayers)
    return d * (layers * 2 * g * h * h + (layers - 1) * 2 * g * h * (d * h)) + 2 * d * h * v
  }

  /// The threads training uses (the worker team; OpenBLAS runs single-threaded inside it).
  public static var threads: Int { WorkerTeam.shared.size }

  /// The kernel level this process runs (`D2L_KERNELS` and `D2L_NO_AVX512` can cap it).
  public static var kernels: KernelLevel { KernelSet.selected.level }

  /// The kernel level of the recurrent products at `precision` (avx512bf16 for bf16), nil when
  /// this process cannot run it.
  public static func kernels(for precision: Precision) -> KernelLevel? { try? KernelSet.forPrecision(precision).level }
}

/// The machine's peak, measured: every thread of the team runs a loop of independent FMAs at the
/// same time, of the width the kernels run (`KernelSet.selected`: AVX-512, AVX2/FMA or
/// portable), or for bf16 a loop of VDPBF16PS (the bf16 level's own peak, twice the FP32 one
/// where the CPU runs it at the FMA's rate), just before the training that is compared with it. A nominal figure
/// (cores × base clock × FLOP per cycle) misses turbo clocks and a busy neighbour alike.
public struct MachinePeak: Sendable {
  /// FLOP per second of each thread, measured together.
  public let perThread: [Double]
  /// FLOP per CPU second of the busiest-scheduled thread: what a core does while it runs the
  /// loop, whatever share of the time a busy machine gives it (the ceiling for
  /// `Benchmark.Result.cpuSeconds`).
  public var perCPUSecond: Double = 0
  /// What the loop ran: "an FMA loop" or "a VDPBF16PS loop".
  public var loop = "an FMA loop"
  public var gflops: Double { perThread.reduce(0, +) / 1e9 }
  public var description: String {
    "measured: \(loop) on \(perThread.count) thread\(perThread.count == 1 ? "" : "s") at once, "
      + perThread.map { String(format: "%.1f", $0 / 1e9) }.joined(separator: " + ") + " GFLOP/s"
  }

  /// Runs the FMA loop on all of `team`'s threads at once, `rounds` times for `seconds` each,
  /// and keeps the best round: the ceiling is what the machine can do, and a neighbour's burst
  /// during one round should not lower it.
  public static func measure(
    rounds: Int = 3, seconds: Double = 0.1, team: WorkerTeam = .shared, precision: Precision = .fp32
  ) -> MachinePeak {
    let kernels = (try? KernelSet.forPrecision(precision)) ?? KernelSet.selected
    let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * team.size)
    defer { results.deallocate() }
    let out = UnsafeSendable(results)
    var best = MachinePeak(perThread: []), bestPerCPUSecond = 0.0
    for _ in 0..<rounds {
      let level = d2l_level(rawValue: UInt32(kernels.level.rawValue))
      team.run(parts: team.size) { p in
        let (cpu, wall) = (threadCPUSeconds(), DispatchTime.now().uptimeNanoseconds)
        out.value[p] = d2l_fma_flops(seconds, level)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9
        out.value[team.size + p] = out.value[p] * elapsed / max(threadCPUSeconds() - cpu, 1e-9)
      }
      var peak = MachinePeak(perThread: Array(results.prefix(team.size)))
      if kernels.level == .avx512bf16 { peak.loop = "a VDPBF16PS loop" }
      if peak.gflops > best.gflops { best = peak }
      bestPerCPUSecond = max(bestPerCPUSecond, results.suffix(team.size).max() ?? 0)
    }
    best.perCPUSecond = bestPerCPUSecond
    return best
  }

  /// The better of two measurements.
  public static func best(_ a: MachinePeak, _ b: MachinePeak) -> MachinePeak {
    var better = a.gflops >= b.gflops ? a : b
    better.perCPUSecond = max(a.perCPUSecond, b.perCPUSecond)
    return better
  }

  /// This thread's CPU time so far.
  static func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}

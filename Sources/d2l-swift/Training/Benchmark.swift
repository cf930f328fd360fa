import CBLAS
import Foundation

/// Training throughput, and the arithmetic it implies.
public enum Benchmark {
  /// What a timed run measured.
  public struct Result: Sendable {
    public let tokensPerSecond: Double
    public let seconds: Double
    public let minibatches: Int
  }

  /// Trains `model` for a few warm-up minibatches, then for about `seconds`, cycling through
  /// the loader's epochs, and measures tokens per second.
  public static func training(
    _ model: RNNModel, loader: SeqDataLoader, configuration: TrainingConfiguration, seconds: Double, warmup: Int = 3
  ) -> Result {
    let trainer = Trainer(model: model, loader: loader, configuration: configuration)
    var steps = 0
    _ = try? trainer.trainEpoch { steps += 1; return steps >= warmup }
    PhaseClock.reset()
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
    return Result(tokensPerSecond: Double(tokens) / time, seconds: time, minibatches: minibatches)
  }

  /// FLOPs of one trained token: the forward and backward GEMMs of every layer and of the
  /// output layer (a one-hot input is a gather: no GEMM, and layer 1 needs no input gradient).
  public static func trainingFlopsPerToken(_ model: RNNModel) -> Double {
    let h = Double(model.hiddenSize), g = Double(model.kind.gateCount), v = Double(model.vocabSize)
    var flops = 0.0
    for l in 0..<model.numLayers {
      flops += 3 * 2 * g * h * h  // H W_hhᵀ forward; dH·W_hh and dW_hh backward
      if l > 0 { flops += 3 * 2 * g * h * h }  // X W_ihᵀ forward; dW_ih and dX backward
    }
    flops += 3 * 2 * h * v  // the Linear layer: forward, dW and dX
    return flops
  }

  /// FLOPs of one token of inference (forward only).
  public static func inferenceFlopsPerToken(_ model: RNNModel) -> Double {
    let h = Double(model.hiddenSize), g = Double(model.kind.gateCount), v = Double(model.vocabSize)
    return Double(model.numLayers) * 2 * g * h * h + Double(model.numLayers - 1) * 2 * g * h * h + 2 * h * v
  }

  /// The threads training uses (the worker team; OpenBLAS runs single-threaded inside it).
  public static var threads: Int { WorkerTeam.shared.size }
}

/// The machine's estimated FP32 peak: cores × clock × FLOP per cycle.
public struct MachinePeak: Sendable {
  public let cores: Int
  public let gigahertz: Double
  public let flopsPerCycle: Double
  public var gflops: Double { Double(cores) * gigahertz * flopsPerCycle }
  public var description: String {
    String(format: "%d cores × %.2f GHz × %.0f FLOP/cycle", cores, gigahertz, flopsPerCycle)
  }

  /// Reads the clock from /proc/cpuinfo; 32 FP32 FLOP per cycle per core is two 8-wide FMA
  /// units (AVX2/FMA, and also AMD's AVX-512, which runs on the same 256-bit units).
  public static func estimate() -> MachinePeak {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let mhz = info.split(separator: "\n").first { $0.hasPrefix("cpu MHz") }
      .flatMap { $0.split(separator: ":").last }.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? 2400
    return MachinePeak(cores: ProcessInfo.processInfo.activeProcessorCount, gigahertz: mhz / 1000, flopsPerCycle: 32)
  }
}

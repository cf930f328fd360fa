import CKernels
import Foundation

/// The instruction-set levels the C kernels (`Sources/CKernels`) come in, lowest first.
public enum KernelLevel: Int, Comparable, CaseIterable, Sendable, CustomStringConvertible {
  /// The target's baseline vectors (SSE2 on x86-64, NEON on Arm): runs everywhere.
  case portable
  /// AVX2 and FMA (x86-64 since 2013).
  case avx2
  /// AVX-512F (Intel server and some client CPUs, AMD since Zen 4).
  case avx512
  /// AVX-512 with AVX512_BF16 (Zen 4, Sapphire Rapids and later): products of bf16 operands
  /// summed in FP32. Not a faster FP32 level but another precision, run only when asked for
  /// (`Precision.bf16`); `D2L_KERNELS` below it refuses it.
  case avx512bf16

  /// The highest FP32 level this CPU runs.
  public static let cpu = KernelLevel(rawValue: Int(d2l_cpu_level().rawValue)) ?? .portable

  /// Whether this CPU runs the bf16 level.
  public static let cpuHasBF16 = d2l_cpu_has_bf16()

  public static func < (a: KernelLevel, b: KernelLevel) -> Bool { a.rawValue < b.rawValue }

  /// The name `D2L_KERNELS` takes: portable, avx2, avx512.
  public var description: String {
    switch self {
    case .portable: "portable"
    case .avx2: "avx2"
    case .avx512: "avx512"
    case .avx512bf16: "avx512bf16"
    }
  }
}

/// The kernels this process runs, chosen once at start-up: the best level the CPU runs, unless
/// the environment caps it.
///
/// - `D2L_KERNELS=portable|avx2|avx512|avx512bf16`: at most this level (to test the path another
///   CPU takes; below avx512bf16, bf16 is refused as on a CPU without it).
/// - `D2L_NO_AVX512=1`: the same as `D2L_KERNELS=avx2`, the path of an x86-64 CPU without AVX-512.
struct KernelSet: @unchecked Sendable {
  let level: KernelLevel
  let table: d2l_kernels

  /// The kernels of `level`, or nil when this CPU cannot run them.
  init?(_ level: KernelLevel) {
    guard let table = d2l_kernels_for(d2l_level(rawValue: UInt32(level.rawValue))) else { return nil }
    self.level = level
    self.table = table.pointee
  }

  /// The FP32 kernels every product and cell of the library runs on.
  static let selected: KernelSet = KernelSet(min(KernelLevel.cpu, requestedLevel, .avx512))!

  /// The kernels of `precision`: `selected` for FP32; for bf16 the bf16 level, chosen once, or
  /// why it cannot run here.
  static func forPrecision(_ precision: Precision) throws(PrecisionUnavailable) -> KernelSet {
    switch precision {
    case .fp32: return selected
    case .bf16: return try bf16.get()
    }
  }

  /// The bf16 level, or why not.
  static let bf16: Result<KernelSet, PrecisionUnavailable> = {
    if let reason = bf16Refusal(cpuHasBF16: KernelLevel.cpuHasBF16, cap: requestedLevel) { return .failure(reason) }
    return .success(KernelSet(.avx512bf16)!)
  }()

  /// Why bf16 cannot run on a CPU that has AVX512_BF16 or not, with the kernels capped at `cap`;
  /// nil when it can.
  static func bf16Refusal(cpuHasBF16: Bool, cap: KernelLevel) -> PrecisionUnavailable? {
    if !cpuHasBF16 { return PrecisionUnavailable("bf16 needs AVX512_BF16 (VDPBF16PS), which this CPU does not have: use --precision fp32") }
    if cap < .avx512bf16 { return PrecisionUnavailable("bf16 needs the avx512bf16 kernels, and D2L_KERNELS caps them at \(cap): use --precision fp32") }
    return nil
  }

  /// The highest level the environment allows.
  static var requestedLevel: KernelLevel {
    let environment = ProcessInfo.processInfo.environment
    if let name = environment["D2L_KERNELS"], !name.isEmpty {
      guard let level = KernelLevel.allCases.first(where: { $0.description == name }) else {
        fail("D2L_KERNELS=\(name): expected portable, avx2, avx512 or avx512bf16")
      }
      return level
    }
    return environment["D2L_NO_AVX512"] != nil ? .avx2 : .avx512bf16
  }
}

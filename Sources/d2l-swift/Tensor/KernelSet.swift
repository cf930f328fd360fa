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

  /// The highest level this CPU runs.
  public static let cpu = KernelLevel(rawValue: Int(d2l_cpu_level().rawValue)) ?? .portable

  public static func < (a: KernelLevel, b: KernelLevel) -> Bool { a.rawValue < b.rawValue }

  /// The name `D2L_KERNELS` takes: portable, avx2, avx512.
  public var description: String {
    switch self {
    case .portable: "portable"
    case .avx2: "avx2"
    case .avx512: "avx512"
    }
  }
}

/// The kernels this process runs, chosen once at start-up: the best level the CPU runs, unless
/// the environment caps it.
///
/// - `D2L_KERNELS=portable|avx2|avx512`: at most this level (to test the path another CPU takes).
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

  /// The kernels every product and cell of the library runs on.
  static let selected: KernelSet = KernelSet(min(KernelLevel.cpu, requestedLevel))!

  /// The highest level the environment allows.
  static var requestedLevel: KernelLevel {
    let environment = ProcessInfo.processInfo.environment
    if let name = environment["D2L_KERNELS"], !name.isEmpty {
      guard let level = KernelLevel.allCases.first(where: { $0.description == name }) else {
        fail("D2L_KERNELS=\(name): expected portable, avx2 or avx512")
      }
      return level
    }
    return environment["D2L_NO_AVX512"] != nil ? .avx2 : .avx512
  }
}

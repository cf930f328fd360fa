@testable import D2L

/// The kernel levels as test arguments, and why a level cannot run here.
enum Levels {
  /// The kernels of `level`, which a test enabled by `runs(level)` may unwrap.
  static func kernels(_ level: KernelLevel) -> KernelSet { KernelSet(level)! }

  /// This CPU runs `level`'s kernels.
  static func runs(_ level: KernelLevel) -> Bool { KernelLevel.cpu >= level }

  static let noAVX2 = "this CPU has no AVX2/FMA: its kernels cannot run here"
  static let noAVX512 = "this CPU has no AVX-512: its kernels cannot run here"
}

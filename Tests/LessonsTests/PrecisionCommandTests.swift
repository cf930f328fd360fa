import D2L
import Foundation
import Testing

/// `--precision bf16` for `lessons train` and `lessons bench`: refused with one line, before
/// anything runs, where the bf16 kernels cannot run. `D2L_KERNELS=avx512` takes the path of a
/// CPU without AVX512_BF16, as `D2L_KERNELS` forces any level.
@Suite struct PrecisionCommandTests {
  @Test(arguments: [["train", "--epochs", "1"], ["bench", "--seconds", "0.1"]])
  func bf16IsRefusedWithOneLineWithoutTheKernels(command: [String]) throws {
    let result = try LessonsBinary.run(command + ["--precision", "bf16"], environment: ["D2L_KERNELS": "avx512"])
    #expect(result.status == 1, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("--precision bf16") && result.stderr.contains("D2L_KERNELS"), "\(result.stderr)")
    #expect(result.stdout.isEmpty, "nothing ran: \(result.stdout)")
  }

  /// An unknown precision gets the usage, like every bad value.
  @Test func unknownPrecisionIsABadValue() throws {
    let result = try LessonsBinary.run(["bench", "--precision", "fp8"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Please provide one of 'fp32' and 'bf16'"), "\(result.stderr)")
  }

  /// A lesson's training step takes the precision as a parameter (`--set precision=bf16`):
  /// refused in one line where the kernels cannot run it, before an epoch runs.
  @Test func aLessonsTrainStepRefusesBF16WithoutTheKernels() throws {
    let result = try LessonsBinary.run(Self.tinyTrainStep + ["--set", "precision=bf16"], environment: ["D2L_KERNELS": "avx512"])
    #expect(result.status != 0, "\(result.stdout)")
    let said = result.stdout + result.stderr
    #expect(said.contains("bf16") && said.contains("D2L_KERNELS"), "\(said)")
    #expect(!said.contains("epoch 1/1"), "nothing trained: \(said)")
  }

  /// Where the CPU has the bf16 kernels, the same step trains in bf16 and says so.
  @Test(.enabled(if: (try? Precision.bf16.checkAvailable()) != nil, "this CPU (or D2L_KERNELS) has no AVX512_BF16 kernels"))
  func aLessonsTrainStepTrainsInBF16() throws {
    let result = try LessonsBinary.run(Self.tinyTrainStep + ["--set", "precision=bf16"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("products in bf16"), "\(result.stdout)")
    #expect(result.stdout.contains("epoch 1/1"), "\(result.stdout)")
  }

  /// deep-rnn's training step at a tiny size, one epoch, no cache.
  static let tinyTrainStep = [
    "run", "deep-rnn", "--step", "train", "--no-cache", "--no-color", "--lang", "en",
    "--set", "epochs=1", "--set", "numLayers=1", "--set", "numHiddens=8",
  ]
}

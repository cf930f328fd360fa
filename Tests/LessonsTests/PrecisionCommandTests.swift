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
}

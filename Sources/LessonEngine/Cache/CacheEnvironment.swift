import D2L
import Foundation

/// What, besides a step's own inputs, decides its results: the build of the tool, the kernels
/// this CPU runs (results differ slightly between kernel levels), the language its output is
/// written in, and the data files it may read.
public enum CacheEnvironment {
  /// The build of the tool, as the size and modification time of its executable: a new build
  /// (an upgrade, a code change) never reuses the results of another.
  /// The lead repoints this at `lessons --version` once that exists (issue 25).
  public static let toolVersion: String = {
    let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return String(sha1Hex(Data("\(size) \(modified)".utf8)).prefix(12))
  }()

  /// The kernel level this process runs (`avx512`, `avx2`, `portable`).
  public static var kernelLevel: String { Benchmark.kernels.description }

  /// Every data file the catalogue pins, by name and SHA-1: a step's result depends on the
  /// books it read, and the pinned sum is what the loader checks the file against.
  public static let dataFiles: String = dataFiles(CorpusCatalog.all)

  /// The data files `specs` (a lesson's `dataFiles`) by name and pinned SHA-1.
  public static func dataFiles(_ specs: [DataFileSpec]) -> String {
    specs.map { "\($0.name)=\($0.sha1 ?? "unpinned")" }.sorted().joined(separator: ",")
  }

  /// The library's default seed (every random choice of a run starts from it).
  public static var seed: String { "\(TrainingConfiguration().seed)" }
}

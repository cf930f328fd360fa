import D2L
import Foundation

/// What `lessons --version` prints, and what a workspace records it was made by.
public enum ToolVersion {
  /// The release, bumped by hand with each tagged release.
  public static let number = "0.4.0"

  /// The Swift compiler this binary was built with, known at compile time.
  public static var swift: String {
    #if compiler(>=6.4)
    return "6.4 or later"
    #elseif compiler(>=6.3)
    return "6.3"
    #elseif compiler(>=6.2)
    return "6.2"
    #elseif compiler(>=6.1)
    return "6.1"
    #else
    return "6.0"
    #endif
  }

  /// The commit the tool was built from: `make install` records it in the installed
  /// `BUILD-INFO`; a tool run from a checkout reports the checkout's HEAD (which a rebuild
  /// would match); otherwise unknown.
  public static func commit(of tree: SourceTree?) -> String {
    guard let tree else { return "unknown" }
    if let info = try? String(contentsOf: tree.buildInfoFile, encoding: .utf8),
       let line = info.split(separator: "\n").first(where: { $0.hasPrefix("commit ") }) {
      return String(line.dropFirst("commit ".count))
    }
    guard tree.isCheckout, let head = git(["rev-parse", "--short=12", "HEAD"], in: tree.root) else { return "unknown" }
    let dirty = git(["status", "--porcelain", "--untracked-files=no"], in: tree.root).map { !$0.isEmpty } ?? false
    return head + (dirty ? " (checkout, with uncommitted changes)" : " (checkout)")
  }

  /// The lines of `lessons --version`.
  public static func text(tree: SourceTree? = SourceTree.ofTool()) -> String {
    let kernels = KernelLevel.cpu == Benchmark.kernels ? "\(Benchmark.kernels)" : "\(Benchmark.kernels) (this CPU runs \(KernelLevel.cpu))"
    return """
      lessons \(number)
      commit   \(commit(of: tree))
      kernels  \(kernels)
      swift    \(swift)
      sources  \(tree?.root.path ?? "not found")
      """
  }

  /// `git ARGS` in `folder`, its trimmed output, or nil when git fails or is missing.
  private static func git(_ arguments: [String], in folder: URL) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder.path] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

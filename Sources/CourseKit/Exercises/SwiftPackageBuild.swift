import LessonEngine
import Foundation

/// Runs `swift build` on a learner's nested package (`exercises/`, `playground/`) and the
/// product it builds: the learner's code is compiled apart from the `lessons` tool, as
/// rustlings builds each exercise on its own.
public struct SwiftPackageBuild {
  /// The nested package's folder.
  public let root: URL

  public init(root: URL) { self.root = root }

  public init(package: ExercisesPackage) { self.init(root: package.root) }

  private func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// How a child process ended.
  public enum Ending: Equatable {
    case exited(Int32)
    case crashed(signal: Int32)
  }

  /// Builds `product`; `onLine` sees each line of SwiftPM's output as it comes (for progress).
  /// Returns whether it built and everything SwiftPM printed.
  public func build(product: String, onLine: (String) -> Void = { _ in }) throws -> (built: Bool, output: String) {
    waitUntilSourcesAreSettled()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "build", "--package-path", root.path, "--product", product]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { throw ExerciseError.swiftNotRunnable("\(error)") }
    var output = Data(), pending = Data()
    let reader = pipe.fileHandleForReading
    while case let chunk = reader.availableData, !chunk.isEmpty {
      output.append(chunk)
      pending.append(chunk)
      while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        onLine(String(decoding: pending[..<newline], as: UTF8.self))
        pending.removeSubrange(...newline)
      }
    }
    process.waitUntilExit()
    return (process.terminationReason == .exit && process.terminationStatus == 0, String(decoding: output, as: UTF8.self))
  }

  /// SwiftPM's incremental build can miss a source file saved less than about a second before
  /// the build starts, and keep running the previous answer (seen here: one save in three,
  /// with builds right after saves; none with a second between them). So a build waits until
  /// the newest file under Sources/ is `settle` old: at most that long, right after a save.
  public func waitUntilSourcesAreSettled(settle: TimeInterval = 1.1) {
    let files = FileManager.default
    guard let walker = files.enumerator(at: url("Sources"), includingPropertiesForKeys: [.contentModificationDateKey]) else { return }
    var newest = Date.distantPast
    for case let url as URL in walker {
      if let date = try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, date > newest {
        newest = date
      }
    }
    let wait = settle - Date().timeIntervalSince(newest)
    if wait > 0 && wait <= settle { Thread.sleep(forTimeInterval: wait) }
  }

  /// The built product (SwiftPM's default scratch folder, `.build/debug`).
  public func executable(_ product: String) -> URL { url(".build/debug/\(product)") }

  /// Runs the built `product` with this process's standard output and error, so its rows show
  /// as they come (or with none, when `quiet`).
  public func run(product: String, arguments: [String] = [], directory: URL? = nil, quiet: Bool = false) throws -> Ending {
    let process = Process()
    if quiet {
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
    }
    process.executableURL = executable(product)
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? root
    try process.run()
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal
      ? .crashed(signal: process.terminationStatus) : .exited(process.terminationStatus)
  }

  /// SwiftPM's output without its progress lines (`[12/40] Compiling …`, `Building for …`) and
  /// with each diagnostic once (SwiftPM repeats them per compile job): the compiler's messages,
  /// for a learner whose file does not compile.
  public static func diagnostics(_ output: String) -> String {
    let noise = ["Building for", "Write ", "Compiling ", "Emitting ", "Planning build", "Fetching ", "Computing version",
                 "Working copy", "Creating working copy", "Fetched ", "Computed ", "Build complete",
                 "error: emit-module command failed"]
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { line in
      let text = line.trimmingCharacters(in: .whitespaces)
      if text.first == "[", text.contains("/"), text.contains("]") { return false }
      return !noise.contains { text.hasPrefix($0) }
    }
    // A diagnostic starts at `file:line:column: error|warning|note:` and runs to the next one.
    var blocks: [[String]] = []
    for line in lines {
      let starts = line.range(of: #"^\S.*:[0-9]+:[0-9]+: (error|warning|note):"#, options: .regularExpression) != nil
      if starts || blocks.isEmpty { blocks.append([line]) } else { blocks[blocks.count - 1].append(line) }
    }
    var seen = Set<String>()
    let unique = blocks.map { $0.joined(separator: "\n") }.filter { seen.insert($0.trimmingCharacters(in: .whitespacesAndNewlines)).inserted }
    return unique.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false)
      .prefix(200).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

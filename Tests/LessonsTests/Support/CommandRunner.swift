import Foundation

/// Runs the built `lessons` executable, end to end, as a learner would.
enum LessonsBinary {
  /// The package root (three levels above this file).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `lessons` next to the test bundle (`swift test` builds both into the same folder).
  static var url: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundle.appendingPathComponent("lessons"),
                      bundle.deletingLastPathComponent().appendingPathComponent("lessons")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }

  /// The corpora for tests: $D2L_DATA_DIR, else ../shared/data beside the package root.
  static var dataDirectory: String? {
    let candidates: [String?] = [ProcessInfo.processInfo.environment["D2L_DATA_DIR"],
                      packageRoot.appendingPathComponent("../shared/data").standardizedFileURL.path]
    return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0 + "/timemachine.txt") }
  }

  /// A new empty folder for the learner's files (the step cache among them), so that no
  /// test reads what another test (or the developer) left.
  static func freshHome() -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-home-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// Runs `lessons arguments…` in the package root with stdin from /dev/null (or `input`).
  static func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    var environment = ProcessInfo.processInfo.environment
    if let data = dataDirectory { environment["D2L_DATA_DIR"] = data }
    environment["LESSONS_CACHE_DIR"] = freshHome()
    for (k, v) in extra { environment[k] = v }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let input {
      let pipe = Pipe()
      process.standardInput = pipe
      try process.run()
      pipe.fileHandleForWriting.write(Data(input.utf8))
      try pipe.fileHandleForWriting.close()
    } else {
      process.standardInput = FileHandle.nullDevice
      try process.run()
    }
    // Read both pipes before waiting, so a chatty child cannot block on a full pipe.
    // The other thread's bytes come back through a box that the group's wait orders.
    final class Box: @unchecked Sendable { var data = Data() }
    let stderrBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { stderrBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let stderr = stderrBox.data
    process.waitUntilExit()
    return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                  stderr: String(decoding: stderr, as: UTF8.self))
  }
}

import Foundation
import Testing

/// A `lessons` child process for the reliability tests: its output goes to files that can be
/// read while it runs, it can be sent signals, and waiting for it reports its peak memory.
///
/// The peak is the kernel's high-water mark of the child's own memory (`VmHWM` in
/// `/proc/PID/status`), read every few milliseconds while it runs. (`wait4`'s `ru_maxrss` would
/// not do: `posix_spawn` starts the child in the parent's address space, so it reports the
/// test runner's size whenever that is larger.)
final class LessonsChild {
  let pid: pid_t
  let directory: URL
  private let stdoutURL: URL
  private let stderrURL: URL

  struct Exit {
    /// The exit status, or nil when a signal ended the process.
    let status: Int32?
    /// The signal that ended the process, if one did.
    let signal: Int32?
    /// Peak resident memory in bytes (the last high-water mark read before it exited).
    let peakBytes: Int
    let seconds: Double
  }

  /// Starts `lessons arguments…` in the package root, with `D2L_DATA_DIR` set and stdin empty.
  init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    stdoutURL = directory.appendingPathComponent("stdout")
    stderrURL = directory.appendingPathComponent("stderr")
    var environment = ProcessInfo.processInfo.environment
    if let data = LessonsBinary.dataDirectory { environment["D2L_DATA_DIR"] = data }
    for (k, v) in extra { environment[k] = v }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderrURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    // Default signal handling and nothing blocked, whatever the test runner's threads have.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let executable = LessonsBinary.url.path
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
    self.pid = pid
    start = DispatchTime.now().uptimeNanoseconds
  }

  private let start: UInt64

  deinit {
    if !reaped { kill(pid, SIGKILL); var status: Int32 = 0; waitpid(pid, &status, 0) }
    try? FileManager.default.removeItem(at: directory)
  }

  private var reaped = false

  var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
  var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

  func send(_ signal: Int32) { kill(pid, signal) }

  /// Polls until `condition` holds (true) or `timeout` seconds pass or the child exits (false).
  func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition() { return true }
      if hasExited { return condition() }
      usleep(2_000)
    }
    return false
  }

  private var finished: Exit?
  private var highWaterBytes = 0

  /// Whether the child has ended (and reaps it if so); notes its memory high-water mark.
  var hasExited: Bool {
    if finished != nil { return true }
    readHighWaterMark()
    finished = reap(options: WNOHANG)
    return finished != nil
  }

  private func readHighWaterMark() {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return }
    highWaterBytes = max(highWaterBytes, kilobytes * 1024)
  }

  /// Waits for the child; kills it (and records an issue) after `timeout` seconds.
  func wait(timeout: Double, sourceLocation: SourceLocation = #_sourceLocation) -> Exit {
    let deadline = Date().addingTimeInterval(timeout)
    while finished == nil {
      if hasExited { break }
      if Date() > deadline {
        Issue.record("lessons (pid \(pid)) still running after \(timeout) s; killed it", sourceLocation: sourceLocation)
        kill(pid, SIGKILL)
        finished = reap(options: 0)
        break
      }
      usleep(2_000)
    }
    return finished!
  }

  private func reap(options: Int32) -> Exit? {
    var status: Int32 = 0
    let result = waitpid(pid, &status, options)
    guard result == pid else { return nil }
    reaped = true
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let signal = status & 0x7F
    return Exit(status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
                peakBytes: highWaterBytes, seconds: seconds)
  }
}

/// Helpers the reliability tests share.
enum Reliability {
  /// Why a test that needs the corpora is skipped.
  static let needsData: Comment = "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"
  static var hasData: Bool { LessonsBinary.dataDirectory != nil }

  /// A fresh folder, removed afterwards.
  static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) rethrows -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("d2l-reliability-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }

  /// The JSON object a `--json` command printed as its last line.
  static func json(_ stdout: String) -> [String: Any]? {
    guard let line = stdout.split(separator: "\n").last else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
  }

  /// Signs of a crash rather than a message.
  static func looksLikeACrash(_ text: String) -> Bool {
    ["Fatal error", "Stack dump", "Backtrace", "Crash", "Thread 0", "Illegal instruction", "Segmentation fault"]
      .contains { text.contains($0) }
  }
}

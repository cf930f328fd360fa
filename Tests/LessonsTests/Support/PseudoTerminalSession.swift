import Foundation

/// A child process on a pseudo-terminal, so that it sees a real TTY: the test types keys and
/// reads the screen output, as tmux's send-keys and capture-pane would.
final class PseudoTerminalSession {
  private let master: Int32
  private let slave: Int32
  private let process = Process()
  private let lock = NSLock()
  private var buffer = Data()

  struct Timeout: Error, CustomStringConvertible {
    let description: String
  }

  init(executable: URL, arguments: [String], directory: URL, environment extra: [String: String]) throws {
    // posix_openpt/grantpt/unlockpt are not visible through Swift's Glibc module, so this does
    // what they do on Linux: open the multiplexer, unlock the new pty, ask for its number.
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0, number: UInt32 = 0
    let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
    guard master >= 0, ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
      throw Timeout(description: "cannot open a pseudo-terminal")
    }
    slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
    var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm"
    environment.removeValue(forKey: "NO_COLOR")
    environment["LESSONS_CACHE_DIR"] = LessonsBinary.freshHome()
    for (k, v) in extra { environment[k] = v }
    process.environment = environment
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let fd = master
    Thread.detachNewThread { [weak self] in
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        let n = read(fd, &chunk, chunk.count)
        if n <= 0 { break }
        guard let self else { break }
        self.lock.lock(); self.buffer.append(contentsOf: chunk[0..<n]); self.lock.unlock()
      }
    }
  }

  deinit {
    if process.isRunning { process.terminate() }
    close(master)
    close(slave)
  }

  /// Everything the child has written so far.
  var output: String {
    lock.lock(); defer { lock.unlock() }
    return String(decoding: buffer, as: UTF8.self)
  }

  /// Types `text` at the terminal.
  func send(_ text: String) {
    _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, text.utf8.count) }
  }

  /// Resizes the terminal, as a window manager would: the child gets SIGWINCH.
  func resize(columns: Int, rows: Int = 40) {
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    kill(process.processIdentifier, SIGWINCH)
  }

  /// Waits until `text` has appeared `occurrences` times.
  func waitFor(_ text: String, occurrences: Int = 1, timeout: TimeInterval = 60) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if output.components(separatedBy: text).count - 1 >= occurrences { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Timeout(description: "waited \(timeout) s for \(text.debugDescription) ×\(occurrences); output so far:\n\(output.suffix(2000))")
  }

  /// Waits for the child to exit and returns its status.
  func waitForExit(timeout: TimeInterval = 30) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { throw Timeout(description: "the child did not exit within \(timeout) s") }
    return process.terminationStatus
  }

  /// Are echo and canonical input back on the terminal (as they were before the child ran)?
  var terminalIsRestored: Bool {
    var t = termios()
    guard tcgetattr(slave, &t) == 0 else { return false }
    return t.c_lflag & tcflag_t(ICANON) != 0 && t.c_lflag & tcflag_t(ECHO) != 0
  }
}

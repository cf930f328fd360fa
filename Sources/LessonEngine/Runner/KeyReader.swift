import Foundation

/// Single keys from a terminal, without Enter: the terminal goes into non-canonical, no-echo
/// mode for the walk-through and is always put back (on quit, on error, and on Ctrl-C).
/// Escape sequences are read whole (`KeyDecoder`), and a resize of the terminal is reported
/// as a key of its own, so that the footer can be drawn again at the new width.
final class KeyReader {
  private var original = termios()
  private var active = false
  nonisolated(unsafe) private static var saved: termios?
  nonisolated(unsafe) private static var resized: sig_atomic_t = 0

  /// Switches standard input to key-at-a-time mode.
  func start() {
    guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &original) == 0 else { return }
    var raw = original
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutablePointer(to: &raw.c_cc) { cc in
      cc.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { $0[Int(VMIN)] = 1; $0[Int(VTIME)] = 0 }
    }
    tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    active = true
    KeyReader.saved = original
    KeyReader.resized = 0
    // Ctrl-C while waiting for a key: restore the terminal, then exit as interrupted.
    signal(SIGINT) { _ in
      if var t = KeyReader.saved { tcsetattr(STDIN_FILENO, TCSANOW, &t) }
      _exit(130)
    }
    signal(SIGWINCH) { _ in KeyReader.resized = 1 }
    // A parent may hand down SIGWINCH blocked (a test harness, some launchers): let it in.
    var resize = sigset_t()
    sigemptyset(&resize)
    sigaddset(&resize, SIGWINCH)
    pthread_sigmask(SIG_UNBLOCK, &resize, nil)
  }

  /// Puts the terminal back as it was.
  func stop() {
    guard active else { return }
    tcsetattr(STDIN_FILENO, TCSANOW, &original)
    active = false
    KeyReader.saved = nil
    signal(SIGINT, SIG_DFL)
    signal(SIGWINCH, SIG_DFL)
  }

  /// The next key: a character, a whole escape sequence, a resize, or `.end` at end of input.
  func next() -> KeyPress {
    KeyDecoder(read: readByte).next()
  }

  /// One byte from standard input within `timeout` seconds (nil: no limit). Waits in short
  /// polls, so that a resize is noticed while no key comes.
  private func readByte(timeout: Double?) -> KeyDecoder.Byte {
    let deadline = timeout.map { Date().addingTimeInterval($0) }
    while true {
      if timeout == nil, KeyReader.resized != 0 {
        KeyReader.resized = 0
        return .resized
      }
      let left = deadline.map { $0.timeIntervalSinceNow } ?? 0.1
      if left <= 0 { return .timedOut }
      var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, Int32(max(1, min(left, 0.1) * 1000)))
      if ready < 0, errno == EINTR { continue }
      if ready < 0 { return .end }
      if ready == 0 { continue }
      var byte: UInt8 = 0
      let n = read(STDIN_FILENO, &byte, 1)
      if n == 1 { return .byte(byte) }
      if n < 0, errno == EINTR { continue }
      return .end
    }
  }

  deinit { stop() }
}

import Foundation

/// Single keys from a terminal, without Enter: the terminal goes into non-canonical, no-echo
/// mode for the walk-through and is always put back (on quit, on error, and on Ctrl-C).
final class KeyReader {
  private var original = termios()
  private var active = false
  nonisolated(unsafe) private static var saved: termios?

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
    // Ctrl-C while waiting for a key: restore the terminal, then exit as interrupted.
    signal(SIGINT) { _ in
      if var t = KeyReader.saved { tcsetattr(STDIN_FILENO, TCSANOW, &t) }
      _exit(130)
    }
  }

  /// Puts the terminal back as it was.
  func stop() {
    guard active else { return }
    tcsetattr(STDIN_FILENO, TCSANOW, &original)
    active = false
    KeyReader.saved = nil
    signal(SIGINT, SIG_DFL)
  }

  /// The next key, or nil at end of input.
  func next() -> Character? {
    var byte: UInt8 = 0
    guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
    return Character(UnicodeScalar(byte))
  }

  deinit { stop() }
}

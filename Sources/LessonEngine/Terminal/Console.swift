import Foundation

/// Where output goes and how it may look: colour and in-place updates only on a terminal.
public enum Console {
  /// Is standard output a terminal?
  public static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// The terminal's width in columns (80 when not a terminal or unknown).
  public static var width: Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
    return 80
  }

  /// Writes to standard error (messages that are not the command's result).
  public static func error(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  /// Prints and flushes, so progress shows while a long run works.
  public static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}

/// One line of progress that redraws itself in place on a terminal and prints plain lines
/// (at most one per `every` updates) otherwise.
public struct ProgressLine {
  public let interactive: Bool

  public init(interactive: Bool = Console.isTerminal) { self.interactive = interactive }

  /// A bar like `[#######>.......]` for `fraction` of `width` cells.
  public static func bar(_ fraction: Double, width: Int = 24) -> String {
    let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded(.down))
    let arrow = filled < width ? ">" : ""
    return "[" + String(repeating: "#", count: filled) + arrow + String(repeating: ".", count: max(0, width - filled - arrow.count)) + "]"
  }

  /// Shows `text` as the current state (overwriting the previous one on a terminal).
  public func update(_ text: String) {
    if interactive { Console.write("\r\u{1B}[2K" + text) }
  }

  /// Prints `text` as a permanent line.
  public func finish(_ text: String) {
    if interactive { Console.write("\r\u{1B}[2K" + text + "\n") } else { Console.write(text + "\n") }
  }
}

import LessonEngine
import Foundation

/// Where an experiment reports while it runs: permanent lines (one per epoch or per setting)
/// and, on a terminal, a progress line redrawn in place between them.
public struct ExperimentLog {
  /// Redraw a progress line in place (only on a terminal).
  public let interactive: Bool
  /// Print a line for every epoch (else only one per setting).
  public let epochLines: Bool
  /// Receives every permanent line, without its line break.
  public let write: (String) -> Void
  /// Print each setting's results when it finishes (the lesson leaves them to the report's
  /// table, so that no number is printed twice).
  public var settingSummaries = true

  public init(interactive: Bool, epochLines: Bool, write: @escaping (String) -> Void) {
    self.interactive = interactive
    self.epochLines = epochLines
    self.write = write
  }

  /// The command's log: to standard output, in place on a terminal.
  public static var console: ExperimentLog {
    ExperimentLog(interactive: Console.isTerminal, epochLines: true) {
      Console.write(LineFitter.fitLines($0, width: Console.width) + "\n")
    }
  }

  /// A log that keeps nothing (tests that only look at results).
  public static var silent: ExperimentLog { ExperimentLog(interactive: false, epochLines: false) { _ in } }

  /// Prints a permanent line (clearing a progress line first on a terminal).
  public func line(_ text: String) {
    if interactive { Console.write("\r\u{1B}[2K") }
    write(text)
  }

  /// Prints a setting's results, unless `settingSummaries` is off.
  public func summary(_ text: String) {
    if settingSummaries { line(text) }
  }

  /// Shows `text` as the current progress, in place; nothing when not on a terminal.
  public func progress(_ text: String) {
    if interactive { ProgressLine(interactive: true).update(text) }
  }
}

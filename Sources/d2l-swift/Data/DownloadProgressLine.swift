import Foundation

/// The one-line download progress a terminal shows, rewritten in place:
/// `  timemachine.txt  120,000 / 178,979 bytes  67%  1.2 MB/s`.
public enum DownloadProgressLine {
  /// The line for `progress` of the file `name`.
  public static func text(_ name: String, _ progress: HTTPDownload.Progress, now: Date = Date()) -> String {
    let seconds = max(now.timeIntervalSince(progress.started), 1e-3)
    let rate = Double(progress.received) / seconds
    var line = "  \(name)  \(grouped(progress.received))"
    if let expected = progress.expected, expected > 0 {
      line += " / \(grouped(expected)) bytes  \(min(100, progress.received * 100 / expected))%"
    } else {
      line += " bytes"
    }
    return line + "  " + String(format: "%.1f MB/s", rate / 1e6)
  }

  /// A reporter that redraws the line on standard error, only when it is a terminal (a log
  /// or a pipe gets no carriage-return noise).
  public static func terminalReporter(for name: String) -> (@Sendable (HTTPDownload.Progress) -> Void)? {
    guard isatty(STDERR_FILENO) == 1 else { return nil }
    // At most ten redraws a second, and always the last one.
    final class LastDraw: @unchecked Sendable { var time = Date.distantPast }
    let last = LastDraw()
    return { progress in
      let done = progress.expected.map { progress.received >= $0 } ?? false
      let now = Date()
      guard done || now.timeIntervalSince(last.time) >= 0.1 else { return }
      last.time = now
      FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text(name, progress, now: now) + (done ? "\n" : "")).utf8))
    }
  }

  /// 1234567 → "1,234,567".
  static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (k, c) in digits.enumerated() {
      if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return out
  }
}

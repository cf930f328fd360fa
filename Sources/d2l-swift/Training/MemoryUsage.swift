import Foundation

/// The process's memory, from /proc/self/status: what is resident now (VmRSS) and the most that
/// ever was (VmHWM, the high-water mark), in bytes. Zero where /proc is not available.
public struct MemoryUsage: Sendable, Codable, Equatable {
  public let residentBytes: Int
  public let peakBytes: Int

  /// Reads the current figures.
  public static func current() -> MemoryUsage {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return MemoryUsage(residentBytes: 0, peakBytes: 0)
    }
    func kilobytes(_ key: String) -> Int {
      guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return 0 }
      return Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "0") ?? 0
    }
    return MemoryUsage(residentBytes: kilobytes("VmRSS") * 1024, peakBytes: kilobytes("VmHWM") * 1024)
  }

  /// `123.4 MB`
  public static func format(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
}

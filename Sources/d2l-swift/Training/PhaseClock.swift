import Foundation

/// Wall time per named phase of training, for `lessons bench --phases`.
///
/// Off unless `enabled` is set: then each `measure` adds its duration to its phase. Phases may
/// nest (a layer's time loop inside the backward pass); the report lists each on its own.
public enum PhaseClock {
  nonisolated(unsafe) public static var enabled = false
  nonisolated(unsafe) private static var totals: [String: (seconds: Double, count: Int)] = [:]
  nonisolated(unsafe) private static var order: [String] = []
  /// The two directions of a bidirectional layer measure their phases on two threads at once.
  private static let lock = NSLock()

  /// Runs `body`, adding its time to `phase` when enabled. The name is only built then (a
  /// per-operation name would otherwise cost a string on every call).
  @inline(__always) @discardableResult
  static func measure<R>(_ name: @autoclosure () -> String, _ body: () throws -> R) rethrows -> R {
    guard enabled else { return try body() }
    let phase = name()
    let start = DispatchTime.now().uptimeNanoseconds
    defer {
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      lock.lock()
      defer { lock.unlock() }
      if totals[phase] == nil { order.append(phase) }
      totals[phase, default: (0, 0)].seconds += seconds
      totals[phase, default: (0, 0)].count += 1
    }
    return try body()
  }

  /// Phases in the order first seen, with total seconds and how often each ran.
  public static var report: [(phase: String, seconds: Double, count: Int)] {
    order.map { ($0, totals[$0]!.seconds, totals[$0]!.count) }
  }

  public static func reset() { totals = [:]; order = [] }
}

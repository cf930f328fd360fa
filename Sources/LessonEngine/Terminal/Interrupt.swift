import Foundation

/// Ctrl-C during training: the first SIGINT asks the run to stop after the current minibatch
/// (so it can save a checkpoint and print its summary); a second one exits at once.
public enum Interrupt {
  nonisolated(unsafe) static var requested: sig_atomic_t = 0

  /// Installs the handler for the duration of `body`.
  public static func catching<R>(_ body: () throws -> R) rethrows -> R {
    requested = 0
    let previous = signal(SIGINT) { _ in
      if Interrupt.requested != 0 { _exit(130) }
      Interrupt.requested = 1
    }
    defer { signal(SIGINT, previous) }
    return try body()
  }

  public static var wasRequested: Bool { requested != 0 }
}

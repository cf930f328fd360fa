import CBLAS
import Foundation
import Synchronization

/// Two (or more) threads that run one recurrent layer's time loop together, each owning a share
/// of the batch's sequences (or, for a small batch, of the hidden units, meeting at a barrier
/// once per step), and that split the large products after it.
///
/// Why not OpenBLAS's own threads: a per-step product is small ((32×256)·(256×1024) for the
/// chapter's model), so waking BLAS threads for each one costs a large share of it, and the
/// fused cell between the products would run on one core. Sharing the work in the loop instead
/// gives each thread its own products *and* its own share of the cell.
public final class WorkerTeam: @unchecked Sendable {
  /// The team training uses: one part per core, at most 2 (the chapter's sizes gain nothing
  /// from more), or `D2L_THREADS` when set.
  public static let shared = WorkerTeam(size: defaultSize)
  /// A team of the calling thread alone: for work that already runs on one of `shared`'s
  /// threads (each direction of a bidirectional layer).
  static let solo = WorkerTeam(size: 1)

  static var defaultSize: Int {
    if let text = ProcessInfo.processInfo.environment["D2L_THREADS"], let n = Int(text), n >= 1 { return min(n, 8) }
    return max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))
  }

  /// How many parts work runs in.
  public let size: Int

  /// True inside `oneThread(_:)`: products and time loops that would split across the team run
  /// on the calling thread alone.
  @TaskLocal static var isSerial = false

  /// Runs `body` with every product and time loop on the calling thread. For shapes so small
  /// that handing work to the other thread costs more than it saves: the book's seq2seq run
  /// (batch 64, hidden 32), whose largest product is 4 MFLOP, loses half its speed to the
  /// team's hand-offs on a busy machine (docs/performance.md).
  public static func oneThread<R>(_ body: () throws -> R) rethrows -> R {
    try $isSerial.withValue(true) { try body() }
  }

  /// The parts work may split into here: the team's size, or 1 inside `oneThread`.
  var availableParts: Int { Self.isSerial ? 1 : size }
  private let barrier: SpinBarrier
  private var workers: [Worker] = []
  private let lock = NSLock()  // one job at a time (tests may share the team across tasks)

  /// One helper thread. Between jobs it spins for a while on `posted` (a new job then starts
  /// within a microsecond instead of after a futex wake-up, which costs tens of them), then
  /// sleeps on `wake`. `sleeping` tells the poster whether a wake-up signal is needed.
  private final class Worker: @unchecked Sendable {
    let posted = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    let sleeping = Atomic<Bool>(false)
    let wake = DispatchSemaphore(value: 0)
    var job: ((Int) -> Void)?

    func loop(part: Int) {
      var seen = 0
      while true {
        var spins = 0
        while posted.load(ordering: .acquiring) == seen && spins < 200_000 { spins += 1 }
        if posted.load(ordering: .acquiring) == seen {
          sleeping.store(true, ordering: .sequentiallyConsistent)
          if posted.load(ordering: .sequentiallyConsistent) == seen {
            wake.wait()
          } else if !sleeping.exchange(false, ordering: .sequentiallyConsistent) {
            wake.wait()  // the poster already cleared the flag: consume its signal
          }
        }
        seen = posted.load(ordering: .acquiring)
        job?(part)
        finished.store(seen, ordering: .releasing)
      }
    }

    func post(_ body: @escaping (Int) -> Void) {
      job = body
      posted.add(1, ordering: .sequentiallyConsistent)
      if sleeping.exchange(false, ordering: .sequentiallyConsistent) { wake.signal() }
    }

    func waitUntilDone() {
      let ticket = posted.load(ordering: .relaxed)
      var spins = 0
      while finished.load(ordering: .acquiring) != ticket {
        spins += 1
        if spins > 2000 { sched_yield() }
      }
      job = nil
    }
  }

  /// True while a job runs: GEMMs issued inside a job stay on their own thread.
  private let active = Atomic<Bool>(false)
  var isActive: Bool { active.load(ordering: .relaxed) }

  init(size: Int) {
    self.size = size
    // All parallelism is the team's: OpenBLAS's own threads would busy-wait (sched_yield)
    // between the products they are given and take the cores the team needs.
    openblas_set_num_threads(1)
    barrier = SpinBarrier(parties: size)
    for part in 1..<max(size, 1) {
      let worker = Worker()
      workers.append(worker)
      let thread = Thread { worker.loop(part: part) }
      thread.stackSize = 1 << 20
      thread.start()
    }
  }

  /// Runs `body(part)` for parts 0..<parts at once (part 0 on the calling thread) and returns
  /// when all are done. `parts` is 1 (just call `body(0)`) or the team's size. Inside, `sync()`
  /// waits for every part.
  public func run(parts: Int, _ body: @escaping (Int) -> Void) {
    check(parts == 1 || parts == size, "WorkerTeam: \(parts) parts on a team of \(size)")
    if parts == 1 { body(0); return }
    lock.lock()
    active.store(true, ordering: .relaxed)
    defer {
      active.store(false, ordering: .relaxed)
      lock.unlock()
    }
    for w in workers { w.post(body) }
    body(0)
    for w in workers { w.waitUntilDone() }
  }

  /// Part `p` of `parts` near-equal shares of 0..<count (how the team's threads split rows,
  /// columns, panels or elements).
  public static func share(_ p: Int, of parts: Int, in count: Int) -> Range<Int> {
    (count * p / parts)..<(count * (p + 1) / parts)
  }

  /// Waits until every part has reached this call (use only inside `run`; with one part it
  /// returns at once).
  public func sync(parts: Int) { if parts > 1 { barrier.wait() } }
}

/// A barrier that spins, then sleeps: with equal shares of work the other thread arrives within
/// microseconds and spinning costs nothing, but when the machine is busy (another process on the
/// other core) a spinning thread would steal the time the late one needs, so after a while it
/// waits on a condition instead. The last thread to arrive takes the condition's lock only when
/// somebody sleeps: a lock and a broadcast at every step cost microseconds.
final class SpinBarrier: @unchecked Sendable {
  private let parties: Int
  private let arrived = Atomic<Int>(0)
  private let generation = Atomic<Int>(0)
  private let sleepers = Atomic<Int>(0)
  private let condition = NSCondition()
  /// How long a waiting thread spins before it sleeps. A step's halves finish microseconds
  /// apart, but now and then one is late by tens of microseconds (a cache miss, an interrupt);
  /// a sleeping thread then costs a futex wake-up of 20–50 µs, so spin well past that.
  private static let spinNanoseconds: UInt64 = 200_000

  init(parties: Int) { self.parties = parties }

  func wait() {
    let current = generation.load(ordering: .acquiring)
    if arrived.add(1, ordering: .acquiringAndReleasing).newValue == parties {
      arrived.store(0, ordering: .relaxed)
      // Sequentially consistent with the sleeper's increment and re-check below: either it
      // sees the new generation, or this sees it counted and wakes it.
      generation.store(current &+ 1, ordering: .sequentiallyConsistent)
      if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
        condition.lock()
        condition.broadcast()
        condition.unlock()
      }
      return
    }
    if spin(until: current) { return }
    condition.lock()
    sleepers.add(1, ordering: .sequentiallyConsistent)
    while generation.load(ordering: .sequentiallyConsistent) == current { condition.wait() }
    sleepers.subtract(1, ordering: .sequentiallyConsistent)
    condition.unlock()
  }

  /// Spins until the generation moves on from `current` (true) or the spin time is up (false).
  private func spin(until current: Int) -> Bool {
    let deadline = DispatchTime.now().uptimeNanoseconds + Self.spinNanoseconds
    var spins = 0
    while generation.load(ordering: .acquiring) == current {
      spins &+= 1
      if spins & 1023 == 0 && DispatchTime.now().uptimeNanoseconds > deadline { return false }
    }
    return true
  }
}

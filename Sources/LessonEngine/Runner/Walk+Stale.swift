extension Walk {
  /// Whether step `index` holds a result made from inputs that have changed since: its own
  /// code or values, or (through `requires`) those of a step it reads.
  func isStale(_ index: Int) -> Bool {
    guard let held = memory.keys[index] else { return false }
    return held != key(index)
  }

  /// The steps up to `index` whose results are stale, in lesson order.
  func staleSteps(upTo index: Int) -> [Int] {
    (0...index).filter(isStale)
  }

  /// `a`: runs every stale step before `index` again (quietly, from the cache where it can),
  /// then `index` itself if it is stale, as usual.
  func runStale(upTo index: Int) throws {
    let stale = staleSteps(upTo: index)
    guard !stale.isEmpty else { return Console.write("  " + tr("stale.none") + "\n") }
    // In order: running one may leave a later one fresh (or stale) in turn.
    for earlier in 0..<index where isStale(earlier) {
      Console.write(tr("stale.running", ["id": plan.entries[earlier].step.id]) + "\n")
      try quietly { try perform(earlier, cached: cachedResult(earlier)) { try run(earlier) } }
    }
    if isStale(index) { try runOrSkip(index) }
  }

  /// `g`: before jumping to step `target`, what it reads (transitively) runs quietly when it
  /// has no result or a stale one, from the cache where it can.
  func prepare(for target: Int) throws {
    let needed = try plan.entries(upTo: plan.entries[target].step.id).dropLast()
    for entry in needed {
      let index = plan.entries.firstIndex { $0.step.id == entry.step.id }!
      if memory.keys[index] == nil || isStale(index) { try runQuietly(entry) }
    }
  }

  private func quietly(_ body: () throws -> Void) rethrows {
    output.quiet = true
    defer { output.quiet = false }
    try body()
  }
}

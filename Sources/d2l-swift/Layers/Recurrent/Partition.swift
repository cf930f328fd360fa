/// How a layer's time loop splits across the team's threads: by sequences, or by hidden units.
///
/// Parts share the batch's rows when each gets a few: each part then runs every step of its
/// sequences on its own, and the rows of a batch never meet inside a step, so no barrier. A
/// small batch (prediction runs one sequence) shares the hidden units instead, each part
/// multiplying by its own rows of W_hh, which then stay in its core's cache, and meeting the
/// others at a barrier every step. Backward always shares the rows.
struct Partition {
  let parts: Int
  let batch: Int, hidden: Int
  /// Shares of the batch's rows (else of the hidden units).
  let byRows: Bool

  /// The forward split of `batch` × `hidden` into `parts`.
  init(batch: Int, hidden: Int, parts: Int) {
    self.parts = parts
    self.batch = batch
    self.hidden = hidden
    byRows = batch >= 4 * parts
  }

  /// The backward split: rows only, and one part when there are fewer rows than parts.
  static func backward(batch: Int, hidden: Int, parts: Int) -> Partition {
    Partition(rows: batch, hidden: hidden, parts: batch >= parts ? parts : 1)
  }

  private init(rows: Int, hidden: Int, parts: Int) {
    self.parts = parts
    batch = rows
    self.hidden = hidden
    byRows = true
  }

  /// The parts meet after each step (they share each row's units).
  var meetsEveryStep: Bool { !byRows && parts > 1 }

  /// The rows of part p.
  func rows(_ p: Int) -> Range<Int> { byRows ? WorkerTeam.share(p, of: parts, in: batch) : 0..<batch }

  /// The hidden units of part p: whole panels of 16 (the packed weights' columns), so that a
  /// part's share of each gate starts at a panel.
  func units(_ p: Int) -> Range<Int> {
    guard !byRows else { return 0..<hidden }
    let panels = WorkerTeam.share(p, of: parts, in: (hidden + 15) / 16)
    return min(panels.lowerBound * 16, hidden)..<min(panels.upperBound * 16, hidden)
  }
}

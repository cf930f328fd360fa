extension Walk {
  /// A step's state in the outline.
  enum StepState: String {
    case notRun = "outline.notRun", ran = "outline.ran", cached = "outline.cached", stale = "outline.stale"
    case skipped = "outline.skipped"
  }

  func state(_ index: Int) -> StepState {
    if isStale(index) { return .stale }
    switch memory.sources[index] {
    case .ran: return .ran
    case .cached: return .cached
    case nil:
      return skipped.contains { $0.id == plan.entries[index].step.id } ? .skipped : .notRun
    }
  }

  /// `o` and `lessons outline`: every step with its number, id, summary, state (and whether
  /// the learner edited it) and the time it took, or is expected to take when the cache has it.
  func outline(current: Int? = nil) -> [String] {
    let width = min(renderer.width, 100)
    var heads: [String] = []
    for (index, entry) in plan.entries.enumerated() {
      var state = tr(state(index).rawValue)
      if runner.editing?.isEdited(entry.step.id) ?? false { state += ", " + tr("outline.edited") }
      let time: String
      if let seconds = memory.seconds[index] {
        time = Walk.duration(seconds)
      } else if let expected = runner.cache?.peek(lesson: runner.lessonName, step: entry.step.id, key: key(index)) {
        time = "~" + Walk.duration(expected.body.seconds)
        if memory.keys[index] == nil && servable(index) { state = tr("outline.inCache") }
      } else {
        time = ""
      }
      let marker = index == current ? "▶" : " "
      heads.append("\(marker)\(String(format: "%3d", index + 1)). " + pad(entry.step.id, 20) + " " + pad(state, 16) + " " + pad(time, 9, right: true) + "  ")
    }
    // The summaries beside the columns when every one fits there; else each under its step, whole.
    let beside = zip(heads, plan.entries).allSatisfy { LineFitter.columns($0 + $1.definition.summary) <= width }
    var lines = [tr("outline.title", ["lesson": runner.lessonName, "count": plan.entries.count])]
    for (head, entry) in zip(heads, plan.entries) {
      if beside {
        lines.append(head + entry.definition.summary)
      } else {
        lines.append(head.trimmingTrailingSpaces())
        lines += LineFitter.paragraph(entry.definition.summary, width: width, first: "       ", rest: "       ")
      }
    }
    return lines
  }

  private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let gap = String(repeating: " ", count: max(0, width - LineFitter.columns(text)))
    return right ? gap + text : text + gap
  }
}

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
    var lines = [tr("outline.title", ["lesson": runner.lessonName, "count": plan.entries.count])]
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
      let head = "\(marker)\(String(format: "%3d", index + 1)). " + pad(entry.step.id, 20) + " " + pad(state, 16) + " " + pad(time, 9, right: true) + "  "
      let room = max(8, width - LineFitter.columns(head))
      lines.append(head + LineFitter.truncate(entry.definition.summary, width: room))
    }
    return lines
  }

  private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let gap = String(repeating: " ", count: max(0, width - LineFitter.columns(text)))
    return right ? gap + text : text + gap
  }
}

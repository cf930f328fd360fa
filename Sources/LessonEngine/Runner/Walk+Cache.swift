import D2L
import Foundation

extension Walk {
  /// Step `index`'s key as the walk stands now: its code (the learner's when edited), its
  /// values, and the keys of the steps it reads (their current keys, so a change upstream
  /// changes every key downstream).
  func key(_ index: Int) -> StepKey {
    var known: [Int: StepKey] = [:]
    return key(index, known: &known)
  }

  private func key(_ index: Int, known: inout [Int: StepKey]) -> StepKey {
    if let key = known[index] { return key }
    let entry = plan.entries[index]
    let edited = runner.editing?.isEdited(entry.step.id) ?? false
    let code = edited ? runner.editing?.editedCode(entry.step.id) ?? entry.step.code : entry.step.code
    var requires: [String] = []
    for id in entry.definition.requires {
      guard let upstream = plan.entries.firstIndex(where: { $0.step.id == id }) else { continue }
      requires.append(key(upstream, known: &known).full)
    }
    let key = StepKey(
      lesson: runner.lessonName, step: entry.step.id, code: (edited ? "edited:" : "") + code,
      values: values[index].all, requires: requires,
      environment: [CacheEnvironment.dataFiles(runner.dataFiles), CacheEnvironment.seed, Language.current.rawValue])
    known[index] = key
    return key
  }

  /// The cache's entry for step `index` as it stands, its output already read into the
  /// results; nil (with a note for an unusable entry) when the step must run.
  func cachedResult(_ index: Int) -> StepCache.Hit? {
    guard let cache = runner.cache, servable(index), !isEdited(index) else { return nil }
    return cache.load(lesson: runner.lessonName, step: plan.entries[index].step.id, key: key(index), into: results) {
      Console.write("  " + $0 + "\n")
    }
  }

  /// Shows a cached result, or runs the step (`body`) and keeps its result; either way the
  /// walk remembers the key, so that a later change upstream marks it stale.
  func perform(_ index: Int, cached: StepCache.Hit?, body: () throws -> Void) throws {
    let key = key(index)
    if let cached {
      output.replay(cached.events)
      recorder.servedFromCache = true
      memory.remember(index, key: key, source: .cached(cached.date), seconds: cached.seconds)
      return
    }
    // The events printed from here on are this step's (the run record takes them after).
    let mark = output.events.count
    let start = Date()
    // A training run draws its curve live on a terminal, beside this configuration's last run.
    LiveChart.enabled = runner.interactive && !output.quiet
    LiveChart.previousRun = previousCurve(index, key: key)
    defer { (LiveChart.enabled, LiveChart.previousRun) = (false, nil) }
    try body()
    let seconds = Date().timeIntervalSince(start)
    let events = Array(output.events.dropFirst(mark))
    memory.remember(index, key: key, source: .ran, seconds: seconds)
    // An edited step prints from the playground's process, so its events are not what it
    // showed: it is never kept (its key still makes the steps after it stale).
    guard let cache = runner.cache, !isEdited(index) else { return }
    do {
      try cache.store(lesson: runner.lessonName, step: plan.entries[index].step.id, key: key, events: events, seconds: seconds, results: results)
    } catch {
      Console.write("  " + tr("cache.notKept", ["id": plan.entries[index].step.id, "why": "\(error)"]) + "\n")
    }
  }

  /// `cached · ran 10:32 in 54 s · r runs it again`, for the header of a cached step.
  static func cachedNote(_ hit: StepCache.Hit) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = Calendar.current.isDateInToday(hit.date) ? "HH:mm" : "yyyy-MM-dd HH:mm"
    return tr("step.cached", ["time": formatter.string(from: hit.date), "seconds": Walk.duration(hit.seconds)])
  }

  /// `cached · 54 s`: the note when the long one does not fit the header.
  static func cachedShortNote(_ hit: StepCache.Hit) -> String {
    tr("step.cachedShort", ["seconds": Walk.duration(hit.seconds)])
  }

  /// `54 s`, `0.3 s`, `2 min 5 s`.
  static func duration(_ seconds: Double) -> String {
    if seconds < 10 { return Num.fixed(seconds, 1) + " s" }
    if seconds < 120 { return "\(Int(seconds.rounded())) s" }
    let whole = Int(seconds.rounded())
    return "\(whole / 60) min \(whole % 60) s"
  }

  /// `Walked in 3.2 s; 6 steps came from the cache (they took 58 s when they ran).`: the two
  /// times, when anything came from the cache.
  func closingNote() -> String? {
    let cached = memory.sources.indices.filter { if case .cached = memory.sources[$0] { return true } else { return false } }
    guard !cached.isEmpty else { return nil }
    let saved = cached.compactMap { memory.seconds[$0] }.reduce(0, +)
    return tr("cache.closing", [
      "walk": Walk.duration(Date().timeIntervalSince(memory.started)), "count": cached.count, "then": Walk.duration(saved),
    ])
  }

  /// The first curve the cached result for `key` drew, if the cache holds one: what this step
  /// showed when it last ran with this configuration.
  private func previousCurve(_ index: Int, key: StepKey) -> [Double]? {
    guard let entry = runner.cache?.peek(lesson: runner.lessonName, step: plan.entries[index].step.id, key: key) else { return nil }
    for case .chart(let chart) in entry.body.events { return chart.series.first?.values }
    return nil
  }

  func isEdited(_ index: Int) -> Bool { runner.editing?.isEdited(plan.entries[index].step.id) ?? false }

  /// Whether a cached entry can stand for step `index`: its output comes back with it (the
  /// lesson gives the step a codec), or no step of the lesson reads that output (`requires`,
  /// which the step contract enforces), so what it printed is all it leaves. A step whose
  /// output is read and cannot be kept runs again.
  func servable(_ index: Int) -> Bool {
    let id = plan.entries[index].step.id
    if runner.cache?.codecs[id] != nil { return true }
    return !plan.entries.contains { $0.definition.requires.contains(id) }
  }
}

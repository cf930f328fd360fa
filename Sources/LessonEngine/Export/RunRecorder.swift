import Foundation

/// Keeps the run record of one walk up to date: after each step, the step's entry is replaced
/// and the record is written again (atomically), so the file always holds the last run of
/// every step reached.
final class RunRecorder {
  private(set) var record: RunRecord
  let url: URL
  /// A record that cannot be written is said once, then the walk goes on without it.
  private var failed = false
  /// Set by the step cache when it shows a step's stored events instead of running it: the
  /// step is then recorded as `cached` (and the flag cleared).
  var servedFromCache = false

  init(lesson: String, language: Language = .current, folder: URL = RunRecord.folder()) {
    url = RunRecord.url(lesson: lesson, language: language.rawValue, folder: folder)
    // Steps not run this time keep their last run (a walk from `--from` adds to the record).
    let fresh = RunRecord(lesson: lesson, language: language.rawValue)
    guard var earlier = (try? RunRecord.load(from: url)) ?? nil else {
      record = fresh
      return
    }
    // This walk's date and machine; the steps it does not reach keep their earlier entries.
    (earlier.started, earlier.version, earlier.cpu, earlier.kernels) = (fresh.started, fresh.version, fresh.cpu, fresh.kernels)
    record = earlier
  }

  func save(_ step: RunRecord.Step) {
    record.record(step)
    guard !failed else { return }
    do {
      try record.save(to: url)
    } catch {
      failed = true
      Console.error("note: the run is not recorded for `lessons export` (\(error))")
    }
  }
}

extension Walk {
  /// Runs `body` (step `index`), timing it and keeping what it printed in the run record; a
  /// step skipped for want of data is recorded as skipped.
  func recording(_ index: Int, _ body: () throws -> Void) throws {
    let entry = plan.entries[index]
    let edited = runner.editing?.isEdited(entry.step.id) ?? false
    _ = output.takeEvents()
    recorder.servedFromCache = false
    let started = Date()
    func step(_ state: RunRecord.State, note: String? = nil) -> RunRecord.Step {
      RunRecord.Step(
        id: entry.step.id, state: state, seconds: Date().timeIntervalSince(started), parameters: values[index].all,
        editedCode: edited ? runner.editing?.editedCode(entry.step.id) : nil, note: note, events: output.takeEvents())
    }
    do {
      try body()
    } catch let skip as SkippedStep {
      recorder.save(step(.skipped, note: "\(skip.file): \(skip.reason)"))
      throw skip
    }
    let cached = recorder.servedFromCache
    recorder.servedFromCache = false
    recorder.save(step(cached ? .cached : edited ? .edited : .ran))
  }
}

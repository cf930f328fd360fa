import LessonEngine
import Foundation

/// What `lessons check` remembers between runs (rustlings' state file): per exercise, whether
/// the last check passed and a fingerprint of the file it checked, so that an edit after a pass
/// shows as not checked yet.
///
/// Stored as `exercises/.progress`, one line per exercise (`my-lesson:1 done 8f2c…`), under a
/// header asking not to edit it. A missing or unreadable file means no progress. Version 0.4.0
/// wrote a bare number (`1 done 8f2c…`); `load` gives such a line to the lesson `owner` names.
public struct ExerciseProgress: Equatable {
  public struct Record: Equatable {
    var passed: Bool
    /// `ExerciseProgress.fingerprint` of the file when it was checked.
    var fingerprint: String

    public init(passed: Bool, fingerprint: String) {
      self.passed = passed
      self.fingerprint = fingerprint
    }
  }

  /// The records by exercise, `LESSON:N` (`Lesson.exerciseName`).
  public var records: [String: Record] = [:]

  public init(records: [String: Record] = [:]) { self.records = records }

  public static let header = """
    # DON'T EDIT THIS FILE! `lessons check` keeps your exercise progress here.
    # One line per exercise: lesson:number, result of the last check, fingerprint of the file checked.
    """

  /// Reads `url`; lines it does not understand are skipped.
  /// - Parameter owner: the `LESSON:N` of a bare number `N` (a 0.4.0 line), nil to drop it.
  public static func load(from url: URL, owner: (Int) -> String? = { _ in nil }) -> ExerciseProgress {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ExerciseProgress() }
    var progress = ExerciseProgress()
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: " ")
      guard fields.count == 3, ["done", "failing"].contains(fields[1]) else { continue }
      let key = Int(fields[0]) == nil ? String(fields[0]) : owner(Int(fields[0])!)
      guard let key, key.contains(":") else { continue }
      // A line in the new form wins over a migrated one for the same exercise.
      if Int(fields[0]) != nil, progress.records[key] != nil { continue }
      progress.records[key] = Record(passed: fields[1] == "done", fingerprint: String(fields[2]))
    }
    return progress
  }

  /// Reads the exercises package's progress, a 0.4.0 line going to the course's only lesson
  /// with a code exercise of that number (the first in course order if several).
  public static func load(_ package: ExercisesPackage, course: Course) -> ExerciseProgress {
    load(from: package.progressFile) { number in
      course.lessons.first { lesson in
        lesson.exercises().contains { $0.number == number && lesson.codeExercise($0) != nil }
      }?.exerciseName(number)
    }
  }

  /// Writes to `url` atomically.
  public func save(to url: URL) throws {
    let lines = records.keys.sorted().map { key in
      "\(key) \(records[key]!.passed ? "done" : "failing") \(records[key]!.fingerprint)"
    }
    try ([Self.header] + lines).joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
  }

  /// FNV-1a (64 bits) of `text`, in hex: enough to tell that a file changed.
  public static func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// Where an exercise stands, as `lessons exercises` shows it.
public enum ExerciseStatus: Equatable {
  /// The file is still the starting file.
  case notStarted
  /// Edited, and the last check failed or has not seen this version.
  case failing(checked: Bool)
  /// The last check passed, on the file as it is now.
  case done
  /// A measured experiment: nothing to verify.
  case experiment

  /// The status of code exercise `name` (`LESSON:N`) whose file reads `text` and starts as `starter`.
  public static func of(_ name: String, text: String, starter: String, progress: ExerciseProgress) -> ExerciseStatus {
    if text == starter { return .notStarted }
    guard let record = progress.records[name], record.fingerprint == ExerciseProgress.fingerprint(text) else {
      return .failing(checked: false)
    }
    return record.passed ? .done : .failing(checked: true)
  }

  public var label: String {
    switch self {
    case .notStarted: return tr("status.notStarted")
    case .failing(let checked): return tr(checked ? "status.failing" : "status.edited")
    case .done: return tr("status.done")
    case .experiment: return tr("status.experiment")
    }
  }
}

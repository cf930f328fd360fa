import D2L
import Foundation

/// What one walk through a lesson produced, step by step, kept in the learner's results folder
/// so that `lessons export` can show the lesson as it was last run: each step's state, time,
/// parameter values and printed events, and the machine it ran on.
///
/// The walk writes it after every step (atomically), so a walk stopped at step 9 leaves the
/// record of steps 1 to 9.
public struct RunRecord: Codable, Equatable, Sendable {
  /// How a step's output came to be.
  public enum State: String, Codable, Sendable {
    /// Run from the lesson's own code.
    case ran
    /// Run from the learner's edited code (`e`, `lessons edit`).
    case edited
    /// Shown from the step cache, not run.
    case cached
    /// Skipped for want of a data file.
    case skipped
  }

  /// One step of the run, as it last ran.
  public struct Step: Codable, Equatable, Sendable {
    public var id: String
    public var state: State
    /// Wall-clock seconds the step took.
    public var seconds: Double
    /// The step's parameter values (after `--set` and `s`).
    public var parameters: [String: String]
    /// The code that ran, when it was the learner's own.
    public var editedCode: String?
    /// Why the step was skipped.
    public var note: String?
    public var events: [StepEvent]

    public init(
      id: String, state: State, seconds: Double, parameters: [String: String], editedCode: String? = nil,
      note: String? = nil, events: [StepEvent]
    ) {
      self.id = id
      self.state = state
      self.seconds = seconds
      self.parameters = parameters
      self.editedCode = editedCode
      self.note = note
      self.events = events
    }
  }

  /// Bumped when the record's shape changes; older records are then refused with a note.
  public static let format = 1
  public var format = RunRecord.format
  public var lesson: String
  public var language: String
  public var started: Date
  /// The version of the tool that ran the steps.
  public var version: String
  /// The CPU's model name (`/proc/cpuinfo`), or "unknown".
  public var cpu: String
  /// The kernel level the time loop ran (`portable`, `avx2`, `avx512`).
  public var kernels: String
  /// The steps in the order they last ran; a step run again replaces its earlier entry.
  public var steps: [Step] = []

  public init(lesson: String, language: String, started: Date = Date()) {
    self.lesson = lesson
    self.language = language
    self.started = started
    version = RunRecord.toolVersion
    cpu = RunRecord.cpuModel()
    kernels = "\(Benchmark.kernels)"
  }

  /// The version written into records and receipts.
  public static let toolVersion = "d2l-swift " + ToolVersion.number

  /// The step `id` as it last ran, if it did.
  public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

  /// Adds or replaces the entry of `step.id`.
  public mutating func record(_ step: Step) {
    if let index = steps.firstIndex(where: { $0.id == step.id }) { steps[index] = step } else { steps.append(step) }
  }

  // MARK: - Where records live

  /// The folder of run records: the workspace's `results/` (see `WalkMemoryFolders`).
  public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    WalkMemoryFolders.runRecords(environment: environment)
  }

  /// The record file of `lesson` in `language`: `LESSON.en.run.json`.
  public static func url(lesson: String, language: String, folder: URL = RunRecord.folder()) -> URL {
    folder.appendingPathComponent("\(lesson).\(language).run.json")
  }

  /// Writes the record atomically, creating its folder.
  public func save(to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    try writeAtomically(try encoder.encode(self), to: url)
  }

  /// Reads a record; nil when there is none. A record that cannot be read (truncated, edited
  /// by hand, from another format) throws `RunRecordError` with the reason.
  public static func load(from url: URL) throws -> RunRecord? {
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let record: RunRecord
    do {
      record = try decoder.decode(RunRecord.self, from: data)
    } catch {
      throw RunRecordError(path: url.path, reason: "not a run record (\(error))")
    }
    guard record.format == format else {
      throw RunRecordError(path: url.path, reason: "written in record format \(record.format), this tool reads \(format)")
    }
    return record
  }

  /// The CPU's model name from `/proc/cpuinfo` (Linux), else "unknown".
  static func cpuModel() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
    for line in text.split(separator: "\n") where line.hasPrefix("model name") {
      if let colon = line.firstIndex(of: ":") {
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
    }
    return "unknown"
  }
}

/// A run record that exists but cannot be used.
public struct RunRecordError: Error, CustomStringConvertible {
  public let path: String
  public let reason: String
  public var description: String { "\(path): \(reason)" }
}

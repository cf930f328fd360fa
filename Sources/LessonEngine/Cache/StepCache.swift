import D2L
import Foundation

/// Finished steps' results, kept on disk and found again by key (`StepKey`), so that a step
/// nothing has changed for shows its output at once: what it printed, and its typed output
/// for the steps after it. Entries live in `directory/LESSON/`.
public struct StepCache {
  public let directory: URL
  /// The steps whose outputs can be kept, by id; other steps are cheap and simply run.
  public let codecs: [String: StepCodec]
  /// `--fresh`: never use an entry (but still write, replacing the old one).
  public var fresh: Bool

  public init(directory: URL = StepCache.defaultDirectory(), codecs: [StepCodec], fresh: Bool = false) {
    self.directory = directory
    self.codecs = Dictionary(codecs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.fresh = fresh
  }

  /// Where the cache lives: the workspace's `cache/` (see `WalkMemoryFolders`).
  public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    WalkMemoryFolders.stepCache(environment: environment)
  }

  /// A usable entry found for a step, with its output (if any) already read into `results`.
  public struct Hit {
    public let events: [StepEvent]
    public let seconds: Double
    public let date: Date
  }

  /// The entry for `key`, its output read into `results`; nil when there is none, and a
  /// one-line `note` when an entry was there but could not be used.
  public func load(lesson: String, step: String, key: StepKey, into results: StepResults, note: (String) -> Void) -> Hit? {
    guard !fresh else { return nil }
    let url = entryURL(lesson: lesson, step: step, key: key.full)
    guard let data = try? Data(contentsOf: url) else {
      if let other = otherBuild(lesson: lesson, step: step, key: key) { note(tr("cache.otherBuild", ["id": step, "why": other])) }
      return nil
    }
    do {
      let entry = try CacheEntry.decode(data)
      guard entry.header.key == key.full, entry.header.step == step else { throw CacheProblem("written for another key") }
      if let name = entry.body.outputFile {
        guard let codec = codecs[step] else { throw CacheProblem("holds an output this lesson cannot read") }
        let file = url.deletingLastPathComponent().appendingPathComponent(name)
        guard let bytes = try? Data(contentsOf: file) else { throw CacheProblem("its output file \(name) is missing") }
        guard sha1Hex(bytes) == entry.body.outputSHA1 else { throw CacheProblem("its output file \(name) is damaged or truncated") }
        do { try codec.read(file, results) } catch { throw CacheProblem("its output file \(name) is unreadable: \(error)") }
      }
      return Hit(events: entry.body.events, seconds: entry.body.seconds, date: entry.body.date)
    } catch {
      note(tr("cache.ignored", ["id": step, "why": "\(error)"]))
      return nil
    }
  }

  /// Keeps a step's result: its typed output when it has a codec, and what it printed.
  /// The output file is written first and the entry last, each atomically, so that an entry
  /// exists only once everything it names does.
  public func store(lesson: String, step: String, key: StepKey, events: [StepEvent], seconds: Double, results: StepResults) throws {
    let url = entryURL(lesson: lesson, step: step, key: key.full)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    var body = CacheEntry.Body(events: events, seconds: seconds, date: Date())
    if let codec = codecs[step] {
      let name = url.deletingPathExtension().lastPathComponent + ".output." + codec.fileExtension
      let file = url.deletingLastPathComponent().appendingPathComponent(name)
      if try codec.write(results, file) {
        body.outputFile = name
        body.outputSHA1 = sha1Hex(try Data(contentsOf: file))
      }
    }
    let header = CacheEntry.Header(
      format: CacheEntry.format, lesson: lesson, step: step, key: key.full, inputs: key.inputs,
      tool: CacheEnvironment.toolVersion, kernelLevel: CacheEnvironment.kernelLevel, bodySHA1: "")
    try writeAtomically(try CacheEntry(header: header, body: body).encoded(), to: url)
  }

  /// The usable entry's header and body for `key`, without reading its output (the outline's
  /// expected times, the live chart's previous run).
  func peek(lesson: String, step: String, key: StepKey) -> CacheEntry? {
    guard let data = try? Data(contentsOf: entryURL(lesson: lesson, step: step, key: key.full)),
      let entry = try? CacheEntry.decode(data), entry.header.key == key.full
    else { return nil }
    return entry
  }

  /// The step's most recent readable entry for the same inputs in another build or on another
  /// kernel level, described (`kernel level avx2, this CPU runs avx512`).
  private func otherBuild(lesson: String, step: String, key: StepKey) -> String? {
    let folder = directory.appendingPathComponent(lesson)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasPrefix(step + "-") && name.hasSuffix(".json") && !name.contains(".output.") {
      guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
        let header = try? CacheEntry.header(of: data), header.step == step, header.inputs == key.inputs, header.key != key.full
      else { continue }
      if header.kernelLevel != CacheEnvironment.kernelLevel {
        return tr("cache.kernel", ["level": header.kernelLevel, "cpu": CacheEnvironment.kernelLevel])
      }
      return header.format != CacheEntry.format
        ? tr("cache.format", ["format": header.format]) : tr("cache.build")
    }
    return nil
  }

  func entryURL(lesson: String, step: String, key: String) -> URL {
    directory.appendingPathComponent(lesson).appendingPathComponent("\(step)-\(key).json")
  }
}

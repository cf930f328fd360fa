import CourseKit
import LessonEngine
import ArgumentParser
import D2L
import Foundation

/// `lessons data`: the corpora the course's lessons need (each lesson's `dataFiles`), where each
/// one is, and fetching them.
struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "List, fetch and verify the books the lesson and the experiments train on.",
    discussion: """
      A book is looked for in $D2L_DATA_DIR, then in the cache ($D2L_CACHE_DIR, default data/), \
      and otherwise downloaded from its pinned source (or from $D2L_DATA_URL/<file> when that \
      mirror is set), checked against its size and SHA-1, and written into the cache.
      """,
    subcommands: [DataListCommand.self, DataFetchCommand.self, DataVerifyCommand.self],
    defaultSubcommand: DataListCommand.self)
}

/// `lessons data list`: every corpus, present (where) or missing, and what needs it.
struct DataListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "Every corpus: present or missing, and what needs it.")

  @OptionGroup var language: LanguageOption

  func run() throws {
    let locator = DataLocator()
    Console.write(DataCommandText.header(locator))
    var missing = 0
    for spec in course.dataFiles {
      let found = CorpusStatus(spec, locator)
      let status: String
      switch found {
      case .present(let url): status = tr("data.present", ["path": url.path])
      case .missing: status = tr("data.missing", ["name": spec.name])
      case .corrupt(let error): status = tr("data.corrupt", ["error": LibraryErrorText.words(error)])
      }
      if !found.isPresent { missing += 1 }
      Console.write(DataCommandText.entry(spec, status: status, present: found.isPresent))
    }
    Console.write("\n" + tr("data.count", ["present": course.dataFiles.count - missing, "count": course.dataFiles.count])
      + (missing > 0 ? tr("data.fetchRest") + "\n" : "\n"))
  }
}

/// `lessons data fetch`: downloads the named corpora (or all) now rather than on first use.
struct DataFetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Download corpora into the cache, verified.")

  @Argument(help: "File names, as `lessons data` lists them.")
  var names: [String] = []

  @Flag(help: "Every corpus in the catalogue.")
  var all = false

  @OptionGroup var language: LanguageOption

  func validate() throws {
    try language.apply()
    if names.isEmpty && !all { throw ValidationError(tr("data.nameFiles")) }
    for name in names where course.dataFile(named: name) == nil {
      throw ValidationError(tr("data.unknown", ["name": name, "known": course.dataFiles.map(\.name).joined(separator: ", ")]))
    }
  }

  func run() throws {
    let locator = DataLocator()
    let specs = all ? course.dataFiles : names.compactMap(course.dataFile(named:))
    var failed = 0
    for spec in specs {
      do {
        if let url = try locator.existing(spec) {
          Console.write(tr("data.already", ["name": spec.name, "path": url.path]) + "\n")
          continue
        }
        Console.write(tr("data.from", ["name": spec.name, "url": locator.sourceURL(for: spec)?.absoluteString ?? tr("data.nowhere")]) + "\n")
        let url = try locator.locate(spec)
        Console.write(tr("data.saved", ["name": spec.name, "bytes": DataCommandText.bytes(spec.byteCount), "path": url.path]) + "\n")
      } catch let error as DataError {
        Console.write("✗ \(spec.name): \(error.shortReason)\n")
        failed += 1
      }
    }
    if failed > 0 {
      Console.error(tr("data.failed", ["failed": failed, "count": specs.count]))
      throw ExitCode.failure
    }
  }
}

/// `lessons data verify`: re-checks the SHA-1 of every corpus that is present.
struct DataVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "verify", abstract: "Re-check the SHA-1 of every corpus present.")

  @OptionGroup var language: LanguageOption

  func run() throws {
    let locator = DataLocator()
    var corrupt = 0, present = 0
    for spec in course.dataFiles {
      switch CorpusStatus(spec, locator) {
      case .missing:
        Console.write(tr("data.verifyMissing", ["name": spec.name]) + "\n")
      case .present(let url):
        present += 1
        Console.write(tr("data.matches", ["name": spec.name, "sha": spec.sha1 ?? "?", "path": url.path]) + "\n")
      case .corrupt(let error):
        corrupt += 1
        Console.write("✗ \(spec.name): \(error)\n")
      }
    }
    Console.write(tr("data.verified", ["present": present, "corrupt": corrupt, "missing": course.dataFiles.count - present - corrupt]) + "\n")
    if corrupt > 0 { throw ExitCode.failure }
  }
}

/// Where a corpus stands: a verified copy, none, or a copy that fails its checksum.
enum CorpusStatus {
  case present(URL)
  case missing
  case corrupt(Error)

  init(_ spec: DataFileSpec, _ locator: DataLocator) {
    do {
      self = try locator.existing(spec).map(CorpusStatus.present) ?? .missing
    } catch {
      self = .corrupt(error)
    }
  }

  var isPresent: Bool {
    if case .present = self { return true }
    return false
  }
}

/// The wording `lessons data` shares across its subcommands.
enum DataCommandText {
  static func header(_ locator: DataLocator) -> String {
    let dir = locator.dataDirectory?.path ?? tr("data.notSet")
    let source = locator.mirror.map { tr("data.mirror", ["url": $0.absoluteString]) } ?? tr("data.pinned")
    return tr("data.header", ["dir": dir, "cache": locator.cacheDirectory.path, "source": source]) + "\n\n"
  }

  static func entry(_ spec: DataFileSpec, status: String, present: Bool) -> String {
    """
    \(present ? "✓" : "·") \(spec.name)  (\(spec.title), \(spec.author), \(bytes(spec.byteCount)))
        \(status)
        \(tr("data.neededBy", ["uses": course.lessons(needing: spec).map(\.name).joined(separator: ", ")]))

    """
  }

  static func bytes(_ count: Int?) -> String {
    guard let count else { return tr("data.sizeUnknown") }
    return tr("data.bytes", ["count": Num.int(count)])
  }
}

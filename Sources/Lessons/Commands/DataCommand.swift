import DeepRNNLesson
import LessonEngine
import ArgumentParser
import D2L
import Foundation

/// `lessons data`: the corpora the project uses, where each one is, and fetching them.
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

  func run() throws {
    let locator = DataLocator()
    Console.write(DataCommandText.header(locator))
    var missing = 0
    for spec in CorpusCatalog.all {
      let status: String
      do {
        if let url = try locator.existing(spec) { status = "present: \(url.path)" } else {
          status = "missing (lessons data fetch \(spec.name))"
          missing += 1
        }
      } catch {
        status = "corrupt: \(error)"
        missing += 1
      }
      Console.write(DataCommandText.entry(spec, status: status, present: status.hasPrefix("present")))
    }
    Console.write("\n\(CorpusCatalog.all.count - missing) of \(CorpusCatalog.all.count) present."
      + (missing > 0 ? " Fetch the rest with: lessons data fetch --all\n" : "\n"))
  }
}

/// `lessons data fetch`: downloads the named corpora (or all) now rather than on first use.
struct DataFetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Download corpora into the cache, verified.")

  @Argument(help: "File names, as `lessons data` lists them.")
  var names: [String] = []

  @Flag(help: "Every corpus in the catalogue.")
  var all = false

  func validate() throws {
    if names.isEmpty && !all { throw ValidationError("name the files to fetch, or pass --all") }
    for name in names where CorpusCatalog.spec(named: name) == nil {
      throw ValidationError("unknown corpus '\(name)'; known: \(CorpusCatalog.all.map(\.name).joined(separator: ", "))")
    }
  }

  func run() throws {
    let locator = DataLocator()
    let specs = all ? CorpusCatalog.all : names.compactMap(CorpusCatalog.spec(named:))
    var failed = 0
    for spec in specs {
      do {
        if let url = try locator.existing(spec) {
          Console.write("✓ \(spec.name): already present at \(url.path)\n")
          continue
        }
        Console.write("↓ \(spec.name) from \(locator.sourceURL(for: spec)?.absoluteString ?? "nowhere")\n")
        let url = try locator.locate(spec)
        Console.write("✓ \(spec.name): \(DataCommandText.bytes(spec.byteCount)) verified, saved to \(url.path)\n")
      } catch let error as DataError {
        Console.write("✗ \(spec.name): \(error.shortReason)\n")
        failed += 1
      }
    }
    if failed > 0 {
      Console.error("\(failed) of \(specs.count) could not be fetched; nothing partial was kept.")
      throw ExitCode.failure
    }
  }
}

/// `lessons data verify`: re-checks the SHA-1 of every corpus that is present.
struct DataVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "verify", abstract: "Re-check the SHA-1 of every corpus present.")

  func run() throws {
    let locator = DataLocator()
    var corrupt = 0, present = 0
    for spec in CorpusCatalog.all {
      do {
        guard let url = try locator.existing(spec) else {
          Console.write("· \(spec.name): missing\n")
          continue
        }
        present += 1
        Console.write("✓ \(spec.name): SHA-1 \(spec.sha1 ?? "?") matches (\(url.path))\n")
      } catch {
        corrupt += 1
        Console.write("✗ \(spec.name): \(error)\n")
      }
    }
    Console.write("\(present) verified, \(corrupt) corrupt, \(CorpusCatalog.all.count - present - corrupt) missing.\n")
    if corrupt > 0 { throw ExitCode.failure }
  }
}

/// The wording `lessons data` shares across its subcommands.
enum DataCommandText {
  static func header(_ locator: DataLocator) -> String {
    let dir = locator.dataDirectory?.path ?? "(not set)"
    let source = locator.mirror.map { "mirror \($0.absoluteString)" } ?? "each file's pinned source"
    return "D2L_DATA_DIR: \(dir)\ncache: \(locator.cacheDirectory.path)\ndownloads from: \(source)\n\n"
  }

  static func entry(_ spec: DataFileSpec, status: String, present: Bool) -> String {
    """
    \(present ? "✓" : "·") \(spec.name)  (\(spec.title), \(spec.author), \(bytes(spec.byteCount)))
        \(status)
        needed by: \(BookCatalog.uses(of: spec.name))

    """
  }

  static func bytes(_ count: Int?) -> String {
    guard let count else { return "size unknown" }
    return DownloadProgressLine.grouped(count) + " bytes"
  }
}

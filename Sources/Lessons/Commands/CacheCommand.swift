import ArgumentParser
import Foundation
import LessonEngine

/// `lessons cache`: the cached step results, their sizes, and clearing them.
struct CacheCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cache",
    abstract: "List the cached step results with their sizes, or clear them.",
    discussion: """
      A finished step's result is kept, keyed on its code, parameters, the results it reads, \
      the data, the seed and the tool's build, so that the next walk shows it at once. \
      `lessons run --fresh` runs every step again.
      """,
    subcommands: [CacheListCommand.self, CacheClearCommand.self],
    defaultSubcommand: CacheListCommand.self)
}

/// `lessons cache [list]`.
struct CacheListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the cached step results and the disk they take.")

  @OptionGroup var language: LanguageOption

  func run() throws {
    _ = try language.apply()
    let directory = StepCache.defaultDirectory()
    let listing = CacheListing(directory: directory)
    Console.write("\(directory.path)\n")
    if listing.entries.isEmpty { Console.write("  " + tr("cache.none") + "\n") }
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    var lesson = ""
    for entry in listing.entries {
      if entry.lesson != lesson {
        lesson = entry.lesson
        Console.write("\(lesson)\n")
      }
      // Ids padded, never cut.
      let id = entry.step + String(repeating: " ", count: max(1, 20 - entry.step.count))
      let size = Self.size(entry.bytes).leftPadded(to: 9)
      let detail = entry.problem.map { tr("cache.unusable", ["why": $0]) }
        ?? "\(entry.date.map(formatter.string) ?? "")  " + tr("cache.took", ["seconds": Self.seconds(entry.seconds ?? 0)])
      Console.write(LineFitter.truncate("  \(id) \(size)  \(detail)", width: Console.width) + "\n")
    }
    Console.write(tr("cache.total", ["size": Self.size(listing.totalBytes), "count": listing.entries.count]) + "\n")
  }

  /// `1.2 MB`, `23.4 kB`, `512 B`.
  static func size(_ bytes: Int) -> String {
    if bytes >= 1_000_000 { return String(format: "%.1f MB", Double(bytes) / 1_000_000) }
    if bytes >= 1_000 { return String(format: "%.1f kB", Double(bytes) / 1_000) }
    return "\(bytes) B"
  }

  static func seconds(_ s: Double) -> String { s < 10 ? String(format: "%.1f s", s) : "\(Int(s.rounded())) s" }
}

/// `lessons cache clear [LESSON]`.
struct CacheClearCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "clear", abstract: "Remove every cached result, or one lesson's.")

  @Argument(help: "Only this lesson's results (a name that lessons list shows).")
  var lesson: String?

  @OptionGroup var language: LanguageOption

  func validate() throws {
    if let lesson, course.lesson(named: lesson) == nil {
      throw ValidationError(CourseNameError.noLesson(lesson, lessons: course.lessons.map(\.name)).description)
    }
  }

  func run() throws {
    _ = try language.apply()
    let freed = try CacheListing.clear(directory: StepCache.defaultDirectory(), lesson: lesson)
    let what = lesson.map { tr("cache.clearedLesson", ["lesson": $0]) } ?? tr("cache.clearedAll")
    Console.write(tr("cache.cleared", ["what": what, "size": CacheListCommand.size(freed)]) + "\n")
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

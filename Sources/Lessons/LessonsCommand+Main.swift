import ArgumentParser
import CourseKit
import Foundation
import LessonEngine

extension LessonsCommand {
  /// `main()`, with the words swift-argument-parser adds around a refusal ("Error:", "Usage:",
  /// "Help:", "See '… --help' for more information.") in the learner's language, as the message between
  /// them already is. Help and version go out as the parser prints them.
  static func mainInTheLearnersLanguage() -> Never {
    do {
      var command = try parseAsRoot()
      try command.run()
      Foundation.exit(ExitCode.success.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success { exit(withError: error) }
      let message = fullMessage(for: error)
      if !message.isEmpty { FileHandle.standardError.write(Data((inTheLearnersLanguage(message) + "\n").utf8)) }
      Foundation.exit(code.rawValue)
    }
  }

  /// `message` with the parser's own words translated, line by line; the rest as it is.
  static func inTheLearnersLanguage(_ message: String) -> String {
    message.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      for (word, key) in [("Error:", "parser.error"), ("Usage:", "parser.usage"), ("Help:", "parser.help")]
      where line.hasPrefix(word + " ") {
        return tr(key) + line.dropFirst(word.count)
      }
      let see = "  See '", more = "' for more information."
      if line.hasPrefix(see), line.hasSuffix(more) {
        return "  " + tr("parser.seeHelp", ["help": String(line.dropFirst(see.count).dropLast(more.count))])
      }
      return String(line)
    }.joined(separator: "\n")
  }
}

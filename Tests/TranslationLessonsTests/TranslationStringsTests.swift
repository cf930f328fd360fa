import Foundation
import Testing
@testable import LessonEngine
@testable import EncoderDecoderLesson
@testable import MachineTranslationLesson
@testable import Seq2SeqLesson

/// The translation lessons' string tables: every key in both languages with the same
/// placeholders, and every `tr("key")` of a lesson's sources in its own table.
@Suite struct TranslationStringsTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let tables: [(name: String, table: StringTable, folder: String)] = [
    ("MTStrings", MTStrings.table, "Sources/MachineTranslationLesson"),
    ("EDStrings", EDStrings.table, "Sources/EncoderDecoderLesson"),
    ("S2SStrings", S2SStrings.table, "Sources/Seq2SeqLesson"),
  ]

  static func placeholders(_ template: String) -> Set<String> {
    let regex = try! NSRegularExpression(pattern: #"\{([A-Za-z]+)\}"#)
    let range = NSRange(template.startIndex..., in: template)
    return Set(regex.matches(in: template, range: range).map { String(template[Range($0.range(at: 1), in: template)!]) })
  }

  @Test func everyKeyInBothLanguagesWithTheSamePlaceholders() {
    for (name, table, _) in Self.tables {
      #expect(table.missingKeys.isEmpty, "\(name) lacks: \(table.missingKeys.joined(separator: ", "))")
      for (key, english) in table.templates[.en]! {
        #expect(Self.placeholders(english) == Self.placeholders(table.templates[.vi]?[key] ?? ""), "\(name) \(key): {…} differ")
      }
    }
  }

  /// Keys built at run time (`exercises.item\(n)`) are the only ones not spelled out.
  @Test func everyKeyTheSourcesUseIsInTheTable() throws {
    let regex = try NSRegularExpression(pattern: #"tr\("([A-Za-z0-9.]+)""#)
    for (name, table, folder) in Self.tables {
      let base = Self.root.appendingPathComponent(folder)
      var used = 0
      for file in FileManager.default.enumerator(atPath: base.path)?.compactMap({ $0 as? String }) ?? [] where file.hasSuffix(".swift") {
        let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
          let key = String(text[Range(match.range(at: 1), in: text)!])
          used += 1
          #expect(table.templates[.en]?[key] != nil, "\(folder)/\(file): '\(key)' is not in \(name)")
        }
      }
      #expect(used > 10)
    }
  }
}

import Foundation
import Testing
@testable import DeepRNNChecks
@testable import ExerciseChecks

/// Exercise 1's checker catalogue: both languages have every key and fill the same
/// placeholders, and every key its sources look up is there (or in the shared `CheckStrings`
/// it falls back on).
@Suite struct Exercise1CheckStringsTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/DeepRNNLesson/Exercises/Checks")

  @Test func everyKeyExistsInBothLanguagesWithTheSamePlaceholders() throws {
    let table = Exercise1CheckStrings.self
    #expect(Set(table.en.keys) == Set(table.vi.keys))
    let regex = try NSRegularExpression(pattern: #"\{([A-Za-z]+)\}"#)
    func placeholders(_ text: String) -> Set<String> {
      Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }
    for (key, english) in table.en {
      #expect(placeholders(english) == placeholders(table.vi[key] ?? ""), "\(key): {…} differ between en and vi")
    }
  }

  @Test func everyKeyTheCheckerUsesIsInTheCatalogue() throws {
    let regex = try NSRegularExpression(pattern: #"ct\("([A-Za-z0-9.]+)""#)
    var used = 0
    for file in FileManager.default.enumerator(atPath: Self.sources.path)?.compactMap({ $0 as? String }) ?? [] where file.hasSuffix(".swift") {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        let key = String(text[Range(match.range(at: 1), in: text)!])
        used += 1
        #expect(Exercise1CheckStrings.table.template(key, language: .en) != nil, "\(file): key '\(key)' is not in Exercise1CheckStrings")
      }
    }
    #expect(used > 30)
  }
}

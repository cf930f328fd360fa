import Foundation
import Testing
@testable import ExerciseChecks

/// The shared checker catalogue: both languages have every key and fill the same placeholders,
/// and every key the checker's sources look up is there.
@Suite struct CheckStringsTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/ExerciseChecks")

  @Test func everyKeyExistsInBothLanguagesWithTheSamePlaceholders() throws {
    #expect(Set(CheckStrings.en.keys) == Set(CheckStrings.vi.keys))
    let regex = try NSRegularExpression(pattern: #"\{([A-Za-z]+)\}"#)
    func placeholders(_ text: String) -> Set<String> {
      Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }
    for (key, english) in CheckStrings.en {
      #expect(placeholders(english) == placeholders(CheckStrings.vi[key] ?? ""), "\(key): {…} differ between en and vi")
    }
  }

  @Test func everyKeyTheCheckerUsesIsInTheCatalogue() throws {
    let regex = try NSRegularExpression(pattern: #"ct\("([A-Za-z0-9.]+)""#)
    var used = 0
    for file in try FileManager.default.contentsOfDirectory(atPath: Self.sources.path) where file.hasSuffix(".swift") {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        let key = String(text[Range(match.range(at: 1), in: text)!])
        used += 1
        #expect(CheckStrings.en[key] != nil, "\(file): key '\(key)' is not in CheckStrings")
      }
    }
    #expect(used > 5)
  }
}

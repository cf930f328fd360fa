import Foundation
import Testing
@testable import LessonEngine

/// A third language needs no change to the engine: languages are the keys of the string
/// tables, `--lang` accepts any of them, and numbers follow a style the language may register.
@Suite(.serialized) struct ThirdLanguageTests {
  static let german = Language(rawValue: "de")

  @Test func aTableThatBringsALanguageMakesItAvailable() throws {
    let table = StringTable([.en: ["step": "step {n}"], Self.german: ["step": "Schritt {n}"]])
    #expect(table.languages == [.en, Self.german])
    #expect(try Language.resolve(flag: "de", available: table.languages, environment: [:]) == Self.german)
    #expect(Language.fromLocale(["LANG": "de_DE.UTF-8"], available: table.languages) == Self.german)
    #expect(table("step", ["n": 3], language: Self.german) == "Schritt 3")
    // A language without the key falls back to English.
    #expect(StringTable([.en: ["only": "English"], Self.german: [:]])("only", language: Self.german) == "English")
    #expect(table.missingKeys.isEmpty)
    #expect(throws: LanguageError.self) { try Language.resolve(flag: "fr", available: table.languages, environment: [:]) }
  }

  @Test func numbersFollowARegisteredStyle() {
    #expect(Num.fixed(1234.5, 1, language: Self.german) == "1,234.5")  // no style yet: as English
    Num.styles[Self.german] = NumberStyle(group: ".", decimal: ",", notANumber: "k. A.")
    defer { Num.styles[Self.german] = nil }
    #expect(Num.fixed(1234.5, 1, language: Self.german) == "1.234,5")
    #expect(Num.fixed(.nan, 1, language: Self.german) == "k. A.")
  }
}

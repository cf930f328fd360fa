import D2L
import Foundation
import Testing
@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// The string catalogues: complete in every language, every key the sources look up present,
/// placeholders the same in both languages, numbers written as each language writes them.
@Suite struct LocalizationTests {
  /// The shared tables, then each lesson's (its `Lesson.strings`, falling back on the course's,
  /// for the sources of its folder). A lesson's keys built at run time are its own tests'.
  static let tables: [(name: String, table: StringTable, folders: [String], built: [String])] = [
    ("EngineStrings", EngineStrings.table, ["Sources/LessonEngine"], ["name.kind."]),
    ("CourseStrings", CourseStrings.table, ["Sources/CourseKit", "Sources/Lessons"], ["action."]),
  ] + course.lessons.map { ("\($0.name)'s strings", $0.strings, ["Sources/\($0.module)"], []) }

  @Test func everyKeyExistsInBothLanguages() {
    for (name, table, _, _) in Self.tables {
      #expect(table.missingKeys.isEmpty, "\(name) lacks: \(table.missingKeys.joined(separator: ", "))")
      #expect((table.templates[.en]?.count ?? 0) > 20)
    }
  }

  @Test func bothLanguagesFillTheSamePlaceholders() {
    func placeholders(_ template: String) -> Set<String> {
      let regex = try! NSRegularExpression(pattern: #"\{([A-Za-z]+)\}"#)
      let range = NSRange(template.startIndex..., in: template)
      return Set(regex.matches(in: template, range: range).map { String(template[Range($0.range(at: 1), in: template)!]) })
    }
    for (name, table, _, _) in Self.tables {
      for (key, english) in table.templates[.en]! {
        let vietnamese = table.templates[.vi]?[key] ?? ""
        #expect(placeholders(english) == placeholders(vietnamese), "\(name) \(key): {…} differ between en and vi")
      }
    }
  }

  /// Every `tr("key"…)` in the sources names a key of its target's table, so that a typo cannot
  /// print a raw key. Keys built at run time (`"discussion.heading.\(direction)"`) are listed.
  @Test func everyKeyTheSourcesUseIsInTheCatalogue() throws {
    let regex = try NSRegularExpression(pattern: #"tr\("([A-Za-z0-9.]+)""#)
    for (name, table, folders, built) in Self.tables {
      var used = 0
      for folder in folders {
        let root = LessonsBinary.packageRoot.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") {
          let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
          for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let key = String(text[Range(match.range(at: 1), in: text)!])
            used += 1
            #expect(table.template(key, language: .en) != nil, "\(folder)/\(file): key '\(key)' is not in \(name)")
          }
        }
      }
      #expect(used > 10, "\(name)")
      for prefix in built {
        #expect(table.templates[.en]!.keys.contains { $0.hasPrefix(prefix) }, "\(name) has no key \(prefix)…")
      }
    }
  }

  /// `s` in a walk describes each parameter with its help: in Vietnamese in a Vietnamese walk,
  /// for every step of every lesson (and never as a raw key).
  @Test func everyParametersHelpSpeaksTheLanguage() {
    var count = 0
    for lesson in course.lessons {
      for step in lesson.catalog.all {
        for parameter in step.parameters {
          let english = Language.speaking(.en) { parameter.help }
          let vietnamese = Language.speaking(.vi) { parameter.help }
          count += 1
          #expect(!english.hasPrefix("help.") && !vietnamese.hasPrefix("help."), "\(lesson.name):\(step.id) \(parameter.name)")
          #expect(english != vietnamese, "\(lesson.name):\(step.id) \(parameter.name): '\(english)' is not translated")
        }
      }
    }
    #expect(count > 60)
  }

  /// The library's errors carry what happened; the walk and the commands word them in the
  /// learner's language (the library's own description stays English).
  @Test func libraryErrorsAreWordedInTheLanguage() {
    let missing = DataError.fileNotFound(
      name: "timemachine.txt", attempts: [.init(location: "/data/timemachine.txt", outcome: "no such file")], cacheDirectory: "/cache")
    Language.speaking(.vi) {
      let vietnamese = LibraryErrorText.words(missing)
      #expect(vietnamese.hasPrefix("Không tìm thấy tệp dữ liệu 'timemachine.txt'. Đã tìm ở:\n  - /data/timemachine.txt: no such file"))
      #expect(vietnamese.contains("hoặc đặt timemachine.txt vào /cache/."))
      #expect(LibraryErrorText.words(TrainingError.diverged(epoch: 1, step: 2, loss: 90, learningRate: 1000))
        .hasPrefix("quá trình huấn luyện phân kỳ ở epoch 1, minibatch 2: hàm mất mát bằng 90.0, nên độ rối là vô hạn."))
    }
    Language.speaking(.en) {
      #expect(LibraryErrorText.words(missing) == missing.description)
      let diverged = TrainingError.diverged(epoch: 1, step: 2, loss: .nan, learningRate: 2)
      #expect(LibraryErrorText.words(diverged) == diverged.description)
    }
  }

  @Test func templatesAreFilledByName() {
    #expect(StringTable.fill("{a} × {b} = {c}", ["a": 2, "b": 3, "c": 6]) == "2 × 3 = 6")
    #expect(StringTable.fill("{missing} stays", ["other": 1]) == "{missing} stays")
    let table = StringTable(en: ["k": "step {n}"], vi: ["k": "bước {n}"])
    #expect(table("k", ["n": 3], language: .en) == "step 3")
    #expect(table("k", ["n": 3], language: .vi) == "bước 3")
    // A lesson's table falls back on the course's: its own language first, then English.
    let course = StringTable(en: ["k": "course", "shared": "shared {n}"], vi: ["shared": "chung {n}"])
    let lesson = StringTable(en: ["k": "lesson", "own": "own"], vi: [:]).falling(back: course)
    #expect(lesson("k", language: .en) == "lesson")
    #expect(lesson("shared", ["n": 1], language: .vi) == "chung 1")
    #expect(lesson("own", language: .vi) == "own")
    #expect(lesson("missing", language: .vi) == "missing")
  }

  @Test func numbersFollowTheLanguage() {
    #expect(Num.int(1_872_264, language: .en) == "1,872,264")
    #expect(Num.int(1_872_264, language: .vi) == "1.872.264")
    #expect(Num.int(10_000, language: .vi) == "10.000")
    #expect(Num.int(999, language: .en) == "999")
    #expect(Num.int(-1_000, language: .en) == "-1,000")
    #expect(Num.fixed(1.5, 1, language: .en) == "1.5")
    #expect(Num.fixed(1.5, 1, language: .vi) == "1,5")
    #expect(Num.fixed(12_345.678, 2, language: .en) == "12,345.68")
    #expect(Num.fixed(12_345.678, 2, language: .vi) == "12.345,68")
    #expect(Num.fixed(-0.001, 2, language: .en) == "0.00")
    #expect(Num.fixed(.nan, 2, language: .en) == "n/a")
    #expect(Num.change(from: 16.615, to: 16.299, language: .vi) == "-1,9%")
    #expect(Num.change(from: 10, to: 11, language: .en) == "+10.0%")
    #expect(Num.percent(0.444, language: .en) == "44%")
    #expect(Num.scientific(4.47e-8, language: .vi) == "4,47e-08")
    #expect(Num.compact(2, language: .en) == "2")
    #expect(Num.compact(0.5, language: .vi) == "0,5")
  }

  @Test func languageComesFromTheFlagThenTheLocale() throws {
    #expect(try Language.resolve(flag: "vi", environment: [:]) == .vi)
    #expect(try Language.resolve(flag: "en", environment: ["LANG": "vi_VN.UTF-8"]) == .en)
    #expect(try Language.resolve(flag: nil, environment: ["LANG": "vi_VN.UTF-8"]) == .vi)
    #expect(try Language.resolve(flag: nil, environment: ["LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"]) == .vi)
    #expect(try Language.resolve(flag: nil, environment: ["LC_ALL": "C", "LANG": "vi_VN.UTF-8"]) == .en)
    #expect(try Language.resolve(flag: nil, environment: [:]) == .en)
    #expect(throws: LanguageError.self) { try Language.resolve(flag: "fr", environment: [:]) }
  }
}

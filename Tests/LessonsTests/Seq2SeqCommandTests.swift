import Foundation
import Testing

/// Whether the English–French pairs are beside the corpora.
enum TranslationPairs {
  static var present: Bool { LessonsBinary.dataDirectory.map { FileManager.default.fileExists(atPath: $0 + "/fra-eng/fra.txt") } ?? false }
}

/// `lessons translate`, `eval`, `train --model seq2seq` and `bench --model seq2seq`, run as a
/// learner runs them, on state_dicts saved from the book's PyTorch code (D2LTests' fixtures).
@Suite(.enabled(if: TranslationPairs.present, "needs fra-eng/fra.txt under D2L_DATA_DIR"))
struct Seq2SeqCommandTests {
  static let fixtures = LessonsBinary.packageRoot.appendingPathComponent("Tests/D2LTests/Fixtures")

  struct Expected: Decodable {
    struct Model: Decodable { let eval_loss: Double; let translations: [String] }
    let sentences: [String]
    let models: [String: Model]
  }

  static let expected: Expected = {
    let data = try! Data(contentsOf: fixtures.appendingPathComponent("seq2seq_unseen_expected.json"))
    return try! JSONDecoder().decode(Expected.self, from: data)
  }()

  static func json(_ text: String) -> [String: Any] {
    let last = text.split(separator: "\n").last.map(String.init) ?? ""
    return (try? JSONSerialization.jsonObject(with: Data(last.utf8))) as? [String: Any] ?? [:]
  }

  @Test func translateGivesPyTorchsGreedyTranslations() throws {
    let weights = Self.fixtures.appendingPathComponent("seq2seq_unseen_trained.safetensors").path
    let sentences = Array(Self.expected.sentences.prefix(12))
    let result = try LessonsBinary.run(["translate", "--weights", weights, "--json"] + sentences)
    #expect(result.status == 0, "\(result.stderr)")
    let translations = Self.json(result.stdout)["translations"] as? [String]
    #expect(translations == Array(Self.expected.models["trained"]!.translations.prefix(12)))
    let plain = try LessonsBinary.run(["translate", "--weights", weights, "go ."])
    #expect(plain.stdout == "go . => \(Self.expected.models["trained"]!.translations[0])\n")
  }

  @Test(arguments: ["random", "trained"])
  func evalGivesPyTorchsLoss(name: String) throws {
    let weights = Self.fixtures.appendingPathComponent("seq2seq_unseen_\(name).safetensors").path
    let result = try LessonsBinary.run(["eval", "--weights", weights, "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let loss = Self.json(result.stdout)["loss"] as? Double ?? .nan
    let torch = Self.expected.models[name]!.eval_loss
    #expect(abs(loss - torch) <= 1e-4 * torch, "loss \(loss), PyTorch \(torch)")
  }

  @Test func trainSavesWhatTranslateAndEvalRead() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seq2seq-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let save = dir.appendingPathComponent("model.safetensors").path
    let train = try LessonsBinary.run(["train", "--model", "seq2seq", "--epochs", "2", "--save", save, "--json"])
    #expect(train.status == 0, "\(train.stderr)")
    let report = Self.json(train.stdout)
    let trainedLoss = report["loss"] as? Double ?? .nan
    #expect(trainedLoss > 0 && trainedLoss < 1, "\(train.stdout)")
    #expect((report["translations"] as? [[String: Any]])?.count == 4)
    let eval = try LessonsBinary.run(["eval", "--weights", save, "--json"])
    #expect(eval.status == 0 && (Self.json(eval.stdout)["loss"] as? Double ?? 0) > 0, "\(eval.stderr)")
    let translate = try LessonsBinary.run(["translate", "--weights", save, "--json", "go ."])
    #expect(translate.status == 0 && (Self.json(translate.stdout)["translations"] as? [String])?.count == 1)
  }

  @Test func benchMeasuresTheBooksRun() throws {
    let result = try LessonsBinary.run(["bench", "--model", "seq2seq", "--seconds", "0.2", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = Self.json(result.stdout)
    #expect((object["tokens_per_sec"] as? Double ?? 0) > 0 && object["model"] as? String == "seq2seq")
    #expect((object["cpu"] as? String)?.isEmpty == false)
  }

  @Test func aLanguageModelStillNeedsItsText() throws {
    let weights = LessonsBinary.packageRoot.appendingPathComponent("Tests/D2LTests/Fixtures/unseen_gru_l1.safetensors").path
    let result = try LessonsBinary.run(["eval", "--weights", weights])
    #expect(result.status != 0 && result.stderr.contains("--text"), "\(result.stderr)")
    let translate = try LessonsBinary.run(["translate", "--weights", weights, "go ."])
    #expect(translate.status == 1 && translate.stderr.contains("no encoder.embedding.weight matrix"), "\(translate.stderr)")
  }
}

import Foundation
import Testing
@testable import D2L

/// Files that PyTorch saved from D2L's `RNNModel` after training it itself (weights this project
/// never produced): loading infers the model, and perplexity and greedy text agree with PyTorch.
@Suite struct UnseenCheckpointTests {
  struct Expected: Decodable {
    struct Perplexity: Decodable { let perplexity: Double; let tokens: Int; let max_chars: Int? }
    struct File: Decodable {
      let cell: String; let num_layers: Int; let hidden: Int; let vocab_size: Int; let num_preds: Int
      let bidirectional: Bool?
      let predictions: [String: String]
      let perplexity: [String: Perplexity]
    }
    let idx_to_token: [String]
    let files: [String: File]
  }

  static let expected: Expected = {
    let data = try! Data(contentsOf: Fixtures.directory.appendingPathComponent("unseen_expected.json"))
    return try! JSONDecoder().decode(Expected.self, from: data)
  }()

  /// The last two are bidirectional (D2L's next section): states in both directions, `*_reverse`
  /// weights, and an output layer reading 2H.
  static let names = ["unseen_gru_l1.safetensors", "unseen_lstm_l2.safetensors",
                      "unseen_bigru_l1.safetensors", "unseen_bilstm_l2.safetensors"]

  @Test(arguments: names)
  func shapesAndVocabularyAreInferred(name: String) throws {
    let e = Self.expected.files[name]!
    let checkpoint = try ModelCheckpoint.load(from: Fixtures.directory.appendingPathComponent(name))
    #expect(checkpoint.model.kind.rawValue == e.cell)
    #expect(checkpoint.model.numLayers == e.num_layers)
    #expect(checkpoint.model.hiddenSize == e.hidden)
    #expect(checkpoint.model.bidirectional == (e.bidirectional ?? false))
    #expect(checkpoint.vocab.idxToToken == Self.expected.idx_to_token)
  }

  @Test(arguments: names)
  func greedyPredictionsMatchPyTorch(name: String) throws {
    let e = Self.expected.files[name]!
    let checkpoint = try ModelCheckpoint.load(from: Fixtures.directory.appendingPathComponent(name))
    for (prefix, text) in e.predictions {
      #expect(checkpoint.model.predict(prefix: prefix, count: e.num_preds, vocab: checkpoint.vocab) == text)
    }
  }

  @Test(arguments: names)
  func perplexityOnOwnSampleMatchesPyTorch(name: String) throws {
    let e = Self.expected.files[name]!.perplexity["eval_sample.txt"]!
    let checkpoint = try ModelCheckpoint.load(from: Fixtures.directory.appendingPathComponent(name))
    let reader = try CharCorpusReader(url: Fixtures.directory.appendingPathComponent("eval_sample.txt"), vocab: checkpoint.vocab)
    let result = checkpoint.model.perplexity(ofChunks: [try reader.readAll()])
    #expect(result.predictions == e.tokens)
    #expect(abs(result.perplexity - e.perplexity) / e.perplexity < 1e-4, "got \(result.perplexity), PyTorch \(e.perplexity)")
  }

  @Test(.enabled(if: DataTestFiles.hasBooks, "needs wells-the-invisible-man.txt in D2L_DATA_DIR"),
        arguments: names)
  func perplexityOnAnotherBookMatchesPyTorch(name: String) throws {
    let e = Self.expected.files[name]!.perplexity["wells-the-invisible-man.txt"]!
    let checkpoint = try ModelCheckpoint.load(from: Fixtures.directory.appendingPathComponent(name))
    let raw = Array(try TextFile.readBytes(at: URL(fileURLWithPath: DataTestFiles.path("wells-the-invisible-man.txt"))).prefix(e.max_chars!))
    let tokens = raw.withUnsafeBufferPointer { bytes in
      preprocessCharacters(bytes).withUnsafeBufferPointer { checkpoint.vocab.indices(ofCharacterBytes: $0) }
    }
    // Chunks of 5,000 tokens: the state must carry across chunk boundaries exactly.
    let chunks = stride(from: 0, to: tokens.count, by: 5000).map { Array(tokens[$0..<min($0 + 5000, tokens.count)]) }
    let result = checkpoint.model.perplexity(ofChunks: chunks, chunkSteps: 777)
    #expect(result.predictions == e.tokens)
    #expect(abs(result.perplexity - e.perplexity) / e.perplexity < 1e-4, "got \(result.perplexity), PyTorch \(e.perplexity)")
  }
}

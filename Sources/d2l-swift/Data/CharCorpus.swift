import Foundation

/// A character-level corpus: the token indices of a text and the vocabulary that produced them.
public struct CharCorpus: Sendable {
  /// Token indices, in text order (D2L's `corpus`).
  public var tokens: [Int]
  /// The vocabulary, built from all of the text's characters.
  public var vocab: Vocab

  /// The character corpus of UTF-8 `bytes` as D2L's `load_corpus_time_machine` builds it:
  /// preprocess, tokenize into characters, build the vocabulary from *all* tokens, then keep
  /// only the first `maxTokens` indices when `maxTokens > 0`.
  /// - Parameters:
  ///   - bytes: the text, UTF-8.
  ///   - maxTokens: how many tokens to keep (all when ≤ 0).
  ///   - source: names the text in errors (a path, "text", ...).
  /// - Throws: `DataError.noTokens` when the text has no letters.
  public init(bytes: UnsafeBufferPointer<UInt8>, maxTokens: Int = -1, source: String = "text") throws {
    let characters = preprocessCharacters(bytes)
    guard !characters.isEmpty else { throw DataError.noTokens(source: source) }
    let (tokens, vocab) = characters.withUnsafeBufferPointer { characters in
      let vocab = Vocab(characterBytes: characters)
      let kept = maxTokens > 0 ? UnsafeBufferPointer(rebasing: characters.prefix(maxTokens)) : characters
      return (vocab.indices(ofCharacterBytes: kept).map(Int.init), vocab)
    }
    self.tokens = tokens
    self.vocab = vocab
  }

  /// The character corpus of `text`; see `init(bytes:maxTokens:source:)`.
  public init(text: String, maxTokens: Int = -1, source: String = "text") throws {
    var text = text
    self = try text.withUTF8 { try CharCorpus(bytes: $0, maxTokens: maxTokens, source: source) }
  }

  /// The character corpus of the text file at `url`, refusing empty and binary files.
  public init(contentsOf url: URL, maxTokens: Int = -1) throws {
    let bytes = try TextFile.readBytes(at: url)
    self = try bytes.withUnsafeBufferPointer {
      try CharCorpus(bytes: $0, maxTokens: maxTokens, source: url.path)
    }
  }
}

/// Encodes `text` with an existing character vocabulary (characters it lacks become `<unk>`),
/// with the same preprocessing; for evaluating a trained model on other text.
public func encodeCharacters(_ text: String, with vocab: Vocab) -> [Int] {
  let characters = preprocessCharacters(text)
  return characters.withUnsafeBufferPointer { vocab.indices(ofCharacterBytes: $0).map(Int.init) }
}

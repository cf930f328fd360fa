/// A vocabulary mapping tokens to indices, with D2L's exact order.
///
/// Index 0 is `<unk>` (every unknown token maps to it), then the reserved tokens, then the
/// corpus tokens by frequency, most frequent first; ties keep the order in which the tokens
/// were first seen (Python's `Counter` keeps insertion order and `sorted` is stable). Tokens
/// rarer than `minFreq` are left out. This matches D2L's `Vocab` index for index, so
/// weights trained by PyTorch's D2L code line up with this vocabulary.
///
///     let vocab = Vocab(tokens: Array("hello").map(String.init))
///     vocab.idxToToken  // ["<unk>", "l", "h", "e", "o"]
public struct Vocab: Sendable, Equatable, CustomStringConvertible {
  /// The token at each index: `<unk>` first.
  public let idxToToken: [String]
  /// The index of each token.
  public let tokenToIdx: [String: Int]
  /// Every counted token with its frequency, most frequent first (ties in first-seen order),
  /// including those below `minFreq`; empty for a vocabulary given as a token list.
  public let tokenFrequencies: [(token: String, frequency: Int)]
  /// For each byte value, the index of the one-character token it spells (0 if none).
  let byteToIdx: [Int32]

  /// The index of the unknown token, `<unk>`.
  public static let unknownIndex = 0
  /// The unknown token.
  public static let unknownToken = "<unk>"

  /// Counts `tokens` and builds the vocabulary as D2L's `Vocab(tokens, min_freq, reserved_tokens)`.
  public init(tokens: [String], minFreq: Int = 0, reservedTokens: [String] = []) {
    var counts: [String: Int] = [:]
    var firstSeen: [String] = []
    for token in tokens {
      if let count = counts[token] {
        counts[token] = count + 1
      } else {
        counts[token] = 1
        firstSeen.append(token)
      }
    }
    self.init(
      countsInFirstSeenOrder: firstSeen.map { ($0, counts[$0]!) }, minFreq: minFreq,
      reservedTokens: reservedTokens)
  }

  /// Builds the vocabulary of tokenized lines, flattened first (D2L's `count_corpus`).
  public init(lines: [[String]], minFreq: Int = 0, reservedTokens: [String] = []) {
    self.init(tokens: lines.flatMap { $0 }, minFreq: minFreq, reservedTokens: reservedTokens)
  }

  /// The vocabulary of a character corpus given as ASCII bytes (see `preprocessCharacters`):
  /// the same result as `init(tokens:)` on one-character strings, counted without Strings.
  init(characterBytes bytes: UnsafeBufferPointer<UInt8>, minFreq: Int = 0, reservedTokens: [String] = []) {
    var counts = [Int](repeating: 0, count: 256)
    var firstSeen: [UInt8] = []
    counts.withUnsafeMutableBufferPointer { counts in
      for byte in bytes {
        if counts[Int(byte)] == 0 { firstSeen.append(byte) }
        counts[Int(byte)] += 1
      }
    }
    self.init(
      countsInFirstSeenOrder: firstSeen.map { (String(UnicodeScalar($0)), counts[Int($0)]) },
      minFreq: minFreq, reservedTokens: reservedTokens)
  }

  /// The shared core: D2L's sort and cut-off over counts listed in first-seen order.
  private init(countsInFirstSeenOrder counts: [(String, Int)], minFreq: Int, reservedTokens: [String]) {
    // Swift's sort is not stable, so break ties by first-seen position explicitly.
    let sorted = counts.indices.sorted { a, b in
      counts[a].1 != counts[b].1 ? counts[a].1 > counts[b].1 : a < b
    }.map { (token: counts[$0].0, frequency: counts[$0].1) }
    var idxToToken = [Self.unknownToken] + reservedTokens
    var tokenToIdx: [String: Int] = [:]
    // As D2L's dict comprehension: a repeated reserved token keeps its last index.
    for (index, token) in idxToToken.enumerated() { tokenToIdx[token] = index }
    for (token, frequency) in sorted {
      if frequency < minFreq { break }
      if tokenToIdx[token] == nil {
        idxToToken.append(token)
        tokenToIdx[token] = idxToToken.count - 1
      }
    }
    self.init(idxToToken: idxToToken, tokenToIdx: tokenToIdx, tokenFrequencies: sorted)
  }

  /// A vocabulary with exactly this token order (e.g. read from a checkpoint).
  /// - Throws: `DataError.invalidVocabulary` unless the list starts with `<unk>` and has no
  ///   duplicates.
  public init(idxToToken: [String]) throws {
    guard idxToToken.first == Self.unknownToken else {
      throw DataError.invalidVocabulary(
        reason: "the first token must be \(Self.unknownToken), got \(idxToToken.first.map { "'\($0)'" } ?? "an empty list")")
    }
    var tokenToIdx: [String: Int] = [:]
    for (index, token) in idxToToken.enumerated() {
      guard tokenToIdx[token] == nil else {
        throw DataError.invalidVocabulary(reason: "token '\(token)' appears twice (indices \(tokenToIdx[token]!) and \(index))")
      }
      tokenToIdx[token] = index
    }
    self.init(idxToToken: idxToToken, tokenToIdx: tokenToIdx, tokenFrequencies: [])
  }

  private init(idxToToken: [String], tokenToIdx: [String: Int], tokenFrequencies: [(token: String, frequency: Int)]) {
    self.idxToToken = idxToToken
    self.tokenToIdx = tokenToIdx
    self.tokenFrequencies = tokenFrequencies
    var byteToIdx = [Int32](repeating: 0, count: 256)
    for (index, token) in idxToToken.enumerated() where index > 0 {
      let scalars = token.unicodeScalars
      if scalars.count == 1, let scalar = scalars.first, scalar.isASCII {
        byteToIdx[Int(scalar.value)] = Int32(index)
      }
    }
    self.byteToIdx = byteToIdx
  }

  /// The number of tokens, `<unk>` included.
  public var count: Int { idxToToken.count }

  /// The index of `token`; 0 (`<unk>`) when it is not in the vocabulary.
  public subscript(token: String) -> Int { tokenToIdx[token] ?? Self.unknownIndex }

  /// The index of every token.
  public func indices(of tokens: [String]) -> [Int] { tokens.map { self[$0] } }

  /// The token at every index. Indices must be in `0..<count`.
  public func tokens(for indices: [Int]) -> [String] {
    indices.map { index in
      check(idxToToken.indices.contains(index), "token index \(index) is outside 0..<\(count)")
      return idxToToken[index]
    }
  }

  /// Encodes a character corpus given as bytes (see `preprocessCharacters`) through a
  /// 256-entry table; bytes that are not a one-character token map to 0 (`<unk>`).
  public func indices(ofCharacterBytes bytes: UnsafeBufferPointer<UInt8>) -> [Int32] {
    byteToIdx.withUnsafeBufferPointer { table in bytes.map { table[Int($0)] } }
  }

  /// Two vocabularies are equal when they give every token the same index.
  public static func == (lhs: Vocab, rhs: Vocab) -> Bool { lhs.idxToToken == rhs.idxToToken }

  /// A short summary: size and the first tokens.
  public var description: String {
    let shown = idxToToken.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
    return "Vocab(\(count) tokens: \(shown)\(count > 12 ? ", ..." : ""))"
  }
}

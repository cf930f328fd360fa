import D2L

/// Pairs the translation model never saw: the fra-eng lines right after the 600 it was trained
/// on, keeping those whose English words are all in its source vocabulary (a sentence full of
/// <unk> says nothing about the search).
public enum ValidationPairs {
  /// The first `count` such pairs, as (English sentence, French reference) strings.
  public static func load(count: Int, sourceVocab: Vocab, trainedOn numExamples: Int = Seq2SeqConfiguration().numExamples) throws
    -> [(source: String, reference: String)]
  {
    // tokenize_nmt reads lines 0…numExamples for training; look at up to 40 lines per pair wanted.
    let text = preprocessNMT(try readDataNMT(lines: numExamples + 1 + 40 * count))
    let (sources, targets) = tokenizeNMT(text)
    var pairs: [(String, String)] = []
    for (source, target) in zip(sources, targets).dropFirst(numExamples + 1) where pairs.count < count {
      if source.allSatisfy({ sourceVocab.tokenToIdx[$0] != nil }) {
        pairs.append((source.joined(separator: " "), target.joined(separator: " ")))
      }
    }
    return pairs
  }
}

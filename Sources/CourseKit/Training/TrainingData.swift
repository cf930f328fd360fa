import LessonEngine
import D2L
import Foundation

/// The corpus a run trains on: *The Time Machine* (the chapter's) or the given books.
public struct TrainingData {
  public let corpus: [Int]
  public let vocab: Vocab
  public let description: String

  /// Loads The Time Machine through `D2L_DATA_DIR`, the cache or a download, or the `books`
  /// (Gutenberg text between the START/END markers, joined). `maxTokens` ≤ 0 keeps every token.
  public static func load(books: [String], maxTokens: Int) throws -> TrainingData {
    if books.isEmpty {
      let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: maxTokens)
      return TrainingData(corpus: corpus, vocab: vocab, description: tr("data.timeMachine", ["tokens": Num.int(corpus.count)]))
    }
    let text = try loadBooks(paths: books)
    let c = try CharCorpus(text: text, maxTokens: maxTokens, source: books.joined(separator: ", "))
    return TrainingData(corpus: c.tokens, vocab: c.vocab, description: tr("data.books", ["books": books.count, "tokens": Num.int(c.tokens.count)]))
  }
}

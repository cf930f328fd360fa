import LessonEngine
import D2L
import Foundation

/// One book of the data folder as character tokens over the shared 28-token vocabulary.
///
/// D2L's preprocessing keeps only the letters a-z (lower-cased) and single spaces, so every
/// book, by any author, encodes into the same 28 tokens (`<unk>`, space, a-z) with no
/// unknowns, and perplexities of models trained on different books compare directly.
public struct Book {
  /// The file name in the data folder, e.g. `wells-war-of-the-worlds.txt`.
  public let file: String
  /// A short label for tables: `War of the Worlds`.
  public let title: String
  public let author: String
  /// The whole book (Gutenberg header and licence cut off), as indices into `Book.vocab`.
  public let tokens: [Int]

  /// The vocabulary every experiment shares: D2L's Time Machine vocabulary, which already
  /// holds every token D2L's preprocessing can produce.
  public static let vocab = Vocab.timeMachine

  /// Reads `file` through `locator`: `$D2L_DATA_DIR`, the cache, then a verified download.
  /// - Throws: `ExperimentError.missingData` naming the file, why, and how to fetch it.
  public static func load(_ file: String, title: String, author: String, locator: DataLocator) throws -> Book {
    let text: String
    do {
      // Every catalogued book is checked against its SHA-1, and downloaded when missing.
      text = try loadBooks(paths: [try locator.locate(named: file).path])
    } catch let error as DataError {
      throw ExperimentError.missingData(file: file, reason: error.shortReason)
    }
    return Book(file: file, title: title, author: author, tokens: encodeCharacters(text, with: vocab))
  }

  /// The book cut into a training part and the held-out passage at its end.
  public func split(heldOutTokens: Int) -> BookSplit { BookSplit(book: self, heldOutTokens: heldOutTokens) }

  public init(file: String, title: String, author: String, tokens: [Int]) {
    self.file = file
    self.title = title
    self.author = author
    self.tokens = tokens
  }
}

/// A book's tokens cut in two: the training part is the beginning, the held-out passage the
/// last `heldOutTokens` tokens. The two ranges never overlap and together cover the book, so
/// no setting of any experiment ever trains on a held-out token, whatever it trains on.
public struct BookSplit {
  public let book: Book
  /// Indices of `book.tokens` that may be trained on.
  public let trainRange: Range<Int>
  /// Indices of `book.tokens` kept for measuring generalisation.
  public let heldOutRange: Range<Int>

  public init(book: Book, heldOutTokens: Int) {
    // Never hold out more than half a book: the rest must still be worth training on.
    let held = min(max(heldOutTokens, 0), book.tokens.count / 2)
    let cut = book.tokens.count - held
    self.book = book
    trainRange = 0..<cut
    heldOutRange = cut..<book.tokens.count
  }

  /// The first `count` training tokens (all of them when `count` ≤ 0 or larger than the part).
  public func training(first count: Int) -> ArraySlice<Int> {
    let end = count > 0 ? min(trainRange.lowerBound + count, trainRange.upperBound) : trainRange.upperBound
    return book.tokens[trainRange.lowerBound..<end]
  }

  public var heldOut: ArraySlice<Int> { book.tokens[heldOutRange] }
}

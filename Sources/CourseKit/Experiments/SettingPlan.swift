import LessonEngine
/// The text one setting trains on: a stretch of the training part of each of its books.
///
/// The stretches are slices of the books' token arrays, so their indices say exactly where
/// in each book they come from; a test checks them against every book's held-out range.
public struct SettingPlan {
  public let name: String
  public let parts: [ArraySlice<Int>]
  public let books: [Book]

  /// `count(i)` tokens from the start of each split's training part (all of it for 0).
  public init(name: String, splits: [BookSplit], count: (Int) -> Int) {
    self.name = name
    parts = splits.indices.map { splits[$0].training(first: count($0)) }
    books = splits.map(\.book)
  }

  /// The training tokens, book after book.
  public var tokens: [Int] { Array(parts.joined()) }
  public var files: [String] { books.map(\.file) }
}

/// Where the held-out text of a run came from, saved with its results: for each book, the
/// token range at its end that no setting trained on.
public struct HeldOutRecord: Codable, Equatable {
  public let file: String
  /// Index of the first held-out token in the book's token sequence.
  public let start: Int
  public let tokens: Int

  public init(_ split: BookSplit) {
    file = split.book.file
    start = split.heldOutRange.lowerBound
    tokens = split.heldOutRange.count
  }
}

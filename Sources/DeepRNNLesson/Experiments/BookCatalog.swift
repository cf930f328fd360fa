import CourseKit
import LessonEngine
import D2L

/// The books the experiments use, as the data folder names them (see its MANIFEST.tsv).
public enum BookCatalog {
  public struct Entry: Equatable {
    let file: String
    let title: String
    let author: String
  }

  public static let timeMachine = Entry(file: "timemachine.txt", title: "The Time Machine", author: "Wells")

  /// Wells' novels, The Time Machine first: exercise 3 adds them in this order.
  public static let wells = [
    timeMachine,
    Entry(file: "wells-the-invisible-man.txt", title: "The Invisible Man", author: "Wells"),
    Entry(file: "wells-the-island-of-doctor-moreau.txt", title: "Doctor Moreau", author: "Wells"),
    Entry(file: "wells-war-of-the-worlds.txt", title: "War of the Worlds", author: "Wells"),
  ]

  /// Other authors of the same century or so, and Shakespeare's plays for contrast.
  public static let others = [
    Entry(file: "austen-pride-and-prejudice.txt", title: "Pride and Prejudice", author: "Austen"),
    Entry(file: "carroll-alices-adventures-in-wonderland.txt", title: "Alice in Wonderland", author: "Carroll"),
    Entry(file: "shelley-frankenstein.txt", title: "Frankenstein", author: "Shelley"),
    Entry(file: "doyle-the-adventures-of-sherlock-holmes.txt", title: "Sherlock Holmes", author: "Doyle"),
    Entry(file: "shakespeare-tinyshakespeare.txt", title: "Tiny Shakespeare", author: "Shakespeare"),
  ]

  /// Loads `entries` in order, each once.
  /// - Throws: `ExperimentError.missingData` for the first file that cannot be found.
  public static func load(_ entries: [Entry], locator: DataLocator = DataLocator()) throws -> [Book] {
    try entries.map { try Book.load($0.file, title: $0.title, author: $0.author, locator: locator) }
  }
}

import Foundation

/// Every corpus the project trains on, each pinned to exact bytes: D2L's Time Machine at D2L's
/// own URL, and public-domain books as raw files at a fixed commit of a public repository (so
/// their bytes never change), with the SHA-1 and size a download must match.
///
///     let spec = CorpusCatalog.spec(named: "shelley-frankenstein.txt")
public enum CorpusCatalog {
  /// The nine corpora: The Time Machine, three more novels by Wells, and five books by other
  /// authors (to compare training on more books, and on mixed authors).
  public static let all: [DataFileSpec] = [
    .timeMachine,
    gitenberg(
      "wells-the-invisible-man.txt", "The Invisible Man", "H. G. Wells",
      repo: "The-Invisible-Man--A-Grotesque-Romance_5230", path: "5230.txt",
      commit: "ab1e89f8c47a88426460bdfeb6111d82ee408f9a",
      sha1: "65858053e097fb9fa7b6d5abc0c9ee161b0ef6a9", bytes: 299_055),
    gitenberg(
      "wells-the-island-of-doctor-moreau.txt", "The Island of Doctor Moreau", "H. G. Wells",
      repo: "The-Island-of-Doctor-Moreau_159", path: "159.txt",
      commit: "74da26981fcb6ef2813d818f7cba6366ded74061",
      sha1: "42bb7ba085e0ee09252559b94c59bf7efc46f64b", bytes: 267_719),
    gitenberg(
      "wells-war-of-the-worlds.txt", "The War of the Worlds", "H. G. Wells",
      repo: "The-War-of-the-Worlds_36", path: "36.txt",
      commit: "8b08fa3a7cbef117c80b2b437adc46e75c37dbf0",
      sha1: "39d324e3de86b5ff63e88f3c8612832a06fff8cc", bytes: 365_445),
    gitenberg(
      "austen-pride-and-prejudice.txt", "Pride and Prejudice", "Jane Austen",
      repo: "Pride-and-Prejudice_1342", path: "1342.txt",
      commit: "81db45c9c48c592f0b77f01fc59e677ad0a5634e",
      sha1: "8bb8d20b196c2c49a9e2a81d2db58031d049260a", bytes: 717_602),
    gitenberg(
      "carroll-alices-adventures-in-wonderland.txt", "Alice's Adventures in Wonderland", "Lewis Carroll",
      repo: "Alice-s-Adventures-in-Wonderland_11", path: "11.txt",
      commit: "7f18748e114b994d5d9454d5793581bc0b9cf9d7",
      sha1: "8b27bf2a3b2f68d74c386119526f53a9c842e788", bytes: 167_546),
    gitenberg(
      "shelley-frankenstein.txt", "Frankenstein", "Mary Wollstonecraft Shelley",
      repo: "Frankenstein_84", path: "84.txt",
      commit: "c98a483bd1f34e7366126b81bcedd1a6faee636e",
      sha1: "1f77be2828a0a1d3a4747fadd4ae3e40b4323303", bytes: 448_717),
    gitenberg(
      "doyle-the-adventures-of-sherlock-holmes.txt", "The Adventures of Sherlock Holmes", "Arthur Conan Doyle",
      repo: "The-Adventures-of-Sherlock-Holmes_1661", path: "1661.txt",
      commit: "7e5dd2703fbf503c004063e96ab7c61262375e5f",
      sha1: "380d5c1e24c0404df419146ccc55d85ccd69a7e6", bytes: 594_941),
    github(
      "shakespeare-tinyshakespeare.txt", "Tiny Shakespeare", "William Shakespeare",
      repo: "karpathy/char-rnn", path: "data/tinyshakespeare/input.txt",
      commit: "6f9487a6fe5b420b7ca9afb0d7c078e37c1d1b4e",
      sha1: "04486597058d11dcc2c556b1d0433891eb639d2e", bytes: 1_115_394),
  ]

  /// The catalogue entry for a file name, or nil for a file the project does not know.
  public static func spec(named name: String) -> DataFileSpec? { all.first { $0.name == name } }

  /// A Project Gutenberg book as the GITenberg project keeps it on GitHub.
  private static func gitenberg(
    _ name: String, _ title: String, _ author: String, repo: String, path: String, commit: String,
    sha1: String, bytes: Int
  ) -> DataFileSpec {
    github(name, title, author, repo: "GITenberg/\(repo)", path: path, commit: commit, sha1: sha1, bytes: bytes)
  }

  /// A raw file of a public GitHub repository at one commit.
  private static func github(
    _ name: String, _ title: String, _ author: String, repo: String, path: String, commit: String,
    sha1: String, bytes: Int
  ) -> DataFileSpec {
    DataFileSpec(
      name: name, title: title, author: author,
      remoteURL: URL(string: "https://raw.githubusercontent.com/\(repo)/\(commit)/\(path)")!,
      sha1: sha1, byteCount: bytes)
  }
}

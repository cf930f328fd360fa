import Foundation

/// A model given as a table: the next-token probabilities after each prefix it lists, and one
/// stated distribution for every prefix it does not. The book's worked example (four tokens,
/// two drawn paths of probabilities) is such a table; so are the tiny seeded models the tests
/// and the exercise search on.
public struct PrefixTableModel: NextTokenModel {
  /// The tokens' names, for printing (`["A", "B", "C", "<eos>"]`).
  public let tokens: [String]
  /// P(next | prefix) for the listed prefixes.
  public let table: [[Int]: [Double]]
  /// P(next | prefix) for every other prefix.
  public let otherwise: [Double]

  /// The state is the prefix read so far.
  public typealias SearchState = [Int]

  public init(tokens: [String], table: [[Int]: [Double]], otherwise: [Double]) {
    for (prefix, row) in table {
      check(row.count == tokens.count, "PrefixTableModel: the row for \(prefix) has \(row.count) probabilities for \(tokens.count) tokens")
    }
    check(otherwise.count == tokens.count, "PrefixTableModel: the default row has \(otherwise.count) probabilities for \(tokens.count) tokens")
    self.tokens = tokens
    self.table = table
    self.otherwise = otherwise
  }

  /// A model over `vocabularySize` tokens whose every prefix up to `depth` tokens gets its own
  /// random distribution (seeded, so the same seed gives the same model): the softmax of normal
  /// logits times `spread` (0 is uniform; larger makes a few tokens likely, as a trained model
  /// does). The last token is <eos> and gets `eosWeight` times its share, so that outputs end
  /// at varied lengths.
  public static func seeded(
    vocabularySize: Int, depth: Int, eosWeight: Double = 1, spread: Double = 1.5, seed: UInt64
  ) -> PrefixTableModel {
    var generator = RandomGenerator(seed: seed)
    var table: [[Int]: [Double]] = [:]
    func row() -> [Double] {
      var weights = (0..<vocabularySize).map { _ in Foundation.exp(spread * Double(generator.nextNormal())) }
      weights[vocabularySize - 1] *= eosWeight
      let sum = weights.reduce(0, +)
      return weights.map { $0 / sum }
    }
    var prefixes: [[Int]] = [[]]
    for _ in 0..<depth {
      var next: [[Int]] = []
      for prefix in prefixes {
        table[prefix] = row()
        next += (0..<vocabularySize).map { prefix + [$0] }
      }
      prefixes = next
    }
    let names = (0..<vocabularySize).map { $0 == vocabularySize - 1 ? "<eos>" : String(UnicodeScalar(UInt8(65 + $0 % 26))) }
    return PrefixTableModel(tokens: names, table: table, otherwise: row())
  }

  public var vocabularySize: Int { tokens.count }

  /// The start of every search: nothing read yet.
  public var start: [Int] { [] }

  public func logProbabilities(in state: [Int]) -> [Double] {
    (table[state] ?? otherwise).map { Foundation.log($0) }
  }

  public func state(after token: Int, in state: [Int]) -> [Int] { state + [token] }

  /// The tokens' names joined, as the book writes a sequence ("A, C, B, <eos>").
  public func spell(_ tokens: [Int]) -> String { tokens.map { self.tokens[$0] }.joined(separator: ", ") }
}

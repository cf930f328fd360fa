// INCOMPLETE MARKER: a stand-in for the NMT data functions that branch i31 is adding to the
// library, so that this lesson can be built and walked before they land. It is deleted when i31
// is merged; nothing here is meant to stay.
import D2L
import Foundation

extension DataFileSpec {
  public static let fraEng = DataFileSpec(name: "fra-eng/fra.txt", title: "fra-eng (Tatoeba)", author: "manythings.org")
}

public func readDataNMT() throws -> String {
  try TextFile.readString(at: DataLocator().locate(.fraEng))
}

public func preprocessNMT(_ text: String) -> String {
  let lowered = text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ").lowercased()
  var out = String.UnicodeScalarView()
  var previous: Unicode.Scalar?
  for scalar in lowered.unicodeScalars {
    if let p = previous, ",.!?".unicodeScalars.contains(scalar), p != " " { out.append(" ") }
    out.append(scalar)
    previous = scalar
  }
  return String(out)
}

public func tokenizeNMT(_ text: String, numExamples: Int? = nil) -> (source: [[String]], target: [[String]]) {
  var source: [[String]] = [], target: [[String]] = []
  for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    if let n = numExamples, i > n { break }
    let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
    if parts.count == 2 {
      source.append(parts[0].split(separator: " ", omittingEmptySubsequences: false).map(String.init))
      target.append(parts[1].split(separator: " ", omittingEmptySubsequences: false).map(String.init))
    }
  }
  return (source, target)
}

public func truncatePad(_ line: [Int], numSteps: Int, paddingToken: Int) -> [Int] {
  line.count > numSteps ? Array(line.prefix(numSteps)) : line + Array(repeating: paddingToken, count: numSteps - line.count)
}

public func buildArrayNMT(_ lines: [[String]], vocab: Vocab, numSteps: Int) -> (array: [Int], validLength: [Int]) {
  let rows = lines.map { truncatePad(vocab.indices(of: $0) + [vocab["<eos>"]], numSteps: numSteps, paddingToken: vocab["<pad>"]) }
  return (rows.flatMap { $0 }, rows.map { $0.filter { $0 != vocab["<pad>"] }.count })
}

public struct NMTBatch {
  public let source, sourceValidLength, target, targetValidLength: [Int]
}

public struct NMTData {
  public let srcVocab, tgtVocab: Vocab
  public let source, sourceValidLength, target, targetValidLength: [Int]
  public let numSteps, batchSize: Int
  public var count: Int { sourceValidLength.count }

  public func batches(using generator: inout RandomGenerator) -> [NMTBatch] {
    let order = (0..<count).shuffled(using: &generator)
    return stride(from: 0, to: count, by: batchSize).map { start in
      let rows = order[start..<min(start + batchSize, count)]
      func take(_ a: [Int]) -> [Int] { rows.flatMap { a[($0 * numSteps)..<(($0 + 1) * numSteps)] } }
      return NMTBatch(
        source: take(source), sourceValidLength: rows.map { sourceValidLength[$0] },
        target: take(target), targetValidLength: rows.map { targetValidLength[$0] })
    }
  }
}

public func loadDataNMT(batchSize: Int, numSteps: Int, numExamples: Int = 600) throws -> NMTData {
  let text = preprocessNMT(try readDataNMT())
  let (source, target) = tokenizeNMT(text, numExamples: numExamples)
  let reserved = ["<pad>", "<bos>", "<eos>"]
  let srcVocab = Vocab(lines: source, minFreq: 2, reservedTokens: reserved)
  let tgtVocab = Vocab(lines: target, minFreq: 2, reservedTokens: reserved)
  let (src, srcValid) = buildArrayNMT(source, vocab: srcVocab, numSteps: numSteps)
  let (tgt, tgtValid) = buildArrayNMT(target, vocab: tgtVocab, numSteps: numSteps)
  return NMTData(
    srcVocab: srcVocab, tgtVocab: tgtVocab, source: src, sourceValidLength: srcValid, target: tgt,
    targetValidLength: tgtValid, numSteps: numSteps, batchSize: batchSize)
}

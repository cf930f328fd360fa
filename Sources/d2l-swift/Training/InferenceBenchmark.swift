import Foundation

extension Benchmark {
  /// Inference timings: greedy generation of `characters` after `prefix`, and the perplexity
  /// of `tokens` as one sequence; medians of `repeats` runs each (after one warm-up run).
  public struct InferenceResult: Sendable {
    public let predictSeconds: Double
    public let evalSeconds: Double
    public let evalTokens: Int
  }

  public static func inference(
    _ model: RNNModel, vocab: Vocab, prefix: String, characters: Int, tokens: [Int32], repeats: Int = 5
  ) -> InferenceResult {
    func median(_ body: () -> Void) -> Double {
      body()
      var times: [Double] = []
      for _ in 0..<max(repeats, 1) {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      }
      return times.sorted()[times.count / 2]
    }
    let predict = median { _ = model.predict(prefix: prefix, count: characters, vocab: vocab) }
    let eval = median { _ = model.perplexity(ofChunks: [tokens]) }
    return InferenceResult(predictSeconds: predict, evalSeconds: eval, evalTokens: tokens.count)
  }
}

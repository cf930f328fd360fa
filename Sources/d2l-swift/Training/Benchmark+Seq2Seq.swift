import Foundation

extension Benchmark {
  /// Trains the book's seq2seq run (a fresh model of `configuration` on `data`) for a warm-up
  /// epoch, then whole epochs for about `seconds`, and measures valid target tokens per second:
  /// the figure the book's `train_seq2seq` prints.
  public static func seq2seqTraining(
    configuration: Seq2SeqConfiguration, data: TranslationData, seconds: Double, warmupEpochs: Int = 1
  ) throws -> Result {
    let trainer = Seq2SeqTrainer(model: Seq2SeqTrainer.freshModel(configuration, data: data), data: data,
                                 configuration: configuration)
    for _ in 0..<warmupEpochs { try trainer.trainEpoch() }
    PhaseClock.reset()
    let start = DispatchTime.now().uptimeNanoseconds
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    var tokens = 0, minibatches = 0
    repeat {
      tokens += try trainer.trainEpoch().tokens
      minibatches += data.loader.numBatches
    } while elapsed < seconds
    let time = elapsed
    return Result(tokensPerSecond: Double(tokens) / time, seconds: time, minibatches: minibatches)
  }
}

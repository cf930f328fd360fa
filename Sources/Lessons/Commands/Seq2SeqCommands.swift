import ArgumentParser
import CourseKit
import D2L
import Foundation
import LessonEngine

/// Which model `train` and `bench` run: the chapter's character-level language model, or the
/// book's English–French seq2seq.
enum ModelKind: String, ExpressibleByArgument, CaseIterable {
  case rnn, seq2seq
}

/// What `train`, `eval` and `bench` do for a seq2seq model: the book's run (`sec_seq2seq`).
enum Seq2SeqCommands {
  /// The book's data for `configuration`, or the command stops with the reason.
  static func data(_ c: Seq2SeqConfiguration, shuffle: Bool = true) throws -> TranslationData {
    do {
      return try loadDataNMT(batchSize: c.batchSize, numSteps: c.numSteps, numExamples: c.numExamples, shuffle: shuffle, seed: c.seed)
    } catch {
      Console.error("error: \(error)")
      throw ExitCode.failure
    }
  }

  /// `lessons train --model seq2seq`: the book's run, the loss every 10 epochs, the book's
  /// closing line, the four translations with their BLEU; saved when asked.
  static func train(_ c: Seq2SeqConfiguration, save: String?, json: Bool) throws {
    let data = try data(c)
    let trainer = Seq2SeqTrainer(model: Seq2SeqTrainer.freshModel(c, data: data), data: data, configuration: c)
    var report: Seq2SeqEpochReport?
    do {
      for epoch in 1...c.epochs {
        report = try trainer.trainEpoch()
        if !json && (epoch % 10 == 0 || epoch == c.epochs) {
          Console.write(String(format: "epoch %d  loss %.4f  %.0f tokens/s\n", epoch, report!.loss, report!.tokensPerSecond))
        }
      }
    } catch {
      Console.error("error: \(error)")
      throw ExitCode.failure
    }
    if let save {
      try Seq2SeqCheckpoint(model: trainer.model, sourceVocab: data.sourceVocab, targetVocab: data.targetVocab, configuration: c,
                            history: trainer.history).save(to: URL(fileURLWithPath: save))
    }
    let translations = zip(bookEnglish, bookFrench).map { english, french in
      let t = trainer.model.predict(english, sourceVocab: data.sourceVocab, targetVocab: data.targetVocab, numSteps: c.numSteps).translation
      return (english, t, bleu(t, french, k: 2))
    }
    if json {
      let object: [String: Any] = [
        "loss": report!.loss, "tokens_per_sec": report!.tokensPerSecond, "epochs": c.epochs,
        "translations": translations.map { ["english": $0.0, "french": $0.1, "bleu": $0.2] as [String: Any] },
      ]
      let out = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      Console.write(String(decoding: out, as: UTF8.self) + "\n")
      return
    }
    Console.write(String(format: "loss %.3f, %.1f tokens/sec on cpu\n", report!.loss, report!.tokensPerSecond))
    for (english, french, score) in translations { Console.write(String(format: "%@ => %@, bleu %.3f\n", english, french, score)) }
  }

  /// The book's four test sentences and their references.
  static let bookEnglish = ["go .", "i lost .", "he's calm .", "i'm home ."]
  static let bookFrench = ["va !", "j'ai perdu .", "il est calme .", "je suis chez moi ."]

  /// `lessons eval` on a seq2seq checkpoint: the book's printed loss over the first pairs in
  /// order, dropout off.
  static func eval(weights: String, json: Bool) throws {
    let checkpoint = try loadSeq2SeqCheckpoint(weights)
    var c = checkpoint.configuration ?? Seq2SeqConfiguration()
    c.seed = 0
    let data = try data(c, shuffle: false)
    guard data.sourceVocab == checkpoint.sourceVocab, data.targetVocab == checkpoint.targetVocab else {
      Console.error("error: \(weights) was trained on other vocabularies than the first \(c.numExamples) pairs of fra-eng give")
      throw ExitCode.failure
    }
    let (loss, tokens) = checkpoint.model.maskedLoss(on: data.loader, bos: data.targetVocab["<bos>"])
    if json {
      let out = try JSONSerialization.data(withJSONObject: ["loss": loss, "tokens": tokens], options: [.sortedKeys])
      Console.write(String(decoding: out, as: UTF8.self) + "\n")
    } else {
      Console.write(String(format: "loss %.6f over %d target tokens (%d pairs)\n", loss, tokens, data.loader.count))
    }
  }

  /// `lessons bench --model seq2seq`: the book's run's training speed in target tokens/s.
  static func bench(seconds: Double, json: Bool, phases: Bool) throws {
    let c = Seq2SeqConfiguration()
    let data = try data(c)
    PhaseClock.enabled = phases
    let result = try Benchmark.seq2seqTraining(configuration: c, data: data, seconds: seconds)
    PhaseClock.enabled = false
    let perBatch = 1000 / Double(max(result.minibatches, 1))
    var object: [String: Any] = [
      "model": "seq2seq", "tokens_per_sec": result.tokensPerSecond, "seconds": result.seconds, "minibatches": result.minibatches,
      "threads": 1, "kernels": Benchmark.kernels.description, "batch_size": c.batchSize, "num_steps": c.numSteps,
      "hidden": c.hiddenSize, "embed": c.embedSize, "layers": c.numLayers, "cpu": cpuName(),
    ]
    if phases {
      object["ms_per_minibatch"] = result.seconds * perBatch
      object["phases_ms_per_minibatch"] = Dictionary(uniqueKeysWithValues: PhaseClock.report.map { ($0.phase, $0.seconds * perBatch) })
    }
    if json {
      let out = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      Console.write(String(decoding: out, as: UTF8.self) + "\n")
      return
    }
    Console.write(String(format: "seq2seq: %.0f target tokens/s (%.3f ms per minibatch, one thread, %@)\n", result.tokensPerSecond,
                         result.seconds * perBatch, cpuName()))
    if phases {
      let width = PhaseClock.report.map(\.phase.count).max() ?? 0
      for p in PhaseClock.report {
        Console.write("  " + p.phase.padding(toLength: width + 2, withPad: " ", startingAt: 0) + String(format: "%7.3f\n", p.seconds * perBatch))
      }
    }
  }

  /// The CPU's model name with its family and model numbers, from /proc/cpuinfo.
  static func cpuName() -> String {
    let lines = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "").split(separator: "\n")
    func field(_ name: String) -> String? {
      lines.first { $0.hasPrefix(name) && $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces).hasPrefix(":") }
        .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
    }
    let name = field("model name") ?? "unknown CPU"
    guard let family = field("cpu family"), let model = field("model") else { return name }
    return "\(name) (family \(family), model \(model))"
  }
}

import D2L
import Foundation
import Testing

@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// `lessons train` when things go wrong: a learning rate that explodes, Ctrl-C in the middle
/// of a run (and `--resume` afterwards), and a crash while a checkpoint is being written.
@Suite(.enabled(if: Reliability.hasData, Reliability.needsData))
struct ReliabilityTrainingTests {
  /// A run small enough for a debug build: 1-layer, hidden 16, 249 minibatches per epoch.
  static let small = ["--layers", "1", "--hidden", "16", "--batch-size", "4", "--num-steps", "10", "--seed", "7"]

  @Test func divergingRunStopsAtTheFirstInfiniteLossWithAHint() throws {
    let result = try LessonsBinary.run(["train", "--lr", "1000", "--epochs", "3", "--hidden", "32"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: training diverged at epoch 1, minibatch "), "\(result.stderr)")
    #expect(result.stderr.contains(", so the perplexity is infinite.\n"), "\(result.stderr)")
    #expect(result.stderr.contains(
      "HINT: lower the learning rate (now 1000.0; the chapter uses 2 with clipping 1), keep gradient clipping on, or use fewer steps per sequence."))
    // Stopped before any epoch finished: no garbage perplexity was printed.
    #expect(!result.stdout.contains("epoch 1/3 ["), "\(result.stdout)")
    #expect(!Reliability.looksLikeACrash(result.stderr))
  }

  /// Ctrl-C stops after the current minibatch, saves a checkpoint, prints the summary and exits
  /// 130; `--resume` then ends exactly where the uninterrupted run ends (sequential sampling
  /// carries the hidden state across the interruption; random sampling does not). SIGINT goes
  /// out once the first of 20 epochs is done, leaving the run plenty of epochs to be stopped in.
  @Test(arguments: [["--cell", "gru", "--iter", "sequential"], ["--cell", "lstm", "--iter", "random"]])
  func interruptSavesPrintsAndResumesToTheSamePerplexity(variant: [String]) throws {
    try Reliability.withTemporaryDirectory { dir in
      let checkpoint = dir.appendingPathComponent("run.safetensors").path
      let run = ["train", "--epochs", "20"] + Self.small + variant
      let child = try LessonsChild(run + ["--save", checkpoint])
      let started = child.waitUntil(timeout: 300) { child.stdout.contains("epoch  1/20") }
      try #require(started, "the first epoch never finished: \(child.stdout) \(child.stderr)")
      child.send(SIGINT)
      let exit = child.wait(timeout: 300)
      #expect(exit.status == 130, "\(child.stderr)")
      #expect(child.stderr.contains("interrupted at epoch "), "\(child.stderr)")
      #expect(child.stderr.contains("; saved \(checkpoint)\ncontinue with: lessons train --resume \(checkpoint)\n"))
      #expect(child.stdout.contains(" minibatches: perplexity "), "no summary of the unfinished epoch: \(child.stdout)")
      #expect(child.stdout.contains("predict(\"time traveller\"): time traveller"))
      #expect(!Reliability.looksLikeACrash(child.stderr))

      let saved = try ModelCheckpoint.load(from: URL(fileURLWithPath: checkpoint))
      #expect((1..<20).contains(saved.history.count))
      #expect(saved.trainingMetadata["partial"] != nil, "no unfinished epoch recorded")

      let resumed = try LessonsBinary.run(["train", "--resume", checkpoint, "--json"])
      let reference = try LessonsBinary.run(run + ["--json"])
      #expect(resumed.status == 0 && reference.status == 0, "\(resumed.stderr) \(reference.stderr)")
      let a = try #require(Reliability.json(resumed.stdout)), b = try #require(Reliability.json(reference.stdout))
      let p = try #require(a["perplexity"] as? Double), q = try #require(b["perplexity"] as? Double)
      #expect(abs(p - q) <= 1e-6, "resumed \(p) vs uninterrupted \(q)")
      #expect(a["epochs"] as? Int == 20)
      #expect(a["predictions"] as? [String: String] == b["predictions"] as? [String: String])
    }
  }

  /// A finished run resumes only to train further: with no more epochs asked for it says so
  /// (it reprinted the stored run as if it had trained); `--epochs` gives the new total; an
  /// option the checkpoint fixes is refused by name.
  @Test func aFinishedRunResumesOnlyToTrainFurther() throws {
    try Reliability.withTemporaryDirectory { dir in
      let checkpoint = dir.appendingPathComponent("done.safetensors").path
      let first = try LessonsBinary.run(["train", "--epochs", "2", "--save", checkpoint, "--json"] + Self.small)
      try #require(first.status == 0, "\(first.stderr)")
      let again = try LessonsBinary.run(["train", "--resume", checkpoint])
      #expect(again.status == 1)
      #expect(again.stderr.contains("holds a finished run of 2 epochs: give --epochs 3 or more to train it further"), "\(again.stderr)")
      let further = try LessonsBinary.run(["train", "--resume", checkpoint, "--epochs", "3", "--json"])
      let reference = try LessonsBinary.run(["train", "--epochs", "3", "--json"] + Self.small)
      let a = try #require(Reliability.json(further.stdout)), b = try #require(Reliability.json(reference.stdout))
      #expect(a["epochs"] as? Int == 3)
      let p = try #require(a["perplexity"] as? Double), q = try #require(b["perplexity"] as? Double)
      #expect(abs(p - q) <= 1e-6, "resumed to 3 epochs \(p) vs 3 epochs straight \(q)")
      let fixed = try LessonsBinary.run(["train", "--resume", checkpoint, "--hidden", "64"])
      #expect(fixed.stderr.hasPrefix("Error: --hidden cannot change a resumed run"), "\(fixed.stderr)")
    }
  }

  /// Ctrl-C in a lesson's training step stops the walk (exit 130) and leaves no checkpoint
  /// behind: a step cannot be resumed with `lessons train --resume`, so it does not say so.
  @Test func anInterruptedLessonStepLeavesNoCheckpoint() throws {
    let left = LessonsBinary.packageRoot.appendingPathComponent(TrainingRun.interruptedPath)
    try? FileManager.default.removeItem(at: left)
    let settings = ["epochs=2000", "numLayers=1", "numHiddens=16", "batchSize=4", "numSteps=10"].flatMap { ["--set", $0] }
    let child = try LessonsChild(["run", "deep-rnn", "--step", "train", "--no-cache"] + settings)
    let started = child.waitUntil(timeout: 300) { child.stdout.contains("/2000 [") }
    try #require(started, "the first epoch never finished: \(child.stdout) \(child.stderr)")
    child.send(SIGINT)
    let exit = child.wait(timeout: 300)
    #expect(exit.status == 130, "\(child.stderr)")
    #expect(!FileManager.default.fileExists(atPath: left.path), "a lesson step saved \(left.path)")
    try? FileManager.default.removeItem(at: left)
    #expect(!child.stderr.contains("--resume"), "\(child.stderr)")
    #expect(!Reliability.looksLikeACrash(child.stderr))
  }

  /// A writer killed in the middle of a save leaves the previous checkpoint as it was. The
  /// temporary file is made a FIFO that the test reads a little of, so the writer is certainly
  /// blocked half-way through writing the new checkpoint when it gets SIGKILL.
  @Test func writerKilledMidSaveLeavesThePreviousCheckpointIntact() throws {
    try Reliability.withTemporaryDirectory { dir in
      let target = dir.appendingPathComponent("model.safetensors")
      var generator = RandomGenerator(seed: 1)
      let model = RNNModel(kind: .gru, vocabSize: 28, hiddenSize: 8, numLayers: 1, using: &generator)
      try ModelCheckpoint(model: model, vocab: .timeMachine).save(to: target)
      let before = try Data(contentsOf: target)

      // hidden 128: a checkpoint of about 400 KB, far more than a pipe holds.
      let child = try LessonsChild(["train", "--layers", "1", "--hidden", "128", "--epochs", "1", "--max-tokens", "2000",
                                    "--save", target.path])
      let temporary = dir.appendingPathComponent(".model.safetensors.\(child.pid).tmp")
      try #require(mkfifo(temporary.path, 0o644) == 0)
      let fd = open(temporary.path, O_RDONLY | O_NONBLOCK)
      try #require(fd >= 0)
      defer { close(fd) }
      var received: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      let writing = child.waitUntil(timeout: 300) {
        let n = read(fd, &buffer, buffer.count)
        if n > 0 { received += buffer[..<n] }
        return received.count >= 4096
      }
      try #require(writing, "the writer never started: \(child.stderr)")
      child.send(SIGKILL)
      let exit = child.wait(timeout: 60)
      #expect(exit.signal == SIGKILL)
      // It was writing a safetensors file (8-byte header length, then JSON)…
      #expect(received[8] == UInt8(ascii: "{"))
      // …and the file it was replacing is untouched and still loads.
      #expect(try Data(contentsOf: target) == before)
      let loaded = try ModelCheckpoint.load(from: target)
      #expect(loaded.model.hiddenSize == 8)
    }
  }
}

/// A checkpoint whose record of the unfinished epoch or whose saved state was damaged (or
/// edited) is refused before training resumes, rather than crashing inside the model.
@Suite struct ReliabilityResumeTests {
  @Test func damagedResumeStateIsRefused() throws {
    var generator = RandomGenerator(seed: 1)
    let model = RNNModel(kind: .lstm, vocabSize: 28, hiddenSize: 4, numLayers: 2, using: &generator)
    let loader = SeqDataLoader(corpus: (0..<2000).map { $0 % 28 }, batchSize: 4, numSteps: 5)
    func refusal(_ tensors: [String: Tensor], _ metadata: [String: String] = [:]) -> String? {
      let checkpoint = ModelCheckpoint(model: model, vocab: .timeMachine, trainingTensors: tensors, trainingMetadata: metadata)
      do {
        _ = try TrainingRun.progress(of: checkpoint, path: "run.safetensors", loader: loader)
        return nil
      } catch {
        return "\(error)"
      }
    }
    let fits = Tensor.zeros([2, 4, 4])
    #expect(refusal(["state.hidden": fits, "state.cell": fits], ["partial": #"{"epoch":1,"completedSteps":3,"lossSum":9.5,"tokens":60,"seconds":0.1}"#]) == nil)
    #expect(refusal(["state.hidden": .zeros([2, 3, 4]), "state.cell": fits])
      == "cannot resume from run.safetensors: tensor 'training.state.hidden' is [2, 3, 4], the run needs [2, 4, 4]")
    #expect(refusal(["state.hidden": fits])
      == "cannot resume from run.safetensors: tensor 'training.state.cell' does not fit a LSTM state of shape [2, 4, 4]")
    #expect(refusal(["state.hidden": Tensor(shape: [2, 4, 4], [Float](repeating: .nan, count: 32)), "state.cell": fits])
      == "cannot resume from run.safetensors: the saved state holds non-finite values")
    #expect(refusal([:], ["partial": "{\"epoch\": 1"])
      == "cannot resume from run.safetensors: metadata 'partial' is not a valid epoch progress record")
    #expect(refusal([:], ["partial": #"{"epoch":5,"completedSteps":3,"lossSum":9.5,"tokens":60,"seconds":0.1}"#])
      == "cannot resume from run.safetensors: metadata 'partial' (epoch 5, minibatch 3) does not follow its 0 finished epochs")
  }
}

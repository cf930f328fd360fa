import CourseKit
import LessonEngine
import ArgumentParser

/// The `lessons` tool: walk through the Deep RNN chapter, train, predict, evaluate, benchmark.
struct LessonsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "Walk through D2L's recurrent-network chapters in the terminal, one runnable step at a time.",
    // The full text (commit, kernels: a git call and a CPU probe) only when it is asked for.
    version: CommandLine.arguments.contains("--version") ? ToolVersion.text() : ToolVersion.number,
    subcommands: [
      InitCommand.self, ListCommand.self, RunCommand.self, OutlineCommand.self, EditCommand.self, ExportCommand.self,
      ExercisesCommand.self, CheckCommand.self, HintCommand.self, ResetCommand.self, ExperimentCommand.self,
      TrainCommand.self, PredictCommand.self, TranslateCommand.self, EvalCommand.self, BenchCommand.self, DataCommand.self, CacheCommand.self,
      AuthorCommand.self,
    ])
}

import CourseKit
import LessonEngine
import ArgumentParser

/// The `lessons` tool: walk through the Deep RNN chapter, train, predict, evaluate, benchmark.
struct LessonsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "Walk through D2L's Deep Recurrent Neural Networks chapter in the terminal.",
    subcommands: [RunCommand.self, ListCommand.self, TrainCommand.self, PredictCommand.self, EvalCommand.self, BenchCommand.self,
                  ExperimentCommand.self, DataCommand.self, EditCommand.self, ExercisesCommand.self, CheckCommand.self, HintCommand.self, ResetCommand.self,
                  AuthorCommand.self])
}

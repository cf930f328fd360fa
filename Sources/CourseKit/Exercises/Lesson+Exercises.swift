import LessonEngine

extension Lesson {
  /// The exercise numbered `number`, or an error naming the valid ones.
  public func exercise(_ number: Int) throws -> ExerciseInfo {
    guard let info = exercises().first(where: { $0.number == number }) else {
      throw ExerciseError.noSuchExercise(number, count: exercises().count)
    }
    return info
  }

  /// The files of code exercise `number`, or an error saying how to do that exercise instead
  /// (`action`: what the caller wanted to do, e.g. "check").
  public func codeFiles(_ number: Int, for action: String) throws -> (ExerciseInfo, ExerciseInfo.CodeFiles) {
    let info = try exercise(number)
    switch info.kind {
    case .code(let files): return (info, files)
    case .experiment(let command): throw ExerciseError.notCode(number: number, command: command, action: action)
    }
  }
}

import LessonEngine

extension Lesson {
  /// The exercise numbered `number`, or an error naming the valid ones.
  public func exercise(_ number: Int) throws -> ExerciseInfo {
    guard let info = exercises().first(where: { $0.number == number }) else {
      throw ExerciseError.noSuchExercise(exerciseName(number), known: exercises().map { exerciseName($0.number) })
    }
    return info
  }

  /// The files of code exercise `number`, or an error saying how to do that exercise instead
  /// (`action`: what the caller wanted to do, e.g. "check").
  public func codeFiles(_ number: Int, for action: String) throws -> (ExerciseInfo, CodeExercise) {
    let info = try exercise(number)
    switch info.kind {
    case .code: return (info, codeExercise(info)!)
    case .experiment(let command):
      throw ExerciseError.notCode(name: exerciseName(number), command: command, action: action)
    }
  }
}

extension Course {
  /// The exercise a learner names (`my-lesson:2`, or a bare `2`: the `context` lesson's, else the
  /// only lesson's that has one numbered so among those `accepted`; see `CourseName`).
  /// - Parameter accepted: the exercises the command applies to (code exercises for `check`).
  /// - Throws: `ExerciseError` naming the choices.
  public func exercise(
    _ text: String, context: Lesson? = nil, accepted: (ExerciseInfo) -> Bool = { _ in true }
  ) throws -> (Lesson, ExerciseInfo) {
    let wanted = CourseName(text)
    guard let number = Int(wanted.name) else { throw ExerciseError.notANumber(text) }
    // A bare number among the exercises the command applies to, when that settles it.
    if wanted.lesson == nil, context?.exercises().contains(where: { $0.number == number }) != true {
      let owners = lessons.filter { $0.exercises().contains { $0.number == number && accepted($0) } }
      if owners.count == 1 { return (owners[0], try owners[0].exercise(number)) }
      // Several: name only those the command applies to (`check 4`: gru:4 and lstm:4, not the
      // lessons whose exercise 4 is a discussion or an experiment).
      if owners.count > 1 {
        throw ExerciseError.name(.ambiguous(kind: "exercise", name: text, choices: owners.map { "\($0.name):\(number)" }))
      }
    }
    do {
      let (lesson, name) = try resolve(text, kind: "exercise", context: context) { $0.exercises().map { String($0.number) } }
      return (lesson, try lesson.exercise(Int(name)!))
    } catch let error as CourseNameError {
      throw ExerciseError.name(error)
    }
  }
}

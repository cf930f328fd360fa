import D2L
import Foundation

/// One lesson of the course, as a plug-in: everything the engine, the command line, the
/// playground and the exercise commands need to know about it, in one value. A lesson target
/// builds its `Lesson` and the `lessons` executable registers it in its one list (`course`).
///
///     public static let lesson = Lesson(
///       name: "my-lesson", title: "lesson.title", module: "MyLesson",
///       files: ["en": "lessons/my-lesson.md", "vi": "lessons/vi/my-lesson.md"],
///       stepsFolder: "Sources/MyLesson/Steps", catalog: catalog, strings: strings, …)
public struct Lesson {
  /// What `lessons run NAME` is given (`my-lesson`).
  public let name: String
  /// The key of its title in `strings`.
  public let titleKey: String
  /// The Swift module of its steps, which the playground's generated `main.swift` imports.
  public let module: String
  /// Its lesson file in each language (a language code to a path relative to the project).
  public let files: [String: String]
  /// The folder of its step types (relative to the project), where the playground and the
  /// lesson files' `{{#include}}` read a step's code.
  public let stepsFolder: String
  /// Every step its files may name.
  public let catalog: StepCatalog
  /// The strings its steps, its exercises and their checks print.
  public let strings: StringTable
  /// Its exercises in the current language (titles and hints are looked up when asked for).
  public let exercises: () -> [ExerciseInfo]
  /// The data files its steps read.
  public let dataFiles: [DataFileSpec]
  /// The data files without which the walk cannot go on: a step that lacks one stops the walk
  /// rather than being skipped (the corpus every step trains on).
  public let indispensableData: [DataFileSpec]
  /// The lessons a learner should have walked through first, by name.
  public let follows: [String]
  /// Step outputs too expensive to compute twice, handed between the walk and the playground.
  public let handovers: [StepHandover]
  /// `--set` overrides that make every step run at tiny sizes (`lessons author check --quick`):
  /// each step's expensive parameters get a quick value here.
  public let quickValues: [String]
  /// The steps whose outputs the step cache keeps (the expensive ones), and how.
  public let cacheCodecs: [StepCodec]
  /// What the book reports for the lesson's training run (the chart's reference point), if anything.
  public let published: PublishedResult?
  /// The lesson's experiments (`lessons experiment LESSON:NAME`), for the course's commands.
  public let experiments: [any LessonExperiment]

  public init(
    name: String, titleKey: String, module: String, files: [String: String], stepsFolder: String,
    catalog: StepCatalog, strings: StringTable, exercises: @escaping () -> [ExerciseInfo] = { [] },
    dataFiles: [DataFileSpec] = [], indispensableData: [DataFileSpec] = [], follows: [String] = [],
    handovers: [StepHandover] = [], quickValues: [String] = [], cacheCodecs: [StepCodec] = [],
    published: PublishedResult? = nil, experiments: [any LessonExperiment] = []
  ) {
    self.name = name
    self.titleKey = titleKey
    self.module = module
    self.files = files
    self.stepsFolder = stepsFolder
    self.catalog = catalog
    self.strings = strings
    self.exercises = exercises
    self.dataFiles = dataFiles
    self.indispensableData = indispensableData
    self.follows = follows
    self.handovers = handovers
    self.quickValues = quickValues
    self.cacheCodecs = cacheCodecs
    self.published = published
    self.experiments = experiments
  }

  /// Its title in the current language.
  public var title: String { strings(titleKey) }

  /// The same lesson under another name and with no files of its own: a copy of its file
  /// elsewhere, run by path.
  func renamed(_ newName: String) -> Lesson {
    Lesson(
      name: newName, titleKey: titleKey, module: module, files: [:], stepsFolder: stepsFolder, catalog: catalog,
      strings: strings, exercises: exercises, dataFiles: dataFiles, indispensableData: indispensableData,
      follows: follows, handovers: handovers, quickValues: quickValues, cacheCodecs: cacheCodecs, published: published,
      experiments: experiments)
  }

  /// Its file in `language`, else the English one.
  public func file(language: String) -> String? { files[language] ?? files["en"] }
}

/// An experiment a lesson brings, as the engine sees it: a name (`2`, `depth`) and a title. The
/// course's commands run it (CourseKit's `ExperimentPlugin`); the engine only lists it.
public protocol LessonExperiment {
  /// Its name within the lesson: an exercise number, or a word.
  var name: String { get }
  /// What it measures, in the current language.
  var title: String { get }
}

/// A step output handed between the walk and the playground as a file, so that the playground
/// does not compute it again (the trained model).
public protocol StepHandover {
  /// The step whose output is handed over.
  var stepID: String { get }
  /// The file in `folder` that holds it.
  func file(in folder: URL) -> URL
  /// Saves the step's output from `results` into `folder`, if the step has run.
  func save(_ results: StepResults, in folder: URL) throws
  /// Puts the step's output into `results` from `folder`; false when there is none.
  func load(into results: StepResults, from folder: URL) throws -> Bool
}

import CourseKit
import LessonEngine
import ArgumentParser

// Downloads go to the workspace's data/ (the library reads D2L_CACHE_DIR), not the current folder.
Workspace.exportDataCache()
// The learner's language before anything is parsed, so that every error speaks it.
LanguageOption.applyEarly(CommandLine.arguments)
LessonsCommand.mainInTheLearnersLanguage()

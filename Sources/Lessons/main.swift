import CourseKit
import LessonEngine
import ArgumentParser

// Downloads go to the workspace's data/ (the library reads D2L_CACHE_DIR), not the current folder.
Workspace.exportDataCache()
LessonsCommand.main()

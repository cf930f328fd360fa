import CourseKit
import LessonEngine
import ArgumentParser

LessonsCommand.main()

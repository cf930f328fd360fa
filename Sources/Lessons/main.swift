import DeepRNNLesson
import LessonEngine
import ArgumentParser

LessonsCommand.main()

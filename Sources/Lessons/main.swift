import ArgumentParser

LessonsCommand.main()

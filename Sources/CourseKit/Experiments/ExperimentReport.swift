import LessonEngine
/// Everything an experiment measured, in the shape it is saved (JSON) and shown (terminal).
public struct ExperimentReport: Codable {
  /// A chart's data: drawn with characters in the terminal and saved as an SVG file.
  public struct Chart: Codable, Equatable {
    enum Kind: String, Codable {
      /// One value per epoch: a `TextChart` of curves in the terminal.
      case curves
      /// A few labelled points per series: horizontal bars in the terminal.
      case bars
    }
    struct Series: Codable, Equatable {
      var name: String
      var x: [Double]
      var y: [Double]
      /// A label per point for the bars (e.g. the setting's name).
      var labels: [String] = []
    }
    /// Names the SVG file: `exercise-2-<slug>.svg`.
    var slug: String
    var kind: Kind
    var title: String
    var xLabel: String
    var yLabel: String
    var series: [Series]
  }

  /// A generated text, for samples shown side by side.
  public struct Sample: Codable, Equatable {
    var prefix: String
    var setting: String
    var text: String
  }

  public var exercise: Int
  /// The experiment's name when it is not a numbered exercise (`depth`): titles and file names.
  public var name: String? = nil
  public var title: String
  public var budget: ExperimentBudget
  public var settings: [SettingResult]
  /// The held-out passages every setting was measured on (the same for all settings).
  public var heldOut: [HeldOutRecord]
  /// The main table: a row per setting.
  public var table: ResultTable
  /// Further tables, each with a heading (e.g. perplexity per author).
  public var extraTables: [Titled] = []
  public var charts: [Chart] = []
  public var samples: [Sample] = []
  /// What the numbers say, in sentences built from them.
  public var notes: [String] = []
  /// The CSV file's rows when the generic one (`ExperimentFiles.csv`) lacks the experiment's
  /// own columns (the depth experiment's layers and parameters).
  public var csv: ResultTable? = nil
  public var wallSeconds: Double = 0

  public struct Titled: Codable, Equatable {
    var title: String
    var table: ResultTable
  }
}

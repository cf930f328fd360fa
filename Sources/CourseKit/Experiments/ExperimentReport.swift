import LessonEngine
/// Everything an experiment measured, in the shape it is saved (JSON) and shown (terminal).
public struct ExperimentReport: Codable {
  /// A chart's data: drawn with characters in the terminal and saved as an SVG file.
  public struct Chart: Codable, Equatable {
    public enum Kind: String, Codable {
      /// One value per epoch: a `TextChart` of curves in the terminal.
      case curves
      /// A few labelled points per series: horizontal bars in the terminal.
      case bars
    }
    public struct Series: Codable, Equatable {
      public var name: String
      public var x: [Double]
      public var y: [Double]
      /// A label per point for the bars (e.g. the setting's name).
      public var labels: [String] = []

      public init(name: String, x: [Double], y: [Double], labels: [String] = []) {
        self.name = name
        self.x = x
        self.y = y
        self.labels = labels
      }
    }
    /// Names the SVG file: `exercise-2-<slug>.svg`.
    public var slug: String
    public var kind: Kind
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]

    public init(slug: String, kind: Kind, title: String, xLabel: String, yLabel: String, series: [Series]) {
      self.slug = slug
      self.kind = kind
      self.title = title
      self.xLabel = xLabel
      self.yLabel = yLabel
      self.series = series
    }
  }

  /// A generated text, for samples shown side by side.
  public struct Sample: Codable, Equatable {
    public var prefix: String
    public var setting: String
    public var text: String

    public init(prefix: String, setting: String, text: String) {
      self.prefix = prefix
      self.setting = setting
      self.text = text
    }
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
    public var title: String
    public var table: ResultTable

    public init(title: String, table: ResultTable) {
      self.title = title
      self.table = table
    }
  }

  public init(exercise: Int, name: String? = nil, title: String, budget: ExperimentBudget, settings: [SettingResult], heldOut: [HeldOutRecord], table: ResultTable, extraTables: [Titled] = [], charts: [Chart] = [], samples: [Sample] = [], notes: [String] = [], csv: ResultTable? = nil, wallSeconds: Double = 0) {
    self.exercise = exercise
    self.name = name
    self.title = title
    self.budget = budget
    self.settings = settings
    self.heldOut = heldOut
    self.table = table
    self.extraTables = extraTables
    self.charts = charts
    self.samples = samples
    self.notes = notes
    self.csv = csv
    self.wallSeconds = wallSeconds
  }
}

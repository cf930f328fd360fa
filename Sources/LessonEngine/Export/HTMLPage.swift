/// The page around the lesson: UTF-8, a viewport for phones, and one inline stylesheet with a
/// light and a dark theme (`prefers-color-scheme`). Only system fonts, so Vietnamese letters
/// come from fonts that have them, and nothing is fetched.
enum HTMLPage {
  static func page(title: String, language: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(HTML.escape(language))">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta name="generator" content="\(HTML.escape(RunRecord.toolVersion)) lessons export">
    <title>\(HTML.escape(title))</title>
    <style>
    \(stylesheet)
    </style>
    </head>
    <body>
    <main>
    \(body)
    </main>
    </body>
    </html>

    """
  }

  static let stylesheet = """
    :root {
      --bg: #ffffff; --fg: #1b1f24; --muted: #5b6470; --rule: #d8dde3; --panel: #f5f7f9; --link: #0b5cad;
      --kw: #a626a4; --ty: #0e7c86; --st: #2f7d32; --cm: #7a828c; --nu: #a65e00;
      --s0: #1f77b4; --s1: #d62728; --s2: #2ca02c; --s3: #9467bd; --s4: #ff7f0e;
      --ran: #2f7d32; --edited: #a65e00; --cached: #0b5cad; --skipped: #b3261e;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #121417; --fg: #e4e7eb; --muted: #9aa3ad; --rule: #2e343b; --panel: #1b1f24; --link: #7ab7ff;
        --kw: #e08de0; --ty: #5fd0d8; --st: #8fd18f; --cm: #8b949e; --nu: #f0b35e;
        --s0: #6cb4ee; --s1: #ff7b72; --s2: #7ee787; --s3: #d2a8ff; --s4: #ffa657;
        --ran: #7ee787; --edited: #f0b35e; --cached: #7ab7ff; --skipped: #ff7b72;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg);
      font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
    main { max-width: 52rem; margin: 0 auto; padding: 1rem 1rem 4rem; overflow-wrap: break-word; }
    a { color: var(--link); }
    h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.75rem; }
    h1 { font-size: 1.9rem; }
    .secno { color: var(--muted); font-weight: normal; margin-right: 0.25rem; }
    .anchor { margin-left: 0.4rem; text-decoration: none; color: var(--muted); opacity: 0.5; font-weight: normal; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, .anchor:focus { opacity: 1; }
    code, pre, .output-equation { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
    code { font-size: 0.9em; }
    pre { font-size: 0.85rem; line-height: 1.45; background: var(--panel); border: 1px solid var(--rule);
      border-radius: 6px; padding: 0.75rem 1rem; overflow-x: auto; }
    pre code { font-size: inherit; }
    .kw { color: var(--kw); } .ty { color: var(--ty); } .st { color: var(--st); }
    .cm { color: var(--cm); font-style: italic; } .nu { color: var(--nu); }
    math { font-size: 1.1em; }
    math[display="block"] { overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 0.25rem 0; }
    mtable.aligned > mtr > mtd:nth-child(odd) { text-align: right; padding: 0.15em 0 0.15em 0.6em; }
    mtable.aligned > mtr > mtd:nth-child(even) { text-align: left; padding: 0.15em 0.6em 0.15em 0; }
    .equation { display: flex; align-items: center; gap: 1rem; margin: 1rem 0; }
    .equation math { flex: 1; min-width: 0; }
    .eqno { color: var(--muted); white-space: nowrap; }
    .equation:target, section.step:target { background: var(--panel); }
    .step { border-left: 3px solid var(--rule); padding: 0.25rem 0 0.25rem 0.9rem; margin: 1.5rem 0; }
    .step-header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.5rem; font-size: 0.95rem; }
    .stepno { font-weight: 600; text-decoration: none; }
    .summary { color: var(--muted); }
    .badge { margin-left: auto; font-size: 0.8rem; border: 1px solid currentColor; border-radius: 999px;
      padding: 0 0.5rem; white-space: nowrap; }
    .state-ran { border-left-color: var(--ran); } .state-ran .badge { color: var(--ran); }
    .state-edited { border-left-color: var(--edited); } .state-edited .badge { color: var(--edited); }
    .state-cached { border-left-color: var(--cached); } .state-cached .badge { color: var(--cached); }
    .state-skipped { border-left-color: var(--skipped); } .state-skipped .badge { color: var(--skipped); }
    .state-notRun .badge, .not-run { color: var(--muted); }
    pre.output { background: transparent; border-style: dashed; }
    .output-equation { overflow-x: auto; margin: 0.5rem 0; }
    figure { margin: 1rem 0; }
    figcaption { color: var(--muted); font-size: 0.9rem; }
    /* On a phone a chart or heatmap keeps a readable size and scrolls sideways, as code does. */
    figure.chart, figure.heatmap { overflow-x: auto; }
    svg.chart { width: 100%; min-width: 26rem; max-width: 44rem; height: auto; display: block; }
    svg.heatmap { width: 100%; height: auto; display: block; }
    svg text { fill: var(--fg); font: 13px system-ui, sans-serif; }
    svg .tick { fill: var(--muted); }
    svg.heatmap text { font-size: 10px; }
    svg .heat-char { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    svg .axis { stroke: var(--muted); fill: none; }
    svg .grid { stroke: var(--rule); fill: none; stroke-dasharray: 3 3; }
    svg .line { fill: none; stroke-width: 2; stroke-linejoin: round; }
    .series-0 { stroke: var(--s0); fill: var(--s0); } .series-1 { stroke: var(--s1); fill: var(--s1); }
    .series-2 { stroke: var(--s2); fill: var(--s2); } .series-3 { stroke: var(--s3); fill: var(--s3); }
    .series-4 { stroke: var(--s4); fill: var(--s4); }
    svg path.line { fill: none; }
    .table-scroll { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.9rem; }
    th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    td code { white-space: nowrap; }
    td.params { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.8rem; }
    .receipt { border-top: 2px solid var(--rule); margin-top: 3rem; }
    .receipt dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
    .receipt dt { color: var(--muted); } .receipt dd { margin: 0; }
    .exported { color: var(--muted); font-size: 0.9rem; }
    img { max-width: 100%; }
    @media (max-width: 480px) {
      body { font-size: 16px; }
      main { padding: 0.5rem 0.75rem 3rem; }
      .step { padding-left: 0.6rem; }
      pre { padding: 0.6rem; font-size: 0.78rem; }
      .receipt dl { grid-template-columns: 1fr; }
    }
    """
}

/// The site's stylesheet: readable on phones and desktops, high contrast, visible focus, print styles.
enum Stylesheet {
    static let css = """
        :root { --ink: #1a1a1a; --muted: #4a4a4a; --accent: #0b5394; --accent-dark: #073763; --bg: #ffffff; --soft: #eef3f8; --line: #c4ccd4; --warn: #7a4b00; --warn-bg: #fff4d6; }
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        a:hover { color: var(--accent-dark); }
        :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
        .skip-link { position: absolute; left: -999px; top: 0; background: var(--accent-dark); color: #fff; padding: .5rem 1rem; z-index: 10; }
        .skip-link:focus { left: 0; }
        .site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 2rem; padding: .75rem 1rem; background: var(--accent-dark); }
        .site-header a { color: #fff; }
        .brand { font-weight: 700; font-size: 1.4rem; text-decoration: none; }
        .site-header ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
        .site-header a[aria-current] { text-decoration-thickness: 3px; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.8rem; line-height: 1.2; margin: .5rem 0 1rem; }
        h2 { font-size: 1.35rem; margin-top: 2rem; }
        .lead { font-size: 1.1rem; color: var(--muted); }
        .notice { background: var(--warn-bg); color: var(--warn); border-left: 4px solid var(--warn); padding: .5rem 1rem; margin-bottom: 1rem; }
        .error-list { background: #fde8e8; border-left: 4px solid #a00; padding: .5rem 1rem; color: #6b0000; }
        form.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin: 1rem 0; }
        form.search .field { display: flex; flex-direction: column; min-width: 12rem; flex: 1 1 12rem; }
        label { font-weight: 600; font-size: .95rem; }
        form.stacked { max-width: 28rem; }
        form.stacked .field { display: flex; flex-direction: column; margin-bottom: 1rem; }
        .field-error { color: #8b0000; margin: 0 0 .25rem; }
        .mail { border-bottom: 1px solid var(--line); }
        .mail pre { white-space: pre-wrap; }
        input, select, button { font: inherit; padding: .45rem .6rem; border: 1px solid #6b7580; border-radius: 4px; background: #fff; color: var(--ink); }
        button, .button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; text-decoration: none; display: inline-block; }
        button:hover { background: var(--accent-dark); }
        .results { list-style: none; padding: 0; margin: 0; }
        .results li { padding: .6rem 0; border-bottom: 1px solid var(--line); }
        .results .name { font-weight: 600; font-size: 1.05rem; }
        .meta { color: var(--muted); font-size: .95rem; }
        .badge { display: inline-block; background: var(--soft); border: 1px solid var(--line); border-radius: 3px; padding: 0 .35rem; font-size: .85rem; color: var(--ink); }
        .historical { background: var(--warn-bg); color: var(--warn); border-color: var(--warn); }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .table-wrap { overflow-x: auto; }
        dl.facts { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .3rem 1rem; margin: 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        .profile { display: grid; grid-template-columns: 1fr; gap: 1.5rem; }
        @media (min-width: 50rem) { .profile { grid-template-columns: 3fr 2fr; } }
        .map svg { width: 100%; height: auto; max-width: 28rem; border: 1px solid var(--line); background: var(--soft); }
        .map .outline { fill: #fff; stroke: #8a96a3; stroke-width: .6; }
        .map .neighbour { fill: var(--accent); }
        .map .self { fill: #b00020; stroke: #fff; stroke-width: 1; }
        .map .other { fill: #8a96a3; }
        .map text { font-size: 7px; fill: var(--ink); }
        .pagination { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: 1rem 0; }
        .stats { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
        .stats li { background: var(--soft); padding: .75rem 1rem; border-radius: 4px; min-width: 10rem; }
        .stats strong { display: block; font-size: 1.4rem; }
        .columns { columns: 16rem; }
        .badge-demo { background: #fff4d6; border-color: var(--warn); color: var(--warn); }
        .badge-warn { background: #fde8e8; border-color: #a00; color: #6b0000; }
        .hint { color: var(--muted); font-size: .9rem; margin: 0 0 .25rem; }
        form.stacked fieldset { border: 1px solid var(--line); margin: 0 0 1rem; padding: .5rem .75rem; }
        form.stacked legend { font-weight: 600; }
        form.stacked details { margin: 0 0 1rem; }
        form.stacked summary { cursor: pointer; font-weight: 600; }
        form.stacked textarea, form.stacked input, form.stacked select { font: inherit; padding: .35rem; }
        form.inline { display: inline; }
        form.stacked + form.stacked, .table-wrap + form.stacked { margin-top: 1.5rem; }
        form.stacked.wide { max-width: 60rem; }
        form.stacked.wide textarea { font-family: ui-monospace, monospace; font-size: .9rem; }
        .warning { color: var(--warn); }
        .explanation { margin: .25rem 0 0; padding-left: 1.25rem; font-size: .92rem; }
        details > summary { cursor: pointer; color: var(--accent); }
        .thread { list-style: none; padding: 0; }
        .thread li { border-left: 3px solid var(--line); padding: .25rem .75rem; margin-bottom: .75rem; }
        blockquote { margin: .25rem 0; padding-left: .75rem; border-left: 3px solid var(--line); }
        .site-footer { border-top: 1px solid var(--line); margin-top: 3rem; padding: 1rem; font-size: .85rem; color: var(--muted); max-width: 72rem; margin-left: auto; margin-right: auto; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .inline-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
        table.grid td.cell { min-width: 9rem; vertical-align: top; }
        .cell.drop-target { outline: 3px dashed var(--accent); }
        .card { border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: .25rem .4rem; margin: .15rem 0; background: #fff; }
        .card[draggable="true"] { cursor: grab; }
        .card.pinned { border-left-color: #333; background: #f1f1f1; }
        .card.conflicted { border-left-color: #a00; background: #fde8e8; }
        .card .meta { display: block; }
        .conflicts ul { color: #6b0000; }
        body.stage { background: #000; color: #fff; margin: 0; min-height: 100vh; font-size: 1.5rem; }
        body.stage main { max-width: none; padding: 2rem 3rem; text-align: center; }
        .stage-event { color: #ddd; font-size: 1.4rem; margin: 0; }
        .stage-current { font-size: 3rem; margin: 1.5rem 0; color: #fff; }
        .countdown { font-size: 16rem; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; margin: 1rem 0; }
        .countdown.small { font-size: 4rem; }
        .stage-next, .stage-status { font-size: 1.8rem; color: #eee; }
        body.stage.signal-bald { background: #ffd400; color: #000; }
        body.stage.signal-bald .stage-event, body.stage.signal-bald .stage-next, body.stage.signal-bald .stage-status, body.stage.signal-bald .stage-current { color: #000; }
        body.stage.signal-vorbei { background: #b00000; color: #fff; }
        .moderator { border: 2px solid var(--line); padding: .5rem 1rem; margin: 1rem 0; }
        .moderator.signal-bald { border-color: #8a6d00; background: #fff4d6; }
        .moderator.signal-vorbei { border-color: #a00; background: #fde8e8; }
        .controls button { margin: .2rem; }
        .room-sign { margin-bottom: 2rem; }
        .room-sign h2 { font-size: 3rem; }
        @media print {
          .no-print { display: none; }
          .room-sign { page-break-after: always; break-after: page; }
          .site-header nav, form.search, form.stacked, form.inline, .pagination, .skip-link { display: none; }
          .site-header { background: none; } .site-header a { color: #000; }
          a { color: #000; text-decoration: none; }
          main { max-width: none; }
        }
        """
}

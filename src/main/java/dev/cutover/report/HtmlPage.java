package dev.cutover.report;

/**
 * The frame every Cutover HTML page shares: doctype, UTF-8, viewport, title and one inline style sheet. Nothing
 * is loaded from elsewhere (no fonts, scripts or images), so the page opens offline, from a file, in a war room.
 */
final class HtmlPage {
    private static final String CSS = String.join(
            "\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:72rem;",
            "  padding:1rem 1.5rem;color:#1d2329;line-height:1.45}",
            "h1{margin-bottom:.2rem}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}",
            "h3{margin-top:1.6rem;background:#f2f4f7;padding:.3rem .5rem;border-radius:4px}",
            "code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}",
            "pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:.5rem .7rem;",
            "  white-space:pre-wrap;overflow-wrap:anywhere;margin:.2rem 0 .7rem}",
            "nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0}",
            "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;",
            "  text-align:left;vertical-align:top}th{background:#f2f4f7}",
            ".lead{color:#57606a}.label{font-weight:600;margin:.5rem 0 0}",
            ".step{border:1px solid #d0d7de;border-left:5px solid #8c959f;border-radius:4px;padding:.2rem .9rem;",
            "  margin:.8rem 0}",
            ".step h4{margin:.5rem 0}.step.human{border-left-color:#0969da}",
            ".step.pnr{border:2px solid #cf222e;border-left:8px solid #cf222e;background:#fff5f5}",
            ".badge{display:inline-block;font-size:.75em;font-weight:700;padding:.05rem .4rem;border-radius:3px;",
            "  margin-left:.4rem;color:#fff;background:#57606a;vertical-align:middle}",
            ".badge.pnr{background:#cf222e}.badge.irreversible{background:#9a6700}.badge.human{background:#0969da}",
            ".facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.4rem 0}",
            ".facts dt{font-weight:600}.facts dd{margin:0}",
            ".risk-high{color:#cf222e;font-weight:700}",
            ".gate{border:2px solid #9a6700;background:#fff8c5;border-radius:4px;padding:.3rem .9rem;margin:.6rem 0}",
            ".callout{border:2px solid #cf222e;background:#fff5f5;border-radius:4px;padding:.5rem .9rem}",
            ".none{color:#57606a;font-style:italic}",
            ".checklist{list-style:none;padding-left:.2rem}.checklist li::before{content:'\\2610  '}",
            ".bar{fill:#2da44e}.bar.failed{fill:#cf222e}.bar.skipped{fill:#8c959f}.bar.in-flight{fill:#0969da}",
            ".bar.over{stroke:#bc4c00;stroke-width:2}.plan{fill:#d0d7de}",
            ".verdict{font-size:1.2em}.verdict.completed{color:#1a7f37}.verdict.halted,.verdict.failed,",
            "  .verdict.aborted,.verdict.interrupted{color:#cf222e}",
            "tr.failed td{background:#fff5f5}tr.skipped td,tr.blocked td{color:#57606a}",
            "svg{max-width:100%;height:auto}.axis{stroke:#8c959f;stroke-width:1}svg text{font-size:11px;font-family:ui-monospace,monospace}",
            "@media print{.step,.gate{break-inside:avoid}nav{display:none}}");

    private HtmlPage() {}

    /** Writes everything up to and including the opening {@code <body>}. */
    static HtmlWriter begin(String title) {
        HtmlWriter html = new HtmlWriter();
        html.open("html", "lang", "en", "xmlns", "http://www.w3.org/1999/xhtml").open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", title);
        html.style(CSS);
        return html.close("head").open("body");
    }

    /** Closes the body and the page and returns its text. */
    static String end(HtmlWriter html) {
        return html.close("body").close("html").finish();
    }
}

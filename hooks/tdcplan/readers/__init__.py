"""Readers of the data directory, one module per kind of file (used by :mod:`tdcplan.load`).

* :mod:`.files` — the shared state of one pass: file names, the problems found, YAML reading;
* :mod:`.registries` — ``units.yml`` and ``references.yml`` (one reader for both);
* :mod:`.plan` — ``plans/<year>/plan.yml``, read into drafts of groups and tasks;
* :mod:`.records` — the per-plan records that change tasks: ``corrections.yml``, ``status.yml``.

Readers never raise on bad data: they record a :class:`~tdcplan.problems.Problem`
(``path:line: message``) and return ``None`` for what they could not read.
"""

"""tdcplan: the plan data of the HCMC standards, metrology and quality site.

Data flows one way: YAML in ``data/`` -> :mod:`tdcplan.load` (validated model,
:mod:`tdcplan.model`) -> page and export renderers -> MkDocs (only through the
thin hook ``hooks/plan_site.py``). Nothing in the model layer imports MkDocs.
"""

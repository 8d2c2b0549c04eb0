"""Detection: which passages of an epic are about a decision, before any check judges them.

``text/`` turns a description into passages (headings, labels, table rows and columns, list
leads, questions, paragraphs); this package attributes them to concepts (``concepts``: how a
pack names a decision and how it shows in running text; ``attribution``: the candidates a
rule judges, titled passages, fields and cue sentences). Checks only ever see the candidates.
"""

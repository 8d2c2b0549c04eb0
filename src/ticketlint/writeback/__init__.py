"""Write-back: keep one managed comment and the managed labels on every epic.

* :mod:`.settings` — the ``apply:`` section of ticketlint.yaml.
* :mod:`.comment` — the managed comment: its content, fingerprint, wiki or ADF body, and
  how ticketlint recognises its own comment.
* :mod:`.plan` — desired state vs current state of one epic → the writes that close the gap.
* :mod:`.execute` — the writes themselves: a bounded pool, a budget, ownership checked
  before any edit or delete, no blind retry of a comment POST.
"""

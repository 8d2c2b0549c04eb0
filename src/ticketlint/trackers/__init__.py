"""Where epics come from: offline exports (file.py) and, later, live trackers.

Every tracker turns its issues into the core's Epic model at this boundary (issue.py);
checks never see a tracker object.
"""

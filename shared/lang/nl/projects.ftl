# Projects, the funding view and the IATI export.

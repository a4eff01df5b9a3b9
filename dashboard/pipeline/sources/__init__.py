"""Source clients and readers: CBS OData, PDOK OGC API, the offline snapshot, all turned into
:class:`records.RawTable`. Imports shared modules and geo/ only."""

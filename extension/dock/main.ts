// dock entry: filled by its issue.

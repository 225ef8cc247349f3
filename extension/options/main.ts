// options entry: filled by its issue.

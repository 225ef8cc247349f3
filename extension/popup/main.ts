// popup entry: filled by its issue.

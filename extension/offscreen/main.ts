// offscreen entry: filled by its issue.

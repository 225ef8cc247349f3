// onboarding entry: filled by its issue.

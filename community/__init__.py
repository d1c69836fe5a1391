"""The community area: members, startups and incubators, onboarding, readers' feedback."""

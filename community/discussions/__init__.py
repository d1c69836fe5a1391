"""Discussions in working groups: threads, replies, mentions, notifications and moderation."""

"""GitBook export importer: `SUMMARY.md` tree, GitBook Markdown constructs → guide pages."""

from .importer import GitbookImport, find_parent

__all__ = ["GitbookImport", "find_parent"]

"""Calls for applications: their pages (index, one per call) and the applications they receive."""

from .applications import Application
from .pages import CallIndexPage, CallLaureate, CallPage, CallQuestion

__all__ = ["Application", "CallIndexPage", "CallLaureate", "CallPage", "CallQuestion"]

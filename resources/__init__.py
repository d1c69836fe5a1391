"""The resources area: the method (guides), the shared library and site search."""

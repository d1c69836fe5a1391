"""Visitors of two application nodes for bench/nodes.py: the readers of bench/locustfile.py, half per node.

BENCH_NODES holds the two nodes' base URLs, comma-separated; locust spreads the users evenly over
the two user classes (same weight), so each node gets half of them. Every request is named after
its node ("nœud A", "nœud B"), so locust's figures come per node.
"""

import os

import locustfile  # bench/, put on the path by locust; imported as a module, so its class isn't run

NODES = os.environ["BENCH_NODES"].split(",")


class _NodeVisitor(locustfile.Visitor):
    """The reader of the one-node bench, its requests named after the node it reads."""

    abstract = True
    node = ""

    def on_start(self):
        request = self.client.request

        def named(method, url, name=None, **kwargs):
            return request(method, url, name=self.node, **kwargs)

        self.client.request = named


class VisitorOfNodeA(_NodeVisitor):
    host, node = NODES[0], "nœud A"


class VisitorOfNodeB(_NodeVisitor):
    host, node = NODES[1], "nœud B"

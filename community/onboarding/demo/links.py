"""Addresses and contacts the demo content points to (the network's real public tools)."""

ESPACE_MEMBRE = "https://espace-membre.incubateur.net/"
MESSAGERIE = "https://mattermost.incubateur.net/"
DOCUMENTATION = "https://doc.incubateur.net/"


def contact(name, role="", email="", url="", description=""):
    return {"name": name, "role": role, "email": email, "url": url, "description": description}

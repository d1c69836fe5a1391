"""« Vers qui me tourner ? »: from a difficulty to the guides, the contact, the channel and the people.

models.py   situations (snippets edited by coaches), their numbers, resources and contacts;
            members' « j'accepte d'être contacté·e » and the anonymous « ça m'a aidé » answers
routing.py  what one reader gets for one situation (readable guides, their incubator's contact)
figures.py  « problèmes résolus », summed by /chiffres/
"""

"""Factories for the help router: situations with their numbers, resources and contacts."""

import factory

from community.help.models import HelpContact, HelpNumber, HelpResource, HelpSituation


class HelpSituationFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Situation {n}")
    slug = factory.Sequence(lambda n: f"situation-{n}")
    description = "Une difficulté que les membres rencontrent."
    channel_label = "Canal Mattermost ~entraide"
    channel_url = "https://mattermost.example.org/communaute/channels/entraide"

    class Meta:
        model = HelpSituation


def add_number(situation, label, number, **fields):
    return HelpNumber.objects.create(situation=situation, label=label, number=number, **fields)


def add_page(situation, page, position=0):
    return HelpResource.objects.create(situation=situation, page=page, sort_order=position)


def add_contact(situation, name, incubator=None, **fields):
    return HelpContact.objects.create(situation=situation, name=name, incubator=incubator, **fields)

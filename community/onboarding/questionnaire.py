"""The exit questionnaire: a leaver answers once per departure path; coaches read only aggregates.

Answers are stored without the account (models/questionnaires.py) and shown only for groups of at
least MIN_GROUP_SIZE answers: the whole network, each role, each incubator. Below that a group says
« pas assez de réponses pour les montrer », so nobody can recognise one colleague's answer.
"""

from dataclasses import dataclass, field

from django import forms
from django.db import IntegrityError, transaction

from .models.questionnaires import ExitAnswer, ExitAnswerReceipt

MIN_GROUP_SIZE = 5
TOO_FEW = "Pas assez de réponses pour les montrer."


class ExitQuestionnaireForm(forms.Form):
    """Three questions, the score required: a leaver may have nothing to write."""

    went_well = forms.CharField(
        label="Qu'est-ce qui s'est bien passé ?", required=False, max_length=2000, widget=forms.Textarea
    )
    to_improve = forms.CharField(
        label="Qu'est-ce qui serait à améliorer ?", required=False, max_length=2000, widget=forms.Textarea
    )
    recommendation = forms.TypedChoiceField(
        label="Recommanderiez-vous la communauté à un·e collègue ? (0 : pas du tout, 10 : tout à fait)",
        choices=[(str(score), str(score)) for score in range(11)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez une note de 0 à 10.",
            "invalid_choice": "Choisissez une note de 0 à 10.",
        },
    )


def has_answered(user, path) -> bool:
    return user.is_authenticated and ExitAnswerReceipt.objects.filter(user=user, path=path).exists()


def record_answer(user, path, data, role=None, incubator=None) -> bool:
    """Store the answer and the receipt together; False (nothing stored) if this account already answered."""
    try:
        with transaction.atomic():
            ExitAnswerReceipt.objects.create(user=user, path=path)
            ExitAnswer.objects.create(
                path=path,
                role=role,
                incubator=incubator,
                went_well=data.get("went_well", "").strip(),
                to_improve=data.get("to_improve", "").strip(),
                recommendation=data["recommendation"],
            )
    except IntegrityError:
        return False
    return True


@dataclass
class AnswerGroup:
    """The answers of one group (network, role, incubator), shown only from MIN_GROUP_SIZE answers."""

    label: str
    scores: list = field(default_factory=list)
    went_well: list = field(default_factory=list)
    to_improve: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.scores)

    @property
    def shown(self) -> bool:
        return self.count >= MIN_GROUP_SIZE

    @property
    def average(self):
        return round(sum(self.scores) / self.count, 1) if self.shown else None

    @property
    def recommend_share(self):
        """Share (%) of answers at 9 or 10: those who would recommend the community."""
        return round(100 * sum(1 for s in self.scores if s >= 9) / self.count) if self.shown else None

    @property
    def distribution(self):
        """[(score, count)] from 0 to 10, for the bar chart's data table."""
        return [(score, self.scores.count(score)) for score in range(11)] if self.shown else []

    # Free texts sorted alphabetically (no order of arrival to trace back), only when shown.
    @property
    def sorted_went_well(self):
        return sorted(self.went_well, key=str.casefold) if self.shown else []

    @property
    def sorted_to_improve(self):
        return sorted(self.to_improve, key=str.casefold) if self.shown else []


def aggregate(answers=None):
    """Groups of answers: the whole network first, then by role and by incubator (by name)."""
    answers = answers if answers is not None else ExitAnswer.objects.all()
    network = AnswerGroup(label="Tout le réseau")
    by_role, by_incubator = {}, {}
    for answer in answers.select_related("role", "incubator").order_by("pk"):
        groups = [network]
        if answer.role_id:
            groups.append(
                by_role.setdefault(answer.role.name, AnswerGroup(label=f"Rôle : {answer.role.name}"))
            )
        if answer.incubator_id:
            name = answer.incubator.title
            groups.append(by_incubator.setdefault(name, AnswerGroup(label=f"Incubateur : {name}")))
        for group in groups:
            group.scores.append(answer.recommendation)
            if answer.went_well:
                group.went_well.append(answer.went_well)
            if answer.to_improve:
                group.to_improve.append(answer.to_improve)
    return [network, *(by_role[k] for k in sorted(by_role)), *(by_incubator[k] for k in sorted(by_incubator))]

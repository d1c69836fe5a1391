"""What the phase pages say in the demo: exit criteria and committee of the phases being built."""

# slug: (exit criteria, committee), as rich text. Written for Fabrique, after the beta.gouv.fr method.
PHASE_TEXTS = {
    "investigation": (
        "<ul><li>Le problème est décrit avec les usagers et les agents rencontrés.</li>"
        "<li>Une première idée de service est testée sur le terrain.</li>"
        "<li>Une administration est prête à porter la startup.</li></ul>",
        "<p>Le <b>comité d'investissement</b> réunit l'administration porteuse et l'incubateur : "
        "l'équipe y présente le problème et ce qu'elle a appris, il décide d'engager la construction.</p>",
    ),
    "construction": (
        "<ul><li>Un service utilisé par de premiers usagers réels, qui reviennent.</li>"
        "<li>Des indicateurs d'impact mesurés et publiés.</li>"
        "<li>Une trajectoire d'accélération chiffrée.</li></ul>",
        "<p>Le <b>comité de fin de construction</b> examine l'usage et l'impact mesurés ; il décide "
        "d'accélérer, de prolonger ou d'arrêter.</p>",
    ),
    "acceleration": (
        "<ul><li>Le service est déployé à l'échelle visée.</li>"
        "<li>Un modèle de financement et une équipe pérennes sont identifiés.</li></ul>",
        "<p>Le <b>comité de pérennisation</b> choisit la trajectoire : transfert, opérateur ou "
        "structure dédiée.</p>",
    ),
}

"""Language identification: English, short English headlines, other languages kept apart."""

from __future__ import annotations

import pytest

from dateline.clean.language import detect_language


@pytest.mark.parametrize("text, code", [
    ("Taiwan's Vice Foreign Minister visited Russia today.", "en"),
    ("Police arrested 14 people after the clashes, the interior minister said on Tuesday.", "en"),
    ("El gobierno de Colombia y los rebeldes del ELN acordaron el martes extender el cese al fuego por 90 días, "
     "según un comunicado conjunto leído en La Habana por los negociadores de las dos partes.", "es"),
    ("Le gouvernement a annoncé mardi que les forces de sécurité avaient arrêté dix personnes dans la capitale "
     "après des affrontements qui ont fait trois morts, selon le ministre de l'Intérieur.", "fr"),
    ("Die Regierung hat am Dienstag mitgeteilt, dass die Polizei in der Hauptstadt zehn Menschen festgenommen hat, "
     "nachdem es bei Zusammenstößen drei Tote gegeben hatte.", "de"),
    ("قال وزير الداخلية إن الشرطة اعتقلت أربعة عشر شخصا", "ar"),
    ("Министр заявил, что полиция задержала четырнадцать человек", "ru"),
    ("12 345 678", None),
])
def test_detect_language(text, code):
    assert detect_language(text) == code

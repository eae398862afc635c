#!/usr/bin/python3
"""Regenerates src/test/resources/django-hashes.txt: passwords hashed by Django itself.

Run with Debian's python3-django:  /usr/bin/python3 scripts/make-django-hashes.py > src/test/resources/django-hashes.txt
Each run draws new salts, so the output differs between runs; any run is a valid fixture.
"""
import sys

import django
from django.conf import settings

settings.configure(PASSWORD_HASHERS=[
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
])
django.setup()

from django.contrib.auth.hashers import PBKDF2PasswordHasher, PBKDF2SHA1PasswordHasher, make_password  # noqa: E402

# (label, password, iterations, hasher class, salt or None for Django's own random salt)
CASES = [
    ("ascii-1", "adminpass", 1, PBKDF2PasswordHasher, None),
    ("ascii-1000", "correct horse battery staple", 1000, PBKDF2PasswordHasher, None),
    ("empty-1000", "", 1000, PBKDF2PasswordHasher, None),
    ("latin1-1000", "pässwörd-Æ", 1000, PBKDF2PasswordHasher, None),
    ("cjk-emoji-1000", "密码🔑パスワード", 1000, PBKDF2PasswordHasher, None),
    ("symbols-260000", " $pa$$ wörd\t\"'\\", 260000, PBKDF2PasswordHasher, None),
    ("cyrillic-600000", "пароль", 600000, PBKDF2PasswordHasher, None),
    ("legacy-short-salt-1000", "oldsalt", 1000, PBKDF2PasswordHasher, "abcdefghijkl"),
    ("legacy-sha1-1000", "sha1pass", 1000, PBKDF2SHA1PasswordHasher, None),
]


def hasher_for(cls, iterations):
    # Django's hashers read their cost from a class attribute; a subclass pins it without touching settings.
    return type(cls.__name__ + "Fixed", (cls,), {"iterations": iterations})()


def main():
    out = sys.stdout
    out.write("# Made by scripts/make-django-hashes.py with Django %s.\n" % django.get_version())
    out.write("# label<TAB>password as UTF-8 hex<TAB>Django-encoded hash\n")
    for label, password, iterations, cls, salt in CASES:
        encoded = make_password(password, salt=salt, hasher=hasher_for(cls, iterations))
        out.write("%s\t%s\t%s\n" % (label, password.encode("utf-8").hex(), encoded))


if __name__ == "__main__":
    main()

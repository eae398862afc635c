#!/usr/bin/python3
"""Regenerates src/test/resources/django-foreign-hashes.txt: password hashes in the formats Django writes
besides PBKDF2, made by Django's own hashers (Debian's python3-django, python3-argon2, python3-bcrypt).

Run:  /usr/bin/python3 scripts/make-django-foreign-hashes.py > src/test/resources/django-foreign-hashes.txt

Django 3.2 (Debian 12) has no ScryptPasswordHasher (added in Django 4.0); when the installed Django lacks it,
the scrypt lines are made with hashlib.scrypt exactly as Django 4.0's hasher does (n, r, p, dklen=64, salt as
UTF-8), and labelled "scrypt-hashlib" so nobody mistakes them for Django's output.
"""
import base64
import hashlib
import sys

import django
from django.conf import settings

settings.configure(PASSWORD_HASHERS=[
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.BCryptPasswordHasher",
    "django.contrib.auth.hashers.SHA1PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedMD5PasswordHasher",
    "django.contrib.auth.hashers.CryptPasswordHasher",
])
django.setup()

from django.contrib.auth import hashers  # noqa: E402


def argon2i():
    # Django's hasher writes argon2id since 3.2; databases from older Django still hold argon2i.
    import argon2
    cls = type("Argon2i", (hashers.Argon2PasswordHasher,), {})
    h = cls()
    salt = h.salt()
    data = argon2.low_level.hash_secret(b"argon2i-pass", salt.encode("ascii"), time_cost=2, memory_cost=512,
                                        parallelism=2, hash_len=16, type=argon2.low_level.Type.I)
    return "argon2" + data.decode("ascii")


def scrypt(password, salt="saltsaltsalt1234", n=2 ** 14, r=8, p=1):
    if hasattr(hashers, "ScryptPasswordHasher"):
        return "scrypt", hashers.make_password(password, salt=salt, hasher=hashers.ScryptPasswordHasher())
    digest = hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=64)
    return "scrypt-hashlib", "scrypt$%d$%s$%d$%d$%s" % (n, salt, r, p, base64.b64encode(digest).decode("ascii"))


def main():
    out = sys.stdout
    out.write("# Made by scripts/make-django-foreign-hashes.py with Django %s.\n" % django.get_version())
    out.write("# label<TAB>password as UTF-8 hex<TAB>Django-encoded hash\n")
    cases = [
        ("argon2id", "argon2-pass", hashers.make_password("argon2-pass", hasher="argon2")),
        ("argon2id-unicode", "pässwörd密码", hashers.make_password("pässwörd密码", hasher="argon2")),
        ("argon2i", "argon2i-pass", argon2i()),
        ("bcrypt_sha256", "bcrypt-sha-pass", hashers.make_password("bcrypt-sha-pass", hasher="bcrypt_sha256")),
        ("bcrypt_sha256-long", "x" * 100, hashers.make_password("x" * 100, hasher="bcrypt_sha256")),
        ("bcrypt", "bcrypt-pass", hashers.make_password("bcrypt-pass", hasher="bcrypt")),
        ("bcrypt-over-72", "y" * 80, hashers.make_password("y" * 80, hasher="bcrypt")),
    ]
    label, encoded = scrypt("scrypt-pass")
    cases.append((label, "scrypt-pass", encoded))
    weak = [
        ("weak-sha1", "sha1-pass", hashers.make_password("sha1-pass", hasher="sha1")),
        ("weak-md5", "md5-pass", hashers.make_password("md5-pass", hasher="md5")),
        ("weak-unsalted_sha1", "u-sha1", hashers.make_password("u-sha1", hasher="unsalted_sha1")),
        ("weak-unsalted_md5", "u-md5", hashers.make_password("u-md5", hasher="unsalted_md5")),
        ("weak-crypt", "crypt-pw", hashers.make_password("crypt-pw", salt="ab", hasher="crypt")),
    ]
    for label, password, encoded in cases + weak:
        out.write("%s\t%s\t%s\n" % (label, password.encode("utf-8").hex(), encoded))


if __name__ == "__main__":
    main()

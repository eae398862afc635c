#!/usr/bin/python3
"""Builds a Django OAuth Toolkit database with DOT's own code, for importdjango's tests and benchmark.

    /usr/bin/python3 scripts/make-dot-database.py --sqlite /tmp/dot.sqlite3 [--variant dot1|dot3|newer]
    /usr/bin/python3 scripts/make-dot-database.py --postgres NAME      (creates database NAME on 127.0.0.1:5432)
    /usr/bin/python3 scripts/make-dot-database.py --sqlite F --not-dot  (a SQLite file that is no DOT database)
    ... --migrate-back 0010   (the rows made, then DOT's own migrations undone down to 0010: a DOT 2.x schema)

Needs Debian's python3-django, python3-django-oauth-toolkit, python3-djangorestframework, python3-argon2,
python3-bcrypt (and python3-psycopg2 for --postgres). Django's migrations create the schema; users, groups,
applications, tokens and codes are created through Django's and DOT's models. Prints a JSON manifest on stdout:
every user's password, every application's secret, every token and code, and what the import should do with it.

With the machine's Debian 12 packages this is DOT 1.7 and Django 3.2. With PYTHONPATH set to the folder
scripts/fetch-dot-release prints, it is Debian 13's DOT 3.0.1 and Django 4.2, and everything below is DOT 3's own:
its migrations, its hashing of client secrets on save (hash_client_secret), token_checksum, token_family.
With sid's folder it is DOT 3.4.1 and Django 5.2, and the database has DOT 3.1+'s additions too, each made by DOT:
tokens stored as RFC 9700 asks (COMPLIANT_BCP_RFC9700_TOKEN_STORAGE: only token_checksum at rest, for access and
refresh tokens alike), a token pair and a code bound to an RFC 8707 resource indicator, a device-code application
and device grants in progress, a DCR-registered application and a Client ID Metadata Document one.
No Debian suite carries DOT 2.x; --migrate-back 0010 makes its schema with DOT 3.0.1's own migrations, undone past
0011 (token_family) and 0012 (token_checksum) after the rows are written: the result is what DOT 2.x left behind
(hashed secrets, hash_client_secret, post_logout_redirect_uris, allowed_origins, plaintext tokens).

What is real and what is made by hand under DOT 1.7:
- the schema and rows are DOT 1.7's, made by DOT 1.7 (variant dot1);
- "hashed" client secrets are written as DOT 2.x's ClientSecretField writes them: make_password(secret);
- variant dot3 adds DOT 2.x/3.x's columns to a DOT 1.7 database by hand (post_logout_redirect_uris, allowed_origins,
  hash_client_secret, token_checksum, token_family) and their migration records; variant newer adds a
  migration this Tollgate cannot know;
- scrypt hashes are made with hashlib.scrypt as Django 4.0's ScryptPasswordHasher makes them (Django 3.2 has none),
  argon2i with argon2-cffi as older Django did.
"""
import argparse
import base64
import hashlib
import json
import os
import sqlite3
import sys
import uuid
from datetime import timedelta

import django
from django.conf import settings

HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.BCryptPasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]
# Whether this DOT hashes client secrets on save (2.x+); set once the models are loaded.
DOT_HASHES_SECRETS = False


def configure(args):
    if args.postgres:
        database = {"ENGINE": "django.db.backends.postgresql", "NAME": args.postgres, "HOST": args.pg_host,
                    "PORT": args.pg_port, "USER": args.pg_user, "PASSWORD": os.environ.get("PGPASSWORD", "")}
    else:
        database = {"ENGINE": "django.db.backends.sqlite3", "NAME": args.sqlite}
    settings.configure(
        DATABASES={"default": database},
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "oauth2_provider", "rest_framework"],
        PASSWORD_HASHERS=HASHERS,
        USE_TZ=True,
        SECRET_KEY="make-dot-database",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()


def create_postgres_database(args):
    import psycopg2
    connection = psycopg2.connect(host=args.pg_host, port=args.pg_port, user=args.pg_user, dbname="postgres",
                                  password=os.environ.get("PGPASSWORD", ""))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute('CREATE DATABASE "%s"' % args.postgres)
    connection.close()


def scrypt_hash(password, salt):
    digest = hashlib.scrypt(password.encode(), salt=salt.encode(), n=2 ** 14, r=8, p=1, maxmem=64 * 1024 * 1024,
                            dklen=64)
    return "scrypt$%d$%s$%d$%d$%s" % (2 ** 14, salt, 8, 1, base64.b64encode(digest).decode("ascii"))


def argon2i_hash(password, salt):
    import argon2
    data = argon2.low_level.hash_secret(password.encode(), salt.encode(), time_cost=2, memory_cost=512,
                                        parallelism=2, hash_len=16, type=argon2.low_level.Type.I)
    return "argon2" + data.decode("ascii")


def build(args):
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group, Permission, User
    from django.core.management import call_command
    from django.utils import timezone
    from oauthlib.common import generate_token
    from oauth2_provider.models import AccessToken, Application, Grant, RefreshToken

    call_command("migrate", verbosity=0)
    global DOT_HASHES_SECRETS
    DOT_HASHES_SECRETS = any(f.name == "hash_client_secret" for f in Application._meta.get_fields())
    families = any(f.name == "token_family" for f in RefreshToken._meta.get_fields()) and args.migrate_back is None
    app_fields = {f.name for f in Application._meta.get_fields()}
    # DOT 3.1+ (migration 0018): tokens and codes may be bound to RFC 8707 resource indicators
    resources = any(f.name == "resource" for f in AccessToken._meta.get_fields())
    try:
        # DOT 3.4: RFC 9700 token storage, the token column left blank and only the checksum kept
        from oauth2_provider.models import set_token_value
        from oauth2_provider.settings import oauth2_settings
        oauth2_settings.COMPLIANT_BCP_RFC9700_TOKEN_STORAGE = True
    except ImportError:
        set_token_value = None
    now = timezone.now()
    manifest = {"users": [], "applications": [], "tokens": [], "codes": [], "groups": [], "memberships": [],
                "token_storage": "checksum only" if set_token_value else "plaintext"}

    staff = Group.objects.create(name="staff")
    readers = Group.objects.create(name="readers")
    staff.permissions.add(*Permission.objects.filter(codename__in=["add_user", "change_user"]))
    manifest["groups"] = ["staff", "readers"]

    # (username, password, hasher name for make_password or a callable, expected outcome)
    users = [
        ("admin", "admin-pass-1", "pbkdf2_sha256", "usable"),
        ("sha1user", "sha1-pass-2", "pbkdf2_sha1", "usable"),
        ("argonid", "argon-id-pass-3", "argon2", "usable"),
        ("argoni", "argon-i-pass-4", argon2i_hash, "usable"),
        ("bcryptsha", "bcrypt-sha-pass-5", "bcrypt_sha256", "usable"),
        ("bcryptuser", "bcrypt-pass-6", "bcrypt", "usable"),
        ("scryptuser", "scrypt-pass-7", scrypt_hash, "usable"),
        ("md5user", "md5-pass-8", "md5", "weak"),
        ("nopassword", None, None, "unusable"),
        ("bad user", "bad-user-pass", "pbkdf2_sha256", "refused"),
    ]
    created = {}
    for index, (username, password, hasher, expect) in enumerate(users):
        user = User.objects.create(username=username, email="%s@example.com" % username.replace(" ", ""),
                                   first_name="First%d" % index, last_name="Last%d" % index,
                                   is_staff=username == "admin", is_superuser=username == "admin",
                                   date_joined=now - timedelta(days=index + 1))
        if password is None:
            user.set_unusable_password()
        elif callable(hasher):
            user.password = hasher(password, "saltsalt%04d" % index)
        else:
            user.password = make_password(password, hasher=hasher)
        user.last_login = now - timedelta(hours=index)
        user.save()
        created[username] = user
        manifest["users"].append({"id": user.id, "username": username, "password": password, "expect": expect,
                                  "algorithm": user.password.split("$", 1)[0] if password else "unusable",
                                  "email": user.email, "is_staff": user.is_staff})
    created["admin"].groups.add(staff, readers)
    created["argonid"].groups.add(readers)
    manifest["memberships"] = [["admin", "staff"], ["admin", "readers"], ["argonid", "readers"]]

    def application(name, client_type, grant, secret_kind, redirect_uris="", expect="imported", owner="admin",
                    **more):
        secret = generate_token(48) if secret_kind != "short" else "tooshort"
        fields = dict(name=name, client_type=client_type, authorization_grant_type=grant, redirect_uris=redirect_uris,
                      user=created[owner] if owner else None, skip_authorization=grant == "authorization-code",
                      **{k: v for k, v in more.items() if k in app_fields})
        if DOT_HASHES_SECRETS:
            # DOT 2.x+ hashes the secret itself on save unless the application says not to.
            app = Application.objects.create(client_secret=secret, hash_client_secret=secret_kind == "hashed",
                                             **fields)
        else:
            app = Application.objects.create(**fields)
            # DOT 1.7 stores the secret as it is; DOT 2.x's ClientSecretField stores make_password(secret).
            stored = make_password(secret, hasher="pbkdf2_sha256") if secret_kind == "hashed" else secret
            Application.objects.filter(pk=app.pk).update(client_secret=stored)
        entry = {"id": app.id, "client_id": app.client_id, "secret": secret, "client_type": client_type,
                 "grant": grant, "secret_kind": secret_kind, "expect": expect, "name": name}
        manifest["applications"].append(entry)
        return app

    password_app = application("Password app (plaintext)", "confidential", "password", "plain")
    hashed_app = application("Password app (hashed)", "confidential", "password", "hashed")
    application("Public password app", "public", "password", "plain")
    code_app = application("Code app", "confidential", "authorization-code", "hashed",
                           redirect_uris="https://app.example/callback http://127.0.0.1:9999/cb",
                           post_logout_redirect_uris="https://app.example/bye http://insecure.example/bye",
                           allowed_origins="https://app.example")
    application("Public code app", "public", "authorization-code", "plain",
                redirect_uris="com.example.app:/callback")
    cc_app = application("Service", "confidential", "client-credentials", "plain", owner=None,
                         registration_source="dcr")
    application("Implicit app", "public", "implicit", "plain", redirect_uris="https://spa.example/cb",
                expect="skipped")
    application("Short secret", "confidential", "password", "short", expect="skipped")
    application("Plain http redirect", "confidential", "authorization-code", "plain",
                redirect_uris="http://insecure.example/cb", expect="skipped")

    def family(previous=None):
        """DOT 3.x's token_family, as its validator sets it: new per grant, inherited at rotation."""
        if not families:
            return {}
        return {"token_family": previous.token_family if previous else uuid.uuid4()}

    def new_token(model, **fields):
        """A token row as DOT writes it; .raw keeps the value a client holds (under RFC 9700 storage DOT does not)."""
        raw = generate_token()
        token = model(**fields)
        if set_token_value:
            set_token_value(token, raw)
        else:
            token.token = raw
        token.save()
        token.raw = raw
        return token

    def pair(user, app, scope="read write groups", expires_in=3600, revoked_refresh=False, with_refresh=True,
             **more):
        access = new_token(AccessToken, user=user, application=app, expires=now + timedelta(seconds=expires_in),
                           scope=scope, **more)
        refresh = None
        if with_refresh:
            refresh = new_token(RefreshToken, user=user, application=app, access_token=access,
                                revoked=now - timedelta(minutes=5) if revoked_refresh else None, **family(), **more)
        return access, refresh

    def record(access, refresh, app, user, live_access, live_refresh, **extra):
        manifest["tokens"].append(dict({
            "access_token": access.raw if access else None, "refresh_token": refresh.raw if refresh else None,
            "client_id": app.client_id, "username": user.username if user else None,
            "scope": access.scope if access else None,
            "access_live": live_access, "refresh_live": live_refresh,
            "token_family": str(refresh.token_family) if families and refresh else None}, **extra))

    for username in ["admin", "argonid", "bcryptsha", "scryptuser"]:
        access, refresh = pair(created[username], password_app)
        record(access, refresh, password_app, created[username], True, True)
    access, refresh = pair(created["sha1user"], hashed_app, scope="read")
    record(access, refresh, hashed_app, created["sha1user"], True, True)
    # expired access token whose refresh token is still good (DOT refreshes these)
    access, refresh = pair(created["bcryptuser"], password_app, expires_in=-600)
    record(access, refresh, password_app, created["bcryptuser"], False, True)
    # expired access token without refresh
    access, _ = pair(created["admin"], password_app, expires_in=-60, with_refresh=False)
    record(access, None, password_app, created["admin"], False, False)
    # a rotated chain: R1 was used (revoked), A2 came from it, R2 goes with A2
    a1, r1 = pair(created["argoni"], password_app, revoked_refresh=True)
    AccessToken.objects.filter(pk=a1.pk).delete()  # DOT deletes the old access token at rotation
    a2 = new_token(AccessToken, user=created["argoni"], application=password_app, expires=now + timedelta(hours=1),
                   scope="read write groups", source_refresh_token=r1)
    r2 = new_token(RefreshToken, user=created["argoni"], application=password_app, access_token=a2, **family(r1))
    record(None, r1, password_app, created["argoni"], False, False, rotated=True)
    record(a2, r2, password_app, created["argoni"], True, True, successor=True)
    # client credentials: no user, no refresh
    access = new_token(AccessToken, user=None, application=cc_app, expires=now + timedelta(hours=1), scope="read")
    record(access, None, cc_app, None, True, False)
    # the refused user's token goes with the user
    access, refresh = pair(created["bad user"], password_app)
    record(access, refresh, password_app, created["bad user"], False, False)

    verifier = generate_token(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    live_code = Grant.objects.create(user=created["admin"], application=code_app, code=generate_token(),
                                     expires=now + timedelta(minutes=10), redirect_uri="https://app.example/callback",
                                     scope="read", code_challenge=challenge,
                                     code_challenge_method="S256")
    dead_code = Grant.objects.create(user=created["admin"], application=code_app, code=generate_token(),
                                     expires=now - timedelta(minutes=1), redirect_uri="https://app.example/callback",
                                     scope="read")
    manifest["codes"] = [
        {"code": live_code.code, "client_id": code_app.client_id, "live": True, "verifier": verifier,
         "redirect_uri": "https://app.example/callback"},
        {"code": dead_code.code, "client_id": code_app.client_id, "live": False},
    ]
    if resources:
        dot31(manifest, created, password_app, code_app, application, pair, record, now)
    return manifest


def dot31(manifest, created, password_app, code_app, application, pair, record, now):
    """DOT 3.1+'s additions, made by DOT: what Tollgate carries over and what it leaves out, with a reason."""
    from oauth2_provider.models import Application, Grant, get_device_grant_model
    from oauthlib.common import generate_token

    bound = ["https://api.example/"]
    # RFC 8707: a live pair and a live code bound to one resource server stay behind
    access, refresh = pair(created["admin"], password_app, resource=bound)
    record(access, refresh, password_app, created["admin"], False, False, resource_bound=True)
    code = Grant.objects.create(user=created["admin"], application=code_app, code=generate_token(),
                                expires=now + timedelta(minutes=10), redirect_uri="https://app.example/callback",
                                scope="read", resource=bound)
    manifest["codes"].append({"code": code.code, "client_id": code_app.client_id, "live": False,
                              "resource_bound": True})
    device_app = application("Device app", "public", Application.GRANT_DEVICE_CODE, "plain")
    DeviceGrant = get_device_grant_model()
    for status, minutes in [("authorization-pending", 10), ("authorized", 10), ("expired", -1)]:
        DeviceGrant.objects.create(device_code=generate_token(), user_code=generate_token(8), scope="read",
                                   expires=now + timedelta(minutes=minutes), status=status,
                                   client_id=device_app.client_id,
                                   user=created["admin"] if status == "authorized" else None)
    manifest["device_grants"] = {"in_progress": 2, "expired": 1}
    # A Client ID Metadata Document client: its client_id is the URL of its metadata
    cimd = Application.objects.create(client_id="https://client.example/oauth-client.json", name="CIMD client",
                                      client_type="public", authorization_grant_type="authorization-code",
                                      redirect_uris="https://client.example/cb", registration_source="cimd",
                                      cimd_expires_at=now + timedelta(hours=1), hash_client_secret=False)
    manifest["applications"].append({"id": cimd.id, "client_id": cimd.client_id, "secret": None,
                                     "client_type": "public", "grant": "authorization-code", "secret_kind": "plain",
                                     "expect": "skipped", "name": "CIMD client"})


def bulk(args):
    """For the benchmark: DOT's schema by DOT's migrations, then many rows by plain SQL (the ORM would take hours)."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from oauthlib.common import generate_token

    now = timezone.now()
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")
    later = (now + timedelta(hours=10)).strftime("%Y-%m-%d %H:%M:%S.%f")
    password = make_password("bench-password")
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO auth_user (id, password, last_login, is_superuser, username, first_name, last_name, email, "
            "is_staff, is_active, date_joined) VALUES (%s, %s, NULL, %s, %s, '', '', %s, %s, %s, %s)",
            [(i, password, False, "user%d" % i, "user%d@example.com" % i, False, True, stamp)
             for i in range(1, args.bulk_users + 1)])
        apps = 10
        cursor.executemany(
            "INSERT INTO oauth2_provider_application (id, client_id, redirect_uris, client_type, "
            "authorization_grant_type, client_secret, name, user_id, skip_authorization, created, updated, algorithm) "
            "VALUES (%s, %s, '', 'confidential', 'password', %s, %s, NULL, %s, %s, %s, '')",
            [(i, "bench-client-%d" % i, generate_token(48), "Bench %d" % i, False, stamp, stamp)
             for i in range(1, apps + 1)])
        pairs = args.bulk_tokens // 2
        chunk = 50000
        for start in range(1, pairs + 1, chunk):
            ids = range(start, min(start + chunk, pairs + 1))
            cursor.executemany(
                "INSERT INTO oauth2_provider_accesstoken (id, token, expires, scope, application_id, user_id, created, "
                "updated) VALUES (%s, %s, %s, 'read write', %s, %s, %s, %s)",
                [(i, "access-%d-%s" % (i, generate_token(20)), later, i % apps + 1, i % args.bulk_users + 1, stamp,
                  stamp) for i in ids])
            cursor.executemany(
                "INSERT INTO oauth2_provider_refreshtoken (id, token, application_id, user_id, access_token_id, "
                "created, updated, revoked) VALUES (%s, %s, %s, %s, %s, %s, %s, NULL)",
                [(i, "refresh-%d-%s" % (i, generate_token(20)), i % apps + 1, i % args.bulk_users + 1, i, stamp,
                  stamp) for i in ids])
    return {"users": args.bulk_users, "tokens": pairs * 2, "applications": apps}


def add_dot3_columns(path, newer):
    """DOT 2.x/3.x's additions to a DOT 1.7 SQLite database, by hand (Debian has no DOT 3 to make them)."""
    db = sqlite3.connect(path)
    db.executescript("""
        ALTER TABLE oauth2_provider_application ADD COLUMN post_logout_redirect_uris text NOT NULL DEFAULT '';
        ALTER TABLE oauth2_provider_application ADD COLUMN allowed_origins text NOT NULL DEFAULT '';
        ALTER TABLE oauth2_provider_application ADD COLUMN hash_client_secret bool NOT NULL DEFAULT 1;
        ALTER TABLE oauth2_provider_accesstoken ADD COLUMN token_checksum varchar(64) NULL;
        ALTER TABLE oauth2_provider_refreshtoken ADD COLUMN token_family char(32) NULL;
    """)
    db.create_function("sha256", 1, lambda value: hashlib.sha256(value.encode()).hexdigest())
    db.execute("UPDATE oauth2_provider_accesstoken SET token_checksum = sha256(token)")
    # DOT 3 keeps the plaintext in `token` too; overwrite some, so the import must use the checksum for those.
    db.execute("UPDATE oauth2_provider_accesstoken SET token = 'not-the-token-' || id WHERE id % 2 = 0")
    db.execute("UPDATE oauth2_provider_application SET post_logout_redirect_uris = 'https://app.example/bye', "
               "allowed_origins = 'https://app.example' WHERE authorization_grant_type = 'authorization-code'")
    db.execute("UPDATE oauth2_provider_refreshtoken SET token_family = lower(hex(randomblob(16)))")
    names = ["0006_alter_application_client_secret", "0007_application_post_logout_redirect_uris",
             "0008_alter_accesstoken_token", "0009_add_hash_client_secret", "0010_application_allowed_origins",
             "0011_refreshtoken_token_family", "0012_add_token_checksum"]
    if newer:
        names.append("0099_a_future_change")
    for name in names:
        db.execute("INSERT INTO django_migrations (app, name, applied) VALUES ('oauth2_provider', ?, "
                   "datetime('now'))", (name,))
    db.commit()
    db.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite")
    parser.add_argument("--postgres")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", default="5432")
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--variant", default="dot1", choices=["dot1", "dot3", "newer"])
    parser.add_argument("--not-dot", action="store_true")
    parser.add_argument("--migrate-back", metavar="MIGRATION",
                        help="after the rows are made, undo DOT's migrations down to this one (0010: DOT 2.x)")
    parser.add_argument("--bulk-users", type=int, help="benchmark: this many users, rows by plain SQL")
    parser.add_argument("--bulk-tokens", type=int, default=0, help="benchmark: this many tokens (access + refresh)")
    args = parser.parse_args()
    if bool(args.sqlite) == bool(args.postgres):
        parser.error("give exactly one of --sqlite FILE or --postgres NAME")
    if args.not_dot:
        db = sqlite3.connect(args.sqlite)
        db.execute("CREATE TABLE notes (id integer primary key, body text)")
        db.commit()
        print(json.dumps({"not_dot": True}))
        return
    if args.postgres:
        create_postgres_database(args)
    configure(args)
    if args.bulk_users:
        from django.core.management import call_command
        from django.db import transaction
        call_command("migrate", verbosity=0)
        with transaction.atomic():
            json.dump(bulk(args), sys.stdout)
        sys.stdout.write("\n")
        return
    manifest = build(args)
    if args.migrate_back:
        from django.core.management import call_command
        call_command("migrate", "oauth2_provider", args.migrate_back, verbosity=0)
        manifest["migrated_back_to"] = args.migrate_back
    if args.variant != "dot1":
        if not args.sqlite:
            parser.error("--variant dot3|newer works on --sqlite only")
        if DOT_HASHES_SECRETS:
            parser.error("--variant dot3|newer adds DOT 3's columns to a DOT 1.7 database; this DOT has them")
        add_dot3_columns(args.sqlite, args.variant == "newer")
    manifest["variant"] = args.variant
    manifest["django"] = django.get_version()
    import oauth2_provider
    manifest["dot"] = getattr(oauth2_provider, "__version__", "unknown")
    json.dump(manifest, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

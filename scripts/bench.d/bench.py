#!/usr/bin/env python3
"""Tollgate against its limits, as ratios measured in one run (scripts/bench is the entry point; README: Benchmarks).

Every pair is A (a limit) and B (Tollgate), measured in alternating rounds after a warm-up, so that a noisy machine
slows both sides alike; each side's median and spread and the median of the per-round ratios B/A are reported.
"""
import argparse
import base64
import hashlib
import json
import os
import platform
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BENCH_D = os.path.join(REPO, "scripts", "bench.d")
BASELINES = os.environ.get("BENCH_BASELINES") or next(
    (d for d in (os.path.join(REPO, "..", "shared", "bench"), os.path.join(REPO, "..", "..", "shared", "bench"))
     if os.path.isdir(d)), os.path.join(REPO, "..", "shared", "bench"))
PG = dict(host="127.0.0.1", port="5432", user="postgres")
LIVE_PREFIX = "bench-live-"
CODE_PREFIX = "benchcode"
REFRESH_PREFIX = "bench-refresh-"
CODE_VERIFIER = "bench-verifier-0123456789-abcdefghijklmnopqrstuvwxyz"
REDIRECT = "http://127.0.0.1:9/cb"
PASSWORD = "bench-password-" + secrets.token_hex(4)
# One key-encryption key for every Tollgate on the same database: the signing keys are sealed under it.
KEK = base64.b64encode(os.urandom(32)).decode()
TOLLGATE_ENV = {}


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(db, sql, check=True):
    out = subprocess.run(["psql", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-v", "ON_ERROR_STOP=1",
                          "-qAt", "-d", db, "-c", sql], capture_output=True, text=True)
    if check and out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()}\n{sql[:200]}")
    return out.stdout.strip()


def http(url, data=None, headers=None, timeout=10):
    req = urllib.request.Request(url, data=data.encode() if isinstance(data, str) else data, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.status, resp.read().decode()


def wait_http(url, proc, limit=300, poll=0.01):
    """Seconds until url first answers 2xx (polling every 10 ms), or an exception if proc died / limit passed."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {proc.returncode}")
        try:
            http(url, timeout=1)
            return time.monotonic() - start
        except Exception:
            time.sleep(poll)
    raise RuntimeError(f"{url} did not answer within {limit}s")


def cpu_seconds(pids):
    """User + system CPU time so far of these processes (those still alive), in seconds."""
    ticks = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_idle(procs, limit=30, busy=0.05):
    """Waits (at most limit s) until these processes use under `busy` of a core: a start measured while the
    baselines' own JIT compilers still run would time the machine, not Tollgate."""
    pids = [p.pid for p in procs]
    start = time.monotonic()
    before = cpu_seconds(pids)
    while time.monotonic() - start < limit:
        time.sleep(1)
        now = cpu_seconds(pids)
        if now - before < busy:
            return
        before = now


def basic(client_id, secret):
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def wrk(url, duration, script="plain.lua", args=(), connections=16):
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "20s", "--latency", "-s", script, url]
    if args:
        cmd += ["--", *args]
    out = subprocess.run(cmd, cwd=BENCH_D, capture_output=True, text=True)
    m = re.search(r"^RESULT (.*)$", out.stdout, re.M)
    if not m:
        raise RuntimeError(f"wrk failed for {url}: {out.stdout[-500:]} {out.stderr[-500:]}")
    r = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", m.group(1))}
    if r["errors"] > 0.01 * max(1, r["requests"]):
        log(f"  warning: {int(r['errors'])} of {int(r['requests'])} requests to {url} failed")
    return r


class Servers:
    """Every process the run starts, stopped in reverse order at the end whatever happens."""

    def __init__(self, work):
        self.work = work
        self.procs = []

    def start(self, name, cmd, env=None, cwd=None):
        logf = open(os.path.join(self.work, f"{name}.log"), "w")
        proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, cwd=cwd, stdout=logf,
                                stderr=subprocess.STDOUT)
        self.procs.append((name, proc))
        return proc

    def stop(self, proc):
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def stop_all(self):
        for _, proc in reversed(self.procs):
            self.stop(proc)


def peak_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return None
    return None


class Tollgate:
    def __init__(self, servers, name, jar, database_url, extra_env=None, java_opts=None, jfr=None):
        self.servers = servers
        self.name = name
        self.jar = jar
        self.port = free_port()
        self.admin = free_port()
        work = servers.work
        self.env = {
            "HTTP_PORT": str(self.port), "ADMIN_PORT": str(self.admin), "DATABASE_URL": database_url,
            "LOG_LEVEL": "WARN", "AUDIT_LOG_FILE": os.path.join(work, f"{name}-audit.log"),
            "OIDC_KEY_ENCRYPTION_KEY": KEK,
            "THROTTLE_FORGET_AFTER": "1h",
        }
        if database_url.startswith("jdbc:postgresql"):
            self.env.update(DATABASE_USER=PG["user"], DATABASE_PASSWORD="")
        self.env.update(TOLLGATE_ENV)
        self.env.update(extra_env or {})
        self.java_opts = java_opts.split() if java_opts else []
        if jfr:
            # Without the class-data archive: HotSpot 17 crashes mapping it with a recording from the start
            # (scripts/java-opts).
            self.java_opts = [o for o in self.java_opts if not o.startswith("-XX:SharedArchiveFile")]
            self.java_opts += ["-XX:FlightRecorderOptions:stackdepth=256",
                               f"-XX:StartFlightRecording=filename={jfr},settings=profile"]
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.start_seconds = None

    def cli(self, *args, stdin=None):
        out = subprocess.run(["java", "-jar", self.jar, *args, os.path.join(REPO, "config.yml")], input=stdin,
                             capture_output=True, text=True, env={**os.environ, **self.env}, cwd=self.servers.work)
        if out.returncode != 0:
            raise RuntimeError(f"tollgate {args[0]} failed: {out.stdout[-800:]} {out.stderr[-800:]}")
        return out.stdout

    def start(self):
        self.proc = self.servers.start(self.name, ["java", *self.java_opts, "-jar", self.jar, "server",
                                                   os.path.join(REPO, "config.yml")], env=self.env,
                                       cwd=self.servers.work)
        self.start_seconds = wait_http(self.url + "/.well-known/oauth-authorization-server", self.proc)
        return self

    def stop(self):
        self.servers.stop(self.proc)

    def setup(self):
        """A superuser, one confidential application with every grant, its tokens."""
        self.cli("createsuperuser", "--username", "bench", "--email", "bench@example.com", stdin=PASSWORD + "\n")
        app = json.loads(self.cli("createapplication", "--name", "bench", "--client-type", "confidential",
                                  "--grant-types", "password,refresh_token,client_credentials,authorization_code",
                                  "--redirect-uri", REDIRECT, "--skip-authorization"))
        self.client_id, self.secret = app["client_id"], app["client_secret"]
        self.basic = basic(self.client_id, self.secret)

    def grant(self, body):
        _, text = http(self.url + "/o/token/", body, {"Authorization": self.basic,
                                                      "Content-Type": "application/x-www-form-urlencoded"})
        return json.loads(text)

    def password_grant(self):
        return self.grant(f"grant_type=password&username=bench&password={PASSWORD}")

    def cc_body(self):
        return "grant_type=client_credentials&scope=read%20write"


# ---------------------------------------------------------------------------------------------------------------
class Run:
    def __init__(self, opts):
        self.opts = opts
        self.rounds = opts.rounds
        self.seconds = opts.seconds
        self.warm = opts.warmup
        self.rows = []     # one dict per pair
        self.notes = []

    def pair(self, key, label_a, label_b, side_a, side_b, target=None, metric="rps", better="higher",
             warm=True, note=""):
        """Warm-up, then rounds of A then B (B then A in every other round, so neither always goes first)."""
        log(f"pair {key}: {label_b} vs {label_a}")
        if warm and self.warm > 0:
            side_a(self.warm)
            side_b(self.warm)
        a_runs, b_runs = self.alternate(side_a, side_b, self.rounds)
        self.record(key, label_a, label_b, a_runs, b_runs, target, metric, better, note)

    def alternate(self, side_a, side_b, rounds):
        """Rounds of A then B, B then A in every other round; each side's results."""
        a_runs, b_runs = [], []
        for i in range(rounds):
            order = [(side_a, a_runs), (side_b, b_runs)]
            for side, runs in (order if i % 2 == 0 else order[::-1]):
                runs.append(side(self.seconds))
        return a_runs, b_runs

    def record(self, key, label_a, label_b, a_runs, b_runs, target, metric, better, note=""):
        a = [r[metric] for r in a_runs]
        b = [r[metric] for r in b_runs]
        ratios = [y / x if x else float("nan") for x, y in zip(a, b)]
        row = dict(key=key, a=label_a, b=label_b, metric=metric, a_median=statistics.median(a),
                   b_median=statistics.median(b), a_spread=spread(a), b_spread=spread(b),
                   ratio=statistics.median(ratios), ratio_min=min(ratios), ratio_max=max(ratios), target=target,
                   better=better, note=note,
                   errors=int(sum(r.get("errors", 0) for r in a_runs + b_runs)))
        if target is not None:
            row["met"] = row["ratio"] >= target if better == "higher" else row["ratio"] <= target
        self.rows.append(row)
        log(f"  A {fmt(row['a_median'])} ±{row['a_spread']:.0f}%  B {fmt(row['b_median'])} ±{row['b_spread']:.0f}%"
            f"  B/A {row['ratio']:.2f} ({row['ratio_min']:.2f}–{row['ratio_max']:.2f})"
            + (f"  target {'≥' if better == 'higher' else '≤'} {target}" if target is not None else ""))


def warm_until_steady(name, side, limit, step=3, tolerance=0.1):
    """Rounds of `step` seconds for at least half of `limit`, then until three in a row agree within `tolerance`
    (a JIT's rate can sit flat for a round while C2 compiles, then climb again), or `limit` seconds."""
    rates, spent = [], 0
    while spent < limit:
        rates.append(side(step)["rps"])
        spent += step
        last = rates[-3:]
        if spent >= limit / 2 and len(last) == 3 and max(last) - min(last) <= tolerance * max(last):
            break
    log(f"  {name}: warm after {spent} s ({' → '.join(fmt(r) for r in rates)} req/s)")


def spread(values):
    """(max - min) / median, in percent."""
    m = statistics.median(values)
    return 100 * (max(values) - min(values)) / m if m else 0.0


def fmt(v):
    return f"{v:.0f}" if v >= 100 else f"{v:.2f}"


# ---------------------------------------------------------------------------------------------------------------
def ensure_built(opts, work):
    jar = os.path.join(REPO, "target", "tollgate.jar")
    if opts.build or not os.path.exists(jar):
        log("building Tollgate")
        subprocess.run(["mvn", "-q", "-B", "-DskipTests", "package"], cwd=REPO, check=True)
    base = os.path.join(work, "baselines")
    shutil.copytree(BASELINES, base, ignore=shutil.ignore_patterns("node_modules", "target"))
    log("building the ceiling app (copy in the temporary folder)")
    ceiling = os.path.join(base, "ceiling")
    offline = subprocess.run(["mvn", "-o", "-q", "-B", "-DskipTests", "package"], cwd=ceiling,
                             capture_output=True, text=True)
    if offline.returncode != 0:
        subprocess.run(["mvn", "-q", "-B", "-DskipTests", "package"], cwd=ceiling, check=True)
    log("installing oidc-provider (npm ci in the temporary folder)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=os.path.join(base, "oidc-provider"),
                   check=True, stdout=subprocess.DEVNULL)
    return jar, base


def seed_live_tokens(db, first, last, app_id, user_id, expires="now() + interval '10 hours'", prefix=LIVE_PREFIX):
    """Access tokens stored exactly like issued ones: the SHA-256 hex of the value handed out."""
    psql(db, f"""INSERT INTO oauth_access_token (token_hash, application_id, user_id, scope, created, expires, family_id)
        SELECT encode(sha256(convert_to('{prefix}' || n, 'UTF8')), 'hex'), {app_id}, {user_id}, 'read write groups',
               now(), {expires}, 'bench-' || n FROM generate_series({first}, {last}) n""")
    psql(db, "ANALYZE oauth_access_token")


def seed_refresh_tokens(db, first, last, app_id, user_id):
    psql(db, f"""INSERT INTO oauth_refresh_token (token_hash, application_id, user_id, scope, created, expires, family_id)
        SELECT encode(sha256(convert_to('{REFRESH_PREFIX}' || n, 'UTF8')), 'hex'), {app_id}, {user_id},
               'read write groups', now(), now() + interval '30 days', 'bench-rf-' || n
        FROM generate_series({first}, {last}) n""")


def seed_codes(db, first, last, app_id, user_id):
    challenge = base64.urlsafe_b64encode(hashlib.sha256(CODE_VERIFIER.encode()).digest()).decode().rstrip("=")
    psql(db, f"""INSERT INTO oauth_authorization_code (code_hash, application_id, user_id, redirect_uri, scope,
            code_challenge, code_challenge_method, created, expires, family_id)
        SELECT encode(sha256(convert_to('{CODE_PREFIX}' || n, 'UTF8')), 'hex'), {app_id}, {user_id}, '{REDIRECT}',
               'read write', '{challenge}', 'S256', now(), now() + interval '2 hours', 'bench-code-' || n
        FROM generate_series({first}, {last}) n""")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--quick", action="store_true", help="1 round of 3 s, short warm-ups (development)")
    p.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", 3)))
    p.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5)))
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--build", action="store_true", help="rebuild target/tollgate.jar first")
    p.add_argument("--jfr", action="store_true", help="record a JFR profile of Tollgate (target/bench/tollgate.jfr)")
    p.add_argument("--only", default="", help="comma-separated pair keys to run (development)")
    p.add_argument("--no-h2", action="store_true")
    opts = p.parse_args()
    if opts.quick:
        opts.rounds, opts.seconds, opts.warmup = 1, 3, 1
    only = set(filter(None, opts.only.split(",")))
    want = lambda key: not only or key in only

    out_dir = os.path.join(REPO, "target", "bench")
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="tollgate-bench.")
    servers = Servers(work)
    db = f"tollgate_bench_{os.getpid()}"
    run = Run(opts)
    began = time.monotonic()
    facts = {}
    try:
        jar, base = ensure_built(opts, work)
        java_opts = os.environ.get("JAVA_OPTS")
        if java_opts is None:
            # As scripts/run starts the server: its default options and malloc arenas. After the build: java-opts
            # archives the classes for the jar it finds, and an archive older than the jar is silently ignored.
            TOLLGATE_ENV.setdefault("MALLOC_ARENA_MAX", os.environ.get("MALLOC_ARENA_MAX", "2"))
            java_opts = subprocess.run([os.path.join(REPO, "scripts", "java-opts")], capture_output=True,
                                       text=True).stdout.strip()
        psql("postgres", f"CREATE DATABASE {db}")
        db_url = f"jdbc:postgresql://{PG['host']}:{PG['port']}/{db}"

        ceiling_port, oidc_port = free_port(), free_port()
        ceiling = servers.start("ceiling", ["java", "-jar", "target/ceiling-1.0.0.jar", "server", "config-db.yml"],
                                env={"CEILING_PORT": str(ceiling_port), "CEILING_ADMIN_PORT": str(free_port()),
                                     "CEILING_DATABASE_URL": db_url}, cwd=os.path.join(base, "ceiling"))
        hello = f"http://127.0.0.1:{ceiling_port}/hello"
        # Started alone, so its start is the reference for Tollgate's: the smallest Dropwizard app on this machine
        # (its own default JVM options, no class-data archive).
        facts["ceiling_start_seconds"] = wait_http(hello, ceiling)
        log(f"the ceiling app answered {facts['ceiling_start_seconds']:.2f} s after its start")
        oidc = servers.start("oidc-provider", ["node", "server.mjs"], env={"PORT": str(oidc_port)},
                             cwd=os.path.join(base, "oidc-provider"))
        row = f"http://127.0.0.1:{ceiling_port}/row/1"
        oidc_token = f"http://127.0.0.1:{oidc_port}/token"
        oidc_basic = basic("bench-cc", "bench-cc-secret")
        wait_http(hello, ceiling)

        log("migrating a fresh PostgreSQL database", db)
        tg = Tollgate(servers, "tollgate", jar, db_url, java_opts=java_opts,
                      jfr=os.path.join(out_dir, "tollgate.jfr") if opts.jfr else None)
        tg.cli("db", "migrate")
        wait_http(row, ceiling)
        wait_idle([ceiling, oidc])
        tg.start()
        facts["start_seconds"] = tg.start_seconds
        log(f"Tollgate answered {tg.start_seconds:.2f} s after its start")
        tg.setup()
        run.client = (tg.client_id, tg.secret)
        app_id = int(psql(db, f"SELECT id FROM oauth_application WHERE client_id = '{tg.client_id}'"))
        user_id = int(psql(db, "SELECT id FROM auth_user WHERE username = 'bench'"))
        access = tg.password_grant()["access_token"]
        cc_form = tg.cc_body()

        # oidc-provider answers the first request after compiling its routes; one warms it.
        http(oidc_token, "grant_type=client_credentials&scope=read%20write",
             {"Authorization": oidc_basic, "Content-Type": "application/x-www-form-urlencoded"})

        hello_side = lambda s: wrk(hello, s)
        row_side = lambda s: wrk(row, s)
        oidc_side = lambda s: wrk(oidc_token, s, "form.lua", ["/token", "grant_type=client_credentials&scope=read%20write",
                                                              oidc_basic])
        cc_side = lambda s: wrk(tg.url + "/o/token/", s, "form.lua", ["/o/token/", cc_form, tg.basic])
        root_side = lambda s: wrk(tg.url + "/", s, "bearer.lua", [access])
        user_side = lambda s: wrk(f"{tg.url}/users/{user_id}/", s, "bearer.lua", [access])

        # A JIT needs tens of seconds of full load before its rate settles (client credentials: about 40 s here,
        # from 5 ms to 0.3 ms of CPU per request); pairs measured before that measure the compiler.
        log("warming every server up until its rate settles")
        for name, side, limit in (("ceiling /hello", hello_side, 45), ("ceiling /row/1", row_side, 45),
                                  ("oidc-provider cc", oidc_side, 20), ("Tollgate cc", cc_side, 90),
                                  ("Tollgate /users/1/", user_side, 45), ("Tollgate /", root_side, 45)):
            warm_until_steady(name, side, limit if not opts.quick else 2 * opts.warmup)

        if want("root"):
            run.pair("root", "ceiling GET /hello", "GET / (bearer)", hello_side, root_side, 0.85)
        if want("user"):
            run.pair("user", "ceiling GET /row/1", "GET /users/1/ (bearer)", row_side, user_side, 0.85)
        if want("cc_oidc"):
            run.pair("cc_oidc", "oidc-provider cc (memory)", "client credentials (durable)", oidc_side, cc_side, 1.0)
        if want("cc_pgbench"):
            script = os.path.join(work, "token-insert.sql")
            with open(script, "w") as f:
                f.write("INSERT INTO oauth_access_token (token_hash, application_id, user_id, scope, created, expires, "
                        "family_id) VALUES (md5(random()::text) || md5(random()::text), "
                        f"{app_id}, NULL, 'read write', now(), now() + interval '10 hours', md5(random()::text));\n")

            def pgbench_side(s):
                out = subprocess.run(["pgbench", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-n", "-c16",
                                      "-j1", f"-T{s}", "-f", script, db], capture_output=True, text=True)
                m = re.search(r"tps = ([\d.]+)", out.stdout)
                if not m:
                    raise RuntimeError("pgbench failed: " + out.stdout[-300:] + out.stderr[-300:])
                return {"rps": float(m.group(1)), "errors": 0}

            run.pair("cc_pgbench", "pgbench token insert (16 clients)", "client credentials", pgbench_side, cc_side,
                     0.45)
        if want("refresh"):
            # Refresh tokens minted with SQL like issued ones; each run presents a fresh slice of 48 families, as
            # the successors of a run stay inside wrk.
            per, slots = 48, 2 * opts.rounds + 2
            seed_refresh_tokens(db, 1, per * slots, app_id, user_id)
            slot = iter(range(slots))
            refresh_side = lambda s: wrk(tg.url + "/o/token/", s, "refresh.lua", [tg.basic, *[
                f"{REFRESH_PREFIX}{n}" for k in [next(slot)] for n in range(k * per + 1, (k + 1) * per + 1)]])
            run.pair("refresh", "client credentials", "refresh grant (rotation)", cc_side, refresh_side, 0.5)
        if want("introspect"):
            form = f"token={access}&token_type_hint=access_token"
            run.pair("introspect", "ceiling GET /row/1", "introspection", row_side,
                     lambda s: wrk(tg.url + "/o/introspect/", s, "form.lua", ["/o/introspect/", form, tg.basic]), 0.85)
        if want("code"):
            per = 60000
            slots = opts.rounds + 1
            log(f"  minting {slots * per} authorization codes with SQL")
            seed_codes(db, 1, slots * per, app_id, user_id)
            slot = iter(range(slots))
            run.pair("code", "client credentials", "authorization-code redemption", cc_side,
                     lambda s: wrk(tg.url + "/o/token/", s, "code.lua",
                                   [tg.basic, CODE_PREFIX, str(next(slot) * per), REDIRECT, CODE_VERIFIER]))
        if want("password"):
            def hash_side(s):
                out = tg.cli("passwordcost", "--threads", "1", "--seconds", str(s))
                return {"rps": float(re.search(r"RESULT rps=([\d.]+)", out).group(1)), "errors": 0}

            run.pair("password", "PBKDF2 hash alone (passwordcost, 1 thread)", "password grant (1 connection)",
                     hash_side, lambda s: wrk(tg.url + "/o/token/", s, "password.lua",
                                              ["bench", PASSWORD, tg.basic], connections=1),
                     round(1 / 1.1, 2), warm=False)
        if want("purge"):
            purge_pair(run, tg, db, app_id, user_id, user_side)
        facts["peak_rss_mib"] = peak_rss_mib(tg.proc.pid)
        log(f"Tollgate peak RSS {facts['peak_rss_mib']:.0f} MiB")
        tg.stop()

        if want("heap"):
            heap_pair(run, servers, jar, db_url, java_opts, facts)

        if want("tokencheck"):
            token_check(run, servers, jar, db, db_url, java_opts, app_id, user_id)

        if not opts.no_h2 and (want("h2_cc") or want("h2_user")):
            h2 = Tollgate(servers, "tollgate-h2", jar,
                          f"jdbc:h2:file:{work}/h2/tollgate;AUTO_SERVER=TRUE", java_opts=java_opts)
            h2.cli("db", "migrate")
            h2.start()
            h2.setup()
            h2_access = h2.password_grant()["access_token"]
            h2_cc = lambda s: wrk(h2.url + "/o/token/", s, "form.lua", ["/o/token/", h2.cc_body(), h2.basic])
            h2_user = lambda s: wrk(h2.url + "/users/1/", s, "bearer.lua", [h2_access])
            for name, side, limit in (("H2 cc", h2_cc, 90), ("H2 /users/1/", h2_user, 45)):
                warm_until_steady(name, side, limit if not opts.quick else 2 * opts.warmup)
            if want("h2_cc"):
                run.pair("h2_cc", "oidc-provider cc (memory)", "client credentials, H2 (durable)", oidc_side, h2_cc)
            if want("h2_user"):
                run.pair("h2_user", "ceiling GET /row/1 (PostgreSQL)", "GET /users/1/, H2", row_side, h2_user)
            h2.stop()
    finally:
        servers.stop_all()
        for name in (db, db + "_1k"):
            psql("postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", check=False)
        if opts.jfr or sys.exc_info()[0] is not None:
            log("work folder kept (logs):", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    facts["total_seconds"] = time.monotonic() - began
    write_results(run, facts, out_dir, opts, java_opts)


def purge_pair(run, tg, db, app_id, user_id, api_side):
    """API throughput while the purge deletes 1 000 000 expired tokens, against the same API without a purge."""
    log("pair purge: GET /users/1/ during a purge of 1 000 000 expired tokens vs without")
    expired = int(os.environ.get("BENCH_PURGE_ROWS", 1_000_000))
    a_runs, b_runs, durations = [], [], []
    for i in range(run.rounds):
        log(f"  seeding {expired} expired tokens")
        seed_live_tokens(db, i * expired + 1, (i + 1) * expired, app_id, user_id,
                         expires="now() - interval '30 days'", prefix=f"bench-expired-{i}-")
        a_runs.append(api_side(run.seconds))
        done = {}

        def purge():
            t0 = time.monotonic()
            status, text = http(f"http://127.0.0.1:{tg.admin}/tasks/cleartokens", "", timeout=900)
            done["seconds"] = time.monotonic() - t0
            done["text"] = text

        th = threading.Thread(target=purge)
        th.start()
        time.sleep(0.2)
        b_runs.append(api_side(run.seconds))
        th.join()
        durations.append(done.get("seconds", float("nan")))
        log(f"  purge took {durations[-1]:.1f} s: {done.get('text', '').strip()[:120]}")
    run.record("purge", "GET /users/1/ without purge", "GET /users/1/ during purge", a_runs, b_runs, 0.8, "rps",
               "higher", note=f"purge of {expired} rows took {statistics.median(durations):.1f} s (median)")


def heap_pair(run, servers, jar, db_url, java_opts, facts):
    """The default JVM options against an unlimited heap (the JVM's own defaults), same code, same database."""
    log("pair heap: client credentials with the default JVM options vs an unlimited heap")
    small = Tollgate(servers, "tollgate-default-opts", jar, db_url, java_opts=java_opts).start()
    # The same server again on the database it has used: a restart, with the signing keys already made.
    facts["restart_seconds"] = small.start_seconds
    log(f"Tollgate answered {small.start_seconds:.2f} s after a restart")
    big = Tollgate(servers, "tollgate-unlimited", jar, db_url, java_opts="").start()
    for node in (small, big):
        # One application serves both: same database, same client.
        node.client_id, node.secret = run.client
        node.basic = basic(*run.client)
    cc = lambda node: (lambda s: wrk(node.url + "/o/token/", s, "form.lua", ["/o/token/", node.cc_body(), node.basic]))
    # Both JVMs are fresh: their JIT compilers (about a minute of C2 time on two cores) would still be at work in
    # the rounds and make them measure warm-up instead of the heap. Warm each alone first, then compare.
    for node, name in ((small, "default JAVA_OPTS"), (big, "unlimited heap")):
        warm_until_steady(name, cc(node), 90 if run.rounds > 1 else 12)
    run.pair("heap", "client credentials, unlimited heap", "client credentials, default JAVA_OPTS", cc(big), cc(small),
             0.95)
    facts["heap_rss"] = (peak_rss_mib(small.proc.pid), peak_rss_mib(big.proc.pid))
    log(f"  peak RSS: default options {facts['heap_rss'][0]:.0f} MiB, unlimited {facts['heap_rss'][1]:.0f} MiB")
    small.stop()
    big.stop()


def token_check(run, servers, jar, db, db_url, java_opts, app_id, user_id):
    """Token check latency, every request a database lookup (cache off), at 1 000 and at 1 000 000 live tokens: two
    databases on the same PostgreSQL, a Tollgate on each, measured in alternating rounds like every other pair."""
    log("pair tokencheck: latency at 1 000 vs 1 000 000 live tokens (token cache off)")
    small_db = db + "_1k"
    psql("postgres", f"CREATE DATABASE {small_db}")
    small_url = db_url.rsplit("/", 1)[0] + "/" + small_db
    nocache = {"TOKEN_CACHE_MAX_STALENESS": "0s"}
    small = Tollgate(servers, "tollgate-1k", jar, small_url, extra_env=nocache, java_opts=java_opts)
    small.cli("db", "migrate")
    small.setup()
    seed_live_tokens(small_db, 1, 1000,
                     int(psql(small_db, f"SELECT id FROM oauth_application WHERE client_id = '{small.client_id}'")),
                     int(psql(small_db, "SELECT id FROM auth_user WHERE username = 'bench'")))
    psql(db, "DELETE FROM oauth_access_token")
    seed_live_tokens(db, 1, 1_000_000, app_id, user_id)
    # As a table lives in service: vacuumed, so the rounds neither set hint bits on a million fresh rows nor meet
    # autovacuum's pass over them.
    for name in (small_db, db):
        psql(name, "VACUUM (ANALYZE) oauth_access_token")
    small.start()
    large = Tollgate(servers, "tollgate-1m", jar, db_url, extra_env=nocache, java_opts=java_opts).start()
    side = lambda node, count: (lambda s: wrk(node.url + "/", s, "tokens.lua", [LIVE_PREFIX, str(count)],
                                              connections=4))
    small_side, large_side = side(small, 1000), side(large, 1_000_000)
    for node_side, name in ((small_side, "token check at 1 000"), (large_side, "token check at 1 000 000")):
        warm_until_steady(name, node_side, 45 if run.rounds > 1 else 2 * run.warm)
    # A percentile of one 5 s round moves with whatever else the machine did then: more rounds than other pairs.
    rounds = max(run.rounds, 5)
    small_runs, large_runs = run.alternate(small_side, large_side, rounds)
    run.record("tokencheck_p50", "p50 at 1 000 live tokens", "p50 at 1 000 000", small_runs, large_runs, 1.2,
               "p50_ms", "lower", note=f"ms; cache off, 4 connections, random live token per request, {rounds} rounds")
    run.record("tokencheck_p99", "p99 at 1 000 live tokens", "p99 at 1 000 000", small_runs, large_runs, 1.2,
               "p99_ms", "lower", note="ms")
    small.stop()
    large.stop()


def write_results(run, facts, out_dir, opts, java_opts):
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = re.search(r"model name\s*:\s*(.*)", f.read()).group(1)
    except Exception:
        pass
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}"
    lines = [f"Tollgate benchmark, {when}", f"machine: {machine}, load average at the end {os.getloadavg()[0]:.1f}",
             f"rounds: {opts.rounds} x {opts.seconds} s per side, wrk -t1 -c16 unless noted, every server warmed until its rate settles, then {opts.warmup} s per side before each pair;"
             f" Tollgate JAVA_OPTS: {java_opts or '(none)'}", "",
             f"{'pair':<15}{'A (limit)':<44}{'A median':>10}{'±%':>5}  {'B (Tollgate)':<36}{'B median':>10}{'±%':>5}"
             f"{'B/A':>7}{'range':>12}{'target':>9}  met"]
    for r in run.rows:
        target = "" if r["target"] is None else ("≥ " if r["better"] == "higher" else "≤ ") + f"{r['target']}"
        met = "" if r["target"] is None else ("yes" if r["met"] else "NO")
        lines.append(f"{r['key']:<15}{r['a']:<44}{fmt(r['a_median']):>10}{r['a_spread']:>5.0f}  {r['b']:<36}"
                     f"{fmt(r['b_median']):>10}{r['b_spread']:>5.0f}{r['ratio']:>7.2f}"
                     f"{r['ratio_min']:>6.2f}–{r['ratio_max']:<5.2f}{target:>9}  {met}"
                     + (f"   ({r['note']})" if r["note"] else ""))
    lines.append("")
    rss = facts.get("peak_rss_mib")
    start = facts.get("start_seconds")
    heap = facts.get("heap_rss")
    if heap:
        lines.append(f"peak RSS in the heap pair: default JAVA_OPTS {heap[0]:.0f} MiB, unlimited heap {heap[1]:.0f} MiB")
    if rss is not None:
        lines.append(f"peak RSS of Tollgate (PostgreSQL run, VmHWM): {rss:.0f} MiB  (target ≤ 300 MB: "
                     f"{'yes' if rss * 1.048576 <= 300 else 'NO'})")
    if facts.get("ceiling_start_seconds") is not None:
        lines.append(f"start to first answer of the ceiling app (bare Dropwizard, for reference): "
                     f"{facts['ceiling_start_seconds']:.2f} s")
    if start is not None:
        lines.append(f"start to first answer, first start (creates the signing keys): {start:.2f} s  "
                     f"(target ≤ 2 s: {'yes' if start <= 2 else 'NO'})")
    restart = facts.get("restart_seconds")
    if restart is not None:
        lines.append(f"start to first answer, restart on the same database: {restart:.2f} s  "
                     f"(target ≤ 2 s: {'yes' if restart <= 2 else 'NO'})")
    lines.append(f"whole run: {facts['total_seconds'] / 60:.1f} min")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(out_dir, "results.txt"), "w") as f:
        f.write(text)
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump(dict(rows=run.rows, facts=facts, when=when, machine=machine, opts=vars(opts)), f, indent=1)
    print("\n" + text)
    with open(os.path.join(out_dir, "results.md"), "w") as f:
        f.write(markdown(dict(rows=run.rows, facts=facts)))
    chart(run.rows, out_dir, when, machine)


def markdown(results):
    """The table as the README shows it (also written to target/bench/results.md)."""
    out = [f"| pair | A (limit) | A | B (Tollgate) | B | B/A (range) | target |", "| --- | --- | ---: | --- | ---: | ---: | --- |"]
    for r in results["rows"]:
        target = "" if r["target"] is None else ("≥ " if r["better"] == "higher" else "≤ ") + f"{r['target']}" + (
            " ✔" if r.get("met") else " ✘")
        unit = " ms" if r["metric"].endswith("_ms") else "/s"
        out.append(f"| `{r['key']}` | {r['a']} | {fmt(r['a_median'])}{unit} | {r['b']} | {fmt(r['b_median'])}{unit} | "
                   f"**{r['ratio']:.2f}** ({r['ratio_min']:.2f}–{r['ratio_max']:.2f}) | {target} |")
    facts = results["facts"]
    if facts.get("peak_rss_mib") is not None:
        out.append(f"| RSS | | | peak RSS of Tollgate over the PostgreSQL run | {facts['peak_rss_mib']:.0f} MiB | | ≤ 300 MB"
                   f"{' ✔' if facts['peak_rss_mib'] * 1.048576 <= 300 else ' ✘'} |")
    for key, what in (("start_seconds", "start to first answer, first start (creates the signing keys)"),
                      ("restart_seconds", "start to first answer, restart on the same database")):
        if facts.get(key) is not None:
            reference = facts.get("ceiling_start_seconds")
            a = ("bare Dropwizard app (ceiling), first answer", f"{reference:.2f} s") if reference else ("", "")
            out.append(f"| {key.split('_')[0]} | {a[0]} | {a[1]} | {what} | {facts[key]:.2f} s | | ≤ 2 s"
                       f"{' ✔' if facts[key] <= 2 else ' ✘'} |")
    return "\n".join(out) + "\n"


def chart(rows, out_dir, when, machine):
    """Measured ratio and target per pair, drawn by gnuplot."""
    data = os.path.join(out_dir, "results.dat")
    with open(data, "w") as f:
        for r in rows:
            target = r["target"] if r["target"] is not None else "NaN"
            f.write(f"\"{r['key']}\" {r['ratio']:.3f} {r['ratio_min']:.3f} {r['ratio_max']:.3f} {target}\n")
    script = f"""
set terminal pngcairo size 1000,520 font "sans,10" noenhanced
set output "{out_dir}/results.png"
set title "Tollgate B/A ratios, median of alternating rounds (bar), range (whiskers), target (dot)\\n{when}, {machine}"
set style data histogram
set style fill solid 0.6 border -1
set boxwidth 0.6
set yrange [0:*]
set grid ytics
set xtics rotate by -30
set key top left
set ylabel "B / A (lower is better for tokencheck_*)"
plot "{data}" using 2:xtic(1) with boxes title "measured", \\
     "" using 0:2:3:4 with yerrorbars lc rgb "black" pt 0 title "range", \\
     "" using 0:5 with points pt 7 ps 1.5 lc rgb "red" title "target", \\
     1 with lines dt 2 lc rgb "gray" notitle
"""
    out = subprocess.run(["gnuplot"], input=script, capture_output=True, text=True)
    if out.returncode != 0:
        log("gnuplot failed:", out.stderr[-300:])


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--markdown":
        # Re-renders the README table of an earlier run: bench.py --markdown target/bench/results.json
        with open(sys.argv[2]) as f:
            print(markdown(json.load(f)), end="")
    else:
        main()

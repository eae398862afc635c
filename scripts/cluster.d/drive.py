#!/usr/bin/env python3
"""Drives scripts/cluster: revocation propagation between two nodes, then load through the balancer with one
node killed half-way. Standard library only; every loop is bounded; every request has a time-out."""
import argparse, base64, http.client, json, os, signal, statistics, sys, threading, time, urllib.parse, uuid

TIMEOUT = 30


class Node:
    """One keep-alive connection to host:port; reconnects when the peer closed it."""
    def __init__(self, port):
        self.port = port
        self.conn = None

    def request(self, method, path, headers=None, body=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                data = response.read()
                return response.status, data
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


def form(**fields):
    return urllib.parse.urlencode(fields)


def token_request(node, basic, **fields):
    status, data = node.request("POST", "/o/token/", {"Authorization": basic,
                                "Content-Type": "application/x-www-form-urlencoded"}, form(**fields))
    if status != 200:
        sys.exit(f"token request failed: {status} {data[:200]!r}")
    return json.loads(data)


def measure_revocations(args, basic):
    a, b = Node(args.a), Node(args.b)
    pair = token_request(a, basic, grant_type="password", username=args.user, password=args.password)
    samples = []
    for _ in range(args.revocations):
        pair = token_request(a, basic, grant_type="refresh_token", refresh_token=pair["refresh_token"])
        bearer = {"Authorization": "Bearer " + pair["access_token"]}
        for _ in range(2):  # the second answer comes from B's cache
            status, _ = b.request("GET", "/users/1/", bearer)
            if status != 200:
                sys.exit(f"node B refused a fresh token: {status}")
        status, _ = a.request("POST", "/o/revoke_token/", {"Authorization": basic,
                              "Content-Type": "application/x-www-form-urlencoded"}, form(token=pair["access_token"]))
        if status != 200:
            sys.exit(f"revocation on A failed: {status}")
        start = time.perf_counter()
        while True:
            status, _ = b.request("GET", "/users/1/", bearer)
            elapsed = (time.perf_counter() - start) * 1000
            if status == 401 or elapsed > 10_000:
                break
        samples.append(elapsed)
    return samples


def load(args, staff_token, b_pid):
    """Workers alternate reads and user creations through the balancer; node B is killed half-way."""
    total = args.workers * args.requests
    done = [0]
    statuses, created, errors = {}, [], []
    lock = threading.Lock()
    killed = threading.Event()

    def worker():
        node = Node(args.lb)
        bearer = {"Authorization": "Bearer " + staff_token}
        for i in range(args.requests):
            try:
                if i % 2:
                    name = "load_" + uuid.uuid4().hex[:12]
                    status, _ = node.request("POST", "/users/", dict(bearer, **{"Content-Type": "application/json"}),
                                             json.dumps({"username": name}))
                    if status == 201:
                        with lock:
                            created.append(name)
                else:
                    status, _ = node.request("GET", "/users/1/", bearer)
            except OSError as e:
                status = "connection error"
                with lock:
                    errors.append(str(e))
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                done[0] += 1
                if done[0] >= total // 2 and not killed.is_set():
                    killed.set()
                    os.kill(b_pid, signal.SIGKILL)
                    print(f"  killed node B (pid {b_pid}) after {done[0]} of {total} requests", flush=True)

    threads = [threading.Thread(target=worker) for _ in range(args.workers)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses, created, errors, time.perf_counter() - started


def main():
    p = argparse.ArgumentParser()
    for name in ("lb", "a", "b", "b-pid", "revocations", "workers", "requests"):
        p.add_argument("--" + name, type=int, required=True)
    for name in ("client-id", "client-secret", "user", "password", "created-file"):
        p.add_argument("--" + name, required=True)
    args = p.parse_args()
    basic = "Basic " + base64.b64encode(f"{args.client_id}:{args.client_secret}".encode()).decode()

    print(f"Revocation on node A, polling node B until it refuses ({args.revocations} times):", flush=True)
    samples = measure_revocations(args, basic)
    print(f"  median {statistics.median(samples):.1f} ms, max {max(samples):.1f} ms, "
          f"p90 {sorted(samples)[int(len(samples) * 0.9) - 1]:.1f} ms, min {min(samples):.1f} ms")

    staff = token_request(Node(args.lb), basic, grant_type="password", username=args.user, password=args.password)
    print(f"Load through the balancer: {args.workers} workers x {args.requests} requests (reads and user "
          "creations), node B killed half-way:", flush=True)
    statuses, created, errors, seconds = load(args, staff["access_token"], args.b_pid)
    print(f"  {sum(statuses.values())} requests in {seconds:.1f} s; answers: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)))
    if errors:
        print(f"  connection errors: {errors[:3]}")
    with open(args.created_file, "w") as out:
        out.write("\n".join(created) + "\n")
    print(f"  users acknowledged with 201: {len(created)}")


if __name__ == "__main__":
    main()

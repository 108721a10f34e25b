#!/usr/bin/env python3
"""Exact reference for the barcamp objective: a MILP solved by HiGHS (scipy.optimize.milp).

score = sum_p sum_t min(1, sessions in t that p hosts or is interested in)
        - sum_s max(0, interested(s) - capacity(room(s)))

Usage: milp.py instance.json [--time 60]. Prints JSON {"score", "bound", "status", "seconds"}.
Benchmark only: never a server dependency.
"""
import argparse
import json
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("instance")
    parser.add_argument("--time", type=float, default=60)
    args = parser.parse_args()
    inst = json.load(open(args.instance))
    rooms, slots, sessions, people = inst["rooms"], inst["slots"], inst["sessions"], inst["participants"]
    S, R, T, P = len(sessions), len(rooms), len(slots), len(people)
    sidx = {s["id"]: i for i, s in enumerate(sessions)}
    pidx = {p["id"]: i for i, p in enumerate(people)}
    tidx = {t: i for i, t in enumerate(slots)}
    ridx = {r["id"]: i for i, r in enumerate(rooms)}
    interest = [0] * S
    relevant = [set() for _ in range(S)]
    for p, person in enumerate(people):
        for sid in set(person["interests"]):
            interest[sidx[sid]] += 1
            relevant[sidx[sid]].add(p)
    hosts = {}
    for s, session in enumerate(sessions):
        for h in set(session["hosts"]):
            if h in pidx:
                relevant[s].add(pidx[h])
            hosts.setdefault(h, []).append(s)

    # variables: x[s,r,t] then y[p,t]
    def x(s, r, t):
        return (s * R + r) * T + t

    nx = S * R * T
    def y(p, t):
        return nx + p * T + t

    n = nx + P * T
    c = np.zeros(n)
    lower, upper = np.zeros(n), np.ones(n)
    for s, session in enumerate(sessions):
        unavailable = {tidx[t] for t in session.get("unavailable_slots") or []}
        pin = session.get("pinned")
        for r in range(R):
            for t in range(T):
                c[x(s, r, t)] = max(0, interest[s] - rooms[r]["capacity"])  # minimise -score
                if t in unavailable:
                    upper[x(s, r, t)] = 0
                if pin is not None:
                    fixed = 1 if (r == ridx[pin["room"]] and t == tidx[pin["slot"]]) else 0
                    lower[x(s, r, t)] = upper[x(s, r, t)] = fixed
    for p in range(P):
        for t in range(T):
            c[y(p, t)] = -1

    rows = []
    A = lil_matrix((S + R * T + len(hosts) * T + P * T, n))
    lb, ub = [], []
    row = 0
    for s in range(S):  # each session at most once
        for r in range(R):
            for t in range(T):
                A[row, x(s, r, t)] = 1
        lb.append(-np.inf); ub.append(1); row += 1
    for r in range(R):  # one session per cell
        for t in range(T):
            for s in range(S):
                A[row, x(s, r, t)] = 1
            lb.append(-np.inf); ub.append(1); row += 1
    for h, hosted in hosts.items():  # a host at most once per slot
        for t in range(T):
            for s in hosted:
                for r in range(R):
                    A[row, x(s, r, t)] = 1
            lb.append(-np.inf); ub.append(1); row += 1
    by_person = [[] for _ in range(P)]
    for s in range(S):
        for p in relevant[s]:
            by_person[p].append(s)
    for p in range(P):  # y[p,t] <= sum of relevant sessions in t
        for t in range(T):
            A[row, y(p, t)] = 1
            for s in by_person[p]:
                for r in range(R):
                    A[row, x(s, r, t)] = -1
            lb.append(-np.inf); ub.append(0); row += 1
    A = A[:row].tocsr()
    started = time.time()
    result = milp(c, integrality=np.ones(n), bounds=Bounds(lower, upper),
                  constraints=LinearConstraint(A, lb, ub), options={"time_limit": args.time, "disp": False})
    seconds = time.time() - started
    score = None if result.x is None else int(round(-result.fun))
    bound = getattr(result, "mip_dual_bound", None)
    print(json.dumps({"score": score, "bound": None if bound is None else -bound, "status": result.message, "seconds": round(seconds, 1)}))


if __name__ == "__main__":
    sys.exit(main())

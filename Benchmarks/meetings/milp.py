#!/usr/bin/env python3
"""Exact reference for the 1:1 meeting scheduler: a MILP solved by HiGHS (scipy.optimize.milp).

maximise   sum_r sum_t priority(r) * x[r,t]        (t only where both people are available)
subject to sum_t x[r,t] <= 1                       each request at most once
           sum_r x[r,t] <= tables(t)               per slot
           sum_{r of p} x[r,t] <= 1                per person and slot

Usage: milp.py meetings.json [--time 120] [--ours plan.json]
Prints JSON {"score", "bound", "status", "seconds"} and, with --ours, our score, whether our plan
keeps every constraint (checked here, independently of the Swift code) and the ratios.
Benchmark only: never a server dependency.
"""
import argparse
import json
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix


def allowed_slots(inst):
    slots = [s["id"] for s in inst["slots"]]
    available = {p["id"]: set(p["available"]) if p.get("available") is not None else set(slots) for p in inst["participants"]}
    return slots, available


def check_ours(inst, plan):
    """Our score if `plan` keeps every constraint, else the first violation."""
    slots, available = allowed_slots(inst)
    tables = {s["id"]: s["tables"] for s in inst["slots"]}
    requests = {r["id"]: r for r in inst["requests"]}
    busy, seen, taken, used = set(), set(), set(), {}
    score = 0
    for m in plan["meetings"]:
        r = requests.get(m["request"])
        if r is None or m["request"] in seen:
            return None, f"request {m['request']} unknown or twice"
        seen.add(m["request"])
        t = m["slot"]
        if t not in tables or not 1 <= m["table"] <= tables[t] or (t, m["table"]) in taken:
            return None, f"bad table {t}/{m['table']}"
        taken.add((t, m["table"]))
        used[t] = used.get(t, 0) + 1
        for p in (r["a"], r["b"]):
            if t not in available[p] or (p, t) in busy:
                return None, f"{p} unavailable or busy in {t}"
            busy.add((p, t))
        score += r["priority"]
    if score != plan["score"] or len(plan["meetings"]) != plan["scheduled"]:
        return None, "reported score or count differs"
    if sorted([m["request"] for m in plan["meetings"]] + plan["unscheduled"]) != sorted(requests):
        return None, "meetings and unscheduled do not cover the requests exactly once"
    return score, "ok"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("instance")
    parser.add_argument("--time", type=float, default=120)
    parser.add_argument("--ours")
    args = parser.parse_args()
    inst = json.load(open(args.instance))
    slots, available = allowed_slots(inst)
    tidx = {t: i for i, t in enumerate(slots)}
    pidx = {p["id"]: i for i, p in enumerate(inst["participants"])}
    T = len(slots)

    columns = []  # (request index, slot index, priority)
    for r, req in enumerate(inst["requests"]):
        for t in sorted(available[req["a"]] & available[req["b"]], key=tidx.get):
            columns.append((r, tidx[t], req["priority"]))
    n = len(columns)
    rows, cols = [], []
    R = len(inst["requests"])
    for j, (r, t, _) in enumerate(columns):
        req = inst["requests"][r]
        rows += [r, R + t, R + T + pidx[req["a"]] * T + t, R + T + pidx[req["b"]] * T + t]
        cols += [j] * 4
    m = R + T + len(pidx) * T
    A = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(m, n)).tocsr()
    ub = np.array([1] * R + [s["tables"] for s in inst["slots"]] + [1] * (len(pidx) * T), dtype=float)
    c = -np.array([w for (_, _, w) in columns], dtype=float)
    started = time.time()
    result = milp(c, integrality=np.ones(n), bounds=Bounds(0, 1), constraints=LinearConstraint(A, -np.inf, ub),
                  options={"time_limit": args.time, "disp": False})
    seconds = time.time() - started
    score = None if result.x is None else int(round(-result.fun))
    bound = getattr(result, "mip_dual_bound", None)
    bound = None if bound is None else -bound
    out = {"score": score, "bound": bound, "status": result.message, "seconds": round(seconds, 1)}
    if args.ours:
        ours, check = check_ours(inst, json.load(open(args.ours)))
        out["ours"] = ours
        out["ours_check"] = check
        if ours is not None and score:
            out["ours_vs_score"] = round(ours / score, 4)
        if ours is not None and bound:
            out["ours_vs_bound"] = round(ours / bound, 4)
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())

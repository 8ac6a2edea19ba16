#!/usr/bin/env python3
"""Writes what bcc's tools/tcptracer.py prints for the events of events.tsv: the goldens of
BccLineFormatTest, one file per output mode (header, then a line per event).

The print code below is bcc's print_ipv4_event / print_ipv6_event and header code, with the
event read from a table instead of a perf buffer. Run: python3 generate_goldens.py
"""
import os
import sys
from types import SimpleNamespace

MODES = {
    "default": dict(timestamp=False, verbose=False, netns=0),
    "verbose": dict(timestamp=False, verbose=True, netns=0),
    "timestamp": dict(timestamp=True, verbose=False, netns=0),
    "timestamp_verbose": dict(timestamp=True, verbose=True, netns=0),
    "verbose_netns_filter": dict(timestamp=False, verbose=True, netns=4026531969),
}

verbose_types = {"C": "connect", "A": "accept",
                 "X": "close", "U": "unknown"}


def header(args, out):
    if args.verbose:
        if args.timestamp:
            out.write("%-14s" % ("TIME(ns)"))
        out.write("%-12s %-6s %-16s %-2s %-16s %-16s %-6s %-7s" % ("TYPE",
                  "PID", "COMM", "IP", "SADDR", "DADDR", "SPORT", "DPORT"))
        if not args.netns:
            out.write("%-8s" % "NETNS")
        out.write("\n")
    else:
        if args.timestamp:
            out.write("%-9s" % ("TIME(s)"))
        out.write("%-2s %-6s %-16s %-2s %-16s %-16s %-6s %-6s\n" %
                  ("T", "PID", "COMM", "IP", "SADDR", "DADDR", "SPORT", "DPORT"))


def print_event(args, state, event, out):
    if args.timestamp:
        if state.start_ts == 0:
            state.start_ts = event.ts_ns
        if args.verbose:
            out.write("%-14d" % (event.ts_ns - state.start_ts))
        else:
            out.write("%-9.3f" % ((event.ts_ns - state.start_ts) / 1000000000.0))
    if event.type == 1:
        type_str = "C"
    elif event.type == 2:
        type_str = "A"
    elif event.type == 3:
        type_str = "X"
    else:
        type_str = "U"

    if args.verbose:
        out.write("%-12s " % (verbose_types[type_str]))
    else:
        out.write("%-2s " % (type_str))

    # bcc passes inet_ntop()'s text; IPv6 in brackets.
    brackets = (lambda a: "[" + a + "]") if event.ip == 6 else (lambda a: a)
    out.write("%-6d %-16s %-2d %-16s %-16s %-6d %-6d" %
              (event.pid, event.comm,
               event.ip,
               brackets(event.saddr),
               brackets(event.daddr),
               event.sport,
               event.dport))
    if args.verbose and not args.netns:
        out.write(" %-8d\n" % event.netns)
    else:
        out.write("\n")


def events(here):
    with open(os.path.join(here, "events.tsv"), encoding="utf-8") as table:
        for line in table:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            type_, ts, pid, comm, ip, saddr, daddr, sport, dport, netns = line.split("\t")
            yield SimpleNamespace(type=int(type_), ts_ns=int(ts), pid=int(pid), comm=comm, ip=int(ip),
                                  saddr=saddr, daddr=daddr, sport=int(sport), dport=int(dport),
                                  netns=int(netns))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for mode, options in MODES.items():
        args = SimpleNamespace(**options)
        state = SimpleNamespace(start_ts=0)
        with open(os.path.join(here, mode + ".txt"), "w", encoding="utf-8", newline="") as out:
            header(args, out)
            for event in events(here):
                if event.type == 4:
                    continue  # a failed connect: bcc never sees one, tcptracer prints none
                print_event(args, state, event, out)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes what Python's argparse prints for tcptracer's command line: the goldens of ArgparseGoldenTest.

bcc's tools/tcptracer.py declares these options (its hidden --ebpf is left out: tcptracer has no C
program to print); ours follow bcc's, so that bcc's invocations parse unchanged. Run from any
directory with Python >= 3.10 (which says "options:"); the goldens were made with 3.11:

    COLUMNS=80 python3 generate_goldens.py

For every line "NAME<TAB>ARG<TAB>ARG..." of cases.tsv it writes NAME.err (stderr of an exit 2),
NAME.out (stdout of -h) or NAME.parsed (the values of a successful parse, one "name=repr" a line).
"""
import argparse as ap
import contextlib
import io
import math
import os
import sys


def seconds(text):
    # A ValueError here makes argparse say "invalid seconds value: 'abc'".
    value = float(text)
    if not 0 < value < math.inf:
        raise ap.ArgumentTypeError("not a positive number of seconds: %r" % text)
    return value


def parser():
    parser = ap.ArgumentParser(prog="tcptracer", description="Trace TCP connections",
                               formatter_class=ap.RawDescriptionHelpFormatter)
    parser.add_argument("-t", "--timestamp", action="store_true",
                        help="include timestamp on output")
    parser.add_argument("-p", "--pid", default=0, type=int,
                        help="trace this PID only")
    parser.add_argument("-N", "--netns", default=0, type=int,
                        help="trace this Network Namespace only")
    parser.add_argument("--cgroupmap",
                        help="trace cgroups in this BPF map only")
    parser.add_argument("--mntnsmap",
                        help="trace mount namespaces in this BPF map only")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-4", "--ipv4", action="store_true",
                       help="trace IPv4 family only")
    group.add_argument("-6", "--ipv6", action="store_true",
                       help="trace IPv6 family only")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="include Network Namespace in the output")
    # Ours, after bcc's.
    parser.add_argument("-o", "--output", metavar="FILE.jfr",
                        help="record the events into this JFR file")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="with -o: print no event lines")
    parser.add_argument("-d", "--duration", metavar="SECONDS", type=seconds,
                        help="stop after this many seconds")
    parser.add_argument("--flush-interval", metavar="SECONDS", type=seconds,
                        help="with -o: write a chunk at least this often, default 1")
    return parser


def parse(argv):
    p = parser()
    args = p.parse_args(argv)
    if args.output is None:
        if args.quiet:
            p.error("argument -q/--quiet: not allowed without argument -o/--output")
        if args.flush_interval is not None:
            p.error("argument --flush-interval: not allowed without argument -o/--output")
    return args


def dump(args):
    values = {
        "timestamp": args.timestamp,
        "verbose": args.verbose,
        "pid": args.pid,
        "netns": args.netns,
        "cgroupmap": args.cgroupmap,
        "mntnsmap": args.mntnsmap,
        "ip_version": 4 if args.ipv4 else 6 if args.ipv6 else 0,
        "output": args.output,
        "quiet": args.quiet,
        "duration": args.duration,
        "flush_interval": 1.0 if args.flush_interval is None else args.flush_interval,
    }
    return "".join("%s=%r\n" % item for item in values.items())


def main():
    if os.environ.get("COLUMNS") != "80":
        sys.exit("run with COLUMNS=80: argparse wraps to the terminal width")
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "cases.tsv"), encoding="utf-8") as cases:
        for line in cases:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, *argv = line.split("\t")
            out, err = io.StringIO(), io.StringIO()
            status = 0
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    print(dump(parse(argv)), end="")
                except SystemExit as e:
                    status = e.code
            suffix = {0: ".parsed", 2: ".err"}[status]
            if status == 0 and out.getvalue().startswith("usage:"):
                suffix = ".out"
            text = err.getvalue() if status else out.getvalue()
            with open(os.path.join(here, name + suffix), "w", encoding="utf-8", newline="") as golden:
                golden.write(text)


if __name__ == "__main__":
    main()

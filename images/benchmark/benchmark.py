#!/usr/bin/python3
"""povm benchmark: SHA-256 of one fixed 64-byte block, repeatedly, for SECONDS_TO_RUN seconds; see docs/benchmark.md.

Prints one line '{"benchmark":"sha256-64B","opsPerSecond":N}' (N an integer, rounded down).
"""
import hashlib
import os
import sys
import time

NAME = "sha256-64B"
BLOCK = bytes(range(64))
BATCH = 1000
MAX_SECONDS = 60


def seconds_to_run():
    text = os.environ.get("SECONDS_TO_RUN", "2")
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= MAX_SECONDS:
        sys.stderr.write("povm-benchmark: SECONDS_TO_RUN must be more than 0 and at most %d, got %r\n"
                         % (MAX_SECONDS, text))
        sys.exit(2)
    return seconds


def main():
    seconds = seconds_to_run()
    sha256 = hashlib.sha256
    ops = 0
    start = time.monotonic()
    deadline = start + seconds
    now = start
    while now < deadline:
        for _ in range(BATCH):
            sha256(BLOCK).digest()
        ops += BATCH
        now = time.monotonic()
    sys.stdout.write('{"benchmark":"%s","opsPerSecond":%d}\n' % (NAME, int(ops / (now - start))))


if __name__ == "__main__":
    main()

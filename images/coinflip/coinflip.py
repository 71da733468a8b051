#!/usr/bin/python3
"""povm coin flipper: flips a deterministic coin until K heads in a row; see docs/coinflip.md.

Flip i (0-based) is bit (i mod 8), least-significant first, of byte (i div 8 mod 32) of
SHA-256(seed as UTF-8 || (i div 256) as 8-byte big-endian); 1 is heads.
Usage: povm-coinflip [SEED K [CHECKPOINT_EVERY]], or the environment variables SEED, K, CHECKPOINT_EVERY.
Prints 'POVM-CHECKPOINT {"flips":F,"streak":S,"state":"<hex>"}' every CHECKPOINT_EVERY flips and
finally one line '{"seed":"...","k":K,"flips":F}'. No json module: python3-minimal does not ship it.
"""
import hashlib
import os
import sys

MAX_K = 48
MAX_SEED_BYTES = 256
MARKER = "POVM-CHECKPOINT "


def fail(message):
    sys.stderr.write("povm-coinflip: " + message + "\n")
    sys.exit(2)


def json_string(text):
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def parse_args(argv):
    args = argv[1:]
    if len(args) not in (0, 2, 3):
        fail("usage: povm-coinflip [SEED K [CHECKPOINT_EVERY]] (or env SEED, K, CHECKPOINT_EVERY)")
    seed = args[0] if args else os.environ.get("SEED")
    k_text = args[1] if args else os.environ.get("K")
    every_text = args[2] if len(args) == 3 else os.environ.get("CHECKPOINT_EVERY", "0")
    if seed is None or seed == "":
        fail("SEED must be a non-empty string")
    if len(seed.encode("utf-8")) > MAX_SEED_BYTES:
        fail("SEED must be at most %d bytes of UTF-8" % MAX_SEED_BYTES)
    if k_text is None or not k_text.isdigit() or not 1 <= int(k_text) <= MAX_K:
        fail("K must be an integer from 1 to %d, got %r" % (MAX_K, k_text))
    if not every_text.isdigit():
        fail("CHECKPOINT_EVERY must be an integer >= 0 (0: no checkpoints), got %r" % every_text)
    return seed, int(k_text), int(every_text)


def flip_until(seed, k, every, out):
    prefix = seed.encode("utf-8")
    flips = 0
    streak = 0
    counter = 0
    while True:
        block = hashlib.sha256(prefix + counter.to_bytes(8, "big")).digest()
        state = None
        for byte in block:
            for bit in range(8):
                flips += 1
                streak = streak + 1 if (byte >> bit) & 1 else 0
                if every and flips % every == 0:
                    state = state or block.hex()
                    out.write('%s{"flips":%d,"streak":%d,"state":"%s"}\n' % (MARKER, flips, streak, state))
                if streak == k:
                    return flips
        counter += 1


def main():
    seed, k, every = parse_args(sys.argv)
    out = sys.stdout
    flips = flip_until(seed, k, every, out)
    out.write('{"seed":%s,"k":%d,"flips":%d}\n' % (json_string(seed), k, flips))
    out.flush()


if __name__ == "__main__":
    main()

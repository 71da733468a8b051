#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Check a povm job's attestations without povm: signatures and commitments, from the ledger's own JSON.

Usage: scripts/verify-attestations.py EVIDENCE.json
       (EVIDENCE.json as written by 'povm attestation export JOB --out EVIDENCE.json')

For every stored attestation (a reveal, kept as the exact text the ledger returned) this checks, with the Python
standard library and the 'cryptography' package only (Debian: python3-cryptography):
  - it names the job and a replica of it, and that replica's worker;
  - its signature: ECDSA P-256 with SHA-256 (DER, base64) over the attestation's RFC 8785 bytes (JSON
    Canonicalization Scheme: members sorted by name, no whitespace, minimal string escapes, UTF-8), verified with the
    worker's registered public key (attestationKeys in the evidence);
  - its commitment: SHA-256 of resultHash, nonce and workerKey joined by newlines, lowercase hex, equals what the
    replica committed before any result was revealed.
It does not recount the verdict or the payouts: 'povm attestation verify' does, with the chaincode's own code.

Exit codes: 0 every attestation checks out; 1 at least one does not (each problem is printed, naming the replica);
2 the file cannot be read as evidence.
"""

import base64
import hashlib
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import load_pem_public_key

MAX_SAFE_INTEGER = 2**53 - 1


def canonical_bytes(attestation):
    """RFC 8785 bytes of an attestation: its values are strings and integers within 2^53, so sorted compact JSON is
    exactly the JCS form (JCS sorts by UTF-16 code units; povm's member names are ASCII)."""
    for name, value in attestation.items():
        if isinstance(value, bool) or isinstance(value, float):
            raise ValueError(f"{name} is {value!r}; an attestation holds strings and integers only")
        if isinstance(value, int) and abs(value) > MAX_SAFE_INTEGER:
            raise ValueError(f"{name} is {value}; beyond 2^53 - 1, which RFC 8785 cannot write exactly")
    return json.dumps(attestation, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def commitment(attestation):
    opened = attestation["resultHash"] + "\n" + attestation["nonce"] + "\n" + attestation["workerKey"]
    return hashlib.sha256(opened.encode("utf-8")).hexdigest()


def problems_of(reveal_text, job, keys):
    """Returns (replica label, [problems]) for one stored reveal."""
    reveal = json.loads(reveal_text)
    attestation = reveal["attestation"]
    index = attestation.get("replica")
    label = f"replica {index}"
    replicas = job.get("replicas", [])
    if not isinstance(index, int) or not 0 <= index < len(replicas):
        return label, [f"names replica {index!r}, which job {job['spec']['id']} does not have"]
    replica = replicas[index]
    label = f"replica {index} ({replica['workerKey']})"
    found = []
    if attestation.get("jobId") != job["spec"]["id"]:
        found.append(f"names job {attestation.get('jobId')!r}, not {job['spec']['id']!r}")
    if attestation.get("workerKey") != replica["workerKey"]:
        found.append(f"names worker {attestation.get('workerKey')!r}, not the replica's {replica['workerKey']!r}")
    pem = keys.get(replica["workerKey"])
    if pem is None:
        found.append("the evidence has no attestation key for its worker")
    else:
        try:
            signed = canonical_bytes(attestation)
            load_pem_public_key(pem.encode("ascii")).verify(
                base64.b64decode(reveal["signature"], validate=True), signed, ec.ECDSA(hashes.SHA256())
            )
        except (InvalidSignature, ValueError) as e:
            found.append("signature does not verify over the attestation's RFC 8785 bytes"
                         + (f" ({e})" if str(e) else ""))
    committed = replica.get("commitment")
    if committed is None:
        found.append("the replica never committed")
    elif commitment(attestation) != committed:
        found.append(f"does not open the commitment {committed}: SHA-256(resultHash, nonce, workerKey) is "
                     f"{commitment(attestation)}")
    return label, found


def main(argv):
    if len(argv) == 2 and argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            evidence = json.load(f)
        job = evidence["job"]
        keys = evidence.get("attestationKeys", {})
        texts = evidence.get("attestations", [])
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"error: {argv[1]} is not povm evidence: {e}", file=sys.stderr)
        return 2
    if not texts:
        print(f"error: the evidence of job {job['spec']['id']} holds no attestation", file=sys.stderr)
        return 1
    failed = 0
    for text in texts:
        try:
            label, found = problems_of(text, job, keys)
        except (ValueError, KeyError, TypeError) as e:
            label, found = "an attestation", [f"cannot be read: {e}"]
        if found:
            failed += 1
            for problem in found:
                print(f"{label}: {problem}")
        else:
            print(f"{label}: signature and commitment OK")
    print(f"job {job['spec']['id']}: " + (f"{failed} of {len(texts)} attestations FAILED" if failed
                                          else f"all {len(texts)} attestations OK"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

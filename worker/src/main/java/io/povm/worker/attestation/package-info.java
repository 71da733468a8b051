/**
 * The worker's side of result consensus (docs/consensus.md): its attestation key, the sealed result it commits to
 * and reveals, and the faulty modes that tests use to play a dishonest worker.
 */
package io.povm.worker.attestation;

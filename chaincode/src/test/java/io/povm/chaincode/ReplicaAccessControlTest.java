// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.povm.api.Job;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Replica;
import io.povm.api.Specs;
import io.povm.chaincode.clock.ClockContract;
import io.povm.chaincode.org.MemberLedger;
import io.povm.chaincode.worker.RegisteredWorkers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access-control matrix of the replica and clock transactions (docs/access-control-replicas.md), cell by cell on
 * a mocked stub. Members are Org1MSP, Org2MSP and Org3MSP; a single-replica job of Org1's User1 is assigned to
 * Org2's or Org3's worker (the seeded draw decides; the test reads which) and the other one is the "other worker".
 * A refused call names the rule and writes nothing.
 */
class ReplicaAccessControlTest {
    private static final Instant ASSIGNED_AT = Instant.parse("2026-11-20T10:01:00Z");
    private static final Instant AFTER_START_WINDOW = Instant.parse("2026-11-20T10:06:00Z");
    /** After the job's deadline (Specs.DEADLINE, 11:00). */
    private static final Instant PAST_JOB_DEADLINE = Instant.parse("2026-11-20T11:00:30Z");

    private static final Signer ORG3_WORKER =
            new Signer("org3 worker", "Org3MSP", "CN=worker1@org3.example.com, OU=client", "x509::CN=w3::CN=ca.org3");
    private static final Signer ORG2_ADMIN =
            new Signer("org2 admin", "Org2MSP", "CN=Admin@org2.example.com, OU=admin", "x509::CN=a2::CN=ca.org2");
    private static final Signer ORG3_ADMIN =
            new Signer("org3 admin", "Org3MSP", "CN=Admin@org3.example.com, OU=admin", "x509::CN=a3::CN=ca.org3");
    private static final Signer NON_MEMBER =
            new Signer("non-member", "Org4MSP", "CN=User1@org4.example.com, OU=client", "x509::CN=u4::CN=ca.org4");

    /** The columns: who the caller is, relative to replica 0 of the job. */
    private static final List<String> IDENTITIES =
            List.of("replica's worker", "other worker", "submitter", "other-org client", "org admin", "non-member");

    private static final Map<String, List<String>> EXPECTED = expected();

    private static Map<String, List<String>> expected() {
        final Map<String, List<String>> table = new LinkedHashMap<>();
        final List<String> members = List.of("allowed", "allowed", "allowed", "allowed", "allowed", "FORBIDDEN");
        final List<String> ownWorker =
                List.of("allowed", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
        table.put("`AssignJob` `J`", members);
        table.put("`AcknowledgeReplica` `J` 0", ownWorker);
        table.put("`CommitResult` `J` 0", ownWorker);
        table.put("`ReleaseReplica` `J` 0", ownWorker);
        table.put("`ExpireLease` `J` 0 (deadline passed)", members);
        table.put("`ExpireJob` `J` (job deadline passed)", members);
        table.put("`ListJobsByWorker`", List.of("allowed", "allowed", "allowed", "allowed", "allowed", "allowed"));
        table.put("`clock:Get`", List.of("allowed", "allowed", "allowed", "allowed", "allowed", "allowed"));
        return table;
    }

    /** A ledger with the members, two workers and job J: submitted, or assigned, or running. */
    private static final class Fixture {
        final LedgerFake ledger = new LedgerFake();
        final PovmContract jobs = new PovmContract();
        final ClockContract clock = new ClockContract();
        Replica replica;

        Fixture(final String stage) {
            ledger.committed(MemberLedger.key(), ContractFixtures.MEMBERS_JSON);
            RegisteredWorkers.register(ledger.stub, "Org2MSP", "w2", Signer.WORKER.id());
            RegisteredWorkers.register(ledger.stub, "Org3MSP", "w3", ORG3_WORKER.id());
            ledger.transaction("tx-submit", ASSIGNED_AT.minusSeconds(60)).signedBy(Signer.SUBMITTER);
            jobs.SubmitJob(ledger.ctx, Specs.VALID_JSON);
            if (stage.equals("submitted")) {
                return;
            }
            ledger.transaction("tx-assign", ASSIGNED_AT);
            replica = PovmJson.read(jobs.AssignJob(ledger.ctx, "flip-1"), Job.class)
                    .replicas()
                    .get(0);
            if (stage.equals("running")) {
                ledger.transaction("tx-ack", ASSIGNED_AT.plusSeconds(1)).signedBy(owner());
                jobs.AcknowledgeReplica(ledger.ctx, "flip-1", "0");
            }
            if (stage.equals("past deadline")) {
                for (Signer org : List.of(Signer.ORG_ADMIN, ORG2_ADMIN, ORG3_ADMIN)) {
                    ledger.transaction("tx-tick-" + org.msp(), PAST_JOB_DEADLINE)
                            .signedBy(org);
                    clock.Tick(ledger.ctx);
                }
            }
            if (stage.equals("expirable")) {
                for (Signer org : List.of(Signer.ORG_ADMIN, ORG2_ADMIN, ORG3_ADMIN)) {
                    ledger.transaction("tx-tick-" + org.msp(), AFTER_START_WINDOW)
                            .signedBy(org);
                    clock.Tick(ledger.ctx);
                }
            }
        }

        /** Before the assignment, the Org2 worker stands in as "the replica's worker". */
        Signer owner() {
            return replica == null || replica.msp().equals("Org2MSP") ? Signer.WORKER : ORG3_WORKER;
        }

        Signer other() {
            return replica == null || replica.msp().equals("Org2MSP") ? ORG3_WORKER : Signer.WORKER;
        }

        Signer as(final String identity) {
            switch (identity) {
                case "replica's worker":
                    return owner();
                case "other worker":
                    return other();
                case "submitter":
                    return Signer.SUBMITTER;
                case "other-org client":
                    return Signer.OTHER_ORG_CLIENT;
                case "org admin":
                    return Signer.ORG_ADMIN;
                default:
                    return NON_MEMBER;
            }
        }
    }

    private static final Map<String, String> STAGES = Map.of(
            "`AssignJob` `J`", "submitted",
            "`CommitResult` `J` 0", "running",
            "`ExpireLease` `J` 0 (deadline passed)", "expirable",
            "`ExpireJob` `J` (job deadline passed)", "past deadline");

    private static final Map<String, BiFunction<Fixture, Signer, String>> OPERATIONS = operations();

    private static Map<String, BiFunction<Fixture, Signer, String>> operations() {
        final Map<String, BiFunction<Fixture, Signer, String>> ops = new LinkedHashMap<>();
        ops.put("`AssignJob` `J`", (f, who) -> f.jobs.AssignJob(f.ledger.ctx, "flip-1"));
        ops.put("`AcknowledgeReplica` `J` 0", (f, who) -> f.jobs.AcknowledgeReplica(f.ledger.ctx, "flip-1", "0"));
        ops.put("`CommitResult` `J` 0", (f, who) -> f.jobs.CommitResult(f.ledger.ctx, "flip-1", "0", "a".repeat(64)));
        ops.put("`ReleaseReplica` `J` 0", (f, who) -> f.jobs.ReleaseReplica(f.ledger.ctx, "flip-1", "0", "drain"));
        ops.put("`ExpireLease` `J` 0 (deadline passed)", (f, who) -> f.jobs.ExpireLease(f.ledger.ctx, "flip-1", "0"));
        ops.put("`ExpireJob` `J` (job deadline passed)", (f, who) -> f.jobs.ExpireJob(f.ledger.ctx, "flip-1"));
        ops.put(
                "`ListJobsByWorker`",
                (f, who) -> f.jobs.ListJobsByWorker(f.ledger.ctx, f.replica.workerKey(), "10", ""));
        ops.put("`clock:Get`", (f, who) -> f.clock.Get(f.ledger.ctx));
        return ops;
    }

    static Stream<Arguments> cells() {
        return AccessMatrix.cells(EXPECTED, IDENTITIES);
    }

    @ParameterizedTest(name = "{0} as {1} is {2}")
    @MethodSource("cells")
    void each_cell_of_the_matrix_holds(final String operation, final String identity, final String outcome) {
        final Fixture fixture = new Fixture(STAGES.getOrDefault(operation, "assigned"));
        final Signer caller = fixture.as(identity);
        fixture.ledger.transaction("tx-cell", AFTER_START_WINDOW.plusSeconds(5)).signedBy(caller);

        String actual = "allowed";
        try {
            OPERATIONS.get(operation).apply(fixture, caller);
        } catch (ChaincodeException e) {
            final PovmError error = PovmJson.read(new String(e.getPayload(), StandardCharsets.UTF_8), PovmError.class);
            fixture.ledger.assertNothingWritten();
            assertThat(error.field())
                    .as("%s as %s: %s", operation, identity, error)
                    .isEqualTo("caller");
            actual = error.code().name();
        }
        assertThat(actual).as("%s as %s", operation, identity).isEqualTo(outcome);
    }

    @Test
    void the_docs_matrix_is_the_expected_table() {
        final Map<String, List<String>> documented = AccessMatrix.documented("access-control-replicas.md", IDENTITIES);

        assertThat(documented).containsExactlyEntriesOf(EXPECTED);
        assertThat(OPERATIONS.keySet()).containsExactlyElementsOf(EXPECTED.keySet());
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.ledger;

import io.povm.client.LedgerIdentity;
import io.povm.client.PovmClientException;
import io.povm.client.PovmGateway;
import io.povm.client.clock.ClockClient;
import io.povm.client.job.JobClient;
import io.povm.client.sla.SlaClient;
import io.povm.client.worker.WorkerClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * The chaincode as the worker uses it: each call goes through the current peer, and a call that finds the peer
 * unavailable moves to the next configured peer and is tried once more there. Contract rejections (the code of an
 * {@code ErrorCode}) are never retried: they would fail the same way.
 */
public final class Ledger {
    private final PeerConnections peers;

    public Ledger(final PeerConnections peers) {
        this.peers = Objects.requireNonNull(peers, "peers");
    }

    public <T> T jobs(final Function<JobClient, T> call) {
        return call(gateway -> call.apply(new JobClient(gateway.chaincode())));
    }

    public <T> T workers(final Function<WorkerClient, T> call) {
        return call(gateway -> call.apply(new WorkerClient(gateway.chaincode())));
    }

    public <T> T slas(final Function<SlaClient, T> call) {
        return call(gateway -> call.apply(new SlaClient(gateway.chaincode())));
    }

    public <T> T clock(final Function<ClockClient, T> call) {
        return call(gateway -> call.apply(new ClockClient(gateway.chaincode())));
    }

    public <T> T members(final Function<io.povm.client.org.MembersClient, T> call) {
        return call(gateway -> call.apply(new io.povm.client.org.MembersClient(gateway.chaincode())));
    }

    public <T> T beacon(final Function<io.povm.client.beacon.BeaconClient, T> call) {
        return call(gateway -> call.apply(new io.povm.client.beacon.BeaconClient(
                gateway.chaincode(), gateway.profile().channel())));
    }

    /** @return the identity of the ledger the peers serve ({@link LedgerIdentity}) */
    public String identity() {
        return call(LedgerIdentity::of);
    }

    public PeerConnections peers() {
        return peers;
    }

    private <T> T call(final Function<PovmGateway, T> call) {
        final PovmGateway gateway = peers.current();
        try {
            return call.apply(gateway);
        } catch (PovmClientException e) {
            if (e.kind() != PovmClientException.Kind.UNAVAILABLE) {
                throw e;
            }
            return call.apply(peers.failover(gateway));
        }
    }

    /** @return whether a failure is the contract refusing the call (as opposed to the network failing it) */
    public static boolean isRejection(final RuntimeException e) {
        return e instanceof PovmClientException
                && ((PovmClientException) e).kind() == PovmClientException.Kind.REJECTED;
    }
}

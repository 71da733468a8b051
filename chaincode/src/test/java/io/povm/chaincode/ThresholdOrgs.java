// SPDX-License-Identifier: Apache-2.0
package io.povm.chaincode;

import io.povm.api.Members;
import io.povm.api.PovmError;
import io.povm.api.PovmJson;
import io.povm.api.Submitter;
import io.povm.api.beacon.Feldman;
import io.povm.api.beacon.RoundCommit;
import io.povm.api.beacon.RoundMember;
import io.povm.api.beacon.ShareCipher;
import io.povm.api.beacon.threshold.BeaconDomain;
import io.povm.api.beacon.threshold.EpochView;
import io.povm.api.beacon.threshold.KeyCheck;
import io.povm.api.beacon.threshold.KeyComplaints;
import io.povm.api.beacon.threshold.KeyDeal;
import io.povm.api.beacon.threshold.KeyEpoch;
import io.povm.api.beacon.threshold.KeyGeneration;
import io.povm.api.beacon.threshold.Partial;
import io.povm.api.beacon.threshold.ThresholdKey;
import io.povm.chaincode.beacon.BeaconContract;
import io.povm.chaincode.beacon.ThresholdContract;
import io.povm.chaincode.org.MemberLedger;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * Three member orgs on a {@link LedgerFake}, each with a beacon key and its User1 registered as its operator, acting on
 * the {@code threshold} contract as their daemons would: deal, check, complete, post partials. Seeded, reproducible.
 */
final class ThresholdOrgs {
    static final List<String> ORGS = List.of("Org1MSP", "Org2MSP", "Org3MSP");
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    static final BeaconDomain DOMAIN = new BeaconDomain("povm", "povm");

    final LedgerFake ledger = new LedgerFake();
    final ThresholdContract contract = new ThresholdContract();
    final Map<String, BigInteger> beaconKeys = new LinkedHashMap<>();
    final Map<String, Feldman> polynomials = new LinkedHashMap<>();
    final SecureRandom random = seeded(15);
    private int tx;

    ThresholdOrgs() {
        org.mockito.Mockito.when(ledger.stub.getChannelId()).thenReturn("povm");
        ledger.committed(
                MemberLedger.key(),
                PovmJson.write(new Members(
                        ORGS, new Submitter("Org1MSP", "x509::admin"), "2026-11-01T00:00:00.000Z", "tx-boot")));
        for (int i = 0; i < ORGS.size(); i++) {
            final String msp = ORGS.get(i);
            beaconKeys.put(msp, BigInteger.valueOf(1000 + i));
            as(admin(msp), T0);
            new BeaconContract().RegisterKey(ledger.ctx, ShareCipher.publicKey(beaconKeys.get(msp)));
        }
        for (final String msp : List.of("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP")) {
            Operators.register(ledger.stub, msp, client(msp).id());
        }
    }

    /** Org4MSP joins the members (as org:ApproveMember would) with a beacon key; it is in no earlier epoch. */
    void org4Joins() {
        ledger.committed(
                MemberLedger.key(),
                PovmJson.write(new Members(
                        List.of("Org1MSP", "Org2MSP", "Org3MSP", "Org4MSP"),
                        new Submitter("Org1MSP", "x509::admin"),
                        "2026-11-01T00:00:00.000Z",
                        "tx-boot")));
        beaconKeys.put("Org4MSP", BigInteger.valueOf(1003));
        as(admin("Org4MSP"), T0.plusSeconds(900));
        new BeaconContract().RegisterKey(ledger.ctx, ShareCipher.publicKey(beaconKeys.get("Org4MSP")));
    }

    private static SecureRandom seeded(final long seed) {
        try {
            final SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Signer client(final String msp) {
        final String org = "org" + msp.charAt(3) + ".example.com";
        return new Signer(
                "client",
                msp,
                "CN=User1@" + org + ", OU=client, L=X, C=US",
                "x509::CN=User1@" + org + ",OU=client::CN=ca." + org);
    }

    static Signer customer(final String msp) {
        final String org = "org" + msp.charAt(3) + ".example.com";
        return new Signer(
                "client",
                msp,
                "CN=User9@" + org + ", OU=client, L=X, C=US",
                "x509::CN=User9@" + org + ",OU=client::CN=ca." + org);
    }

    static Signer admin(final String msp) {
        final String org = "org" + msp.charAt(3) + ".example.com";
        return new Signer(
                "admin",
                msp,
                "CN=Admin@" + org + ", OU=admin, L=X, C=US",
                "x509::CN=Admin@" + org + ",OU=admin::CN=ca." + org);
    }

    LedgerFake as(final Signer signer, final Instant at) {
        return ledger.transaction("tx-" + (++tx), at).signedBy(signer);
    }

    /** The org's operator (its User1) signs the next transaction, a second after the previous one. */
    org.hyperledger.fabric.contract.Context as(final String msp) {
        return as(client(msp), T0.plusSeconds(1 + tx)).ctx;
    }

    /** Puts the org's latest clock tick on the ledger, as its daemon's clock:Tick would. */
    void tick(final String msp, final Instant at) {
        ledger.state.put(
                new CompositeKey("clock", msp).toString(),
                io.povm.chaincode.TxTime.iso(at).getBytes(StandardCharsets.UTF_8));
    }

    void tickAll(final Instant at) {
        ORGS.forEach(msp -> tick(msp, at));
    }

    /** @return the error of a refused call, after checking that it wrote and emitted nothing */
    PovmError refused(final Runnable call) {
        final PovmError error = LedgerFake.errorOf(call::run);
        ledger.assertNothingWritten();
        return error;
    }

    KeyEpoch openEpoch() {
        return PovmJson.read(contract.OpenEpoch(as("Org1MSP")), KeyEpoch.class);
    }

    EpochView epoch(final long epoch) {
        return PovmJson.read(contract.GetEpoch(as("Org2MSP"), Long.toString(epoch)), EpochView.class);
    }

    KeyGeneration generation(final long epoch) {
        return epoch(epoch).generation(DOMAIN);
    }

    /** The deal the org would post with a fresh polynomial (kept, so that tests know x). */
    KeyDeal dealOf(final long epoch, final String dealer) {
        final KeyEpoch frozen = epoch(epoch).epoch();
        final Feldman polynomial = Feldman.random(frozen.threshold(), random);
        polynomials.put(dealer, polynomial);
        return KeyDeal.create(epoch, dealer, frozen.members(), polynomial, random);
    }

    /** A deal whose share for {@code victim} is off by one: it fails the dealer's own commitments. */
    KeyDeal cheatingDealOf(final long epoch, final String dealer, final String victim) {
        final KeyDeal honest = dealOf(epoch, dealer);
        final RoundMember member = epoch(epoch).epoch().members().stream()
                .filter(m -> m.msp().equals(victim))
                .findFirst()
                .orElseThrow();
        final ShareCipher.Sealed bad = ShareCipher.seal(
                polynomials.get(dealer).share(member.index()).add(BigInteger.ONE), member.publicKey(), random);
        final List<RoundCommit.SealedShare> shares = new ArrayList<>(honest.shares());
        shares.set(member.index() - 1, new RoundCommit.SealedShare(victim, bad.ephemeral(), bad.ciphertext()));
        return new KeyDeal(epoch, dealer, honest.commitments(), shares);
    }

    String deal(final KeyDeal deal) {
        return contract.DealKey(as(deal.dealer()), Long.toString(deal.epoch()), PovmJson.write(deal));
    }

    void dealAll(final long epoch) {
        ORGS.forEach(msp -> deal(dealOf(epoch, msp)));
    }

    KeyCheck checkOf(final long epoch, final String holder) {
        return KeyComplaints.check(generation(epoch), holder, beaconKeys.get(holder), random);
    }

    String check(final KeyCheck check) {
        return contract.CheckKey(as(check.holder()), Long.toString(check.epoch()), PovmJson.write(check));
    }

    void checkAll(final long epoch) {
        ORGS.forEach(msp -> check(checkOf(epoch, msp)));
    }

    ThresholdKey complete(final long epoch) {
        return PovmJson.read(contract.CompleteKey(as("Org3MSP"), Long.toString(epoch)), ThresholdKey.class);
    }

    /** Opens, deals, checks and completes key generation 1 with every org honest. */
    ThresholdKey honestKey() {
        openEpoch();
        dealAll(1);
        checkAll(1);
        return complete(1);
    }

    /** @return x = Σ f_j(0) over the qualified dealers, which only a test holding every polynomial knows */
    BigInteger secretOf(final List<String> dealers) {
        return dealers.stream().map(d -> polynomials.get(d).secret()).reduce(BigInteger.ZERO, (a, b) -> a.add(b)
                .mod(io.povm.api.beacon.P256.N));
    }

    /** The org's partial for a round, with x_i derived from the ledger and its beacon key as its daemon would. */
    Partial partialOf(final long epoch, final long round, final String msp) {
        final BigInteger share = generation(epoch).secretShare(msp, beaconKeys.get(msp));
        return Partial.create(DOMAIN, round, msp, share, random);
    }
}

// SPDX-License-Identifier: Apache-2.0
package io.povm.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.client.Contract;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {
    private static Contract contract() {
        return (Contract) Proxy.newProxyInstance(
                Contract.class.getClassLoader(),
                new Class<?>[] {Contract.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Every third transaction conflicts; records which client each went to. */
    private static final class FakeWorkload implements Workload {
        private final Set<Contract> used = ConcurrentHashMap.newKeySet();

        @Override
        public String chaincode() {
            return "floor";
        }

        @Override
        public String run(final Contract contract, final long sequence) {
            used.add(contract);
            return sequence % 3 == 2 ? "MVCC_READ_CONFLICT" : Outcome.VALID;
        }
    }

    private static LoadPlan plan(final double rate) {
        return new LoadPlan("P1", "fake@x", "fake", "", 2, 4, rate, Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    @Test
    void a_fixed_rate_sends_rate_times_seconds_transactions_and_counts_them_by_status() {
        final FakeWorkload workload = new FakeWorkload();
        final List<Contract> clients = List.of(contract(), contract());

        final LoadResult result = new LoadRunner(clients, workload).run(plan(40));

        assertThat(result.sent()).isEqualTo(20);
        assertThat(result.statuses()).containsEntry("VALID", 14L).containsEntry("MVCC_READ_CONFLICT", 6L);
        assertThat(result.failureShare()).isEqualTo(0.3);
        assertThat(workload.used).containsExactlyInAnyOrderElementsOf(clients);
    }

    @Test
    void a_second_run_of_the_same_runner_numbers_its_transactions_on() {
        final Set<Long> seen = ConcurrentHashMap.newKeySet();
        final Workload recording = new Workload() {
            @Override
            public String chaincode() {
                return "floor";
            }

            @Override
            public String run(final Contract contract, final long sequence) {
                return seen.add(sequence) ? Outcome.VALID : "DUPLICATE";
            }
        };
        final LoadRunner runner = new LoadRunner(List.of(contract()), recording);

        runner.run(plan(20));
        final LoadResult second = runner.run(plan(20));

        assertThat(second.statuses()).containsOnlyKeys("VALID");
        assertThat(seen).hasSize(20);
    }

    @Test
    void the_network_cpu_used_during_a_run_is_charged_per_valid_transaction() {
        final long[] cpu = {1000};
        final Workload burning = new Workload() {
            @Override
            public String chaincode() {
                return "floor";
            }

            @Override
            public String run(final Contract contract, final long sequence) {
                synchronized (cpu) {
                    cpu[0] += 50;
                }
                return Outcome.VALID;
            }
        };
        final LoadRunner runner = new LoadRunner(List.of(contract()), burning, () -> {
            synchronized (cpu) {
                return cpu[0];
            }
        });

        final LoadResult result = runner.run(plan(20));

        assertThat(result.networkCpuSeconds()).isEqualTo(0.5);
        assertThat(result.cpuMsPerValidTx()).isEqualTo(50);
    }

    @Test
    void max_rate_keeps_sending_until_the_time_is_up() {
        final LoadResult result = new LoadRunner(List.of(contract()), new FakeWorkload()).run(plan(0));

        assertThat(result.sent()).isGreaterThan(100);
        assertThat(result.offeredTps()).isZero();
        assertThat(result.tps()).isPositive();
    }

    @Test
    void an_exception_in_the_client_is_counted_as_a_client_error() {
        final Workload failing = new Workload() {
            @Override
            public String chaincode() {
                return "floor";
            }

            @Override
            public String run(final Contract contract, final long sequence) {
                throw new IllegalStateException("boom");
            }
        };

        final LoadResult result = new LoadRunner(List.of(contract()), failing).run(plan(20));

        assertThat(result.statuses()).containsEntry("CLIENT_ERROR:IllegalStateException", 10L);
    }

    @Test
    void transactions_still_running_after_the_drain_time_are_counted_unfinished() {
        final Workload slow = new Workload() {
            @Override
            public String chaincode() {
                return "floor";
            }

            @Override
            public String run(final Contract contract, final long sequence) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Outcome.VALID;
            }
        };
        final LoadPlan plan =
                new LoadPlan("P1", "slow@10", "slow", "", 1, 2, 10, Duration.ofMillis(300), Duration.ofMillis(200));

        final LoadResult result = new LoadRunner(List.of(contract()), slow).run(plan);

        assertThat(result.statuses()).containsKey("UNFINISHED");
        assertThat(result.sent()).isEqualTo(3);
    }
}

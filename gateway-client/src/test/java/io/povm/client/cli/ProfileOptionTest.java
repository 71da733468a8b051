// SPDX-License-Identifier: Apache-2.0
package io.povm.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.povm.client.TestJobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which profile a command connects with: --profile, else $POVM_PROFILE, else org1; and that it closes each. */
class ProfileOptionTest {
    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void aJobExists() {
        when(cli.jobs.get("job-1")).thenReturn(TestJobs.job("job-1"));
    }

    @Test
    void the_profile_option_is_passed_to_the_connection() {
        assertThat(cli.run("job", "get", "job-1", "--profile", "org2")).isZero();

        assertThat(cli.profilesOpened).isNotEmpty().containsOnly("org2");
    }

    @Test
    void POVM_PROFILE_is_the_default() {
        cli.env.put("POVM_PROFILE", "org3-admin");

        assertThat(cli.run("job", "get", "job-1")).isZero();

        assertThat(cli.profilesOpened).isNotEmpty().containsOnly("org3-admin");
    }

    @Test
    void org1_is_the_default_without_POVM_PROFILE() {
        assertThat(cli.run("job", "get", "job-1")).isZero();

        assertThat(cli.profilesOpened).isNotEmpty().containsOnly("org1");
    }

    @Test
    void the_connection_is_closed_after_the_command() {
        cli.run("job", "get", "job-1");

        // the job's connection, and the SLA and worker ones that explain what a SUBMITTED job waits for
        assertThat(cli.sessionsClosed).isEqualTo(cli.profilesOpened.size()).isPositive();
    }
}

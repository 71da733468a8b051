// SPDX-License-Identifier: Apache-2.0
package io.povm.worker.daemon;

import io.povm.client.profile.ProfileLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Cuts one org off from the rest of the network in POVM_RUN_DIR with iptables rules on loopback, and heals it.
 *
 * <p>Every node listens on 127.0.0.1, so an address cannot tell the orgs apart; the cut org's peer and daemon are
 * instead run in their own group ({@link #gid()}, {@code setpriv --regid}), which the {@code owner} match sees on
 * their sockets. A connection crosses the cut when the cut org's processes open it to an orderer or another org's
 * peer, or another process opens it to the cut org's peer; the mangle table marks such a connection on its first
 * packet in the original direction, and the filter table drops every packet, both ways, of a marked connection
 * (also connections open before the cut, as soon as either end sends). The cut org's own connections (its daemon to
 * its peer, its peer to its chaincode server) go on.
 *
 * <p>Every rule is scoped to this network's ports and tagged {@code povm-reliability-<base port>}; {@link #heal()}
 * removes exactly the rules with that tag, and is also called before a run to clear what a killed run left.
 */
final class LoopbackPartition {
    private static final String[] TABLES = {"mangle", "filter"};

    private final int basePort;

    LoopbackPartition(final int basePort) {
        this.basePort = basePort;
    }

    /** @return the partition of the network whose {@code network.env} is in POVM_RUN_DIR */
    static LoopbackPartition ofRunDir() throws IOException {
        final Path env = Path.of(System.getenv(ProfileLocator.RUN_DIR_VARIABLE), "network.env");
        final String port = Files.readAllLines(env).stream()
                .filter(l -> l.startsWith("BASE_PORT="))
                .map(l -> l.substring("BASE_PORT=".length()).trim())
                .findFirst()
                .orElseThrow(() -> new IOException("no BASE_PORT in " + env));
        return new LoopbackPartition(Integer.parseInt(port));
    }

    int basePort() {
        return basePort;
    }

    /** @return how many packets the cut has dropped so far (the filter rule's counter) */
    long droppedPackets() throws IOException {
        final String marker = "/* " + tag() + " */";
        return run("iptables", "-t", "filter", "-L", "OUTPUT", "-v", "-n", "-x")
                .lines()
                .filter(l -> l.contains(marker))
                .mapToLong(l -> Long.parseLong(l.trim().split("\\s+")[0]))
                .sum();
    }

    /** @return the comment every rule of this network carries */
    String tag() {
        return "povm-reliability-" + basePort;
    }

    /** @return the group the cut org's peer and daemon run in: the base port, unique per network on this host */
    int gid() {
        return basePort;
    }

    /** @return the command prefix that runs a process in {@link #gid()} */
    List<String> inGroup() {
        return List.of("setpriv", "--regid", Integer.toString(gid()), "--keep-groups", "--");
    }

    private int peerPort(final int org) {
        return basePort + 100 + 10 * org;
    }

    private List<Integer> ordererPorts() {
        return IntStream.rangeClosed(1, 3).map(i -> basePort + 10 * i).boxed().toList();
    }

    /** Cuts org {@code org} (1 to 3) off; its peer and daemon must run in {@link #gid()}. */
    void cut(final int org) throws IOException {
        final List<Integer> others = new ArrayList<>(ordererPorts());
        IntStream.rangeClosed(1, 3).filter(o -> o != org).forEach(o -> others.add(peerPort(o)));
        final List<Integer> all = new ArrayList<>(others);
        all.add(peerPort(org));
        final String mark = "0x" + Integer.toHexString(0x50000 + basePort * 4 + org);
        final String group = Integer.toString(gid());
        iptables(
                "mangle",
                "-A",
                "OUTPUT",
                "-p",
                "tcp",
                "-m",
                "owner",
                "--gid-owner",
                group,
                "-m",
                "conntrack",
                "--ctdir",
                "ORIGINAL",
                "-m",
                "multiport",
                "--dports",
                ports(others),
                "-m",
                "comment",
                "--comment",
                tag(),
                "-j",
                "CONNMARK",
                "--set-mark",
                mark);
        iptables(
                "mangle",
                "-A",
                "OUTPUT",
                "-p",
                "tcp",
                "-m",
                "owner",
                "!",
                "--gid-owner",
                group,
                "-m",
                "conntrack",
                "--ctdir",
                "ORIGINAL",
                "--dport",
                Integer.toString(peerPort(org)),
                "-m",
                "comment",
                "--comment",
                tag(),
                "-j",
                "CONNMARK",
                "--set-mark",
                mark);
        iptables(
                "filter",
                "-A",
                "OUTPUT",
                "-p",
                "tcp",
                "-m",
                "connmark",
                "--mark",
                mark,
                "-m",
                "multiport",
                "--ports",
                ports(all),
                "-m",
                "comment",
                "--comment",
                tag(),
                "-j",
                "DROP");
    }

    /** Removes every rule tagged {@link #tag()}, and only those; safe to call when there are none. */
    void heal() throws IOException {
        for (final String table : TABLES) {
            for (final String rule : rules(table)) {
                final List<String> delete = new ArrayList<>(List.of("iptables", "-t", table));
                delete.addAll(List.of(rule.split(" ")));
                delete.set(3, "-D");
                run(delete.toArray(String[]::new));
            }
        }
    }

    /** @return this network's rules in {@code table}, as {@code iptables -S} prints them */
    List<String> rules(final String table) throws IOException {
        final String marker = "--comment " + tag();
        return run("iptables", "-t", table, "-S", "OUTPUT")
                .lines()
                .filter(l -> l.startsWith("-A ") && (l.contains(marker + " ") || l.endsWith(marker)))
                .toList();
    }

    private static String ports(final List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static void iptables(final String table, final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of("iptables", "-t", table));
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    private static String run(final String... command) throws IOException {
        final Process process =
                new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output);
        }
        return output;
    }
}

package io.tributary.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One part of Tributary ({@code tributary kafka}, {@code tributary aggregator}, {@code tributary gateway}) in a JVM
 * of its own, started as {@code ./tributary} starts it: the command line's main class with the role's flags from
 * {@code bin/jvm-options}, plus any in the {@code bench.<role>-opts} system property (a JFR recording, say). It runs
 * from the test classpath, so no packaged jar is needed. Closing it sends SIGTERM (the part shuts down cleanly) and
 * kills it after 30 s.
 */
final class PartProcess implements AutoCloseable {
    /** Started and not yet gone: killed by a shutdown hook if the benchmark's JVM exits before closing them. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("part-process-reaper")
                .unstarted(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Process process;
    final List<String> flags;

    private PartProcess(String name, Process process, List<String> flags) {
        this.name = name;
        this.process = process;
        this.flags = flags;
    }

    /** Starts {@code tributary ARGS} (the first argument is the role), its output in {@code NAME.log} under {@code dir}. */
    static PartProcess start(String name, Path dir, List<String> args) throws IOException {
        return start(name, dir, List.of(), args);
    }

    /** As {@link #start(String, Path, List)}, with JVM flags of the benchmark's own after the launcher's (a GC log, say). */
    static PartProcess start(String name, Path dir, List<String> extraFlags, List<String> args) throws IOException {
        String role = args.getFirst();
        List<String> flags = new ArrayList<>(launcherFlags(role));
        flags.addAll(extraFlags);
        flags.addAll(Arrays.asList(System.getProperty("bench." + role + "-opts", "").split("\\s+")));
        flags.removeIf(String::isBlank);
        Files.createDirectories(dir);
        // A file per part: a part's JVM reads it while it starts, after this returns, and rewriting one shared file
        // for the next part emptied it under the JVM reading it ("Could not find or load main class").
        Path classpath = dir.resolve(name + "-classpath.args");
        Files.writeString(classpath, "-cp \"" + System.getProperty("java.class.path").replace("\\", "/") + "\"");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(flags);
        command.add("-Djava.io.tmpdir=" + dir.toAbsolutePath());
        command.addAll(List.of("@" + classpath, "io.tributary.cli.TributaryCommand"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
        return new PartProcess(name, process, flags);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the part to exit by itself; answers its exit code. */
    int waitFor(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not finish within " + atMost);
        }
        return process.exitValue();
    }

    /** A TCP port free right now, for a part's HTTP server. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> launcherFlags(String role) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bin/jvm-options"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("bin/jvm-options not found above " + Path.of("").toAbsolutePath());
        }
        Process options = new ProcessBuilder("sh", dir.resolve("bin/jvm-options").toString(), role).redirectErrorStream(true).start();
        try {
            String flags = new String(options.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!options.waitFor(10, TimeUnit.SECONDS) || options.exitValue() != 0) {
                throw new IllegalStateException("bin/jvm-options " + role + " failed: " + flags);
            }
            return List.of(flags.split("\\s+"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}

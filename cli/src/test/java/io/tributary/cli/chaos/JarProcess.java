package io.tributary.cli.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of Tributary run from the packaged jar in a JVM of its own, as an operator runs it: its output goes to
 * {@code NAME.out} and {@code NAME.err} in a log folder, and the test can pause, resume or kill it with a signal.
 * Closing it resumes it if paused, sends SIGTERM, and kills it if it has not stopped within 30 s.
 */
public final class JarProcess implements AutoCloseable {
    /** The launcher's flags per role: heap limits and collector as an operator runs them. */
    private static final Path JVM_OPTIONS = Path.of("..", "bin", "jvm-options");
    /** Added after the role's flags: the quick compiler only, as several JVMs share two cores with the test. */
    private static final String QUICK_COMPILER = "-XX:TieredStopAtLevel=1";

    /** Started and not yet gone: killed by a shutdown hook if the test's JVM exits before closing them. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("jar-process-reaper")
                .unstarted(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Process process;
    private final Path out;

    private JarProcess(String name, Process process, Path out) {
        this.name = name;
        this.process = process;
        this.out = out;
    }

    /**
     * Starts {@code tributary ARGS} from {@code target/tributary.jar} with the JVM flags {@code ./tributary} gives the
     * role ({@code bin/jvm-options}), and its temp directory in {@code logs}.
     *
     * @param logs where {@code NAME.out} and {@code NAME.err} go (appended to, so a replacement keeps its predecessor's)
     */
    public static JarProcess start(String name, Path logs, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(roleFlags(args.getFirst()));
        command.add(QUICK_COMPILER);
        command.add("-Djava.io.tmpdir=" + logs.toAbsolutePath());
        command.add("-jar");
        command.add(Path.of("target", "tributary.jar").toAbsolutePath().toString());
        command.addAll(args);
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve(name + ".out");
            Files.deleteIfExists(out);
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".err").toFile()))
                    .start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            return new JarProcess(name, process, out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    private static List<String> roleFlags(String role) {
        try {
            Process options = new ProcessBuilder("sh", JVM_OPTIONS.toString(), role).redirectErrorStream(true).start();
            String flags = new String(options.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!options.waitFor(10, TimeUnit.SECONDS) || options.exitValue() != 0) {
                throw new IllegalStateException(JVM_OPTIONS + " " + role + " failed: " + flags);
            }
            return List.of(flags.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + JVM_OPTIONS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + JVM_OPTIONS, e);
        }
    }

    /** Waits for a line of standard output matching {@code pattern} and returns its first group. */
    public String awaitOutput(Pattern pattern, Duration atMost) {
        await(name + " to print " + pattern).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> pattern.matcher(output()).find() || !process.isAlive());
        Matcher matcher = pattern.matcher(output());
        if (!matcher.find()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + " before printing " + pattern
                    + "; see its .err log");
        }
        return matcher.group(1);
    }

    public String name() {
        return name;
    }

    /** SIGSTOP: the process stops in its tracks, its sockets stay open and its peers see silence, not a reset. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or retracted; returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM, as an orchestrator stops a part: shutdown hooks run. Returns whether it stopped within the bound. */
    public boolean stop(Duration atMost) {
        process.destroy();
        return waitFor(atMost);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        resume();
        if (!stop(Duration.ofSeconds(30))) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }

    private String output() {
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the output of " + name, e);
        }
    }

    private boolean waitFor(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void signal(String signal) {
        if (!process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("could not send SIG" + signal + " to " + this);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not send SIG" + signal + " to " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending SIG" + signal + " to " + this, e);
        }
    }
}

package io.tributary.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GatewayProcess} started with the launcher's flags for the gateway role ({@code bin/jvm-options gateway}),
 * plus any in the {@code bench.gateway-opts} system property (a JFR recording, say), and a downstream concurrency
 * limit high enough for the benchmark's fan-out. Its CPU time and resident memory
 * are read from the operating system, so they are the gateway's alone.
 */
final class ForkedGateway implements AutoCloseable {
    /**
     * 32 connections asking for 20 courses' enrollments put 640 calls to one service in flight; the default limit
     * (64, then a 500 ms wait) would turn a slow moment of a loaded machine into refused calls rather than latency.
     */
    private static final String DOWNSTREAM_CONCURRENCY = "tributary.gateway.downstream.max-concurrent-calls";
    private static final int CONCURRENT_CALLS = 1024;
    /** Linux's USER_HZ, the unit of a thread's CPU time in {@code /proc}: 100 on every common architecture. */
    private static final long CLOCK_TICKS = 100;

    private final Process process;
    private final URI uri;
    final List<String> flags;

    private ForkedGateway(Process process, URI uri, List<String> flags) {
        this.process = process;
        this.uri = uri;
        this.flags = flags;
    }

    static ForkedGateway start(String bootstrap, String topicPrefix, Path workDir) throws IOException {
        int port = freePort();
        List<String> flags = new ArrayList<>(launcherFlags());
        flags.addAll(Arrays.asList(System.getProperty("bench.gateway-opts", "").split("\\s+")));
        flags.removeIf(String::isBlank);
        flags.add("-D" + DOWNSTREAM_CONCURRENCY + "=" + CONCURRENT_CALLS);
        Path classpath = workDir.resolve("classpath.args");
        Files.writeString(classpath, "-cp \"" + System.getProperty("java.class.path").replace("\\", "/") + "\"");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(flags);
        command.addAll(List.of("@" + classpath, GatewayProcess.class.getName(), String.valueOf(port), bootstrap, topicPrefix,
                Files.createDirectories(workDir.resolve("cache")).toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("gateway.log").toFile()).start();
        return new ForkedGateway(process, URI.create("http://localhost:" + port + "/graphql"), flags);
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The gateway's process CPU time so far, user and system. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for " + process.pid()));
    }

    /**
     * The CPU time so far of each of the gateway's JIT compiler threads ({@code C1/C2 CompilerThread}), by thread id,
     * from {@code /proc/PID/task}: what of the process's CPU time is the JIT still compiling rather than the requests.
     * Compiler threads come and go, so a difference of two readings counts the threads present in both.
     */
    Map<Long, Duration> compilerCpu() {
        Map<Long, Duration> byThread = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        byThread.put(Long.parseLong(task.getFileName().toString()), Duration.ofMillis(ticks * 1000 / CLOCK_TICKS));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byThread;
    }

    /** The CPU time the compiler threads present in both readings spent between them. */
    static Duration compilerCpuBetween(Map<Long, Duration> before, Map<Long, Duration> after) {
        return after.entrySet().stream().filter(e -> before.containsKey(e.getKey()))
                .map(e -> e.getValue().minus(before.get(e.getKey())))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Starts a JFR recording of the gateway ({@code jcmd PID JFR.start}) with the profiling settings, to be dumped to
     * {@code file} when {@link #stopRecording} is called.
     */
    void startRecording(Path file) throws IOException, InterruptedException {
        jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    void stopRecording() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=bench");
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    /** Resident memory now ({@code VmRSS}) or at its peak ({@code VmHWM}), in MB. */
    long residentMegabytes(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static List<String> launcherFlags() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bin/jvm-options"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("bin/jvm-options not found above " + Path.of("").toAbsolutePath());
        }
        Process options = new ProcessBuilder("sh", dir.resolve("bin/jvm-options").toString(), "gateway").start();
        try {
            String flags = new String(options.getInputStream().readAllBytes()).trim();
            if (options.waitFor() != 0) {
                throw new IllegalStateException("bin/jvm-options gateway failed");
            }
            return List.of(flags.split("\\s+"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

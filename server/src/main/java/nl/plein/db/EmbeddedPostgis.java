package nl.plein.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL + PostGIS cluster that Plein runs itself, from the operating system's binaries, under
 * a data folder of its own. It listens on a free loopback port only and requires a password that is
 * generated at first start and kept beside the cluster. Data survives restarts; a cluster left
 * running by a server that was killed is stopped and started again, and PostgreSQL's own crash
 * recovery replays its log.
 */
public final class EmbeddedPostgis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgis.class);
    public static final String USER = "plein";
    public static final String DATABASE = "plein";

    private final Path binDir;
    private final Path clusterDir;
    private final Path logFile;
    private final String password;
    private final int port;
    private final boolean userNamespace;
    /** The running postmaster's process id; 0 before the first start. */
    private volatile long postmasterPid;

    private EmbeddedPostgis(Path binDir, Path clusterDir, Path logFile, String password, int port,
                            boolean userNamespace) {
        this.binDir = binDir;
        this.clusterDir = clusterDir;
        this.logFile = logFile;
        this.password = password;
        this.port = port;
        this.userNamespace = userNamespace;
    }

    /** Initialises the cluster under {@code dataDir} if needed, and starts it. */
    public static EmbeddedPostgis start(Path dataDir) {
        Path binDir = findBinaries();
        boolean asRoot = isRoot();
        try {
            Files.createDirectories(dataDir);
            Path clusterDir = dataDir.resolve("postgres").toAbsolutePath();
            Path passwordFile = dataDir.resolve("postgres.password").toAbsolutePath();
            Path logFile = dataDir.resolve("postgres.log").toAbsolutePath();
            if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
                initialise(binDir, clusterDir, passwordFile, asRoot);
            }
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
            var stopped = new EmbeddedPostgis(binDir, clusterDir, logFile, password, 0, asRoot);
            stopped.stopLeftOverServer();
            int port = freeLoopbackPort();
            var pg = new EmbeddedPostgis(binDir, clusterDir, logFile, password, port, asRoot);
            pg.startServer();
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} (data in {})", port, clusterDir);
            return pg;
        } catch (IOException e) {
            throw new DatabaseUnavailable("Could not prepare the embedded PostgreSQL under " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /**
     * Whether the postmaster started last is still alive. One killed but not yet reaped by its parent
     * (as under a container's init that does not reap, or a JVM as process 1) counts as dead.
     */
    public boolean isRunning() {
        long pid = postmasterPid;
        return pid > 0 && isAliveAndNotZombie(pid);
    }

    /**
     * Starts the cluster again on the same data folder and port after its postmaster died;
     * PostgreSQL's crash recovery replays the write-ahead log, so every committed write is there.
     * Fails (to be tried again) while processes of the dead server still hold the cluster.
     */
    public synchronized void restart() {
        if (isRunning()) {
            return;
        }
        try {
            clearStaleLock();
        } catch (IOException e) {
            throw new DatabaseUnavailable("Could not read the embedded PostgreSQL's lock file: " + e.getMessage(), e);
        }
        startServer();
        log.info("Embedded PostgreSQL started again on 127.0.0.1:{} after it had stopped", port);
    }

    private void startServer() {
        run(120, "pg_ctl", "-D", clusterDir.toString(), "-l", logFile.toString(), "-w", "-t", "90",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start");
        try {
            postmasterPid = readPid().orElseThrow(() -> new DatabaseUnavailable(
                    "The embedded PostgreSQL started but wrote no process id" + logHint(), null));
        } catch (IOException e) {
            throw new DatabaseUnavailable("Could not read the embedded PostgreSQL's lock file: " + e.getMessage(), e);
        }
    }

    private Optional<Long> readPid() throws IOException {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
    }

    /**
     * PostgreSQL removes a lock file whose process is gone by itself, but takes any process that
     * still answers to that id (an unreaped zombie, or a new process that got the id) for a running
     * postmaster and refuses to start. Such a file goes, but only once no backend of the dead server
     * is attached to its shared memory any more: that attachment is PostgreSQL's own guard against
     * two servers writing one cluster.
     */
    private void clearStaleLock() throws IOException {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
        if (pid.isEmpty() || ProcessHandle.of(pid.get()).isEmpty() || isPostgres(pid.get())) {
            return;
        }
        if (lines.size() < 7 || sharedMemoryInUse(lines.get(6))) {
            throw new DatabaseUnavailable("processes of the stopped PostgreSQL still hold its cluster", null);
        }
        log.warn("Removing the lock file of the PostgreSQL that died (its process id {} is a zombie or reused)",
                pid.get());
        Files.delete(pidFile);
    }

    private static boolean isPostgres(long pid) {
        return isAliveAndNotZombie(pid) && ProcessHandle.of(pid)
                .map(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true)).orElse(false);
    }

    private static boolean isAliveAndNotZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isDirectory(Path.of("/proc", "self"))) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            // "pid (command) state …": the command may hold spaces and parentheses, the state follows the last ')'.
            String line = Files.readString(stat);
            int end = line.lastIndexOf(')');
            return end > 0 && end + 2 < line.length() && line.charAt(end + 2) != 'Z' && line.charAt(end + 2) != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether any process is attached to the shared memory named in the lock file ("key id"). */
    private static boolean sharedMemoryInUse(String keyAndId) {
        String[] parts = keyAndId.trim().split("\\s+");
        if (parts.length < 2) {
            return false;
        }
        try {
            for (String row : Files.readAllLines(Path.of("/proc/sysvipc/shm"))) {
                String[] columns = row.trim().split("\\s+");
                if (columns.length > 6 && columns[1].equals(parts[1])) {
                    return !"0".equals(columns[6]);
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            run(120, "pg_ctl", "-D", clusterDir.toString(), "-m", "fast", "-w", "stop");
            log.info("Embedded PostgreSQL stopped");
        } catch (RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        }
    }

    private static void initialise(Path binDir, Path clusterDir, Path passwordFile, boolean asRoot)
            throws IOException {
        log.info("Initialising an embedded PostgreSQL cluster in {} (first start)", clusterDir);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        Files.writeString(passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                StandardCharsets.UTF_8);
        setOwnerOnly(passwordFile);
        // initdb refuses a non-empty folder: a half-made cluster from an interrupted first start goes.
        if (Files.exists(clusterDir)) {
            try (Stream<Path> paths = Files.walk(clusterDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        var pg = new EmbeddedPostgis(binDir, clusterDir, null, null, 0, asRoot);
        pg.run(300, "initdb", "-D", clusterDir.toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C");
    }

    /** A server killed with SIGKILL leaves its PostgreSQL running: stop it so that it restarts cleanly. */
    private void stopLeftOverServer() throws IOException {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (process.isPresent() && process.get().isAlive()
                && process.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
            log.warn("A PostgreSQL from an earlier run is still running on this data folder (pid {}); "
                    + "stopping it first", process.get().pid());
            run(120, "pg_ctl", "-D", clusterDir.toString(), "-m", "fast", "-w", "stop");
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Runs a PostgreSQL program; as root through a user namespace, since PostgreSQL refuses root. */
    private void run(int timeoutSeconds, String program, String... args) {
        var command = new ArrayList<String>();
        if (userNamespace) {
            command.add("unshare");
            command.add("--user");
        }
        command.add(binDir.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("plein-" + program, ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new DatabaseUnavailable(program + " did not finish within " + timeoutSeconds
                            + " s" + logHint(), null);
                }
                if (process.exitValue() != 0) {
                    throw new DatabaseUnavailable(program + " failed (exit " + process.exitValue() + "): "
                            + Files.readString(output).trim() + logHint(), null);
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new DatabaseUnavailable("Could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailable("Interrupted while running " + program, e);
        }
    }

    private String logHint() {
        return logFile == null ? "" : " (see " + logFile + ")";
    }

    /** The newest PostgreSQL installation that has PostGIS, as Debian and Ubuntu lay them out. */
    static Path findBinaries() {
        Optional<String> override = Optional.ofNullable(System.getenv("PLEIN_PG_BIN"));
        if (override.isPresent()) {
            return Path.of(override.get());
        }
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                versions.filter(v -> Files.isExecutable(v.resolve("bin/postgres"))
                                && Files.isExecutable(v.resolve("bin/initdb")))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new DatabaseUnavailable("Cannot list " + root + ": " + e.getMessage(), e);
            }
        }
        candidates.sort(Comparator.comparing(EmbeddedPostgis::majorVersion).reversed());
        for (Path version : candidates) {
            String major = version.getFileName().toString();
            if (Files.exists(Path.of("/usr/share/postgresql", major, "extension", "postgis.control"))) {
                return version.resolve("bin");
            }
        }
        String hint = candidates.isEmpty()
                ? "PostgreSQL server binaries were not found under " + root + "."
                : "PostgreSQL " + candidates.get(0).getFileName() + " is installed, but without PostGIS.";
        throw new DatabaseUnavailable(hint + " Install PostgreSQL with PostGIS (on Debian or Ubuntu: "
                + "postgresql-NN-postgis-3; './plein run' does it), set PLEIN_PG_BIN to a bin folder, "
                + "or set DATABASE_URL to an existing PostGIS database.", null);
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freeLoopbackPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("File system without POSIX permissions; {} keeps its default mode", file);
        }
    }
}

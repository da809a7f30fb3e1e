package nl.plein.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Whether Plein can reach its database now, and getting it back when it cannot. It learns of an
 * outage from the embedded postmaster's exit (watched a few times a second) or from a connection
 * failure the pool meets. While the database is away, the data source it hands out fails at once
 * (so requests get a 503 instead of waiting for the pool's timeout); meanwhile it starts the
 * embedded cluster again on its folder and port (crash recovery replays the write-ahead log) and
 * tries the database until it answers.
 */
public final class Availability implements AutoCloseable {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(Availability.class);
    private static final long WATCH_MS = 200;
    private static final long FIRST_RETRY_MS = 250;
    private static final long LAST_RETRY_MS = 4_000;

    private final Database.Target target;
    private final Optional<EmbeddedPostgis> embedded;
    private final ScheduledExecutorService worker;
    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private volatile HikariDataSource pool;
    private volatile boolean closed;

    public Availability(Database.Target target, Optional<EmbeddedPostgis> embedded) {
        this.target = target;
        this.embedded = embedded;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "plein-database-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Whether this failure means the database cannot be reached (the connection broke or was
     * refused, or the server is shutting down or starting), rather than something a statement did.
     */
    public static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a request that failed this way should be told to come back later (503) rather than get a 500. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return isConnectionLoss(failure);
    }

    /** Lets the pool report every failure on its connections here, before it decides what to evict. */
    public SQLExceptionOverride failureObserver() {
        return new SQLExceptionOverride() {
            @java.lang.Override
            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                if (isConnectionLoss(e)) {
                    lost(e.getClass().getSimpleName() + " " + e.getSQLState());
                }
                return SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
        };
    }

    /** Starts watching, and returns the data source the application uses. */
    public DataSource watch(HikariDataSource watchedPool) {
        this.pool = watchedPool;
        embedded.ifPresent(postgres -> worker.scheduleWithFixedDelay(() -> {
            if (downSince.get() == null && !postgres.isRunning()) {
                lost("the embedded PostgreSQL exited");
            }
        }, WATCH_MS, WATCH_MS, TimeUnit.MILLISECONDS));
        return new Guarded(watchedPool);
    }

    public boolean available() {
        return downSince.get() == null;
    }

    private void lost(String why) {
        if (closed || !downSince.compareAndSet(null, Instant.now())) {
            return;
        }
        log.warn("The database is unavailable ({}); answering 503 until it is back", why);
        HikariDataSource p = pool;
        if (p != null && p.getHikariPoolMXBean() != null) {
            // Idle connections are dead too: none of them may be handed out once the database is back.
            p.getHikariPoolMXBean().softEvictConnections();
        }
        worker.execute(this::recover);
    }

    /** Runs on the worker until the database answers again (or Plein stops). */
    private void recover() {
        long wait = FIRST_RETRY_MS;
        while (!closed) {
            try {
                if (embedded.isPresent() && !embedded.get().isRunning()) {
                    embedded.get().restart();
                }
                probe();
                Instant since = downSince.getAndSet(null);
                log.info("The database is back after {} ms", since == null ? 0
                        : Duration.between(since, Instant.now()).toMillis());
                return;
            } catch (SQLException | RuntimeException e) {
                log.warn("The database is still unavailable ({}); trying again in {} ms", e.getMessage(), wait);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = Math.min(wait * 2, LAST_RETRY_MS);
        }
    }

    /** One connection of its own, outside the pool, so that the pool's waiting never delays the answer. */
    private void probe() throws SQLException {
        var properties = new Properties();
        if (target.user() != null) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "5");
        properties.setProperty("ApplicationName", "plein-probe");
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), properties);
             var st = c.createStatement()) {
            st.execute("SELECT 1");
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pool as the application sees it: refuses at once while the database is away. */
    private final class Guarded implements DataSource {
        private final HikariDataSource delegate;

        Guarded(HikariDataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!available()) {
                throw new SQLTransientConnectionException("The database is unavailable", "08001");
            }
            try {
                return delegate.getConnection();
            } catch (SQLException e) {
                if (isConnectionLoss(e)) {
                    lost(e.getClass().getSimpleName() + " " + e.getSQLState());
                }
                throw e;
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the pool's own credentials are used");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || delegate.isWrapperFor(type);
        }
    }
}

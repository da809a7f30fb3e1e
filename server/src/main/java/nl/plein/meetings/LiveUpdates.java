package nl.plein.meetings;

import io.javalin.http.sse.SseClient;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a meeting's new state to its screens. Triggers in the database send the meeting's id on
 * the channel {@code plein_meeting} after every write that changes what it shows (V9). One thread,
 * started with the first screen, holds a connection of its own (taken from the pool and kept, so
 * that pushes never queue behind requests for a connection), listens on it, and reconnects when it
 * breaks. Notifications are coalesced per meeting: its state is read at most once per
 * {@link #MIN_GAP_MS} and no sooner than {@link #SETTLE_MS} after the first change of a burst, once
 * for the public and once for staff, and sent to every subscriber. A comment every
 * {@link #HEARTBEAT_MS} keeps idle streams open through proxies and finds the screens that left.
 *
 * <p>Writing to screens is handed to a pool of sender threads, one screen at a time: a phone that
 * walks out of the wifi and stops reading ties up one sender until its connection fails, never the
 * listener or the other screens. Each screen keeps only the newest state still to be written, so a
 * slow one skips states it could not take in time and still ends on the latest.
 */
public final class LiveUpdates implements AutoCloseable {
    static final String CHANNEL = "plein_meeting";
    static final long SETTLE_MS = 40;
    static final long MIN_GAP_MS = 250;
    static final long HEARTBEAT_MS = 15_000;
    /** The longest the thread waits for a notification before it looks at what else is due. */
    private static final int POLL_MS = 50;
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** A meeting's state as JSON, for staff or for the public, read on the given handle. */
    @FunctionalInterface
    public interface StateReader {
        String read(Handle h, long meetingId, boolean staff);
    }

    /**
     * Stands for a keep-alive among the states a screen is still to be sent; compared by identity,
     * so no state can be taken for it.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String KEEP_ALIVE = new String("keep-alive");

    private record Subscriber(SseClient client, boolean staff, AtomicReference<String> pending, AtomicBoolean sending) {
        Subscriber(SseClient client, boolean staff) {
            this(client, staff, new AtomicReference<>(), new AtomicBoolean());
        }
    }

    private final Jdbi jdbi;
    private final StateReader state;
    private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    /** Meetings with a push due, and when. */
    private final Map<Long, Long> due = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastPush = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newCachedThreadPool(task -> {
        Thread sender = new Thread(task, "plein-meeting-send");
        sender.setDaemon(true);
        return sender;
    });
    private Thread thread;
    private volatile boolean running = true;

    public LiveUpdates(Jdbi jdbi, StateReader state) {
        this.jdbi = jdbi;
        this.state = state;
    }

    /** Adds a screen; it gets the current state at once and every change after. */
    public void subscribe(long meetingId, boolean staff, SseClient client) {
        var subscriber = new Subscriber(client, staff);
        client.keepAlive();
        client.onClose(() -> unsubscribe(meetingId, subscriber));
        subscribers.computeIfAbsent(meetingId, id -> new CopyOnWriteArraySet<>()).add(subscriber);
        changed(meetingId);
        start();
    }

    private void unsubscribe(long meetingId, Subscriber subscriber) {
        subscribers.computeIfPresent(meetingId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** Something the meeting shows has changed: push soon, unless a push is already due. */
    private void changed(long meetingId) {
        if (!subscribers.containsKey(meetingId)) {
            return;
        }
        long now = System.currentTimeMillis();
        due.computeIfAbsent(meetingId, id -> Math.max(now + SETTLE_MS, lastPush.getOrDefault(id, 0L) + MIN_GAP_MS));
    }

    private synchronized void start() {
        if (thread == null && running) {
            thread = new Thread(this::run, "plein-meeting-updates");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        long backoff = 500;
        long nextHeartbeat = System.currentTimeMillis() + HEARTBEAT_MS;
        while (running) {
            // Its own handle, outside any transaction: each state is read as it stands when it is pushed.
            try (Handle h = jdbi.open()) {
                h.getConnection().setAutoCommit(true);
                h.execute("LISTEN " + CHANNEL);
                // Named, so that operators (and a test) can tell it from the pool's others.
                h.execute("SET application_name = 'plein-meeting-updates'");
                backoff = 500;
                // Whatever changed while no one listened: every watched meeting gets its state again.
                subscribers.keySet().forEach(this::changed);
                PGConnection pg = h.getConnection().unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(POLL_MS);
                    if (notifications != null) {
                        for (var n : notifications) {
                            changed(meetingOf(n.getParameter()));
                        }
                    }
                    pushDue(h);
                    if (System.currentTimeMillis() >= nextHeartbeat) {
                        heartbeat();
                        nextHeartbeat = System.currentTimeMillis() + HEARTBEAT_MS;
                    }
                }
                // Back to the pool as it came: a pooled connection left listening would hold up the
                // server's notification queue, which it never reads.
                h.execute("UNLISTEN *");
                h.execute("RESET application_name");
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the database connection that follows meetings ({}); retrying in {} ms",
                        e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private static long meetingOf(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void pushDue(Handle h) {
        long now = System.currentTimeMillis();
        for (var entry : due.entrySet()) {
            if (entry.getValue() <= now && due.remove(entry.getKey(), entry.getValue())) {
                lastPush.put(entry.getKey(), now);
                push(h, entry.getKey());
            }
        }
    }

    private void push(Handle h, long meetingId) {
        var screens = subscribers.get(meetingId);
        if (screens == null) {
            lastPush.remove(meetingId);
            return;
        }
        String forPublic = null;
        String forStaff = null;
        for (Subscriber s : screens) {
            String json;
            if (s.staff()) {
                json = forStaff == null ? (forStaff = state.read(h, meetingId, true)) : forStaff;
            } else {
                json = forPublic == null ? (forPublic = state.read(h, meetingId, false)) : forPublic;
            }
            s.pending().set(json);
            send(meetingId, s);
        }
    }

    private void heartbeat() {
        subscribers.forEach((meetingId, screens) -> {
            for (Subscriber s : screens) {
                if (s.pending().compareAndSet(null, KEEP_ALIVE)) {
                    send(meetingId, s);
                }
            }
        });
    }

    /** Has a sender write what the screen is due, unless one is writing to it already. */
    private void send(long meetingId, Subscriber s) {
        if (s.sending().compareAndSet(false, true)) {
            senders.execute(() -> drain(meetingId, s));
        }
    }

    private void drain(long meetingId, Subscriber s) {
        try {
            String next;
            while ((next = s.pending().getAndSet(null)) != null) {
                if (next == KEEP_ALIVE) {
                    s.client().sendComment("keep-alive");
                } else {
                    s.client().sendEvent("state", next);
                }
                if (s.client().terminated()) {
                    unsubscribe(meetingId, s);
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.debug("A screen of meeting {} could not be written to ({}); dropping it", meetingId, e.toString());
            unsubscribe(meetingId, s);
            return;
        } finally {
            s.sending().set(false);
        }
        // A state that arrived between the last write and letting go is written too.
        if (s.pending().get() != null) {
            send(meetingId, s);
        }
    }

    @Override
    public void close() {
        running = false;
        Thread worker;
        synchronized (this) {
            worker = thread;
        }
        if (worker != null) {
            try {
                worker.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.shutdownNow();
        subscribers.values().forEach(screens -> screens.forEach(s -> s.client().close()));
        subscribers.clear();
    }
}

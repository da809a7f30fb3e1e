package nl.plein.meetings;

import io.javalin.http.sse.SseClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a meeting's new state to its screens. Triggers in the database send the meeting's id on
 * the channel {@code plein_meeting} after every write that changes what it shows (V9); one thread
 * listens on a connection of its own and reconnects when it breaks. Notifications are coalesced
 * per meeting: the state is computed at most once per {@link #MIN_GAP_MS} (and no sooner than
 * {@link #SETTLE_MS} after the first change of a burst), once for the public and once for staff,
 * and sent to every subscriber. A comment every {@link #HEARTBEAT_SECONDS} keeps idle connections
 * open through proxies and finds the subscribers that went away.
 */
public final class LiveUpdates implements AutoCloseable {
    static final String CHANNEL = "plein_meeting";
    static final long SETTLE_MS = 40;
    static final long MIN_GAP_MS = 250;
    static final long HEARTBEAT_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private record Subscriber(SseClient client, boolean staff) {
    }

    private final DataSource dataSource;
    private final BiFunction<Long, Boolean, String> state;
    private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> lastPush = new ConcurrentHashMap<>();
    /** One thread sends everything (pushes and heartbeats), so writes to a client never interleave. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "plein-meeting-push"));
    private Thread listener;
    private volatile boolean running = true;

    /** {@code state} gives a meeting's state as JSON, for staff or the public. */
    public LiveUpdates(DataSource dataSource, BiFunction<Long, Boolean, String> state) {
        this.dataSource = dataSource;
        this.state = state;
        sender.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** Adds a screen; it gets the current state at once and every change after. */
    public void subscribe(long meetingId, boolean staff, SseClient client) {
        startListening();
        var subscriber = new Subscriber(client, staff);
        client.keepAlive();
        client.onClose(() -> unsubscribe(meetingId, subscriber));
        subscribers.computeIfAbsent(meetingId, id -> new CopyOnWriteArraySet<>()).add(subscriber);
        changed(meetingId);
    }

    public int subscriberCount(long meetingId) {
        return subscribers.getOrDefault(meetingId, Set.of()).size();
    }

    private void unsubscribe(long meetingId, Subscriber subscriber) {
        subscribers.computeIfPresent(meetingId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** Something the meeting shows has changed: push soon, unless a push is already due. */
    void changed(long meetingId) {
        if (!running || !subscribers.containsKey(meetingId) || !pending.add(meetingId)) {
            return;
        }
        long sinceLast = System.currentTimeMillis() - lastPush.getOrDefault(meetingId, 0L);
        long delay = Math.max(SETTLE_MS, MIN_GAP_MS - sinceLast);
        sender.schedule(() -> push(meetingId), delay, TimeUnit.MILLISECONDS);
    }

    private void push(long meetingId) {
        // Cleared first: a change while the state is read schedules another push.
        pending.remove(meetingId);
        lastPush.put(meetingId, System.currentTimeMillis());
        var screens = subscribers.get(meetingId);
        if (screens == null) {
            lastPush.remove(meetingId);
            return;
        }
        String forPublic = null;
        String forStaff = null;
        try {
            for (Subscriber s : screens) {
                String json;
                if (s.staff()) {
                    json = forStaff == null ? (forStaff = state.apply(meetingId, true)) : forStaff;
                } else {
                    json = forPublic == null ? (forPublic = state.apply(meetingId, false)) : forPublic;
                }
                s.client().sendEvent("state", json);
                if (s.client().terminated()) {
                    unsubscribe(meetingId, s);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not push the state of meeting {}: {}", meetingId, e.toString());
        }
    }

    private void heartbeat() {
        subscribers.forEach((meetingId, screens) -> {
            for (Subscriber s : screens) {
                s.client().sendComment("keep-alive");
                if (s.client().terminated()) {
                    unsubscribe(meetingId, s);
                }
            }
        });
    }

    private synchronized void startListening() {
        if (listener == null && running) {
            listener = daemon(this::listen, "plein-meeting-listener");
            listener.start();
        }
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (var st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                backoff = 500;
                // Whatever changed while no one listened: every watched meeting gets its state again.
                subscribers.keySet().forEach(this::changed);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (var n : notifications) {
                        try {
                            changed(Long.parseLong(n.getParameter()));
                        } catch (NumberFormatException e) {
                            log.warn("Ignored a notification on {} that names no meeting", CHANNEL);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the database connection that listens for meeting changes ({}); retrying in {} ms",
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

    @Override
    public void close() {
        running = false;
        sender.shutdownNow();
        Thread thread;
        synchronized (this) {
            thread = listener;
        }
        if (thread != null) {
            thread.interrupt();
        }
        subscribers.values().forEach(screens -> screens.forEach(s -> s.client().close()));
        subscribers.clear();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}

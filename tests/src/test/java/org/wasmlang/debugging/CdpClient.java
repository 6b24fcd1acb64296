package org.wasmlang.debugging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.wasmlang.testing.Json;

/**
 * A Chrome DevTools Protocol client over a WebSocket, speaking to an inspector as Chrome
 * DevTools does: commands carry increasing ids and are answered by a response with the same
 * id; everything else the inspector sends is an event ({@code method} and {@code params}).
 *
 * <p>{@link #send} waits for the command's result (failing on a protocol error or after the
 * timeout); {@link #awaitEvent} waits for an event. Events are kept in arrival order until a
 * test takes them: {@code awaitEvent} takes the oldest not yet taken event of that method that
 * matches, leaving the others for later calls, so a test need not know in which order unrelated
 * events (scripts parsed, contexts created) arrive. Failure messages list the traffic so far.
 *
 * <p>Messages are parsed with {@link Json}: objects are {@code Map<String, Object>}, numbers
 * Long or Double. {@link Json#at} reads into them.
 */
public final class CdpClient implements AutoCloseable {
    /** How long a command's response or an awaited event may take; generous for loaded CI machines. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Object sendLock = new Object();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    /** Events not yet taken by awaitEvent; guarded by this. */
    private final List<Map<String, Object>> events = new ArrayList<>();
    /** Every message sent (">") and received ("<"), shortened, for failure messages; guarded by this. */
    private final List<String> traffic = new ArrayList<>();
    /** Why the connection ended (closed by the inspector, or an error), or null while open; guarded by this. */
    private String closed;

    private CdpClient(URI uri) throws InterruptedException {
        http = HttpClient.newHttpClient();
        try {
            socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(uri, new Listener())
                            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            http.shutdownNow();
            throw new AssertionError("CDP: cannot open a WebSocket to " + uri, e);
        }
    }

    /** Opens a connection to an inspector's {@code ws://} address. */
    public static CdpClient connect(URI uri) throws InterruptedException {
        return new CdpClient(uri);
    }

    /** Sends a command without parameters and returns its {@code result}. */
    public Map<String, Object> send(String method) throws InterruptedException {
        return send(method, Map.of());
    }

    /**
     * Sends a command and returns its {@code result} object (empty when the inspector sent none);
     * a protocol {@code error}, a closed connection or no answer within {@link #TIMEOUT} fail.
     */
    public Map<String, Object> send(String method, Map<String, ?> params) throws InterruptedException {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> response = new CompletableFuture<>();
        pending.put(id, response);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        String text = Json.write(message);
        // One message at a time on the socket: sendText may not be called again before the last one completed.
        synchronized (sendLock) {
            synchronized (this) {
                if (closed != null) {
                    throw new AssertionError("CDP: cannot send " + method + ", the connection is closed (" + closed + ")"
                                    + trafficSoFar());
                }
                record(">", text);
            }
            try {
                socket.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("CDP: sending " + method + " failed" + trafficSoFar(), e);
            }
        }
        Map<String, Object> answer;
        try {
            answer = response.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("CDP: no response to " + method + " (id " + id + ") within " + TIMEOUT.toSeconds()
                            + " s" + trafficSoFar());
        } catch (ExecutionException e) {
            throw new AssertionError("CDP: no response to " + method + " (id " + id + "): " + e.getCause().getMessage()
                            + trafficSoFar());
        } finally {
            pending.remove(id);
        }
        if (answer.get("error") != null) {
            throw new AssertionError("CDP: " + method + " failed: " + Json.write(answer.get("error")) + trafficSoFar());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = answer.get("result") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
        return result;
    }

    /** Waits for the next event of this method and returns its {@code params}. */
    public Map<String, Object> awaitEvent(String method) throws InterruptedException {
        return awaitEvent(method, params -> true);
    }

    /**
     * Takes the oldest not yet taken event of this method whose {@code params} match, waiting
     * up to {@link #TIMEOUT} for one to arrive, and returns its {@code params}. Fails with the
     * traffic seen if none comes, or if the connection closes first.
     */
    public synchronized Map<String, Object> awaitEvent(String method, Predicate<Map<String, Object>> matches)
                    throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            for (int i = 0; i < events.size(); i++) {
                Map<String, Object> event = events.get(i);
                Map<String, Object> params = params(event);
                if (method.equals(event.get("method")) && matches.test(params)) {
                    events.remove(i);
                    return params;
                }
            }
            long left = deadline - System.nanoTime();
            if (closed != null || left <= 0) {
                throw new AssertionError("CDP: no matching " + method + " event "
                                + (closed != null ? "before the connection closed (" + closed + ")"
                                                : "within " + TIMEOUT.toSeconds() + " s")
                                + trafficSoFar());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The events not taken yet, oldest first, as whole messages ({@code method}, {@code params}). */
    public synchronized List<Map<String, Object>> pendingEvents() {
        return List.copyOf(events);
    }

    /** Every message sent ({@code >}) and received ({@code <}) so far, long ones shortened, one a line. */
    public synchronized String trafficSoFar() {
        return "\nCDP messages so far:\n  " + String.join("\n  ", traffic);
    }

    /** Drops the connection at once (an inspector takes that as the debugger going away) and the client's threads. */
    @Override
    public void close() {
        socket.abort();
        http.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Map<String, Object> message) {
        return message.get("params") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    }

    private synchronized void record(String direction, String text) {
        traffic.add(direction + " " + (text.length() > 600 ? text.substring(0, 600) + "... (" + text.length() + " chars)" : text));
    }

    private void received(String text) {
        record("<", text);
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (RuntimeException e) {
            connectionEnded("unparseable message: " + e.getMessage());
            return;
        }
        if (!(parsed instanceof Map<?, ?>)) {
            connectionEnded("a message that is no JSON object");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) parsed;
        if (message.get("id") instanceof Long id) {
            CompletableFuture<Map<String, Object>> response = pending.get(id);
            if (response != null) {
                response.complete(message);
            }
        } else if (message.get("method") instanceof String) {
            synchronized (this) {
                events.add(message);
                notifyAll();
            }
        }
    }

    private void connectionEnded(String why) {
        synchronized (this) {
            if (closed == null) {
                closed = why;
                traffic.add("-- connection ended: " + why);
            }
            notifyAll();
        }
        for (CompletableFuture<Map<String, Object>> response : pending.values()) {
            response.completeExceptionally(new IllegalStateException("the connection ended: " + why));
        }
    }

    /** Puts the text frames of each message together and hands whole messages on. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            connectionEnded("closed by the inspector, status " + statusCode + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            connectionEnded("error " + error);
        }
    }
}

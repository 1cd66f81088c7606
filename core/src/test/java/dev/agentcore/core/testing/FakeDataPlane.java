package dev.agentcore.core.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the AgentCore data plane (moto does not emulate it), speaking the wire format the SDK uses
 * (measured with 2.40.2): {@code POST /runtimes/<percent-encoded ARN>/invocations?qualifier=Q} and
 * {@code POST /runtimes/<ARN>/stopruntimesession?qualifier=Q}, the session in
 * {@code X-Amzn-Bedrock-AgentCore-Runtime-Session-Id}, errors as restJson ({@code x-amzn-ErrorType} header and
 * {@code __type}/{@code message} body). It records every request; replies are queued by the test, and when none is
 * queued an invocation is answered with a JSON echo of what arrived.
 *
 * <p>Point the SDK at it with {@code AWS_ENDPOINT_URL_BEDROCK_AGENTCORE=url()}; the bearer-token path uses the same
 * base URL.
 */
public final class FakeDataPlane implements AutoCloseable {

    public static final String SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";

    /** One request as it arrived. {@code arn} is decoded from the path; {@code rawPath} is as sent. */
    public record Request(String method, String rawPath, String operation, String arn, Map<String, String> query,
                          Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** How the fake answers one request. */
    @FunctionalInterface
    public interface Reply {
        void send(Request request, HttpExchange exchange) throws IOException;
    }

    /**
     * Called before each streamed event after the first (index 1, 2, ...): the test blocks here until it has seen
     * the previous event printed. Returns false when it gave up waiting, which the fake records as a failure.
     */
    @FunctionalInterface
    public interface Gate {
        boolean awaitBeforeEvent(int index) throws InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-data-plane");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> replies = new ConcurrentLinkedDeque<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private FakeDataPlane(HttpServer server) {
        this.server = server;
    }

    public static FakeDataPlane start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeDataPlane fake = new FakeDataPlane(server);
            server.createContext("/", fake::handle);
            server.setExecutor(fake.executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake data plane", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the fake data plane received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /** Problems the fake noticed (a gate that timed out, a reply that could not be sent); empty when all went well. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Queues a reply for the next request (replies are used in order, once each). */
    public FakeDataPlane then(Reply reply) {
        replies.addLast(reply);
        return this;
    }

    /** The same reply for the next {@code times} requests (the SDK retries throttling and server errors). */
    public FakeDataPlane thenRepeatedly(int times, Reply reply) {
        for (int i = 0; i < times; i++) {
            replies.addLast(reply);
        }
        return this;
    }

    // ---- ready-made replies ----

    public static Reply json(int status, String json) {
        return (req, ex) -> send(ex, status, "application/json", json, Map.of(SESSION_HEADER, sessionOf(req)));
    }

    public static Reply json(String json) {
        return json(200, json);
    }

    public static Reply text(String contentType, String body) {
        return (req, ex) -> send(ex, 200, contentType, body, Map.of(SESSION_HEADER, sessionOf(req)));
    }

    /** A service error as the SDK expects it: the error type in the header and the body, and a message. */
    public static Reply error(int status, String errorType, String message) {
        String body = "{\"__type\":\"" + errorType + "\",\"message\":" + quote(message) + "}";
        return (req, ex) -> send(ex, status, "application/json", body, Map.of("x-amzn-ErrorType", errorType));
    }

    /** A {@code text/event-stream} answer, one {@code data:} event per element, sent without waiting. */
    public static Reply events(List<String> dataLines) {
        return events(dataLines, i -> true);
    }

    /**
     * A {@code text/event-stream} answer, chunked, one event per element; before each event after the first the
     * gate decides when it may go (the test waits there until it has seen the previous event printed).
     */
    public static Reply events(List<String> events, Gate gate) {
        return (req, ex) -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.getResponseHeaders().set(SESSION_HEADER, sessionOf(req));
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < events.size(); i++) {
                    if (i > 0) {
                        try {
                            if (!gate.awaitBeforeEvent(i)) {
                                throw new GateTimeout(i);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new GateTimeout(i);
                        }
                    }
                    out.write(("data: " + events.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        };
    }

    /** An answer with exactly this raw event-stream text (for multi-line events, event:/id: lines). */
    public static Reply rawEventStream(String body) {
        return text("text/event-stream", body);
    }

    // ---- server side ----

    private void handle(HttpExchange ex) throws IOException {
        Request request;
        try {
            request = parse(ex);
            requests.add(request);
        } catch (RuntimeException e) {
            failures.add("unparseable request " + ex.getRequestURI() + ": " + e);
            send(ex, 400, "application/json", "{\"message\":\"fake could not parse the request\"}", Map.of());
            return;
        }
        Reply reply = replies.pollFirst();
        if (reply == null) {
            reply = request.operation().equals("stopruntimesession")
                    ? json("{}")
                    : json("{\"echo\":" + (request.body().isBlank() ? "null" : request.body())
                    + ",\"session\":" + quote(sessionOf(request)) + "}");
        }
        try {
            reply.send(request, ex);
        } catch (GateTimeout e) {
            failures.add("event " + e.index + " was not let through: the previous event was not seen in time");
        } catch (IOException | RuntimeException e) {
            failures.add("reply failed: " + e);
        } finally {
            ex.close();
        }
    }

    private static Request parse(HttpExchange ex) throws IOException {
        String rawPath = ex.getRequestURI().getRawPath();
        String[] parts = rawPath.split("/");
        // "", "runtimes", "<encoded arn>", "<operation>"
        if (parts.length != 4 || !parts[1].equals("runtimes")) {
            throw new IllegalArgumentException("unexpected path " + rawPath);
        }
        String arn = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
        Map<String, String> query = new LinkedHashMap<>();
        String rawQuery = ex.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Headers h = ex.getRequestHeaders();
        for (Map.Entry<String, List<String>> e : h.entrySet()) {
            headers.put(e.getKey().toLowerCase(Locale.ROOT), String.join(",", e.getValue()));
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Request(ex.getRequestMethod(), rawPath, parts[3], arn, query, headers, body);
    }

    private static String sessionOf(Request req) {
        String s = req.header(SESSION_HEADER);
        return s == null ? "" : s;
    }

    private static void send(HttpExchange ex, int status, String contentType, String body,
                             Map<String, String> extraHeaders) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        extraHeaders.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static final class GateTimeout extends RuntimeException {
        final int index;

        GateTimeout(int index) {
            super("gate timed out before event " + index);
            this.index = index;
        }
    }

    /** All requests as readable lines, for assertion messages. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        for (Request r : requests) {
            lines.add(r.method() + " " + r.rawPath() + " " + r.query() + " " + r.headers().keySet());
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.agentcore.core.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy on loopback in front of the emulator that misbehaves on purpose: per rule, the first N matching
 * requests get an error answer (shaped for the request's protocol so the SDK parses its code), a dropped
 * connection, or a delay; everything else is forwarded untouched. Point a client at {@link #endpoint()}.
 */
public final class FaultProxy implements AutoCloseable {

    /** What a request looks like to a rule: the signing service (from SigV4), the operation when known. */
    public record Request(String method, String path, String service, String operation) { }

    /** What to do to a matching request. */
    public sealed interface Fault permits ErrorAnswer, Drop, Delay { }

    /** Answer with this status and AWS error code instead of forwarding. */
    public record ErrorAnswer(int status, String errorCode, String message) implements Fault { }

    /** Close the connection without answering. */
    public record Drop() implements Fault { }

    /** Wait, then forward. */
    public record Delay(Duration delay) implements Fault { }

    /** Applies {@code fault} to the first {@code times} requests matching {@code match}. */
    public static final class Rule {
        private final Predicate<Request> match;
        private final Fault fault;
        private final AtomicInteger remaining;
        private final AtomicInteger hits = new AtomicInteger();

        Rule(Predicate<Request> match, int times, Fault fault) {
            this.match = match;
            this.fault = fault;
            this.remaining = new AtomicInteger(times);
        }

        /** How many requests this rule has hit so far. */
        public int hits() {
            return hits.get();
        }

        boolean claim(Request r) {
            if (!match.test(r)) {
                return false;
            }
            while (true) {
                int left = remaining.get();
                if (left <= 0) {
                    return false;
                }
                if (remaining.compareAndSet(left, left - 1)) {
                    hits.incrementAndGet();
                    return true;
                }
            }
        }
    }

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");
    private static final Pattern QUERY_ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");
    /** Headers java.net.http will not let us set, or that describe the hop rather than the message. */
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String target;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private FaultProxy(String target) throws IOException {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy in front of {@code target} (e.g. the emulator's endpoint). */
    public static FaultProxy in(String target) {
        try {
            return new FaultProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the fault proxy", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The emulator's environment with the endpoint swapped for this proxy. */
    public Map<String, String> env(Map<String, String> emulatorEnv) {
        var env = new java.util.HashMap<>(emulatorEnv);
        env.put("AWS_ENDPOINT_URL", endpoint());
        return Map.copyOf(env);
    }

    /** Adds a rule; rules are tried in order, the first that claims a request wins. */
    public Rule when(Predicate<Request> match, int times, Fault fault) {
        Rule rule = new Rule(match, times, fault);
        rules.add(rule);
        return rule;
    }

    /** Matches requests signed for this service (SigV4 signing name: sts, iam, ecr, s3, codebuild, logs, ...). */
    public static Predicate<Request> service(String signingName) {
        return r -> signingName.equals(r.service());
    }

    public static ErrorAnswer error(int status, String errorCode) {
        return new ErrorAnswer(status, errorCode, "injected by FaultProxy");
    }

    public static Drop drop() {
        return new Drop();
    }

    public static Delay delay(Duration d) {
        return new Delay(d);
    }

    /** All requests seen, faulted or forwarded. */
    public int requests() {
        return requests.get();
    }

    public void clear() {
        rules.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = describe(exchange, body);
            for (Rule rule : rules) {
                if (rule.claim(request)) {
                    if (rule.fault instanceof Drop) {
                        // no status line at all: the client sees the connection end mid-exchange
                        return;
                    }
                    if (rule.fault instanceof ErrorAnswer answer) {
                        answer(exchange, answer);
                        return;
                    }
                    if (rule.fault instanceof Delay d) {
                        sleep(d.delay());
                    }
                    break;
                }
            }
            forward(exchange, body);
        }
    }

    private Request describe(HttpExchange exchange, byte[] body) {
        Headers h = exchange.getRequestHeaders();
        String auth = h.getFirst("Authorization");
        String service = null;
        if (auth != null) {
            Matcher m = SCOPE.matcher(auth);
            if (m.find()) {
                service = m.group(1);
            }
        }
        String operation = null;
        String amzTarget = h.getFirst("X-Amz-Target");
        if (amzTarget != null) {
            operation = amzTarget.substring(amzTarget.lastIndexOf('.') + 1);
        } else {
            String contentType = h.getFirst("Content-Type");
            if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                Matcher m = QUERY_ACTION.matcher(new String(body, StandardCharsets.UTF_8));
                if (m.find()) {
                    operation = m.group(1);
                }
            }
        }
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), service, operation);
    }

    /** An error the SDK parses as the service would send it: JSON protocols, query XML, or S3's XML. */
    private static void answer(HttpExchange exchange, ErrorAnswer answer) throws IOException {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String body;
        String type;
        if (exchange.getRequestHeaders().containsKey("X-Amz-Target") || contentType.contains("json")) {
            body = "{\"__type\":\"" + answer.errorCode() + "\",\"message\":\"" + json(answer.message()) + "\"}";
            type = "application/x-amz-json-1.1";
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            body = "<ErrorResponse><Error><Type>Sender</Type><Code>" + answer.errorCode() + "</Code><Message>"
                    + xml(answer.message()) + "</Message></Error><RequestId>fault</RequestId></ErrorResponse>";
            type = "text/xml";
        } else {
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + answer.errorCode() + "</Code><Message>"
                    + xml(answer.message()) + "</Message><RequestId>fault</RequestId></Error>";
            type = "application/xml";
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", answer.errorCode());
        exchange.getResponseHeaders().set("x-amzn-RequestId", "fault");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        URI uri = URI.create(target + exchange.getRequestURI().toString());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 && !hasBody(exchange)
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = upstream.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Headers out = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                out.put(name, values);
            }
        });
        try (InputStream in = response.body()) {
            byte[] bytes = in.readAllBytes();
            int status = response.statusCode();
            boolean empty = "HEAD".equals(exchange.getRequestMethod()) || status == 204 || status == 304;
            if (empty) {
                response.headers().firstValue("content-length").ifPresent(l -> out.set("Content-Length", l));
            }
            exchange.sendResponseHeaders(status, empty ? -1 : (bytes.length == 0 ? -1 : bytes.length));
            if (!empty && bytes.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(bytes);
                }
            }
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static boolean hasBody(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        return length != null && !"0".equals(length);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

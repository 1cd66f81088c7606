package dev.agentcore.core.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Invokes an agent over plain HTTP(S), for the two cases the SDK does not cover: an agent behind an OAuth
 * authorizer (a bearer token instead of SigV4, spec §6.3) and the agent running on this machine
 * ({@code agentcore launch --local}). The answer is streamed like the SDK's.
 *
 * <p>The bearer token goes only into the Authorization header: it is kept out of {@link #toString()}, messages and
 * exceptions.
 */
public final class HttpAgentInvoker implements AgentInvoker {

    /** Agents may think for a long time; the Python tool waits 900 s as well. */
    private static final Duration TIMEOUT = Duration.ofSeconds(900);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI baseUri;
    private final String bearerToken;
    private final boolean local;

    private HttpAgentInvoker(URI baseUri, String bearerToken, boolean local) {
        this.baseUri = baseUri;
        this.bearerToken = bearerToken;
        this.local = local;
    }

    /**
     * The deployed agent with an OAuth bearer token. {@code endpoint} overrides the regional URL
     * {@code https://bedrock-agentcore.<region>.amazonaws.com} (same variable as the SDK's, for tests and proxies).
     */
    public static HttpAgentInvoker bearer(String region, String endpoint, String token) {
        String base = endpoint != null ? endpoint : "https://bedrock-agentcore." + region + ".amazonaws.com";
        return new HttpAgentInvoker(URI.create(stripSlash(base)), token, false);
    }

    /** The agent served on this machine at {@code http://localhost:<port>/invocations}. */
    public static HttpAgentInvoker local(int port) {
        return new HttpAgentInvoker(URI.create("http://localhost:" + port), null, true);
    }

    public static URI localUri(int port) {
        return URI.create("http://localhost:" + port + "/invocations");
    }

    /** Where the request goes (no secrets in it). */
    public URI uri(InvocationRequest request) {
        if (local) {
            return localUri(baseUri.getPort());
        }
        String arn = URLEncoder.encode(request.agentArn(), StandardCharsets.UTF_8).replace("+", "%20");
        String qualifier = URLEncoder.encode(request.qualifier(), StandardCharsets.UTF_8);
        return URI.create(baseUri + "/runtimes/" + arn + "/invocations?qualifier=" + qualifier);
    }

    @Override
    public AgentResponse invoke(InvocationRequest request) {
        URI uri = uri(request);
        HttpRequest.Builder http = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", InvocationRequest.ACCEPT)
                .header(InvocationRequest.SESSION_HEADER, request.sessionId())
                .POST(HttpRequest.BodyPublishers.ofString(request.payload().json(), StandardCharsets.UTF_8));
        if (bearerToken != null) {
            http.header("Authorization", "Bearer " + bearerToken);
        } else if (request.userId() != null) {
            // with a token the runtime takes the user from its 'sub' claim, so the header is sent only without one
            http.header(InvocationRequest.USER_ID_HEADER, request.userId());
        }
        request.headers().values().forEach(http::header);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                // HTTP/2 only over TLS: an h2c upgrade attempt on plain HTTP confuses simple agent servers
                .version("https".equals(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new DataPlaneException(0, DataPlaneException.CONNECTION_FAILED,
                    "Cannot connect to " + withoutQuery(uri), e);
        } catch (IOException e) {
            throw new DataPlaneException(0, DataPlaneException.CONNECTION_FAILED,
                    "Request to " + withoutQuery(uri) + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlaneException(0, DataPlaneException.CONNECTION_FAILED, "Interrupted", e);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() >= 300) {
            throw failure(response, contentType);
        }
        String session = response.headers().firstValue(InvocationRequest.SESSION_HEADER)
                .orElse(request.sessionId());
        return new AgentResponse(response.statusCode(), contentType, session, response.body());
    }

    private static DataPlaneException failure(HttpResponse<InputStream> response, String contentType) {
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            body = "";
        }
        String code = response.headers().firstValue("x-amzn-ErrorType").map(HttpAgentInvoker::shortCode)
                .orElse(null);
        String message = body;
        if (contentType.toLowerCase(Locale.ROOT).contains("json") || body.startsWith("{")) {
            try {
                JsonNode node = MAPPER.readTree(body);
                if (code == null && node.hasNonNull("__type")) {
                    code = shortCode(node.get("__type").asText());
                }
                for (String key : new String[]{"message", "Message", "error", "detail"}) {
                    if (node.hasNonNull(key)) {
                        message = node.get(key).isTextual() ? node.get(key).asText() : node.get(key).toString();
                        break;
                    }
                }
            } catch (IOException notJson) {
                // the raw body is the message
            }
        }
        if (message.isEmpty()) {
            message = "HTTP " + response.statusCode();
        }
        return new DataPlaneException(response.statusCode(), code == null ? "Http" + response.statusCode() : code,
                message, null);
    }

    /** "ValidationException:http://internal..." or "aws.protocols#ValidationException" -> "ValidationException". */
    private static String shortCode(String raw) {
        String s = raw;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(0, colon);
        }
        int hash = s.lastIndexOf('#');
        return hash >= 0 ? s.substring(hash + 1) : s;
    }

    private static String withoutQuery(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "HttpAgentInvoker[" + baseUri + (bearerToken != null ? ", bearer token" : "") + "]";
    }
}

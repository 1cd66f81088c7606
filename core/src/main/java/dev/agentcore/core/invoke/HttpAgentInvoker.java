package dev.agentcore.core.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.HttpURLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** Agents may think for a long time between two chunks; the Python tool waits 900 s as well. */
    private static final int READ_TIMEOUT_MS = 900_000;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
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
        byte[] payload = request.payload().json().getBytes(StandardCharsets.UTF_8);
        HttpURLConnection http;
        int status;
        try {
            // HttpURLConnection rather than java.net.http: it starts faster and reads the body as it arrives
            http = (HttpURLConnection) uri.toURL().openConnection();
            http.setRequestMethod("POST");
            http.setConnectTimeout(CONNECT_TIMEOUT_MS);
            http.setReadTimeout(READ_TIMEOUT_MS);
            http.setDoOutput(true);
            // no fixed-length streaming mode: with it the JDK drops the body of a 401, which says why the token failed;
            // the payload is small and the connection is fresh, so nothing is re-sent behind the user's back
            http.setRequestProperty("Content-Type", "application/json");
            http.setRequestProperty("Accept", InvocationRequest.ACCEPT);
            http.setRequestProperty(InvocationRequest.SESSION_HEADER, request.sessionId());
            if (bearerToken != null) {
                http.setRequestProperty("Authorization", "Bearer " + bearerToken);
            } else if (request.userId() != null) {
                // with a token the runtime takes the user from its 'sub' claim, so the header goes only without one
                http.setRequestProperty(InvocationRequest.USER_ID_HEADER, request.userId());
            }
            request.headers().values().forEach(http::setRequestProperty);
            try (OutputStream out = http.getOutputStream()) {
                out.write(payload);
            }
            status = http.getResponseCode();
        } catch (ConnectException e) {
            throw new DataPlaneException(0, DataPlaneException.CONNECTION_FAILED,
                    "Cannot connect to " + withoutQuery(uri), e);
        } catch (IOException e) {
            throw new DataPlaneException(0, DataPlaneException.CONNECTION_FAILED,
                    "Request to " + withoutQuery(uri) + " failed: " + describe(e), e);
        }
        String contentType = http.getContentType() == null ? "" : http.getContentType();
        if (status >= 300) {
            throw failure(http, status, contentType);
        }
        String header = http.getHeaderField(InvocationRequest.SESSION_HEADER);
        try {
            return new AgentResponse(status, contentType, header == null ? request.sessionId() : header,
                    http.getInputStream());
        } catch (IOException e) {
            throw new DataPlaneException(0, DataPlaneException.CONNECTION_FAILED,
                    "Reading the answer from " + withoutQuery(uri) + " failed: " + describe(e), e);
        }
    }

    private static DataPlaneException failure(HttpURLConnection http, int status, String contentType) {
        String body = "";
        try (InputStream in = http.getErrorStream()) {
            if (in != null) {
                body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).trim();
            }
        } catch (IOException e) {
            // the status alone will do
        }
        String errorType = http.getHeaderField("x-amzn-ErrorType");
        String code = errorType == null ? null : shortCode(errorType);
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
            message = "HTTP " + status;
        }
        return new DataPlaneException(status, code == null ? "Http" + status : code, message, null);
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

package dev.agentcore.core.aws;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An HTTP client built on a background thread. Building the url-connection client sets up TLS (it loads and parses
 * the JDK's trust store) before any request; the SDK client it is given meanwhile builds its own configuration on
 * the caller's thread, and only the first request waits for this one.
 */
final class BackgroundHttpClient implements SdkHttpClient {

    private final CompletableFuture<SdkHttpClient> client;
    private final String name;

    BackgroundHttpClient(String name, Supplier<SdkHttpClient> build) {
        this.name = name;
        this.client = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                client.complete(build.get());
            } catch (Throwable e) {
                client.completeExceptionally(e);
            }
        }, "agentcore-http-client");
        builder.setDaemon(true);
        builder.start();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return client().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return name;
    }

    @Override
    public void close() {
        client().close();
    }

    private SdkHttpClient client() {
        try {
            return client.join();
        } catch (CompletionException e) {
            // the build's own failure, as if it had been built here
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}

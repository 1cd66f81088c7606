package dev.agentcore.core.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundHttpClientTest {

    /** Records what reaches it; answers prepareRequest with null (the wrapper only passes it on). */
    static final class Recording implements SdkHttpClient {
        final List<String> calls = new ArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            calls.add("prepare " + request.httpRequest().getUri());
            return null;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    static HttpExecuteRequest request() {
        return HttpExecuteRequest.builder().request(SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:9/x")).build()).build();
    }

    @Test
    void requestsWaitForTheClientBuiltInTheBackgroundAndReachIt() throws Exception {
        Recording real = new Recording();
        CountDownLatch release = new CountDownLatch(1);
        BackgroundHttpClient client = new BackgroundHttpClient("UrlConnection", () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real;
        });
        assertThat(client.clientName()).as("known before the build ends").isEqualTo("UrlConnection");
        assertThat(real.calls).isEmpty();

        release.countDown();
        client.prepareRequest(request());
        client.close();
        assertThat(real.calls).containsExactly("prepare http://127.0.0.1:9/x", "close");
    }

    @Test
    void aFailedBuildFailsTheFirstRequestWithItsOwnException() {
        BackgroundHttpClient client = new BackgroundHttpClient("UrlConnection", () -> {
            throw new IllegalStateException("no TLS provider");
        });
        assertThatThrownBy(() -> client.prepareRequest(request()))
                .isInstanceOf(IllegalStateException.class).hasMessage("no TLS provider");
    }
}

package dev.agentcore.core.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The agent's local HTTP endpoint: is its port free, and does {@code GET /ping} answer yet. */
public final class LocalEndpoint {

    /** The AgentCore runtime contract's port. */
    public static final int CONTRACT_PORT = 8080;

    private final int port;

    public LocalEndpoint(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** True when nothing listens on the port, on any address (the agent binds 0.0.0.0). */
    public boolean portFree() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One {@code GET /ping}: true on a 2xx answer. */
    public boolean pingOnce() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/ping").toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            try (InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            c.disconnect();
            return code >= 200 && code < 300;
        } catch (IOException e) {
            return false;
        }
    }

    public enum Wait { READY, EXITED, TIMED_OUT }

    /**
     * Polls {@code /ping} until it answers, the watched process is gone ({@code alive} turns false) or the limit
     * passes.
     */
    public Wait awaitReady(Duration limit, BooleanSupplier alive) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = 50;
        while (true) {
            if (pingOnce()) {
                return Wait.READY;
            }
            if (!alive.getAsBoolean()) {
                return pingOnce() ? Wait.READY : Wait.EXITED;
            }
            if (System.nanoTime() > deadline) {
                return Wait.TIMED_OUT;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Wait.TIMED_OUT;
            }
            pause = Math.min(pause * 2, 250);
        }
    }
}

package dev.agentcore.core.status;

import dev.agentcore.core.cloud.CloudException;

/**
 * What one read-only call found: a value, nothing (with why), or an error the section reports instead of the
 * whole command failing (access denied on one service must not hide what the others say).
 */
public record Lookup<T>(T value, String absentReason, String errorKind, String error) {

    public static <T> Lookup<T> found(T value) {
        return new Lookup<>(value, null, null, null);
    }

    public static <T> Lookup<T> absent(String reason) {
        return new Lookup<>(null, reason, null, null);
    }

    public static <T> Lookup<T> failed(CloudException e) {
        return new Lookup<>(null, null, e.kind().name(), e.getMessage());
    }

    public boolean isFound() {
        return value != null;
    }

    public boolean isFailed() {
        return error != null;
    }
}

package dev.agentcore.core.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: a polite signal first, then a forced kill after a bounded grace. */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** Returns true when no process of the tree is left alive. */
    public static boolean stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        // descendants first, collected before anything dies (an orphan would be re-parented and lost)
        root.descendants().forEach(all::add);
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        if (awaitAll(all, grace)) {
            return true;
        }
        all.forEach(ProcessHandle::destroyForcibly);
        return awaitAll(all, Duration.ofSeconds(5));
    }

    private static boolean awaitAll(List<ProcessHandle> handles, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (ProcessHandle h : handles) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return handles.stream().noneMatch(ProcessHandle::isAlive);
            }
            CompletableFuture<ProcessHandle> exit = h.onExit();
            try {
                exit.get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return handles.stream().noneMatch(ProcessHandle::isAlive);
            }
        }
        return true;
    }
}

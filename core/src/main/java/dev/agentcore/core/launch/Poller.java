package dev.agentcore.core.launch;

import dev.agentcore.core.AgentCoreException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition the SDK has no waiter for (a CodeBuild build, an agent runtime): reads, checks, sleeps with
 * a growing pause, and gives up after a bound. Clock and sleeper are injected so tests run without real sleeps.
 */
public final class Poller {

    /** Pauses the current thread; tests advance a fake clock instead. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The last value read and whether the condition held before the time ran out. */
    public record Outcome<T>(T last, boolean done, Duration waited) { }

    private final Clock clock;
    private final Sleeper sleeper;

    public Poller(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static Poller real() {
        return new Poller(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Reads until {@code done} holds or {@code timeout} has passed; pauses start at {@code first} and grow by half
     * up to {@code max}. Every value read goes to {@code seen}.
     */
    public <T> Outcome<T> until(String what, Duration timeout, Duration first, Duration max, Supplier<T> read,
                                Predicate<T> done, Consumer<T> seen) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        Duration pause = first;
        while (true) {
            T value = read.get();
            seen.accept(value);
            if (done.test(value)) {
                return new Outcome<>(value, true, Duration.between(start, clock.instant()));
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                return new Outcome<>(value, false, Duration.between(start, now));
            }
            Duration left = Duration.between(now, deadline);
            sleep(pause.compareTo(left) > 0 ? left : pause, what);
            pause = pause.plus(pause.dividedBy(2));
            if (pause.compareTo(max) > 0) {
                pause = max;
            }
        }
    }

    public void sleep(Duration duration, String what) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentCoreException.failure("Interrupted while waiting for " + what + ".",
                    "Rerun 'agentcore launch': finished steps are reused.");
        }
    }
}

package dev.agentcore.core.launch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PollerTest {

    @Test
    void pausesGrowUpToTheMaximumAndStopAtTheDeadline() {
        FakeTime time = new FakeTime();
        List<Integer> seen = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();

        Poller.Outcome<Integer> outcome = time.poller().until("thing", Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofSeconds(5), reads::incrementAndGet, v -> false, seen::add);

        assertThat(outcome.done()).isFalse();
        assertThat(outcome.waited()).isEqualTo(Duration.ofSeconds(30));
        assertThat(time.sleeps).startsWith(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500),
                Duration.ofSeconds(5));
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(30));
        assertThat(seen).hasSize(reads.get());
    }

    @Test
    void returnsAsSoonAsTheConditionHolds() {
        FakeTime time = new FakeTime();
        AtomicInteger reads = new AtomicInteger();

        Poller.Outcome<Integer> outcome = time.poller().until("thing", Duration.ofMinutes(10), Duration.ofSeconds(1),
                Duration.ofSeconds(5), reads::incrementAndGet, v -> v == 3, v -> { });

        assertThat(outcome.done()).isTrue();
        assertThat(outcome.last()).isEqualTo(3);
        assertThat(time.sleeps).hasSize(2);
    }
}

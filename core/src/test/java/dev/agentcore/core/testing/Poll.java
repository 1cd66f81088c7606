package dev.agentcore.core.testing;

import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound (no sleeping for luck): true when it held in time. */
public final class Poll {

    private Poll() {
    }

    public static boolean until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }
}

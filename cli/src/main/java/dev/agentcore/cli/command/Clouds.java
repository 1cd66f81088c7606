package dev.agentcore.cli.command;

import dev.agentcore.cli.AppContext;
import dev.agentcore.core.aws.AwsCloud;
import dev.agentcore.core.cloud.Cloud;

/**
 * Where status and destroy get their {@link Cloud}: the AWS SDK implementation for the agent's region, or, in
 * tests, an in-memory one installed for the current thread (the CLI runs in-process on the test's thread).
 */
final class Clouds {

    private static final ThreadLocal<Cloud> FOR_TESTS = new ThreadLocal<>();

    private Clouds() {
    }

    static Cloud open(AppContext context, String configuredRegion) {
        Cloud installed = FOR_TESTS.get();
        if (installed != null) {
            return installed;
        }
        return new AwsCloud(context.aws(configuredRegion));
    }

    /** Makes {@link #open} return this cloud on the calling thread until the returned handle is closed. */
    static AutoCloseable install(Cloud cloud) {
        FOR_TESTS.set(cloud);
        return FOR_TESTS::remove;
    }
}

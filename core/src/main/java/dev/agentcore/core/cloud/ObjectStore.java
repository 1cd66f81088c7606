package dev.agentcore.core.cloud;

import java.nio.file.Path;

/** S3, for the CodeBuild source bundles. Every call names the expected bucket owner. */
public interface ObjectStore {

    boolean bucketExists(String bucket, String expectedOwner);

    /** Creates a private bucket in the region; succeeds when this account already owns it. */
    void createBucket(String bucket, String region, String expectedOwner);

    /** Objects older than the given days expire (old source bundles). */
    void putExpiryRule(String bucket, String expectedOwner, int days);

    boolean objectExists(String bucket, String key, String expectedOwner);

    void putObject(String bucket, String key, Path file, String expectedOwner);

    /** False when there was nothing to delete. */
    boolean deleteObject(String bucket, String key, String expectedOwner);
}

package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.ObjectStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

import java.nio.file.Path;

/** S3, for source bundles. Every call names the expected bucket owner, so a bucket squatted by another account is
 * never written to. */
final class S3Objects implements ObjectStore {

    private static final String SERVICE = "S3";

    private final S3Client s3;

    S3Objects(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public boolean bucketExists(String bucket, String expectedOwner) {
        try {
            AwsErrors.run(SERVICE, () -> s3.headBucket(b -> b.bucket(bucket).expectedBucketOwner(expectedOwner)));
            return true;
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return false;
            }
            if (e.is(Kind.ACCESS_DENIED)) {
                throw new CloudException(Kind.ACCESS_DENIED, SERVICE, e.errorCode(), e.statusCode(),
                        "Access denied to S3 bucket '" + bucket + "': it belongs to another account, or these "
                                + "credentials may not use it", e);
            }
            throw e;
        }
    }

    @Override
    public void createBucket(String bucket, String region, String expectedOwner) {
        try {
            AwsErrors.run(SERVICE, () -> s3.createBucket(b -> {
                b.bucket(bucket);
                // us-east-1 is the default location and must not be named
                if (region != null && !"us-east-1".equals(region)) {
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                }
            }));
        } catch (CloudException e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.errorCode())) {
                throw e;
            }
        }
        AwsErrors.run(SERVICE, () -> s3.putPublicAccessBlock(b -> b.bucket(bucket).expectedBucketOwner(expectedOwner)
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).blockPublicPolicy(true)
                        .ignorePublicAcls(true).restrictPublicBuckets(true))));
    }

    @Override
    public void putExpiryRule(String bucket, String expectedOwner, int days) {
        AwsErrors.run(SERVICE, () -> s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket)
                .expectedBucketOwner(expectedOwner)
                .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("DeleteOldBuilds")
                        .status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                        .expiration(x -> x.days(days)).build()))));
    }

    @Override
    public boolean objectExists(String bucket, String key, String expectedOwner) {
        try {
            AwsErrors.run(SERVICE, () -> s3.headObject(b -> b.bucket(bucket).key(key)
                    .expectedBucketOwner(expectedOwner)));
            return true;
        } catch (CloudException e) {
            if (e.is(Kind.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void putObject(String bucket, String key, Path file, String expectedOwner) {
        AwsErrors.run(SERVICE, () -> s3.putObject(b -> b.bucket(bucket).key(key).expectedBucketOwner(expectedOwner),
                RequestBody.fromFile(file)));
    }

    @Override
    public boolean deleteObject(String bucket, String key, String expectedOwner) {
        // DeleteObject succeeds whether or not the key exists: ask first to tell the caller
        if (!objectExists(bucket, key, expectedOwner)) {
            return false;
        }
        AwsErrors.run(SERVICE, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)
                .expectedBucketOwner(expectedOwner)));
        return true;
    }
}

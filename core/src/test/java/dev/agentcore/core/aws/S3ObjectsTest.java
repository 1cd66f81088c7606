package dev.agentcore.core.aws;

import dev.agentcore.core.cloud.CloudException;
import dev.agentcore.core.cloud.CloudException.Kind;
import dev.agentcore.core.cloud.ObjectStore;
import dev.agentcore.core.testing.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class S3ObjectsTest {

    static final String OWNER = Emulator.ACCOUNT;
    final ObjectStore s3 = EmulatedAws.cloud().objects();

    @TempDir
    Path dir;

    @Test
    void bucketIsCreatedOnceAndObjectsComeAndGo() throws Exception {
        String bucket = EmulatedAws.unique("bedrock-agentcore-codebuild-sources-");
        assertThat(s3.bucketExists(bucket, OWNER)).isFalse();
        s3.createBucket(bucket, "us-west-2", OWNER);
        s3.createBucket(bucket, "us-west-2", OWNER);
        assertThat(s3.bucketExists(bucket, OWNER)).isTrue();
        s3.putExpiryRule(bucket, OWNER, 7);
        assertThat(EmulatedAws.clients().s3().getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules())
                .singleElement().satisfies(r -> {
                    assertThat(r.id()).isEqualTo("DeleteOldBuilds");
                    assertThat(r.expiration().days()).isEqualTo(7);
                });

        Path file = Files.writeString(dir.resolve("source.zip"), "zip bytes");
        assertThat(s3.objectExists(bucket, "agent/source.zip", OWNER)).isFalse();
        s3.putObject(bucket, "agent/source.zip", file, OWNER);
        assertThat(s3.objectExists(bucket, "agent/source.zip", OWNER)).isTrue();
        assertThat(EmulatedAws.clients().s3().getObjectAsBytes(b -> b.bucket(bucket).key("agent/source.zip"))
                .asUtf8String()).isEqualTo("zip bytes");
        assertThat(s3.deleteObject(bucket, "agent/source.zip", OWNER)).isTrue();
        assertThat(s3.deleteObject(bucket, "agent/source.zip", OWNER)).isFalse();
    }

    @Test
    void aBucketOfAnotherAccountIsAccessDenied() {
        String bucket = EmulatedAws.unique("squatted-");
        s3.createBucket(bucket, "us-west-2", OWNER);
        CloudException e = catchThrowableOfType(CloudException.class, () -> s3.bucketExists(bucket, "210987654321"));
        assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(e.getMessage()).contains(bucket);
        CloudException put = catchThrowableOfType(CloudException.class,
                () -> s3.putObject(bucket, "k", Files.writeString(dir.resolve("f"), "x"), "210987654321"));
        assertThat(put.kind()).isEqualTo(Kind.ACCESS_DENIED);
    }

    @Test
    void uploadToAMissingBucketIsNotFound() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        CloudException e = catchThrowableOfType(CloudException.class,
                () -> s3.putObject(EmulatedAws.unique("nobucket-"), "k", file, OWNER));
        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    }
}

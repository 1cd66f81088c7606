package dev.agentcore.core.aws;

import dev.agentcore.core.testing.Emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The shared emulator seen through our own SDK layer; tests stay apart by unique names, not by resets. */
final class EmulatedAws {

    private static AwsClients clients;
    private static AwsCloud cloud;

    private EmulatedAws() {
    }

    static synchronized AwsClients clients() {
        if (clients == null) {
            clients = new AwsClients(new AwsSettings(null, null, null, Emulator.shared().env()));
        }
        return clients;
    }

    static synchronized AwsCloud cloud() {
        if (cloud == null) {
            cloud = new AwsCloud(clients());
        }
        return cloud;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A zip with the given entries (name, content, name, content, ...). */
    static Path zip(Path dir, String... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            Path file = Files.createTempFile(dir, "source", ".zip");
            Files.write(file, bytes.toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts an image manifest into a repository, as a docker push would. */
    static void pushImage(String repository, String tag) {
        clients().ecr().putImage(b -> b.repositoryName(repository).imageTag(tag).imageManifest(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                        + "\"config\":{\"digest\":\"sha256:00\",\"size\":1},\"layers\":[{\"digest\":\"sha256:"
                        + repository + tag + "\",\"size\":1}]}"));
    }

    static String trustPolicy(String service) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }
}

package dev.agentcore.core.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

class SourceBundleTest {

    @TempDir
    Path tmp;

    private Path project(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        write(dir, "agent.py", "print('hi')\n");
        write(dir, "requirements.txt", "bedrock-agentcore\n");
        write(dir, "pkg/util.py", "X = 1\n");
        write(dir, "pkg/__pycache__/util.cpython-311.pyc", "junk");
        write(dir, ".venv/lib/site.py", "junk");
        write(dir, ".git/HEAD", "ref");
        write(dir, "run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static void write(Path dir, String rel, String text) throws IOException {
        Path file = dir.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void sameSourceGivesSameBytesWhateverTheMtimesAndOrder() throws IOException {
        Path a = project("a");
        Path b = project("b");
        for (String rel : List.of("agent.py", "pkg/util.py", "run.sh")) {
            Files.setLastModifiedTime(b.resolve(rel), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        }
        SourceBundle.Bundle first = SourceBundle.write(a, tmp.resolve("out/a.zip"), "FROM x\n");
        SourceBundle.Bundle second = SourceBundle.write(b, tmp.resolve("out/b.zip"), "FROM x\n");
        assertThat(second.sha256()).isEqualTo(first.sha256()).hasSize(64);
        assertThat(Files.readAllBytes(second.zip())).isEqualTo(Files.readAllBytes(first.zip()));
        assertThat(first.bytes()).isEqualTo(Files.size(first.zip()));

        write(b, "agent.py", "print('changed')\n");
        assertThat(SourceBundle.write(b, tmp.resolve("out/b.zip"), "FROM x\n").sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void packagedDefaultsApplyWithoutADockerignoreAndGeneratedDockerfileIsAtTheRoot() throws IOException {
        Path dir = project("p");
        SourceBundle.Bundle bundle = SourceBundle.write(dir, tmp.resolve("p.zip"), "FROM python\n");
        assertThat(bundle.files()).containsExactly("Dockerfile", "agent.py", "pkg/util.py", "requirements.txt", "run.sh");
        try (ZipFile zip = new ZipFile(bundle.zip().toFile())) {
            assertThat(Collections.list(zip.entries()).stream().map(ZipEntry::getName)).isEqualTo(bundle.files());
            assertThat(new String(zip.getInputStream(zip.getEntry("Dockerfile")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("FROM python\n");
            ZipEntry entry = zip.getEntry("agent.py");
            assertThat(entry.getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(entry.getTimeLocal()).isEqualTo(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
        }
    }

    @Test
    void unixModesAreFixedAndKeepTheExecuteBit() throws IOException {
        Path dir = project("m");
        Files.setPosixFilePermissions(dir.resolve("agent.py"), PosixFilePermissions.fromString("rw-------"));
        SourceBundle.Bundle bundle = SourceBundle.write(dir, tmp.resolve("m.zip"), null);
        try (FileSystem zipfs = FileSystems.newFileSystem(bundle.zip(), Map.of("enablePosixFileAttributes", true))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zipfs.getPath("run.sh"))))
                    .isEqualTo("rwxr-xr-x");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zipfs.getPath("agent.py"))))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void theContextsOwnDockerignoreAndDockerfileWin() throws IOException {
        Path dir = project("own");
        write(dir, ".dockerignore", "*.sh\npkg\n!pkg/util.py\nDockerfile\n");
        write(dir, "Dockerfile", "FROM mine\n");
        SourceBundle.Bundle bundle = SourceBundle.write(dir, tmp.resolve("own.zip"), "FROM generated\n");
        assertThat(bundle.files()).containsExactly(".dockerignore", ".git/HEAD", ".venv/lib/site.py", "Dockerfile",
                "agent.py", "pkg/util.py", "requirements.txt");
        try (ZipFile zip = new ZipFile(bundle.zip().toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("Dockerfile")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("FROM mine\n");
        }
    }

    @Test
    void linksAreNotFollowedOutOfTheContext() throws IOException {
        Path dir = project("links");
        Path outside = Files.createDirectories(tmp.resolve("secret"));
        write(outside, "key.pem", "SECRET");
        Files.createSymbolicLink(dir.resolve("key.pem"), outside.resolve("key.pem"));
        Files.createSymbolicLink(dir.resolve("secrets"), outside);
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nope"));
        Files.createSymbolicLink(dir.resolve("alias.py"), dir.resolve("agent.py"));
        SourceBundle.Bundle bundle = SourceBundle.write(dir, tmp.resolve("l.zip"), null);
        assertThat(bundle.files()).contains("alias.py").doesNotContain("key.pem", "dangling")
                .noneMatch(f -> f.startsWith("secrets"));
        assertThat(bundle.skipped()).contains("key.pem", "dangling");
        try (ZipFile zip = new ZipFile(bundle.zip().toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("alias.py")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("print('hi')\n");
        }
    }

    @Test
    void aZipWrittenInsideTheContextDoesNotContainItself() throws IOException {
        Path dir = project("self");
        write(dir, ".dockerignore", "");
        Path zip = dir.resolve("build/source.zip");
        SourceBundle.Bundle first = SourceBundle.write(dir, zip, null);
        Files.writeString(dir.resolve("build/.source123.zip.tmp"), "left by a crash");
        SourceBundle.Bundle again = SourceBundle.write(tmp.resolve("self/../self"), tmp.resolve("self/build/../build/source.zip"), null);
        assertThat(again.files()).noneMatch(f -> f.startsWith("build/"));
        assertThat(again.sha256()).isEqualTo(first.sha256());
    }

    @Test
    void previewMatchesWriteAndLeavesNothingBehind() throws IOException {
        Path dir = project("pv");
        SourceBundle.Bundle written = SourceBundle.write(dir, tmp.resolve("pv.zip"), "FROM x\n");
        SourceBundle.Bundle preview = SourceBundle.preview(dir, "FROM x\n");
        assertThat(preview.zip()).isNull();
        assertThat(preview.sha256()).isEqualTo(written.sha256());
        assertThat(preview.files()).isEqualTo(written.files());
        assertThat(preview.bytes()).isEqualTo(written.bytes());
    }
}

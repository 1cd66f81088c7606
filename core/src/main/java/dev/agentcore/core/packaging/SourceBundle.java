package dev.agentcore.core.packaging;

import dev.agentcore.core.AgentCoreException;
import dev.agentcore.core.templates.Templates;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The build context as a zip for CodeBuild: the context's {@code .dockerignore} applied (the packaged
 * {@code templates/dockerignore} when it has none), entries sorted by path, fixed timestamps (1980-01-01) and
 * permissions (0644, or 0755 when the owner may execute), DEFLATE. The same files give the same bytes, so the
 * SHA-256 can serve as the image tag. Files are streamed one at a time: memory stays flat for large trees.
 *
 * <p>Symbolic links are never followed out of the context: a link to a file inside the context is stored as that
 * file's content; links to directories, dangling links and links leaving the context are skipped and reported.
 */
public final class SourceBundle {

    /** Name of the Dockerfile at the zip root; CodeBuild runs {@code docker build -f Dockerfile .}. */
    public static final String DOCKERFILE = "Dockerfile";

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final int FILE_MODE = 0100644;
    private static final int EXECUTABLE_MODE = 0100755;

    /**
     * A written bundle: the zip, its entries in zip order, its size in bytes and the hex SHA-256 of the zip. {@code
     * skipped} lists paths left out because they are links that cannot be followed safely.
     */
    public record Bundle(Path zip, List<String> files, long bytes, String sha256, List<String> skipped) {
        public Bundle {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    private SourceBundle() {
    }

    /**
     * Zips {@code context} into {@code zip} (replaced atomically). When the context has no {@code Dockerfile} at its
     * root and {@code generatedDockerfile} is not null, that text is added at the root as {@code Dockerfile}.
     */
    public static Bundle write(Path context, Path zip, String generatedDockerfile) {
        Path root = realDirectory(context);
        Path target = realParent(zip);
        Collected collected = collect(root, target);
        boolean hasOwnDockerfile = collected.files.contains(DOCKERFILE);
        List<String> entries = new ArrayList<>(collected.files);
        if (!hasOwnDockerfile && generatedDockerfile != null) {
            entries.add(DOCKERFILE);
        }
        entries.sort(null);
        try {
            Path temp = Files.createTempFile(target.getParent(), ".source", ".zip.tmp");
            try {
                int[] modes = writeZip(root, temp, entries, hasOwnDockerfile ? null : generatedDockerfile);
                markUnixModes(temp, modes);
                String sha = sha256(temp);
                long size = Files.size(temp);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Bundle(target, entries, size, sha, collected.skipped);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UncheckedIOException e) {
            throw AgentCoreException.failure("Cannot write the source bundle " + target + ": " + e.getMessage(),
                    "Check free disk space and permissions on " + target.getParent() + ".", e);
        }
    }

    /**
     * What {@link #write} would produce, for dry runs: the bundle is built in a temporary file that is deleted
     * afterwards, so the returned {@code zip} is null.
     */
    public static Bundle preview(Path context, String generatedDockerfile) {
        Path dir;
        try {
            dir = Files.createTempDirectory("agentcore-bundle");
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot create a temporary directory: " + e.getMessage());
        }
        Path zip = dir.resolve("source.zip");
        try {
            Bundle bundle = write(context, zip, generatedDockerfile);
            return new Bundle(null, bundle.files(), bundle.bytes(), bundle.sha256(), bundle.skipped());
        } finally {
            try {
                Files.deleteIfExists(zip);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    /** The rules for a context: its own {@code .dockerignore}, else the packaged default. */
    public static DockerIgnore ignoreRules(Path context) {
        Path file = context.resolve(".dockerignore");
        if (Files.isRegularFile(file)) {
            try {
                return DockerIgnore.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw AgentCoreException.failure("Cannot read " + file + ": " + e.getMessage());
            }
        }
        return DockerIgnore.parse(Templates.load("dockerignore"));
    }

    private record Collected(List<String> files, List<String> skipped) {
    }

    /** The zip's path with its directory created and resolved, so it is recognised when it lies in the context. */
    private static Path realParent(Path zip) {
        Path absolute = zip.toAbsolutePath().normalize();
        try {
            Path dir = Files.createDirectories(absolute.getParent()).toRealPath();
            return dir.resolve(absolute.getFileName().toString());
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot create " + absolute.getParent() + ": " + e.getMessage());
        }
    }

    private static Path realDirectory(Path context) {
        try {
            Path real = context.toRealPath();
            if (!Files.isDirectory(real)) {
                throw AgentCoreException.invalidInput("The build context " + context + " is not a directory.");
            }
            return real;
        } catch (IOException e) {
            throw AgentCoreException.invalidInput("The build context " + context + " does not exist.",
                    "Run agentcore configure again from the project directory.");
        }
    }

    private static Collected collect(Path root, Path output) {
        DockerIgnore ignore = ignoreRules(root);
        List<String> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = relative(root, dir);
                    return ignore.excluded(rel) && !ignore.mayIncludeBelow(rel)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(root, file);
                    if (isOutput(file, output) || (ignore.excluded(rel) && !rel.equals(DOCKERFILE))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        if (!linkToFileInside(root, file)) {
                            skipped.add(rel);
                            return FileVisitResult.CONTINUE;
                        }
                    } else if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    files.add(rel);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw AgentCoreException.failure("Cannot read the build context " + root + ": " + e.getMessage(),
                    "Check the file permissions, or exclude the path in .dockerignore.", e);
        }
        return new Collected(files, skipped);
    }

    /** The zip itself, or a temporary zip left by an interrupted earlier run next to it. */
    private static boolean isOutput(Path file, Path output) {
        if (file.equals(output)) {
            return true;
        }
        String name = file.getFileName().toString();
        return file.getParent().equals(output.getParent()) && name.startsWith(".source") && name.endsWith(".zip.tmp");
    }

    private static boolean linkToFileInside(Path root, Path link) {
        try {
            Path target = link.toRealPath();
            return target.startsWith(root) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException dangling) {
            return false;
        }
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static int[] writeZip(Path root, Path zip, List<String> entries, String generatedDockerfile)
            throws IOException {
        int[] modes = new int[entries.size()];
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream file = Files.newOutputStream(zip);
             ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(file, 64 * 1024),
                     StandardCharsets.UTF_8)) {
            out.setMethod(ZipOutputStream.DEFLATED);
            out.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (int i = 0; i < entries.size(); i++) {
                String name = entries.get(i);
                ZipEntry entry = new ZipEntry(name);
                entry.setTimeLocal(FIXED_TIME);
                out.putNextEntry(entry);
                if (name.equals(DOCKERFILE) && generatedDockerfile != null) {
                    out.write(generatedDockerfile.getBytes(StandardCharsets.UTF_8));
                    modes[i] = FILE_MODE;
                } else {
                    Path source = root.resolve(name);
                    try (InputStream in = Files.newInputStream(source)) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            out.write(buffer, 0, n);
                        }
                    }
                    modes[i] = ownerExecutable(source) ? EXECUTABLE_MODE : FILE_MODE;
                }
                out.closeEntry();
            }
        }
        return modes;
    }

    private static boolean ownerExecutable(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            return posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        }
        return Files.isExecutable(file);
    }

    /**
     * ZipOutputStream records no Unix permissions, so unzip would drop execute bits. Rewrite each central directory
     * entry's "made by" host to Unix and its external attributes to the file mode.
     */
    private static void markUnixModes(Path zip, int[] modes) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer end = read(channel, size - 22, 22);
            if (end.getInt(0) != 0x06054b50) {
                throw new IOException("unexpected zip layout (no end of central directory record)");
            }
            long cdOffset = Integer.toUnsignedLong(end.getInt(16));
            long cdSize = Integer.toUnsignedLong(end.getInt(12));
            if (cdOffset == 0xFFFFFFFFL || (end.getShort(10) & 0xFFFF) == 0xFFFF) {
                ByteBuffer locator = read(channel, size - 22 - 20, 20);
                ByteBuffer zip64End = read(channel, locator.getLong(8), 56);
                cdSize = zip64End.getLong(40);
                cdOffset = zip64End.getLong(48);
            }
            ByteBuffer cd = read(channel, cdOffset, Math.toIntExact(cdSize));
            int pos = 0;
            for (int mode : modes) {
                if (cd.getInt(pos) != 0x02014b50) {
                    throw new IOException("unexpected zip layout (central directory entry)");
                }
                cd.put(pos + 5, (byte) 3);
                cd.putInt(pos + 38, mode << 16);
                pos += 46 + (cd.getShort(pos + 28) & 0xFFFF) + (cd.getShort(pos + 30) & 0xFFFF)
                        + (cd.getShort(pos + 32) & 0xFFFF);
            }
            cd.rewind();
            channel.write(cd, cdOffset);
        }
    }

    private static ByteBuffer read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("unexpected end of zip");
            }
        }
        return buffer;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

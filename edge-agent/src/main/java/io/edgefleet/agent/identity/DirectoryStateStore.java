package io.edgefleet.agent.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State in a directory on the device (owner-only, as is every file in it): {@code device.key},
 * {@code enrollment-id}, {@code device-id}, {@code status.json} and {@code commands.log}, one line per executed command
 * ({@code <id>\t<outcome JSON>}), appended and forced to disk before the outcome is reported.
 */
public class DirectoryStateStore implements StateStore {

    private final Path dir;
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    public DirectoryStateStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            ownerOnlyDirectory(dir);
            Path log = dir.resolve("commands.log");
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        outcomes.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<DeviceKeys> keys() {
        return read("device.key").map(text -> {
            String[] parts = text.split("\n");
            return DeviceKeys.restore(parts[0].trim(), parts[1].trim());
        });
    }

    @Override
    public synchronized void saveKeys(DeviceKeys keys) {
        write("device.key", keys.privateKeyBase64() + "\n" + keys.publicKeyBase64() + "\n");
    }

    @Override
    public Optional<String> enrollmentId() {
        return read("enrollment-id");
    }

    @Override
    public void saveEnrollmentId(String enrollmentId) {
        write("enrollment-id", enrollmentId);
    }

    @Override
    public Optional<String> deviceId() {
        return read("device-id");
    }

    @Override
    public void saveDeviceId(String deviceId) {
        write("device-id", deviceId);
    }

    @Override
    public Optional<String> outcomeOf(String commandId) {
        return Optional.ofNullable(outcomes.get(commandId));
    }

    @Override
    public synchronized void recordOutcome(String commandId, String outcomeJson) {
        try {
            if (!Files.exists(dir.resolve("commands.log"))) {
                ownerOnly(Files.createFile(dir.resolve("commands.log")));
            }
            Files.writeString(dir.resolve("commands.log"), commandId + "\t" + outcomeJson.replace("\n", " ") + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            outcomes.put(commandId, outcomeJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> status() {
        return read("status.json");
    }

    @Override
    public void saveStatus(String statusJson) {
        write("status.json", statusJson);
    }

    /** The directory too: nobody else may even list what the agent keeps. */
    public static void ownerOnlyDirectory(Path directory) throws IOException {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows hosts: the installer gives the directory an owner-only ACL.
        }
    }

    /** Every state file is private to the agent's user: the key above all, made so before it holds a byte. */
    public static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows hosts: the state directory's ACLs protect it.
        }
    }

    private Optional<String> read(String name) {
        Path file = dir.resolve(name);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, String content) {
        try {
            Path temp = dir.resolve(name + ".tmp");
            Files.deleteIfExists(temp);
            ownerOnly(Files.createFile(temp));
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

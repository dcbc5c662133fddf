package nl.learnerwallet.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.trust.TrustList;

/**
 * The wallet's folder: {@code wallet.db} (the encrypted store, SQLite) and {@code trust.json}
 * (the trust list). Created readable by its owner only.
 */
final class WalletHome {

    static final String DATABASE = "wallet.db";
    static final String TRUST_LIST = "trust.json";

    private final Path directory;

    WalletHome(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path directory() {
        return directory;
    }

    boolean hasWallet() {
        return Files.isRegularFile(directory.resolve(DATABASE));
    }

    /** Opens the store, creating the folder (owner-only) when asked to. */
    RecordStore openStore(boolean create) {
        if (!create && !hasWallet()) {
            throw new CliException(ExitCode.BAD_INPUT, "NO_WALLET", Messages.get("error.noWallet", directory));
        }
        try {
            if (create && !Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                restrict(directory, "rwx------");
            }
            Path database = directory.resolve(DATABASE);
            boolean isNew = !Files.exists(database);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
            if (isNew) {
                restrict(database, "rw-------");
            }
            return new SqliteJdbcRecordStore(connection);
        } catch (IOException | SQLException e) {
            throw new CliException(ExitCode.BAD_INPUT, "HOME_UNUSABLE", Messages.get("error.homeUnusable", directory));
        }
    }

    /** After a failed restore: removes the database file when it holds no wallet, so nothing half-made stays. */
    void removeEmptyDatabase() {
        try (RecordStore store = openStore(false)) {
            if (nl.learnerwallet.client.wallet.Wallet.exists(store)) {
                return;
            }
        } catch (RuntimeException e) {
            // Unreadable: leave it for the learner to look at rather than delete what we do not understand.
            return;
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(directory.resolve(DATABASE + suffix));
            } catch (IOException e) {
                // A leftover empty file only makes the next restore say a wallet exists; it holds nothing.
            }
        }
    }

    TrustList trustList() {
        Path file = directory.resolve(TRUST_LIST);
        if (!Files.exists(file)) {
            return TrustList.empty();
        }
        try {
            return TrustList.fromJson(Files.readAllBytes(file));
        } catch (IOException | UntrustedInputException e) {
            throw new CliException(ExitCode.BAD_INPUT, "TRUST_LIST_DAMAGED", Messages.get("error.trustListDamaged", file));
        }
    }

    /** Writes the trust list atomically: a reader sees the old list or the new one, never half. */
    void saveTrustList(TrustList trustList) {
        try {
            Files.createDirectories(directory);
            writeAtomically(directory.resolve(TRUST_LIST), trustList.toJson());
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "HOME_UNUSABLE", Messages.get("error.homeUnusable", directory));
        }
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the user's profile folder protects it instead.
        }
    }
}

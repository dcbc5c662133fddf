package nl.learnerwallet.client.home;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.trust.TrustList;

/**
 * The wallet's folder: {@code wallet.db} (the encrypted store, SQLite) and {@code trust.json}
 * (the trust list). Created readable by its owner only. The command line and the desktop app
 * open the same folder the same way, so either can be used on a wallet the other made.
 */
public final class WalletHome {

    public static final String DATABASE = "wallet.db";
    public static final String TRUST_LIST = "trust.json";
    /** The folder's name in the user's home when neither {@code --home} nor {@code WALLET_HOME} names one. */
    public static final String DEFAULT_FOLDER = ".learner-wallet";

    private final Path directory;

    public WalletHome(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * The folder in the contract's order: the {@code --home} option, else {@code WALLET_HOME},
     * else {@code ~/.learner-wallet}.
     *
     * @param option the folder named on the command line, or null
     * @param environmentValue the value of {@code WALLET_HOME}, or null
     * @param userHome the user's home folder
     */
    public static WalletHome locate(Path option, String environmentValue, String userHome) {
        if (option != null) {
            return new WalletHome(option);
        }
        if (environmentValue != null && !environmentValue.isEmpty()) {
            return new WalletHome(Paths.get(environmentValue));
        }
        return new WalletHome(Paths.get(userHome, DEFAULT_FOLDER));
    }

    public Path directory() {
        return directory;
    }

    public boolean hasWallet() {
        return Files.isRegularFile(directory.resolve(DATABASE));
    }

    /**
     * Opens the store, creating the folder (owner-only) when asked to.
     *
     * @throws WalletHomeException {@code NO_WALLET} when not asked to create and there is none,
     *     {@code HOME_UNUSABLE} when the folder or database cannot be made or opened
     */
    public RecordStore openStore(boolean create) {
        if (!create && !hasWallet()) {
            throw new WalletHomeException(WalletHomeException.Problem.NO_WALLET, directory,
                    "there is no wallet in " + directory, null);
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
            throw new WalletHomeException(WalletHomeException.Problem.HOME_UNUSABLE, directory,
                    "the wallet folder " + directory + " cannot be used", e);
        }
    }

    /** After a failed restore: removes the database file when it holds no wallet, so nothing half-made stays. */
    public void removeEmptyDatabase() {
        try (RecordStore store = openStore(false)) {
            if (Wallet.exists(store)) {
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

    /** @throws WalletHomeException {@code TRUST_LIST_DAMAGED} when the file is there but unreadable */
    public TrustList trustList() {
        Path file = directory.resolve(TRUST_LIST);
        if (!Files.exists(file)) {
            return TrustList.empty();
        }
        try {
            return TrustList.fromJson(Files.readAllBytes(file));
        } catch (IOException | UntrustedInputException e) {
            throw new WalletHomeException(WalletHomeException.Problem.TRUST_LIST_DAMAGED, file,
                    "the trust list " + file + " is damaged", e);
        }
    }

    /**
     * Writes the trust list atomically: a reader sees the old list or the new one, never half.
     *
     * @throws WalletHomeException {@code HOME_UNUSABLE} when it cannot be written
     */
    public void saveTrustList(TrustList trustList) {
        try {
            Files.createDirectories(directory);
            writeAtomically(directory.resolve(TRUST_LIST), trustList.toJson());
        } catch (IOException e) {
            throw new WalletHomeException(WalletHomeException.Problem.HOME_UNUSABLE, directory,
                    "the wallet folder " + directory + " cannot be used", e);
        }
    }

    /** Writes a file through a temporary one beside it and a rename, so it is never seen half-written. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
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

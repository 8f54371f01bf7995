package sociaalkg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Starts a Neo4j Community DBMS (embedded API with the Bolt server) for the project.
 *
 * Usage: java -Xms.. -Xmx.. sociaalkg.neo4j.Launcher --home DIR --port N --pagecache 512m
 *        [--database neo4j] [--watch-stdin]
 * The initial password for user neo4j is read from the environment variable NEO4J_LAUNCH_PASSWORD
 * (never from argv, which other users can read in ps) and only used when the store is new.
 *
 * Once Bolt listens, the launcher writes DIR/launcher.json ({pid, port, startedAt}) so that a
 * second start can find it; the file is removed again on shutdown. With --watch-stdin the
 * launcher stops when its standard input reaches end-of-file, i.e. when the parent process dies,
 * even by SIGKILL; SIGTERM and SIGINT stop it through the JVM shutdown hook.
 */
public final class Launcher {
    private static final String STATE_FILE = "launcher.json";

    public static void main(String[] args) {
        Map<String, String> opts = parseArgs(args);
        Path home = Path.of(required(opts, "home")).toAbsolutePath().normalize();
        int port = Integer.parseInt(required(opts, "port"));
        long pageCache = ByteUnit.parse(opts.getOrDefault("pagecache", "512m"));
        String database = opts.getOrDefault("database", "neo4j");
        boolean watchStdin = opts.containsKey("watch-stdin");

        try {
            Files.createDirectories(home);
            if (isNewStore(home)) {
                String password = System.getenv("NEO4J_LAUNCH_PASSWORD");
                if (password == null || password.isEmpty()) {
                    fail("NEO4J_LAUNCH_PASSWORD is not set; cannot create a new store without an initial password.");
                }
                writeInitialPassword(home, password);
            }
        } catch (Exception e) {
            fail("Could not prepare " + home + ": " + e.getMessage());
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home).setConfig(settings(port, pageCache, database)).build();
        } catch (Throwable e) {
            e.printStackTrace();
            fail("Neo4j failed to start: " + rootMessage(e));
            return;
        }

        Path stateFile = home.resolve(STATE_FILE);
        long pid = ProcessHandle.current().pid();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[launcher] shutting down");
            try {
                dbms.shutdown();
            } catch (Throwable e) {
                e.printStackTrace();
            }
            removeStateFileIfOurs(stateFile, pid);
            System.out.println("[launcher] stopped");
        }, "neo4j-shutdown"));

        try {
            writeStateFile(stateFile, pid, port);
        } catch (IOException e) {
            System.err.println("[launcher] could not write " + stateFile + ": " + e.getMessage());
        }
        System.out.println("[launcher] Neo4j ready, Bolt on 127.0.0.1:" + port + " (pid " + pid + ")");

        if (watchStdin) {
            Thread watcher = new Thread(Launcher::exitOnStdinEof, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        // The DBMS threads keep the JVM alive; main may return.
    }

    private static Map<Setting<?>, Object> settings(int port, long pageCache, String database) {
        Map<Setting<?>, Object> s = new HashMap<>();
        s.put(BoltConnector.enabled, true);
        s.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port));
        s.put(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port));
        // Loopback only, so TLS buys nothing; a remote server is reached through NEO4J_URI instead.
        s.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        s.put(HttpConnector.enabled, false);
        s.put(HttpsConnector.enabled, false);
        s.put(GraphDatabaseSettings.auth_enabled, true);
        s.put(GraphDatabaseSettings.pagecache_memory, pageCache);
        s.put(GraphDatabaseSettings.udc_enabled, false);
        // Only read when the store is created: the name of the one user database (Community has one).
        s.put(GraphDatabaseSettings.initial_default_database, database);
        // The store is a few MB; by default every database preallocates a 256 MB transaction log
        // file. Smaller files, and re-imports cannot make the kept logs grow without bound.
        s.put(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16));
        s.put(GraphDatabaseSettings.keep_logical_logs, "64M size");
        // Netty waits a 5 s quiet period on shutdown by default; nobody else uses this server's
        // event loops, so stop at once (Ctrl-C and test teardown are then ~5 s faster).
        s.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        s.put(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));
        return s;
    }

    /** A store is new when the system database has never been created. */
    private static boolean isNewStore(Path home) {
        return !Files.isDirectory(home.resolve("data").resolve("databases").resolve("system"));
    }

    /**
     * Same mechanism as `neo4j-admin dbms set-initial-password`: an auth.ini in the auth store
     * directory, read once when the system database is first created.
     */
    private static void writeInitialPassword(Path home, String password) throws Exception {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path authFile = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(authFile.getParent());
        Files.deleteIfExists(authFile);
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            FileUserRepository repo = new FileUserRepository(fs, authFile, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            repo.start();
            SystemGraphCredential credential = SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
            repo.create(new User("neo4j", null, credential, false, false));
            repo.shutdown();
        }
        Files.setPosixFilePermissions(authFile, PosixFilePermissions.fromString("rw-------"));
    }

    private static void writeStateFile(Path stateFile, long pid, int port) throws IOException {
        String json = "{\"pid\":" + pid + ",\"port\":" + port + ",\"startedAt\":\"" + Instant.now() + "\"}\n";
        Path tmp = stateFile.resolveSibling(STATE_FILE + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void removeStateFileIfOurs(Path stateFile, long pid) {
        try {
            if (Files.exists(stateFile) && Files.readString(stateFile).contains("\"pid\":" + pid + ",")) {
                Files.delete(stateFile);
            }
        } catch (IOException ignored) {
            // A stale file is detected by the next start (pid no longer alive).
        }
    }

    private static void exitOnStdinEof() {
        byte[] buffer = new byte[256];
        try (InputStream in = System.in) {
            while (in.read(buffer) >= 0) {
                // The parent never writes; reading only tells us when it has gone.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same thing as end-of-file.
        }
        System.out.println("[launcher] parent process gone (stdin closed)");
        System.exit(0);
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                fail("Unexpected argument: " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("watch-stdin")) {
                opts.put(key, "true");
            } else if (i + 1 < args.length) {
                opts.put(key, args[++i]);
            } else {
                fail("Missing value for --" + key);
            }
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String key) {
        String value = opts.get(key);
        if (value == null) {
            fail("Missing --" + key);
        }
        return value;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void fail(String message) {
        System.err.println("[launcher] ERROR " + message);
        System.exit(1);
    }
}

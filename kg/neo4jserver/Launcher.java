// A Neo4j 5 Community server on Bolt only, from the Maven Central jars kg.neo4jserver fetches.
//
// Run with Java's single-file source launcher (no build step):
//   java -Xmx1g -cp "<lib>/*" Launcher.java --port 7687 [--data DIR | --work-dir DIR]
//        [--host 127.0.0.1] [--pagecache-mb 256] [--watch-stdin]
// The password (auth on) comes from the environment variable KG_NEO4J_PASSWORD, never from
// the command line (which other users can read); without it auth is off (kg's Python side
// always gives one unless the user asks for --no-auth).
// LOAD CSV can read neither host files (file URLs off, empty import folder) nor URLs (every
// IP address blocked), so a Cypher query cannot reach outside the database.
//
// --work-dir DIR: a throw-away server from neo4j-harness (Neo4jBuilders.newInProcessBuilder):
//                 its store lives in a random folder under DIR; DIR is deleted on shutdown.
// --data DIR:     a persistent server (DatabaseManagementServiceBuilder on DIR, same jars):
//                 the store survives restarts.
// --watch-stdin:  exit when stdin closes (the parent process died), so no server outlives it.
//
// Prints one line "kg-neo4j: ready bolt://HOST:PORT" on stdout once the default database
// answers, or "kg-neo4j: error: ..." on stderr and exits 1. SIGTERM / Ctrl-C close the store
// cleanly (shutdown hook).

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

public class Launcher {
    private static final String PREFIX = "kg-neo4j: ";

    public static void main(String[] args) {
        String host = "127.0.0.1";
        int port = 7687;
        Path data = null;
        Path workDir = null;
        long pagecacheMb = 256;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--host" -> host = value(args, ++i, a);
                case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                case "--data" -> data = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--work-dir" -> workDir = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--pagecache-mb" -> pagecacheMb = Long.parseLong(value(args, ++i, a));
                case "--watch-stdin" -> watchStdin = true;
                default -> die("unknown argument " + a, null);
            }
        }
        if ((data == null) == (workDir == null)) {
            die("give exactly one of --data DIR (persistent) or --work-dir DIR (throw-away)", null);
        }
        String password = System.getenv("KG_NEO4J_PASSWORD");
        boolean auth = password != null && !password.isEmpty();
        SocketAddress bolt = new SocketAddress(host, port);

        // The settings both kinds of server share.
        Map<Setting<?>, Object> settings = new LinkedHashMap<>();
        settings.put(BoltConnector.enabled, true);
        settings.put(BoltConnector.listen_address, bolt);
        settings.put(HttpConnector.enabled, false);
        settings.put(HttpsConnector.enabled, false);
        settings.put(GraphDatabaseSettings.auth_enabled, auth);
        settings.put(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb));
        settings.put(GraphDatabaseSettings.udc_enabled, false);
        // No host file and no network address is readable through Cypher: LOAD CSV may not
        // open file:// URLs (and its import root is an empty folder), and every IP address
        // is blocked for URL access (http:// LOAD CSV would let a query reach any host).
        Path importDir = (data != null ? data : workDir).resolve("import-disabled");
        settings.put(GraphDatabaseSettings.allow_file_urls, false);
        settings.put(GraphDatabaseSettings.load_csv_file_url_root, importDir);
        settings.put(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")));
        // Bolt's defaults wait 5 s + 5 s for idle connections and Netty's quiet period on
        // shutdown; a local server stops in about a second without them.
        settings.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
        settings.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));
        settings.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        settings.put(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));

        final Runnable close;
        final DatabaseManagementService dbms;
        try {
            if (workDir != null) {
                Files.createDirectories(workDir);
                Files.createDirectories(importDir);
                Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workDir).withDisabledServer();
                for (Map.Entry<Setting<?>, Object> e : settings.entrySet()) {
                    builder = with(builder, e.getKey(), e.getValue());
                }
                Neo4j neo4j = builder.build();
                dbms = neo4j.databaseManagementService();
                close = neo4j::close;
            } else {
                Files.createDirectories(data);
                Files.createDirectories(importDir);
                DatabaseManagementService service =
                        new DatabaseManagementServiceBuilder(data).setConfig(settings).build();
                dbms = service;
                close = service::shutdown;
            }
        } catch (Throwable e) {
            die("could not start Neo4j on " + host + ":" + port + ": " + rootMessage(e), e);
            return;
        }

        CountDownLatch closed = new CountDownLatch(1);
        final Path throwAway = workDir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                close.run();
                if (throwAway != null) {
                    deleteTree(throwAway); // also when the parent died and cannot clean up
                }
            } catch (Throwable e) {
                System.err.println(PREFIX + "error while stopping: " + rootMessage(e));
            } finally {
                System.out.println(PREFIX + "stopped");
                System.out.flush();
                closed.countDown();
            }
        }, "kg-neo4j-shutdown"));

        try {
            if (auth) {
                setPassword(dbms, password);
            }
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.SECONDS.toMillis(60))) {
                die("the default database did not come up within 60 s", null);
            }
            db.executeTransactionally("RETURN 1");
        } catch (Throwable e) {
            die("Neo4j started but is not usable: " + rootMessage(e), e);
        }

        System.out.println(PREFIX + "ready bolt://" + host + ":" + port + (auth ? " auth=on" : " auth=off"));
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    while (in.read() != -1) {
                        // ignore input; end of stream means the parent went away
                    }
                } catch (Exception ignored) {
                    // treat a broken stdin like a closed one
                }
                System.err.println(PREFIX + "stdin closed (parent gone): stopping");
                System.exit(0);
            }, "kg-neo4j-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            closed.await(); // released only by the shutdown hook
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // A persistent store restarted with the same password: nothing to change.
            String msg = rootMessage(e);
            if (!msg.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Neo4jBuilder with(Neo4jBuilder builder, Setting<T> setting, Object value) {
        return builder.withConfig(setting, (T) value);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            die(flag + " needs a value", null);
        }
        return args[i];
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder();
        while (t != null) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && sb.indexOf(m) < 0) {
                if (sb.length() > 0) {
                    sb.append(" <- ");
                }
                sb.append(m.replace('\n', ' '));
            }
            t = t.getCause();
        }
        return sb.length() > 0 ? sb.toString() : e.getClass().getName();
    }

    private static void die(String message, Throwable e) {
        if (e != null) {
            e.printStackTrace(System.err);
        }
        System.err.println(PREFIX + "error: " + message);
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }
}

package dev.crest.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks, before Spark starts, that a standalone master ({@code spark://host:port[,host:port…]}) accepts TCP
 * connections. Spark itself retries an unreachable master for a minute and then only logs the failure, leaving
 * the job waiting; probing first turns that into one clear error.
 */
public final class MasterProbe {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private MasterProbe() {
    }

    /** Throws a {@link SparkEngineException} naming {@code master} unless one of its hosts accepts a connection. */
    public static void requireReachable(String master) {
        if (!master.startsWith("spark://")) {
            return; // local masters need no network; other cluster managers are checked by Spark
        }
        String reason = "no host given";
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            InetSocketAddress address = parse(master, hostPort);
            try (Socket socket = new Socket()) {
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        throw new SparkEngineException("cannot reach the Spark master " + master + " (" + reason
                + "); check the URL and that the master is running");
    }

    private static InetSocketAddress parse(String master, String hostPort) {
        try {
            URI uri = new URI("spark://" + hostPort.trim());
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new URISyntaxException(hostPort, "expected host:port");
            }
            return new InetSocketAddress(uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            throw new SparkEngineException("the Spark master URL " + master + " is malformed; expected"
                    + " spark://host:port");
        }
    }
}

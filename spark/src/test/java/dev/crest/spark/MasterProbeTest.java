package dev.crest.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterProbeTest {
    /** A loopback port nobody listens on: bound once to get a free number, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableMasterIsOneErrorNamingIt() throws IOException {
        String master = "spark://127.0.0.1:" + closedPort();
        assertThatThrownBy(() -> SparkConnection.open(
                new SparkEngineSettings(master, Duration.ofMinutes(1), List.of()), "crest-test"))
                .isInstanceOf(SparkEngineException.class)
                .hasMessageStartingWith("cannot reach the Spark master " + master + " (");
    }

    @Test
    void aMalformedMasterUrlIsRejected() {
        assertThatThrownBy(() -> MasterProbe.requireReachable("spark://no-port"))
                .isInstanceOf(SparkEngineException.class)
                .hasMessageContaining("spark://no-port is malformed");
    }
}

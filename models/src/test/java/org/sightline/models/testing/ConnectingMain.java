package org.sightline.models.testing;

import java.net.InetSocketAddress;
import java.net.Socket;

/** Negative control for {@code OfflineProofTest}: tries the cloud metadata address DJL would probe, then succeeds. */
public final class ConnectingMain {
    private ConnectingMain() {
    }

    public static void main(String[] args) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("169.254.169.254", 80), 200);
        } catch (Exception expected) {
            // unreachable without a network: only the attempt matters
        }
        System.out.println("OFFLINE-OK");
    }
}

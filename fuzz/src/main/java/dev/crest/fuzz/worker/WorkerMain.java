package dev.crest.fuzz.worker;

import dev.crest.fuzz.backend.BackendRegistry;
import dev.crest.fuzz.backend.BackendSession;
import dev.crest.fuzz.backend.RunOutcome;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The worker process's entry point: reads requests from stdin and answers on stdout until stdin closes. The
 * campaign starts it with {@link WorkerProcess}; a backend that crashes or hangs takes only this process down.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** Serves requests until the campaign closes stdin. */
    public static void main(String[] args) throws IOException {
        // The protocol owns the real stdout; anything a library prints through System.out goes to stderr instead,
        // where it ends up in the error log rather than corrupting a frame.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        try (BackendSession session = new BackendSession(BackendRegistry.standard())) {
            serve(session, in, out);
        }
    }

    private static void serve(BackendSession session, DataInputStream in, DataOutputStream out) throws IOException {
        while (true) {
            byte[] frame = WorkerProtocol.readFrame(in);
            if (frame == null) {
                return;
            }
            DataInputStream request = WorkerProtocol.payload(frame);
            byte type = request.readByte();
            byte[] reply;
            try {
                if (type == WorkerProtocol.RUN) {
                    WorkerProtocol.RunRequest run = WorkerProtocol.decodeRun(request);
                    RunOutcome outcome = session.execute(run.backend(), run.modelBytes(), run.inputs(),
                            stage -> send(out, WorkerProtocol.stage(stage)));
                    reply = WorkerProtocol.outcome(outcome);
                } else if (type == WorkerProtocol.VERSION) {
                    reply = WorkerProtocol.versionReply(session.backend(WorkerProtocol.readString(request)).version());
                } else {
                    reply = WorkerProtocol.requestFailed("unknown worker request type " + type);
                }
            } catch (RuntimeException e) {
                reply = WorkerProtocol.requestFailed(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            WorkerProtocol.writeFrame(out, reply);
        }
    }

    private static void send(DataOutputStream out, byte[] frame) {
        try {
            WorkerProtocol.writeFrame(out, frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

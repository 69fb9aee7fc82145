package dev.crest.fuzz.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What an {@link InputSearch}'s time budget is measured on: wall-clock time (NNSmith's setting, on a dedicated
 * machine), or the CPU time of the searching thread, which keeps a budget meaningful on a machine shared with
 * other work, where wall-clock time also counts the time the thread waits for a core.
 */
public enum BudgetClock {
    /** {@link System#nanoTime()}. */
    WALL {
        @Override
        long nanos() {
            return System.nanoTime();
        }
    },
    /** The current thread's CPU time; falls back to wall-clock time where the JVM cannot measure it. */
    THREAD_CPU {
        @Override
        long nanos() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }
    };

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The clock's current reading in nanoseconds; only differences between readings of one thread mean anything. */
    abstract long nanos();
}

package dev.crest.netsim.engine;

import java.util.Arrays;

/**
 * The discrete-event loop: a simulated clock, an {@link EventQueue}, handlers registered per event kind, and
 * one-off timers. Events run in (time, scheduling order), so a run is deterministic. Counts events processed.
 */
public final class Scheduler {
    /** Handles the events of one registered kind. */
    @FunctionalInterface
    public interface Handler {
        void handle(int first, int second, int third);
    }

    private static final int TIMER = 0;

    private final EventQueue queue = new EventQueue();
    private Handler[] handlers;
    private Runnable[] timers = new Runnable[16];
    private int[] freeTimers = new int[16];
    private int freeTimerCount;
    private int timerSlots;
    private double now;
    private long processed;
    private boolean stopped;

    public Scheduler() {
        handlers = new Handler[] {(first, second, third) -> runTimer(first)};
    }

    /** Registers a handler and returns the event kind to schedule it with. */
    public int register(Handler handler) {
        int kind = handlers.length;
        handlers = Arrays.copyOf(handlers, kind + 1);
        handlers[kind] = handler;
        return kind;
    }

    /** Current simulated time in seconds. */
    public double now() {
        return now;
    }

    /** Events processed so far (packet hops, link completions, timers). */
    public long eventsProcessed() {
        return processed;
    }

    /** Events waiting in the queue. */
    public int pending() {
        return queue.size();
    }

    /** Schedules an event of a registered kind. */
    public void schedule(double time, int kind, int first, int second, int third) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot schedule at " + time + " s, before the current time " + now + " s");
        }
        queue.push(time, kind, first, second, third);
    }

    /** Runs {@code action} at {@code time}. */
    public void at(double time, Runnable action) {
        int slot;
        if (freeTimerCount > 0) {
            slot = freeTimers[--freeTimerCount];
        } else {
            if (timerSlots == timers.length) {
                timers = Arrays.copyOf(timers, timerSlots * 2);
                freeTimers = Arrays.copyOf(freeTimers, timerSlots * 2);
            }
            slot = timerSlots++;
        }
        timers[slot] = action;
        schedule(time, TIMER, slot, 0, 0);
    }

    /** Processes events until the queue is empty or {@link #stop()} is called. */
    public void run() {
        stopped = false;
        while (!stopped && !queue.isEmpty()) {
            queue.pop();
            now = queue.time();
            processed++;
            handlers[queue.kind()].handle(queue.first(), queue.second(), queue.third());
        }
    }

    /** Makes {@link #run()} return after the current event. */
    public void stop() {
        stopped = true;
    }

    private void runTimer(int slot) {
        Runnable action = timers[slot];
        timers[slot] = null;
        freeTimers[freeTimerCount++] = slot;
        action.run();
    }
}

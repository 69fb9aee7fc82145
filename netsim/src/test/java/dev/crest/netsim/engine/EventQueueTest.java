package dev.crest.netsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The heap pops in (time, insertion order), checked against a stable sort. */
class EventQueueTest {
    @Property(tries = 50)
    void popsInTimeThenInsertionOrder(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 20) Integer> times) {
        EventQueue queue = new EventQueue();
        List<int[]> expected = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            queue.push(times.get(i) * 0.5, 7, i, -i, 2 * i);
            expected.add(new int[] {times.get(i), i});
        }
        expected.sort(Comparator.comparingInt((int[] e) -> e[0])); // stable: equal times keep insertion order
        for (int[] event : expected) {
            queue.pop();
            assertThat(queue.time()).isEqualTo(event[0] * 0.5);
            assertThat(queue.first()).isEqualTo(event[1]);
            assertThat(queue.second()).isEqualTo(-event[1]);
            assertThat(queue.third()).isEqualTo(2 * event[1]);
            assertThat(queue.kind()).isEqualTo(7);
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void interleavedPushesAndPopsStayOrdered() {
        EventQueue queue = new EventQueue();
        queue.push(5, 1, 0, 0, 0);
        queue.push(1, 1, 1, 0, 0);
        queue.pop();
        assertThat(queue.first()).isEqualTo(1);
        queue.push(3, 1, 2, 0, 0);
        queue.push(5, 1, 3, 0, 0);
        queue.pop();
        assertThat(queue.first()).isEqualTo(2);
        queue.pop();
        assertThat(queue.first()).isEqualTo(0);
        queue.pop();
        assertThat(queue.first()).isEqualTo(3);
        assertThatThrownBy(queue::pop).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void schedulerRunsTimersInOrderAndCountsEvents() {
        Scheduler scheduler = new Scheduler();
        List<String> log = new ArrayList<>();
        int kind = scheduler.register((a, b, c) -> log.add("event" + a + "@" + scheduler.now()));
        scheduler.at(2.0, () -> log.add("timer@" + scheduler.now()));
        scheduler.schedule(1.0, kind, 9, 0, 0);
        scheduler.at(1.0, () -> {
            log.add("second@" + scheduler.now());
            scheduler.at(1.0, () -> log.add("nested@" + scheduler.now()));
        });

        scheduler.run();

        assertThat(log).containsExactly("event9@1.0", "second@1.0", "nested@1.0", "timer@2.0");
        assertThat(scheduler.eventsProcessed()).isEqualTo(4);
        assertThatThrownBy(() -> scheduler.at(1.0, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.crest.tensor.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import dev.crest.tensor.autodiff.Tape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialTest {
    @Test
    void chainsLayersAndNamesParametersByIndex() {
        SplittableRandom random = new SplittableRandom(1);
        Linear first = new Linear(4, 3, random);
        Linear second = new Linear(3, 2, random);
        Sequential model = new Sequential(new Flatten(), first, new ReLU(), second);
        assertThat(model.parameters()).containsExactly(first.weight(), first.bias(), second.weight(), second.bias());
        assertThat(model.namedParameters().keySet()).containsExactly("1.weight", "1.bias", "3.weight", "3.bias");

        Tensor x = Tensor.ofFloats(Shape.of(1, 2, 2), 1, -1, 0.5f, 2);
        Tape tape = new Tape();
        Tensor chained = model.forward(tape, tape.constant(x)).value();
        Tape manual = new Tape();
        Tensor byHand = second.forward(manual, new ReLU().forward(manual,
                first.forward(manual, manual.constant(x.reshape(Shape.of(1, 4)))))).value();
        assertThat(chained.sameAs(byHand)).isTrue();
    }
}

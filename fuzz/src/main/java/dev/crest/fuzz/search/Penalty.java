package dev.crest.fuzz.search;

/**
 * A hinge on one element: zero where the element satisfies its bound, growing linearly with the violation
 * elsewhere. Its slope is the exact derivative, so a violated element always gets a unit push back.
 */
interface Penalty {
    double value(double x);

    double slope(double x);

    /** {@code x >= bound}. */
    static Penalty atLeast(double bound) {
        return new Penalty() {
            @Override
            public double value(double x) {
                return Math.max(0, bound - x);
            }

            @Override
            public double slope(double x) {
                return x < bound ? -1 : 0;
            }
        };
    }

    /** {@code x <= bound}. */
    static Penalty atMost(double bound) {
        return new Penalty() {
            @Override
            public double value(double x) {
                return Math.max(0, x - bound);
            }

            @Override
            public double slope(double x) {
                return x > bound ? 1 : 0;
            }
        };
    }

    /** {@code |x| <= bound}. */
    static Penalty magnitudeAtMost(double bound) {
        return new Penalty() {
            @Override
            public double value(double x) {
                return Math.max(0, Math.abs(x) - bound);
            }

            @Override
            public double slope(double x) {
                return Math.abs(x) > bound ? Math.signum(x) : 0;
            }
        };
    }

    /** {@code |x| >= bound}; an exact zero is pushed up. */
    static Penalty magnitudeAtLeast(double bound) {
        return new Penalty() {
            @Override
            public double value(double x) {
                return Math.max(0, bound - Math.abs(x));
            }

            @Override
            public double slope(double x) {
                return Math.abs(x) < bound ? (x < 0 ? 1 : -1) : 0;
            }
        };
    }
}

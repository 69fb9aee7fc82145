package dev.crest.ame.games;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The threshold game: U(S) = 1 when at least {@code threshold} of the designated members are in S, else 0.
 * The AME paper's synthetic check uses N = 1,000 with U = 1 when at least 2 of the first 3 are present
 * (Shapley value 1/3 for each of the three, 0 for everyone else).
 */
public final class ThresholdGame implements KnownGame {
    private final int players;
    private final int[] members;
    private final BitSet memberSet = new BitSet();
    private final int threshold;

    /**
     * @param players   N
     * @param members   the distinct players that count towards the threshold
     * @param threshold how many members must be present, 1 ≤ threshold ≤ members.length
     */
    public ThresholdGame(int players, int[] members, int threshold) {
        if (threshold < 1 || threshold > members.length) {
            throw new IllegalArgumentException("threshold " + threshold + " outside 1.." + members.length);
        }
        for (int m : members) {
            if (m < 0 || m >= players || memberSet.get(m)) {
                throw new IllegalArgumentException("member " + m + " is out of range or repeated");
            }
            memberSet.set(m);
        }
        this.players = players;
        this.members = members.clone();
        this.threshold = threshold;
    }

    /** The paper's game: N players, U = 1 when at least 2 of players 0, 1, 2 are present. */
    public static ThresholdGame twoOfFirstThree(int players) {
        return new ThresholdGame(players, new int[] {0, 1, 2}, 2);
    }

    @Override
    public int players() {
        return players;
    }

    @Override
    public double utility(BitSet coalition) {
        BitSet present = (BitSet) coalition.clone();
        present.and(memberSet);
        return present.cardinality() >= threshold ? 1 : 0;
    }

    @Override
    public double[] shapleyValues() {
        // Non-members are null players; the members are symmetric and share U(all) − U(∅) = 1.
        return spread(1.0 / members.length);
    }

    @Override
    public double[] ameValues(double[] grid) {
        double sum = 0;
        for (double p : grid) {
            sum += pivotalProbability(p);
        }
        return spread(sum / grid.length);
    }

    @Override
    public double[] truncatedShapleyValues(double epsilon) {
        if (!(epsilon >= 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("epsilon must be in [0, 0.5), got " + epsilon);
        }
        // A member is pivotal when exactly threshold−1 of the other m−1 members are present:
        // C(m−1, t−1) p^a (1−p)^b with a = t−1, b = m−t; integrate the expanded polynomial over [ε, 1−ε].
        int a = threshold - 1;
        int b = members.length - threshold;
        double integral = 0;
        for (int k = 0; k <= b; k++) {
            int power = a + k + 1;
            double term = binomial(b, k) * (Math.pow(1 - epsilon, power) - Math.pow(epsilon, power)) / power;
            integral += (k % 2 == 0) ? term : -term;
        }
        return spread(binomial(members.length - 1, a) * integral / (1 - 2 * epsilon));
    }

    /** The probability that a member is pivotal when every other player is present with probability p. */
    public double pivotalProbability(double p) {
        int a = threshold - 1;
        int b = members.length - threshold;
        return binomial(members.length - 1, a) * Math.pow(p, a) * Math.pow(1 - p, b);
    }

    private double[] spread(double memberValue) {
        double[] values = new double[players];
        for (int m : members) {
            values[m] = memberValue;
        }
        return values;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    @Override
    public String toString() {
        return "ThresholdGame[players=" + players + ", members=" + Arrays.toString(members) + ", threshold="
                + threshold + "]";
    }
}

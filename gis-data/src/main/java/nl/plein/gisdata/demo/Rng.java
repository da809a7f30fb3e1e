package nl.plein.gisdata.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The only source of randomness in the demo generator.
 *
 * <p>Every generator gets its own stream derived from the fixed seed and a name, so changing how
 * much randomness one generator consumes does not reshuffle the output of the others. Only
 * {@link StrictMath} is used for transcendental functions: {@link Math} may use platform
 * intrinsics, and the demo must come out bit-for-bit the same on every machine.
 */
final class Rng {

    private final SplittableRandom random;

    Rng(long seed, String stream) {
        // String.hashCode is specified by the language, so this mix is stable across JVMs.
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream.hashCode());
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [min, max). */
    double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [min, max], both inclusive. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Standard normal deviate (Box–Muller), computed with StrictMath for reproducibility. */
    double gaussian() {
        double u = 1.0 - random.nextDouble(); // in (0, 1], so the logarithm is finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** A log-normally distributed positive weight with median 1; larger sigma, heavier tail. */
    double logNormal(double sigma) {
        return StrictMath.exp(sigma * gaussian());
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** Index chosen with probability proportional to its (non-negative) weight. */
    int pickWeighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}

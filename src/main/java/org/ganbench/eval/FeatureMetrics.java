package org.ganbench.eval;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ganbench.common.CancellationToken;

/**
 * Distances between two sets of feature vectors (rows of {@code dim} floats): Frechet distance, kernel inception
 * distance (cubic polynomial kernel, unbiased) and precision / recall / density / coverage (Naeem et al. 2020).
 *
 * <p>Documented values: identical feature vectors are allowed (covariances may be singular; the matrix square root
 * is taken on clamped non-negative eigenvalues). PRDC uses strict "closer than the k-th neighbour" tests as the
 * authors' code does, so a real point with k identical copies (radius 0) covers nothing.
 */
public final class FeatureMetrics {
    /** Neighbourhood size of PRDC, as recommended by Naeem et al. */
    public static final int PRDC_K = 5;

    /** Precision, recall, density and coverage with the sample counts they were computed on. */
    public record Prdc(double precision, double recall, double density, double coverage, int k, int real, int fake) {
    }

    private FeatureMetrics() {
    }

    /** ||mu_a - mu_b||^2 + tr(S_a + S_b - 2 (S_a S_b)^1/2), covariances with n - 1 in the denominator. */
    public static double frechetDistance(float[] a, float[] b, int dim) {
        int na = rows(a, dim, 2, "Frechet distance");
        int nb = rows(b, dim, 2, "Frechet distance");
        double[] muA = mean(a, na, dim);
        double[] muB = mean(b, nb, dim);
        RealMatrix covA = covariance(a, na, dim, muA);
        RealMatrix covB = covariance(b, nb, dim, muB);
        double meanTerm = 0;
        for (int k = 0; k < dim; k++) {
            meanTerm += (muA[k] - muB[k]) * (muA[k] - muB[k]);
        }
        // tr sqrt(S_a S_b) = tr sqrt(S_a^1/2 S_b S_a^1/2), and the latter is symmetric positive semi-definite.
        RealMatrix rootA = symmetricSqrt(covA);
        RealMatrix inner = rootA.multiply(covB).multiply(rootA);
        inner = inner.add(inner.transpose()).scalarMultiply(0.5);
        double traceRoot = 0;
        for (double ev : new EigenDecomposition(inner).getRealEigenvalues()) {
            traceRoot += Math.sqrt(Math.max(0, ev));
        }
        return Math.max(0, meanTerm + covA.getTrace() + covB.getTrace() - 2 * traceRoot);
    }

    /**
     * Unbiased squared MMD with the kernel (x.y / dim + 1)^3 (Binkowski et al. 2018), over the whole sets; small
     * negative values are possible for near-identical distributions and are reported as they are.
     */
    public static double kernelInceptionDistance(float[] a, float[] b, int dim, CancellationToken cancel) {
        int na = rows(a, dim, 2, "KID");
        int nb = rows(b, dim, 2, "KID");
        double kaa = kernelSum(a, na, a, na, dim, true, cancel);
        double kbb = kernelSum(b, nb, b, nb, dim, true, cancel);
        double kab = kernelSum(a, na, b, nb, dim, false, cancel);
        return kaa / ((double) na * (na - 1)) + kbb / ((double) nb * (nb - 1)) - 2 * kab / ((double) na * nb);
    }

    /** PRDC of {@code fake} against {@code real} with k = 5 (Euclidean distances). */
    public static Prdc prdc(float[] real, float[] fake, int dim, CancellationToken cancel) {
        int nr = rows(real, dim, PRDC_K + 1, "precision/recall/density/coverage");
        int nf = rows(fake, dim, PRDC_K + 1, "precision/recall/density/coverage");
        float[] realRadii = kthNeighbourDistances(real, nr, dim, cancel);
        float[] fakeRadii = kthNeighbourDistances(fake, nf, dim, cancel);
        float[] realToFake = distances(real, nr, fake, nf, dim, cancel);
        long precise = 0;
        long densityCount = 0;
        for (int j = 0; j < nf; j++) {
            boolean inside = false;
            for (int i = 0; i < nr; i++) {
                if (realToFake[i * nf + j] < realRadii[i]) {
                    inside = true;
                    densityCount++;
                }
            }
            if (inside) {
                precise++;
            }
        }
        long recalled = 0;
        long covered = 0;
        for (int i = 0; i < nr; i++) {
            boolean recall = false;
            float nearest = Float.POSITIVE_INFINITY;
            for (int j = 0; j < nf; j++) {
                float d = realToFake[i * nf + j];
                recall |= d < fakeRadii[j];
                nearest = Math.min(nearest, d);
            }
            if (recall) {
                recalled++;
            }
            if (nearest < realRadii[i]) {
                covered++;
            }
        }
        return new Prdc((double) precise / nf, (double) recalled / nr, (double) densityCount / PRDC_K / nf,
                (double) covered / nr, PRDC_K, nr, nf);
    }

    private static int rows(float[] features, int dim, int min, String metric) {
        if (dim < 1 || features.length % dim != 0) {
            throw new IllegalArgumentException("feature array of " + features.length + " floats is not rows of " + dim);
        }
        int n = features.length / dim;
        if (n < min) {
            throw new IllegalArgumentException(metric + " needs at least " + min + " samples per set, got " + n);
        }
        return n;
    }

    private static double[] mean(float[] x, int n, int dim) {
        double[] mu = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                mu[k] += x[i * dim + k];
            }
        }
        for (int k = 0; k < dim; k++) {
            mu[k] /= n;
        }
        return mu;
    }

    private static RealMatrix covariance(float[] x, int n, int dim, double[] mu) {
        double[][] cov = IntStream.range(0, dim).parallel().mapToObj(p -> {
            double[] row = new double[dim];
            for (int i = 0; i < n; i++) {
                double dp = x[i * dim + p] - mu[p];
                int o = i * dim;
                for (int q = 0; q < dim; q++) {
                    row[q] += dp * (x[o + q] - mu[q]);
                }
            }
            for (int q = 0; q < dim; q++) {
                row[q] /= n - 1;
            }
            return row;
        }).toArray(double[][]::new);
        return new Array2DRowRealMatrix(cov, false);
    }

    private static RealMatrix symmetricSqrt(RealMatrix m) {
        EigenDecomposition eig = new EigenDecomposition(m);
        RealMatrix v = eig.getV();
        double[] ev = eig.getRealEigenvalues();
        int n = ev.length;
        RealMatrix scaled = v.copy();
        for (int j = 0; j < n; j++) {
            double root = Math.sqrt(Math.max(0, ev[j]));
            for (int i = 0; i < n; i++) {
                scaled.setEntry(i, j, scaled.getEntry(i, j) * root);
            }
        }
        return scaled.multiply(v.transpose());
    }

    /** Sum of the cubic kernel over all pairs (without the diagonal when {@code sameSet}). */
    private static double kernelSum(float[] a, int na, float[] b, int nb, int dim, boolean sameSet,
                                    CancellationToken cancel) {
        return IntStream.range(0, na).parallel().mapToDouble(i -> {
            cancel.throwIfCancelled();
            double s = 0;
            int oa = i * dim;
            for (int j = 0; j < nb; j++) {
                if (sameSet && i == j) {
                    continue;
                }
                int ob = j * dim;
                double dot = 0;
                for (int k = 0; k < dim; k++) {
                    dot += a[oa + k] * b[ob + k];
                }
                double base = dot / dim + 1;
                s += base * base * base;
            }
            return s;
        }).sum();
    }

    /** Euclidean distances between every row of {@code a} and every row of {@code b}: na x nb, row-major. */
    static float[] distances(float[] a, int na, float[] b, int nb, int dim, CancellationToken cancel) {
        float[] out = new float[na * nb];
        IntStream.range(0, na).parallel().forEach(i -> {
            cancel.throwIfCancelled();
            int oa = i * dim;
            for (int j = 0; j < nb; j++) {
                int ob = j * dim;
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double d = a[oa + k] - b[ob + k];
                    s += d * d;
                }
                out[i * nb + j] = (float) Math.sqrt(s);
            }
        });
        return out;
    }

    /** Distance of each row to its k-th nearest other row (the (k+1)-th smallest, counting itself at 0). */
    private static float[] kthNeighbourDistances(float[] x, int n, int dim, CancellationToken cancel) {
        float[] d = distances(x, n, x, n, dim, cancel);
        float[] radii = new float[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            float[] row = Arrays.copyOfRange(d, i * n, (i + 1) * n);
            Arrays.sort(row);
            radii[i] = row[PRDC_K];
        });
        return radii;
    }
}

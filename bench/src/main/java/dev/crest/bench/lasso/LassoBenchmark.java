package dev.crest.bench.lasso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.ame.lasso.LassoCrossValidation;
import dev.crest.ame.lasso.LassoFit;
import dev.crest.ame.lasso.LassoPath;
import dev.crest.ame.lasso.LassoSettings;
import dev.crest.ame.lasso.PathPoint;
import dev.crest.bench.BenchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Crest's cross-validated LASSO path against scikit-learn's {@code LassoCV} and R's {@code cv.glmnet} on the same
 * matrix in the same run (issue 6 of {@code crest ame}): a {@link LassoProblem} is written to disk, Crest fits all
 * outcome columns on the shared design, then each baseline reads the files and fits one cross-validation per
 * column on the same folds, 100 λ values down to 10⁻³·λ_max, an intercept and no standardization. Times exclude
 * loading the data. Every side runs on {@code --threads} threads: Crest's fork-join pool over outcome columns,
 * scikit-learn's {@code n_jobs} over folds, glmnet in that many forked R workers over columns.
 *
 * <p>To show that the sides solve the same problem, all three also fit outcome 0 on the full data at one shared
 * λ (Crest's CV minimum) with tight tolerances, and the largest coefficient difference is printed.
 */
public final class LassoBenchmark {
    private LassoBenchmark() {
    }

    /** Command-line settings. */
    record Options(int submodels, int points, int outcomes, int sklearnOutcomes, int glmnetOutcomes, int threads,
            int crestRounds, long seed, Path work, Path python, String rscript, Path scripts) {

        static Options parse(String[] args) {
            int submodels = 2000;
            int points = 10_000;
            int outcomes = 20;
            int sklearn = -1;
            int glmnet = -1;
            int threads = 2;
            int rounds = 2;
            long seed = 1;
            Path work = Path.of("bench/target/lasso");
            Path python = Path.of("/usr/bin/python3");
            String rscript = "Rscript";
            Path scripts = Path.of("bench/scripts");
            for (int k = 0; k < args.length; k += 2) {
                if (k + 1 >= args.length) {
                    throw new BenchException("option " + args[k] + " needs a value");
                }
                String value = args[k + 1];
                switch (args[k]) {
                    case "--submodels" -> submodels = Integer.parseInt(value);
                    case "--points" -> points = Integer.parseInt(value);
                    case "--outcomes" -> outcomes = Integer.parseInt(value);
                    case "--sklearn-outcomes" -> sklearn = Integer.parseInt(value);
                    case "--glmnet-outcomes" -> glmnet = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--crest-rounds" -> rounds = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--work" -> work = Path.of(value);
                    case "--python" -> python = Path.of(value);
                    case "--rscript" -> rscript = value;
                    case "--scripts" -> scripts = Path.of(value);
                    default -> throw new BenchException("unknown option " + args[k]
                            + "; see bench/README.md for the LASSO benchmark's options");
                }
            }
            sklearn = sklearn < 0 ? outcomes : Math.min(sklearn, outcomes);
            glmnet = glmnet < 0 ? outcomes : Math.min(glmnet, outcomes);
            if (rounds < 1) {
                throw new BenchException("--crest-rounds must be at least 1, got " + rounds);
            }
            return new Options(submodels, points, outcomes, sklearn, glmnet, threads, rounds, seed, work, python,
                    rscript, scripts);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.work());
        System.out.printf(Locale.ROOT, "LASSO path + %d-fold CV: %d submodels × %d points, %d outcome columns, %d threads per side%n",
                LassoSettings.defaults().folds(), options.submodels(), options.points(), options.outcomes(),
                options.threads());
        LassoProblem problem = LassoProblem.generate(options.submodels(), options.points(), options.outcomes(),
                options.seed());
        Path xFile = options.work().resolve("x.f64");
        Path yFile = options.work().resolve("y.f64");
        Path foldFile = options.work().resolve("folds.i32");
        Path checkFile = options.work().resolve("check-lambdas.f64");
        problem.writeDesign(xFile);
        problem.writeOutcomes(yFile);

        LassoSettings settings = LassoSettings.defaults();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        List<LassoFit> fits = null;
        int[] folds = null;
        List<Double> crestRounds = new ArrayList<>();
        for (int round = 0; round < options.crestRounds(); round++) { // the last round counts; earlier ones warm up
            long start = System.nanoTime();
            LassoCrossValidation cv = pool.submit(() -> new LassoCrossValidation(problem.design(), settings)).get();
            fits = pool.submit(() -> cv.fit(problem.outcomes())).get();
            crestRounds.add((System.nanoTime() - start) / 1e9);
            folds = cv.foldAssignment();
        }
        pool.shutdown();
        double crestSeconds = crestRounds.get(crestRounds.size() - 1);
        LassoProblem.writeInts(foldFile, folds);

        // The shared λ of the accuracy check: Crest's CV minimum for outcome 0, reached along Crest's own path.
        LassoFit first = fits.get(0);
        double[] checkLambdas = Arrays.copyOf(first.lambdas(), first.minimumIndex() + 1);
        double checkLambda = checkLambdas[checkLambdas.length - 1];
        LassoProblem.writeDoubles(checkFile, checkLambdas);
        List<PathPoint> crestCheck = new LassoPath(problem.design()).fit(problem.outcomes()[0], checkLambdas,
                settings.withTolerance(1e-14), false);
        double[] crestBeta = crestCheck.get(crestCheck.size() - 1).denseCoefficients(options.points());

        JsonNode sklearn = null;
        if (options.sklearnOutcomes() > 0) {
            sklearn = runJson(List.of(options.python().toString(),
                    options.scripts().resolve("lasso_sklearn.py").toString(), "--x", xFile.toString(), "--y",
                    yFile.toString(), "--folds", foldFile.toString(), "--rows", Integer.toString(options.submodels()),
                    "--columns", Integer.toString(options.points()), "--outcomes",
                    Integer.toString(options.outcomes()), "--fit-outcomes", Integer.toString(options.sklearnOutcomes()),
                    "--threads", Integer.toString(options.threads()), "--check-lambda", Double.toString(checkLambda)),
                    options.threads(), "scikit-learn (install python3-sklearn, see bench/scripts/install-baselines.sh)");
        }
        JsonNode glmnet = null;
        if (options.glmnetOutcomes() > 0) {
            glmnet = runJson(List.of(options.rscript(), options.scripts().resolve("lasso_glmnet.R").toString(),
                    xFile.toString(), yFile.toString(), foldFile.toString(), Integer.toString(options.submodels()),
                    Integer.toString(options.points()), Integer.toString(options.outcomes()),
                    Integer.toString(options.glmnetOutcomes()), Integer.toString(options.threads()),
                    checkFile.toString(), "0"),
                    options.threads(), "glmnet (install r-cran-glmnet, see bench/scripts/install-baselines.sh)");
        }

        double crestPerOutcome = crestSeconds / options.outcomes();
        System.out.println();
        System.out.println("| side | outcome columns fitted | wall s | s per outcome | ratio (side / Crest, per outcome) | λ_min outcome 0 | max |Δβ| vs Crest at λ = "
                + String.format(Locale.ROOT, "%.5g", checkLambda) + " |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| Crest | %d | %.2f | %.3f | 1 | %.5g | 0 (max |β| %.3g, %d nonzero) |%n",
                options.outcomes(), crestSeconds, crestPerOutcome, first.lambdas()[first.minimumIndex()],
                maxAbs(crestBeta), nonzero(crestBeta));
        if (sklearn != null) {
            double total = sum(sklearn.get("seconds"));
            int count = sklearn.get("seconds").size();
            System.out.printf(Locale.ROOT, "| scikit-learn %s LassoCV | %d | %.2f | %.3f | %.2f | %.5g | %.3g |%n",
                    sklearn.get("version").asText(), count, total, total / count, total / count / crestPerOutcome,
                    sklearn.get("lambda_min").get(0).asDouble(), maxDiff(crestBeta, sklearn.get("check_coefficients")));
        }
        if (glmnet != null) {
            double total = glmnet.get("total_seconds").asDouble();
            int count = glmnet.get("seconds").size();
            System.out.printf(Locale.ROOT, "| glmnet %s cv.glmnet | %d | %.2f | %.3f | %.2f | %.5g | %.3g |%n",
                    glmnet.get("version").asText(), count, total, total / count, total / count / crestPerOutcome,
                    glmnet.get("lambda_min").get(0).asDouble(), maxDiff(crestBeta, glmnet.get("check_coefficients")));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Crest rounds (s; the last one counts): %s%n", crestRounds);
        System.out.println(lambdaAgreement(fits, sklearn, "scikit-learn"));
        System.out.println(lambdaAgreement(fits, glmnet, "glmnet"));
    }

    private static String lambdaAgreement(List<LassoFit> fits, JsonNode side, String name) {
        if (side == null) {
            return name + ": not run";
        }
        JsonNode minima = side.get("lambda_min");
        double worst = 0;
        int same = 0;
        for (int q = 0; q < minima.size(); q++) {
            double crest = fits.get(q).lambdas()[fits.get(q).minimumIndex()];
            double relative = Math.abs(minima.get(q).asDouble() - crest) / crest;
            worst = Math.max(worst, relative);
            if (relative < 1e-6) {
                same++;
            }
        }
        return String.format(Locale.ROOT, "%s: CV minimum at the same λ as Crest for %d of %d outcome columns "
                + "(largest relative λ difference %.3g)", name, same, minima.size(), worst);
    }

    private static JsonNode runJson(List<String> command, int threads, String what) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        builder.environment().remove("OPENBLAS_CORETYPE");
        builder.environment().remove("OPENBLAS_L2_SIZE");
        String output;
        int exit;
        try {
            Process process = builder.start();
            try (InputStream stdout = process.getInputStream()) {
                output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            exit = process.waitFor();
        } catch (IOException e) {
            throw new BenchException("could not run " + command.get(0) + " for " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while running " + what, e);
        }
        if (exit != 0) {
            throw new BenchException("the baseline " + what + " failed with exit " + exit);
        }
        try {
            return new ObjectMapper().readTree(output);
        } catch (IOException e) {
            throw new BenchException("could not read the output of " + what + ": " + e.getMessage(), e);
        }
    }

    private static double sum(JsonNode values) {
        double s = 0;
        for (JsonNode v : values) {
            s += v.asDouble();
        }
        return s;
    }

    private static double maxDiff(double[] crest, JsonNode other) {
        double worst = 0;
        for (int i = 0; i < crest.length; i++) {
            worst = Math.max(worst, Math.abs(crest[i] - other.get(i).asDouble()));
        }
        return worst;
    }

    private static double maxAbs(double[] v) {
        return Arrays.stream(v).map(Math::abs).max().orElse(0);
    }

    private static long nonzero(double[] v) {
        return Arrays.stream(v).filter(b -> b != 0).count();
    }
}

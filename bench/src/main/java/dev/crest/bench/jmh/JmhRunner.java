package dev.crest.bench.jmh;

import dev.crest.bench.BenchException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of one class through JMH's API (forked JVMs inherit this JVM's flags) and returns
 * their mean times in milliseconds.
 */
public final class JmhRunner {
    private JmhRunner() {
    }

    /**
     * Runs the benchmark methods of {@code benchmarkClass} whose names match {@code methodRegex}, with
     * {@code params} overriding {@code @Param} values.
     */
    public static List<JmhScore> run(Class<?> benchmarkClass, String methodRegex, JmhSettings settings,
            Map<String, String[]> params) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(benchmarkClass.getName() + "\\." + methodRegex + "$")
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .measurementIterations(settings.measurementIterations())
                .warmupTime(TimeValue.milliseconds(settings.iterationMillis()))
                .measurementTime(TimeValue.milliseconds(settings.iterationMillis()))
                .timeUnit(TimeUnit.MILLISECONDS)
                .shouldFailOnError(true);
        params.forEach(options::param);
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException e) {
            throw new BenchException("JMH failed for " + benchmarkClass.getSimpleName() + ": " + e.getMessage(), e);
        }
        List<JmhScore> scores = new ArrayList<>();
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            if (!"ms/op".equals(primary.getScoreUnit())) {
                throw new IllegalStateException("expected ms/op from JMH, got " + primary.getScoreUnit());
            }
            String benchmark = result.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : result.getParams().getParamsKeys()) {
                values.put(key, result.getParams().getParam(key));
            }
            scores.add(new JmhScore(method, values, primary.getScore(), primary.getScoreError()));
        }
        return scores;
    }
}

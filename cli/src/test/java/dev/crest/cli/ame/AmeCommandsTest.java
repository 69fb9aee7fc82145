package dev.crest.cli.ame;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crest.ame.data.IdxWriter;
import dev.crest.cli.CliRunner;
import dev.crest.tensor.Shape;
import dev.crest.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class AmeCommandsTest {
    /** Training points; the last one is the only example of class 1, so it alone makes class 1 predictable. */
    private static final int POINTS = 24;
    private static final int PLANTED = POINTS - 1;

    @TempDir
    Path dir;

    /** Class 0 scattered around (−1, 0); the single class-1 point at (2, 2). */
    private Path writeTraining() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int i = 0; i < PLANTED; i++) {
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,0%n", -1 + 0.5 * random.nextGaussian(),
                    0.5 * random.nextGaussian()));
        }
        csv.append("2,2,1\n");
        Path file = dir.resolve("train.csv");
        Files.writeString(file, csv);
        return file;
    }

    private Path writeTest() throws IOException {
        Path file = dir.resolve("test.csv");
        Files.writeString(file, "x,y,label\n2,2,1\n-1,0,0\n");
        return file;
    }

    private CliRunner.Result run(Path out, int submodels, String... extra) throws IOException {
        return runQueries("0,1", out, submodels, extra);
    }

    private CliRunner.Result runQueries(String queries, Path out, int submodels, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("ame", "run", "--train", writeTraining().toString(), "--test",
                writeTest().toString(), "--queries", queries, "--learner", "logreg", "--outcome", "prob:target=1",
                "--submodels", Integer.toString(submodels), "--steps", "200", "--seed", "3", "--threads", "2",
                "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static List<String[]> scoreRows(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("scores.csv"));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(","));
        }
        return rows;
    }

    @Test
    void runScoresEveryPointAndFindsThePlantedOne() throws IOException {
        Path out = dir.resolve("out");
        Path truth = dir.resolve("truth.txt");
        Files.writeString(truth, PLANTED + "\n");
        CliRunner.Result result = run(out, 200, "--knockoff", "plain", "--ground-truth", truth.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();

        List<String> lines = Files.readAllLines(out.resolve("scores.csv"));
        assertThat(lines.get(0)).isEqualTo("query,point,ame,selected");
        List<String[]> rows = scoreRows(out);
        assertThat(rows).hasSize(2 * POINTS);
        int best = -1;
        double bestAme = Double.NEGATIVE_INFINITY;
        for (String[] row : rows) {
            if (row[0].equals("0") && Double.parseDouble(row[2]) > bestAme) {
                bestAme = Double.parseDouble(row[2]);
                best = Integer.parseInt(row[1]);
            }
        }
        assertThat(best).as(Files.readString(out.resolve("scores.csv"))).isEqualTo(PLANTED);
        assertThat(bestAme).isPositive();
        assertThat(rows.get(PLANTED)).containsExactly("0", Integer.toString(PLANTED), rows.get(PLANTED)[2], "true");

        JsonNode selected = new ObjectMapper().readTree(out.resolve("selected.json").toFile());
        assertThat(selected.get("submodels").asInt()).isEqualTo(200);
        assertThat(selected.get("settings").get("fdr").asDouble()).isEqualTo(0.1);
        assertThat(selected.get("settings").get("seed").asText()).isEqualTo("3");
        JsonNode first = selected.get("queries").get(0);
        assertThat(first.get("query").asInt()).isZero();
        List<Integer> chosen = new ArrayList<>();
        first.get("helping").get("selected").forEach(n -> chosen.add(n.asInt()));
        assertThat(chosen).contains(PLANTED);
        assertThat(first.get("helping").get("threshold").isNumber()).isTrue();
        assertThat(out.resolve("outcomes.ckpt")).exists();
        assertThat(result.out()).contains("query 0:");

        String page = Files.readString(out.resolve("index.html"));
        assertThat(page).contains("Query 0", "Query 1", "Top 20 points by AME", "Scores of query 0",
                "recall 1.000");
        // Tabular data has no thumbnails.
        assertThat(page).doesNotContain("<img");
    }

    @Test
    void resumingAnInterruptedRunGivesTheUninterruptedScores() throws IOException {
        Path whole = dir.resolve("whole");
        assertThat(run(whole, 24).exitCode()).isZero();

        Path parts = dir.resolve("parts");
        assertThat(run(parts, 12).exitCode()).isZero();
        // A crash mid-write leaves half a record at the end of the checkpoint.
        Path checkpoint = parts.resolve("outcomes.ckpt");
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, Arrays.copyOf(bytes, bytes.length - 7));
        CliRunner.Result resumed = run(parts, 24, "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();

        assertThat(Files.readString(parts.resolve("scores.csv")))
                .isEqualTo(Files.readString(whole.resolve("scores.csv")));
    }

    @Test
    void estimateRefitsFromTheStoredOutcomes() throws IOException {
        Path out = dir.resolve("out");
        assertThat(run(out, 30).exitCode()).isZero();
        String scores = Files.readString(out.resolve("scores.csv"));

        CliRunner.Result same = CliRunner.run("ame", "estimate", "--from", out.toString());
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(Files.readString(out.resolve("scores.csv"))).isEqualTo(scores);

        CliRunner.Result other = CliRunner.run("ame", "estimate", "--from", out.toString(), "--fdr", "0.4",
                "--knockoff", "plain", "--json");
        assertThat(other.exitCode()).as(other.err()).isZero();
        JsonNode printed = new ObjectMapper().readTree(other.out());
        JsonNode written = new ObjectMapper().readTree(out.resolve("selected.json").toFile());
        assertThat(printed).isEqualTo(written);
        assertThat(written.get("settings").get("fdr").asDouble()).isEqualTo(0.4);
        assertThat(written.get("settings").get("knockoff").asText()).isEqualTo("plain");
        assertThat(written.get("submodels").asInt()).isEqualTo(30);
        // The AME column does not depend on the FDR level or knockoff variant.
        List<String[]> rows = scoreRows(out);
        List<String> original = scores.lines().skip(1).toList();
        for (int k = 0; k < rows.size(); k++) {
            assertThat(rows.get(k)[2]).isEqualTo(original.get(k).split(",")[2]);
        }
    }

    @Test
    void combinedQueriesAreScoredAsOneMeanOutcome() throws IOException {
        Path out = dir.resolve("out");
        CliRunner.Result result = run(out, 120, "--combine-queries", "--knockoff", "plain");
        assertThat(result.exitCode()).as(result.err()).isZero();

        List<String[]> rows = scoreRows(out);
        assertThat(rows).hasSize(POINTS).allMatch(row -> row[0].equals(AmeScores.COMBINED));
        String best = rows.stream().max((a, b) -> Double.compare(Double.parseDouble(a[2]), Double.parseDouble(b[2])))
                .orElseThrow()[1];
        // The planted point raises the class-1 probability of both queries, so it leads their mean too.
        assertThat(best).isEqualTo(Integer.toString(PLANTED));
        JsonNode selected = new ObjectMapper().readTree(out.resolve("selected.json").toFile());
        assertThat(selected.get("queries")).hasSize(1);
        JsonNode combined = selected.get("queries").get(0);
        assertThat(combined.get("query").asText()).isEqualTo(AmeScores.COMBINED);
        assertThat(combined.get("rows").toString()).isEqualTo("[0,1]");
        assertThat(selected.get("settings").get("combine-queries").asBoolean()).isTrue();
        assertThat(result.out()).contains("query mean:");
    }

    /** The CSV set as 24 IDX images of 3×3 pixels: the planted class-1 image is bright, the others dark. */
    private void writeImages(String name) {
        float[] pixels = new float[POINTS * 9];
        int[] labels = new int[POINTS];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < POINTS; i++) {
            labels[i] = i == PLANTED ? 1 : 0;
            for (int p = 0; p < 9; p++) {
                pixels[i * 9 + p] = i == PLANTED ? 1f : (float) (0.3 * random.nextDouble());
            }
        }
        IdxWriter.writeImages(dir.resolve(name + "-images.gz"), Tensor.wrapFloat32(Shape.of(POINTS, 3, 3), pixels));
        IdxWriter.writeLabels(dir.resolve(name + "-labels.gz"), labels);
    }

    @Test
    void theReportShowsAThumbnailAndLabelForEveryListedImagePoint() throws IOException {
        writeImages("train");
        Path out = dir.resolve("out");
        CliRunner.Result result = CliRunner.run("ame", "run", "--train", dir.resolve("train-images.gz").toString(),
                "--train-labels", dir.resolve("train-labels.gz").toString(),
                "--test", dir.resolve("train-images.gz").toString(),
                "--test-labels", dir.resolve("train-labels.gz").toString(), "--queries", PLANTED + "",
                "--outcome", "prob:target=1", "--submodels", "20", "--steps", "20", "--threads", "1",
                "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();

        List<Element> images = images(out.resolve("index.html"));
        List<String> descriptions = images.stream().map(image -> image.getAttribute("alt")).toList();
        assertThat(descriptions).hasSize(AmeHtmlReport.TOP);
        assertThat(images).allMatch(image -> image.getAttribute("src").startsWith("data:image/png;base64,"));
        for (String description : descriptions) {
            int point = Integer.parseInt(description.replaceAll("training point (\\d+), label \\d+", "$1"));
            assertThat(description).isEqualTo("training point " + point + ", label " + (point == PLANTED ? 1 : 0));
        }

        // A refit shows thumbnails only when given the training set.
        assertThat(CliRunner.run("ame", "estimate", "--from", out.toString()).exitCode()).isZero();
        assertThat(images(out.resolve("index.html"))).isEmpty();
        CliRunner.Result refit = CliRunner.run("ame", "estimate", "--from", out.toString(), "--train",
                dir.resolve("train-images.gz").toString(), "--train-labels", dir.resolve("train-labels.gz").toString());
        assertThat(refit.exitCode()).as(refit.err()).isZero();
        assertThat(images(out.resolve("index.html"))).hasSize(AmeHtmlReport.TOP);
    }

    /** The {@code img} elements of a report page, read as the XML it also is. */
    private static List<Element> images(Path page) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList nodes = factory.newDocumentBuilder().parse(page.toFile())
                    .getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "img");
            List<Element> images = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                images.add((Element) nodes.item(i));
            }
            return images;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("the report is not well-formed XHTML: " + e, e);
        }
    }

    private static void assertOneLineError(CliRunner.Result result, String fragment) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("crest: error: ").contains(fragment);
    }

    @Test
    void raggedCsvIsAOneLineError() throws IOException {
        Path train = dir.resolve("ragged.csv");
        Files.writeString(train, "1,2,0\n3,1\n");
        CliRunner.Result result = CliRunner.run("ame", "run", "--train", train.toString(), "--test",
                writeTest().toString(), "--queries", "0", "--outcome", "prob:target=1", "--submodels", "5",
                "--out", dir.resolve("out").toString());
        assertOneLineError(result, "line 2");
    }

    @Test
    void labelOutOfRangeIsAOneLineError() throws IOException {
        Path train = dir.resolve("labels.csv");
        Files.writeString(train, "1,2,0\n3,1,5\n");
        CliRunner.Result result = CliRunner.run("ame", "run", "--train", train.toString(), "--test",
                writeTest().toString(), "--queries", "0", "--outcome", "prob:target=1", "--classes", "2",
                "--submodels", "5", "--out", dir.resolve("out").toString());
        assertOneLineError(result, "label 5 is out of range");
    }

    @Test
    void queryOutOfRangeIsAOneLineError() throws IOException {
        CliRunner.Result result = runQueries("7", dir.resolve("out"), 5);
        assertOneLineError(result, "query index 7 is out of range");
    }

    @Test
    void fdrOutsideTheUnitIntervalIsAOneLineError() throws IOException {
        assertOneLineError(run(dir.resolve("out"), 5, "--fdr", "1.5"), "--fdr must be strictly between 0 and 1");
        assertOneLineError(run(dir.resolve("out"), 5, "--fdr", "0"), "--fdr must be strictly between 0 and 1");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void groundTruthOutOfRangeIsRefusedBeforeTraining() throws IOException {
        Path truth = dir.resolve("truth.txt");
        Files.writeString(truth, "3\n" + POINTS + "\n");
        assertOneLineError(run(dir.resolve("out"), 5, "--ground-truth", truth.toString()),
                "point " + POINTS + " is out of range");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void resumingWithOtherSettingsIsRefused() throws IOException {
        Path out = dir.resolve("out");
        assertThat(run(out, 6).exitCode()).isZero();
        assertOneLineError(run(out, 6, "--resume", "--grid", "0.3,0.7"), "grid=0.2,0.4,0.6,0.8");
    }

    @Test
    void estimateWithoutARunIsAOneLineError() {
        CliRunner.Result result = CliRunner.run("ame", "estimate", "--from", dir.resolve("nothing").toString());
        assertOneLineError(result, "no checkpoint");
    }

    @Test
    void existingOutputWithoutResumeIsRefused() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "earlier work");
        assertOneLineError(run(out, 5), "already exists; add --resume");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("earlier work");
    }
}

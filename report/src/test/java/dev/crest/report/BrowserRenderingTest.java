package dev.crest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the written report in headless Chromium, when it is installed, to check a real browser's view of it. */
class BrowserRenderingTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    private Path index;

    @BeforeEach
    void writeReport() {
        assumeThat(Files.isExecutable(CHROMIUM)).as("Chromium is not installed at " + CHROMIUM).isTrue();
        index = HtmlReportTest.sweepReport().writeTo(tmp.resolve("report"));
    }

    @Test
    void screenshotShowsAPageWithColouredCharts() throws Exception {
        Path png = tmp.resolve("page.png");
        run("--window-size=1000,1800", "--screenshot=" + png, index.toUri().toString());
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        Set<Integer> colours = new HashSet<>();
        int white = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                white += rgb == 0xFFFFFF ? 1 : 0;
            }
        }
        int samples = (image.getHeight() / 2) * (image.getWidth() / 2);
        assertThat(white).as("mostly white page").isGreaterThan(samples / 2).isLessThan(samples);
        // The charts' palette blue (0,114,178) is drawn, anti-aliasing aside.
        assertThat(colours).anySatisfy(rgb -> assertThat(near(rgb, 0x0072B2)).isTrue());
        assertThat(colours.size()).isGreaterThan(50);
    }

    @Test
    void browserParsesTheSameStructureAndRunsNoScript() throws Exception {
        String dom = run("--dump-dom", index.toUri().toString());
        assertThat(dom).contains("<h1>Netsim sweep</h1>", "href=\"#sec-speed-up\"", "id=\"sec-speed-up\"");
        assertThat(dom).doesNotContain("<script");
        assertThat(countOf(dom, "<svg")).isEqualTo(2);
        assertThat(countOf(dom, "<td class=\"num\">")).isEqualTo(6);
    }

    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("profile")));
        command.addAll(List.of(arguments));
        Path stdout = tmp.resolve("chromium.out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(tmp.resolve("chromium.err").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within two minutes");
        }
        assertThat(process.exitValue()).as(Files.readString(tmp.resolve("chromium.err"))).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static boolean near(int rgb, int target) {
        int dr = ((rgb >> 16) & 0xFF) - ((target >> 16) & 0xFF);
        int dg = ((rgb >> 8) & 0xFF) - ((target >> 8) & 0xFF);
        int db = (rgb & 0xFF) - (target & 0xFF);
        return Math.abs(dr) <= 6 && Math.abs(dg) <= 6 && Math.abs(db) <= 6;
    }

    private static int countOf(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}

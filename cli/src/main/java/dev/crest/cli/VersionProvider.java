package dev.crest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Supplies {@code crest --version}: Crest's version (filtered in by Maven) and the Java runtime. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    /** The Crest version recorded at build time. */
    public static String crestVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/crest-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "crest " + crestVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}

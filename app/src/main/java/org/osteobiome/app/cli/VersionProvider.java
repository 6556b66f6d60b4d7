package org.osteobiome.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version from the build, for {@code --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The project version this build was made from. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/osteobiome/app/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"osteobiome " + version(), "Research software for the gut–immune–bone axis; not a diagnostic device."};
    }
}

package io.edgefleet.update.release;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.edgefleet.update.config.UpdateConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the shared release catalog at start: the shipped {@code releases/catalog.yaml}, or the file
 * {@code edgefleet.update.catalog-file} names. A release in it that is not well formed stops the
 * service with the field at fault: a catalog is a release artefact, better refused than half-read.
 */
@ApplicationScoped
public class CatalogFile {

    private static final Logger LOG = Logger.getLogger(CatalogFile.class);
    private static final String SHIPPED = "/releases/catalog.yaml";
    private static final ObjectMapper YAML = new YAMLMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** The file: a list of releases. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Catalog(List<ReleaseSpec> releases) {
    }

    private final ReleaseCatalog catalog;
    private final UpdateConfig config;

    public CatalogFile(ReleaseCatalog catalog, UpdateConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        Catalog file = read();
        int changed = catalog.seed(file.releases() == null ? List.of() : file.releases());
        LOG.infof("release catalog %s: %d releases, %d added or changed", config.catalogFile().orElse(SHIPPED),
                file.releases() == null ? 0 : file.releases().size(), changed);
    }

    /** Parses a catalog document. */
    public static Catalog parse(InputStream in) throws IOException {
        return YAML.readValue(in, Catalog.class);
    }

    private Catalog read() {
        try (InputStream in = config.catalogFile().isPresent() ? Files.newInputStream(Path.of(config.catalogFile().get()))
                : CatalogFile.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the service");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the release catalog: " + e.getMessage(), e);
        }
    }
}

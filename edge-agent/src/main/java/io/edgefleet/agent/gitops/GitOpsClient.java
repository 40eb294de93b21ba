package io.edgefleet.agent.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/** gitops-service's device API: the machine's desired configurations, and their state on its cluster. */
public class GitOpsClient {

    /** A desired set is at most a few hundred KiB (256 configurations of bounded size); more is refused. */
    private static final int MAX_SET_BYTES = 4 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final URI configurations;
    private final URI status;
    private final Supplier<String> accessToken;
    private final ObjectMapper json;

    public GitOpsClient(HttpClient http, URI gitopsUrl, Supplier<String> accessToken, ObjectMapper json) {
        this.http = http;
        this.configurations = URI.create(gitopsUrl.toString().replaceFirst("/$", "") + "/api/v1/agent/configurations");
        this.status = URI.create(configurations + "/status");
        this.accessToken = accessToken;
        this.json = json;
    }

    public DesiredSet fetch() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request(configurations).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_SET_BYTES + 1);
            if (response.statusCode() != 200) {
                throw new IOException("gitops-service answered " + response.statusCode() + ": " + problem(bytes));
            }
            if (bytes.length > MAX_SET_BYTES) {
                throw new IOException("gitops-service sent a desired set larger than " + MAX_SET_BYTES + " bytes");
            }
            return json.readValue(bytes, DesiredSet.class);
        }
    }

    public void report(ObjectNode report) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(status).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(report))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 409) {
            throw new StaleSet(problem(response.body().getBytes(StandardCharsets.UTF_8)));
        }
        if (response.statusCode() != 204) {
            throw new IOException("gitops-service refused the status report with " + response.statusCode() + ": "
                    + problem(response.body().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The report was refused as from a set no longer current (another machine of the cluster applies now). */
    static final class StaleSet extends IOException {
        StaleSet(String problem) {
            super("gitops-service refused the status report as from an outdated set: " + problem);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", "Bearer " + accessToken.get())
                .header("Accept", "application/json");
    }

    /** The problem's title and detail: never the whole body, which may be anything. */
    private String problem(byte[] body) {
        try {
            var problem = json.readTree(body);
            return problem.path("title").asText("") + " " + problem.path("detail").asText("");
        } catch (IOException notJson) {
            return "(no problem document)";
        }
    }
}

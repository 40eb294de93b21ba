package io.edgefleet.rest.problem;

import io.edgefleet.core.error.CommonErrorCode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses, in every service and before routing, request paths whose meaning depends on who
 * decodes them: a segment that decodes to {@code .} or {@code ..} ({@code DELETE
 * /clusters/{id}/machines/%2e%2e} deleted the cluster itself), encoded separators and escapes
 * ({@code %2e %2f %5c %00}, double encoding {@code %25..}), overlong or invalid UTF-8, control
 * characters, backslashes and {@code ;} path parameters. 400 {@code INVALID_PATH}; a URI over
 * {@link #MAX_URI} characters is 414 {@code URI_TOO_LONG}.
 */
@ApplicationScoped
public class AmbiguousPaths {

    /** Longest request URI answered; longer ones get 414 as problem+json. */
    static final int MAX_URI = 8_192;
    private static final Set<String> REFUSED_ESCAPES = Set.of("2e", "2f", "5c", "00", "25");

    private final RouteProblems problems;

    public AmbiguousPaths(RouteProblems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(-4).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.length() > MAX_URI) {
            // The HTTP layer's own limit is set far higher (rest-support's config) so that this answer is problem+json.
            problems.respond(context, CommonErrorCode.URI_TOO_LONG, "the request URI has " + uri.length()
                    + " characters; the limit is " + MAX_URI, true);
            return;
        }
        String rawPath = uri == null ? "" : uri.split("\\?", 2)[0];
        Optional<String> problem = problem(rawPath);
        if (problem.isEmpty()) {
            context.next();
            return;
        }
        problems.respond(context, CommonErrorCode.INVALID_PATH, problem.get(), false);
    }

    /** Why {@code rawPath} (as sent, not decoded) is refused, or empty when it is unambiguous. */
    static Optional<String> problem(String rawPath) {
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("path parameters (';') are not accepted");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("backslashes are not accepted in paths");
        }
        for (String segment : rawPath.split("/", -1)) {
            Optional<String> refused = segmentProblem(segment);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> segmentProblem(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.of("a '%' must start an escape of two hex digits");
                }
                String hex = segment.substring(i + 1, i + 3).toLowerCase(Locale.ROOT);
                if (!hex.matches("[0-9a-f]{2}")) {
                    return Optional.of("a '%' must start an escape of two hex digits");
                }
                if (REFUSED_ESCAPES.contains(hex)) {
                    return Optional.of("encoded '.', '/', '\\\\', NUL or '%' (%" + hex + ") is not accepted in paths");
                }
                bytes.write(Integer.parseInt(hex, 16));
                i += 2;
            } else if (c < 0x20 || c == 0x7f) {
                return Optional.of("control characters are not accepted in paths");
            } else if (c > 0x7f) {
                return Optional.of("characters outside ASCII must be percent-encoded UTF-8");
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("path segments must be valid UTF-8 (overlong and invalid sequences are refused)");
        }
        if (decoded.equals(".") || decoded.equals("..")) {
            return Optional.of("'.' and '..' are not accepted as path segments");
        }
        if (decoded.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            return Optional.of("control characters are not accepted in paths");
        }
        return Optional.empty();
    }
}

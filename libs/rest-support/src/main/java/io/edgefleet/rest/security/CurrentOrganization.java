package io.edgefleet.rest.security;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The organization (tenant) of the current request, from the token's {@code org} claim. Every
 * read and write is scoped by it: there is no way to name another organization in a request.
 */
@RequestScoped
public class CurrentOrganization {

    public static final String CLAIM = "org";

    private final JsonWebToken token;

    public CurrentOrganization(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's organization id; a token without one is refused with 403. */
    public String id() {
        return of(token).orElseThrow(
                () -> new FleetException(CommonErrorCode.NO_ORGANIZATION, "token has no '" + CLAIM + "' claim"));
    }

    /** The organization a token names, if it names one. */
    public static Optional<String> of(JsonWebToken token) {
        Object org = token.getClaim(CLAIM);
        String id = org instanceof JsonString json ? json.getString() : org == null ? null : org.toString();
        return Optional.ofNullable(id).filter(value -> !value.isBlank());
    }

    /** Who acts, for audit trails. */
    public String actor() {
        return token.getName();
    }
}

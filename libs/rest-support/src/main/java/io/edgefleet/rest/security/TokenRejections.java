package io.edgefleet.rest.security;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Why a token was refused, in words that never quote it: jose4j's messages carry the whole
 * token and its claims, which a 401 body must not echo back.
 */
public final class TokenRejections {

    private TokenRejections() {
    }

    public static String reason(Exception refusal) {
        if (refusal instanceof InvalidJwtException invalid) {
            if (invalid.hasExpired()) {
                return "the token has expired";
            }
            if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                return "the token's signature is not accepted";
            }
            if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
                return "the token is not issued for this service";
            }
            return "the token is malformed or not accepted";
        }
        return "the token's claims are not those of a device token";
    }
}

package io.edgefleet.secrets;

/** A secret could not be sealed or opened. Its message never contains the secret. */
public class SecretException extends RuntimeException {

    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}

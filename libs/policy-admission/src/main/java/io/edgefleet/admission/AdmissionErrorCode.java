package io.edgefleet.admission;

import io.edgefleet.core.error.ErrorCode;

/** The one refusal of libs/policy-admission, the same in every service that embeds it. */
public enum AdmissionErrorCode implements ErrorCode {

    POLICY_DENIED(403, "A policy denies this change");

    private final int status;
    private final String title;

    AdmissionErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}

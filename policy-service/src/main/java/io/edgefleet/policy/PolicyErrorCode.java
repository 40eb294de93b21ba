package io.edgefleet.policy;

import io.edgefleet.core.error.ErrorCode;

/** policy-service's own stable error codes (mapped to problem+json by rest-support's one mapper). */
public enum PolicyErrorCode implements ErrorCode {

    POLICY_NOT_FOUND(404, "Policy not found"),
    ASSIGNMENT_NOT_FOUND(404, "Policy assignment not found"),
    EXEMPTION_NOT_FOUND(404, "Policy exemption not found"),
    POLICY_NAME_TAKEN(409, "A policy with this name exists"),
    ASSIGNMENT_NAME_TAKEN(409, "A policy assignment with this name exists"),
    EXEMPTION_NAME_TAKEN(409, "A policy exemption with this name exists"),
    POLICY_BUILT_IN(409, "Built-in policies are read-only"),
    POLICY_IN_USE(409, "The policy is assigned"),
    POLICY_RULE_INVALID(422, "The policy's rule is not valid"),
    POLICY_PARAMETERS_INVALID(422, "The parameters do not match the policy's parameter schema"),
    ASSIGNMENT_EFFECT_INVALID(422, "The effect does not apply to this kind of policy");

    private final int status;
    private final String title;

    PolicyErrorCode(int status, String title) {
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

-- This service's copy of the enforced deny assignments (libs/policy-admission), fed by the
-- compacted fleet.policy.rules: each with its policy's CEL rule and resolved parameters.
CREATE TABLE deny_rule (
    assignment_id    UUID        PRIMARY KEY,
    org_id           TEXT        NOT NULL,
    assignment_name  TEXT        NOT NULL,
    policy_id        UUID        NOT NULL,
    policy_name      TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    rule             TEXT        NOT NULL,
    field            TEXT,
    message          TEXT        NOT NULL,
    params           JSONB       NOT NULL DEFAULT '{}'::jsonb,
    group_id         UUID,
    label_selector   TEXT,
    changed_at       TIMESTAMPTZ NOT NULL,
    projected_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX deny_rule_org ON deny_rule (org_id);

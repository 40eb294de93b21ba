-- Policy definitions: the built-in library (org_id NULL, read-only, loaded from
-- policies/builtin.yaml at start) and each organization's own.
CREATE TABLE policy_definition (
    id                 UUID        PRIMARY KEY,
    org_id             TEXT,
    name               TEXT        NOT NULL,
    display_name       TEXT,
    description        TEXT,
    category           TEXT,
    kind               TEXT        NOT NULL CHECK (kind IN ('device', 'admission')),
    rule               TEXT        NOT NULL,
    field              TEXT,
    message            TEXT        NOT NULL,
    parameters         JSONB,
    defaults           JSONB       NOT NULL DEFAULT '{}'::jsonb,
    edge_rule          BOOLEAN     NOT NULL DEFAULT FALSE,
    library_version    TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX policy_definition_name ON policy_definition (COALESCE(org_id, ''), name);

-- An assignment applies one policy, with parameters, to a scope (the whole organization, a group
-- or a label selector) with an effect (audit, deny, remediate) and an enforcement (enforced, dry-run).
CREATE TABLE policy_assignment (
    id                 UUID        PRIMARY KEY,
    org_id             TEXT        NOT NULL,
    name               TEXT        NOT NULL,
    policy_id          UUID        NOT NULL REFERENCES policy_definition (id),
    params             JSONB       NOT NULL DEFAULT '{}'::jsonb,
    group_id           UUID,
    label_selector     TEXT,
    effect             TEXT        NOT NULL CHECK (effect IN ('audit', 'deny', 'remediate')),
    enforcement        TEXT        NOT NULL CHECK (enforcement IN ('enforced', 'dry-run')),
    by_default         BOOLEAN     NOT NULL DEFAULT FALSE,
    -- set when the assignment, its policy or an exemption changed: the evaluator re-evaluates its
    -- whole scope (in pages, each its own transaction) and clears it
    evaluation_due_at  TIMESTAMPTZ,
    evaluated_at       TIMESTAMPTZ,
    -- a dry-run assignment's what-if, as of evaluated_at: how many and which devices would be non-compliant
    what_if            JSONB,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX policy_assignment_name ON policy_assignment (org_id, name);
CREATE INDEX policy_assignment_policy ON policy_assignment (policy_id);

-- Organizations that were given the default (edge-rule) assignments once: an operator who then
-- deletes or changes one keeps the change.
CREATE TABLE organization_defaults (
    org_id             TEXT        PRIMARY KEY,
    library_version    TEXT        NOT NULL,
    applied_at         TIMESTAMPTZ NOT NULL
);

-- Compliance per device and assignment (enforced device-kind assignments only), as last evaluated.
CREATE TABLE device_compliance (
    assignment_id      UUID        NOT NULL REFERENCES policy_assignment (id) ON DELETE CASCADE,
    device_id          UUID        NOT NULL,
    org_id             TEXT        NOT NULL,
    policy_id          UUID        NOT NULL,
    state              TEXT        NOT NULL CHECK (state IN ('compliant', 'non-compliant', 'exempt', 'unknown', 'error')),
    reasons            JSONB       NOT NULL DEFAULT '[]'::jsonb,
    evaluated_at       TIMESTAMPTZ NOT NULL,
    changed_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assignment_id, device_id)
);

CREATE INDEX device_compliance_device ON device_compliance (org_id, device_id);
CREATE INDEX device_compliance_state ON device_compliance (org_id, assignment_id, state);

-- Every compliance transition, partitioned by month (ComplianceHistoryPartitions creates the
-- months ahead and drops those past edgefleet.policy.history-retention); the default partition
-- catches a row outside every month created, so no transition is ever refused.
CREATE TABLE compliance_history (
    id                 BIGINT      GENERATED ALWAYS AS IDENTITY,
    org_id             TEXT        NOT NULL,
    device_id          UUID        NOT NULL,
    assignment_id      UUID        NOT NULL,
    policy_id          UUID        NOT NULL,
    previous_state     TEXT,
    state              TEXT        NOT NULL,
    reasons            JSONB       NOT NULL DEFAULT '[]'::jsonb,
    at                 TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (at, id)
) PARTITION BY RANGE (at);

CREATE TABLE compliance_history_default PARTITION OF compliance_history DEFAULT;

CREATE INDEX compliance_history_device ON compliance_history (org_id, device_id, at);
CREATE INDEX compliance_history_assignment ON compliance_history (org_id, assignment_id, at);

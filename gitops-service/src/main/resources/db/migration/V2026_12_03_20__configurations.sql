-- GitOps configurations: Flux sources and kustomizations, and where they apply (spec.target).
-- The source's credentials are sealed (libs/secrets) in their own column, never in spec.
CREATE TABLE gitops_configuration (
    id               UUID        PRIMARY KEY,
    org_id           TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    spec             JSONB       NOT NULL,
    credentials      TEXT,
    credential_kind  TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (org_id, name)
);

-- Per device (provisioning's id): whether it is due to be told its configurations changed, and
-- the fingerprint of the set it was last told of or fetched, so it is told only of a change.
CREATE TABLE gitops_delivery (
    device_id     UUID        PRIMARY KEY,
    org_id        TEXT        NOT NULL,
    due_at        TIMESTAMPTZ,
    announced     TEXT,
    announced_at  TIMESTAMPTZ,
    fetched_at    TIMESTAMPTZ
);

CREATE INDEX gitops_delivery_due ON gitops_delivery (due_at) WHERE due_at IS NOT NULL;

-- Per cluster x configuration: the compliance state and what the applying machine last reported.
CREATE TABLE gitops_compliance (
    configuration_id  UUID        NOT NULL REFERENCES gitops_configuration (id) ON DELETE CASCADE,
    cluster_id        UUID        NOT NULL,
    org_id            TEXT        NOT NULL,
    device_id         UUID,
    state             TEXT        NOT NULL CHECK (state IN ('compliant', 'non-compliant', 'pending', 'suspended', 'unknown')),
    message           TEXT,
    revision          TEXT,
    kustomizations    JSONB       NOT NULL DEFAULT '[]'::jsonb,
    changed_at        TIMESTAMPTZ NOT NULL,
    reported_at       TIMESTAMPTZ,
    PRIMARY KEY (configuration_id, cluster_id)
);

CREATE INDEX gitops_compliance_cluster ON gitops_compliance (org_id, cluster_id);

-- Every transition, kept after the configuration is gone.
CREATE TABLE gitops_compliance_history (
    id                BIGSERIAL   PRIMARY KEY,
    org_id            TEXT        NOT NULL,
    configuration_id  UUID        NOT NULL,
    cluster_id        UUID        NOT NULL,
    previous_state    TEXT,
    state             TEXT        NOT NULL,
    message           TEXT,
    revision          TEXT,
    changed_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX gitops_compliance_history_configuration ON gitops_compliance_history (org_id, configuration_id, id);

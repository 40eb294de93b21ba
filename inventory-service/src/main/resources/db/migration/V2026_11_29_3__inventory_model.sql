-- The inventory model: devices with their edge allocation, clusters, nodes, groups, history.

ALTER TABLE device
    ADD COLUMN identity_id       UUID,              -- provisioning's device id once enrolled
    ADD COLUMN external_id       TEXT,              -- id in another system (CMDB)
    ADD COLUMN lifecycle         TEXT        NOT NULL DEFAULT 'REGISTERED'
        CHECK (lifecycle IN ('REGISTERED', 'ENROLLED', 'DECOMMISSIONED')),
    ADD COLUMN connectivity      TEXT        NOT NULL DEFAULT 'OFFLINE'
        CHECK (connectivity IN ('CONNECTED', 'OFFLINE', 'CREDENTIAL_EXPIRED')),
    ADD COLUMN last_seen_at      TIMESTAMPTZ,
    ADD COLUMN host_os           TEXT,
    ADD COLUMN host_os_version   TEXT,
    ADD COLUMN hardware          JSONB,
    ADD COLUMN linux_node        JSONB,
    ADD COLUMN windows_node      JSONB,
    ADD COLUMN network           JSONB,
    ADD COLUMN agent_version     TEXT,
    ADD COLUMN cluster_id        UUID,
    ADD COLUMN enrolled_at       TIMESTAMPTZ,
    ADD COLUMN decommissioned_at TIMESTAMPTZ;

CREATE UNIQUE INDEX device_identity_id ON device (identity_id) WHERE identity_id IS NOT NULL;
CREATE UNIQUE INDEX device_external_id ON device (org_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX device_connectivity ON device (org_id, connectivity);
CREATE INDEX device_last_seen ON device (last_seen_at) WHERE connectivity = 'CONNECTED';

CREATE TABLE cluster (
    id                  UUID        PRIMARY KEY,
    org_id              TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    distribution        TEXT        NOT NULL CHECK (distribution IN ('k8s', 'k3s')),
    kubernetes_version  TEXT,
    cni                 TEXT        NOT NULL CHECK (cni IN ('calico', 'flannel')),
    load_balancer       TEXT        NOT NULL CHECK (load_balancer IN ('kubevip', 'byo')),
    storage_drivers     JSONB       NOT NULL DEFAULT '[]'::jsonb,
    max_nodes           INTEGER     NOT NULL DEFAULT 15 CHECK (max_nodes BETWEEN 1 AND 100),
    labels              JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT cluster_name_unique_per_org UNIQUE (org_id, name)
);
CREATE INDEX cluster_org ON cluster (org_id, id);

ALTER TABLE device ADD CONSTRAINT device_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id);

CREATE TABLE cluster_node (
    id               UUID        PRIMARY KEY,
    cluster_id       UUID        NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
    device_id        UUID        NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    name             TEXT        NOT NULL,
    role             TEXT,
    os               TEXT        CHECK (os IN ('linux', 'windows')),
    os_image         TEXT,
    kubelet_version  TEXT,
    container_runtime TEXT,
    capacity         JSONB,
    allocatable      JSONB,
    conditions       JSONB,
    reported_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT node_name_unique_per_cluster UNIQUE (cluster_id, name)
);

CREATE TABLE device_group (
    id          UUID        PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('STATIC', 'DYNAMIC')),
    selector    TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT group_name_unique_per_org UNIQUE (org_id, name)
);

CREATE TABLE device_group_member (
    group_id   UUID NOT NULL REFERENCES device_group (id) ON DELETE CASCADE,
    device_id  UUID NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, device_id)
);

CREATE TABLE device_history (
    id         BIGSERIAL   PRIMARY KEY,
    device_id  UUID        NOT NULL,
    org_id     TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,   -- user name, or the event type that caused the change
    changes    JSONB       NOT NULL    -- {"field": {"from": ..., "to": ...}}
);
CREATE INDEX device_history_device ON device_history (device_id, id);

-- Rollouts and their units. A unit is what one wave counts: a machine, or a whole cluster for a
-- release (its machines one after another, control plane first) or a cluster-wide command. Its
-- steps are the commands it takes in order (the hops of an upgrade path, machine by machine).
CREATE TABLE rollout (
    id              UUID        PRIMARY KEY,
    org_id          TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    spec            JSONB       NOT NULL,
    release_id      UUID        REFERENCES release (id),
    phase           TEXT        NOT NULL CHECK (phase IN ('draft', 'scheduled', 'running', 'paused', 'completed',
                                                          'cancelled', 'failed', 'rolling-back', 'rolled-back')),
    phase_reason    TEXT,
    current_wave    INT         NOT NULL DEFAULT 0,
    wave_count      INT         NOT NULL DEFAULT 1,
    approved_wave   INT         NOT NULL DEFAULT -1,
    soak_until      TIMESTAMPTZ,
    wave_completed  BOOLEAN     NOT NULL DEFAULT FALSE,
    -- failed units of the current wave an operator accepted by resuming: thresholds count only later ones
    accepted_failures INT       NOT NULL DEFAULT 0,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX rollout_name ON rollout (org_id, name);
-- What the engine looks at every tick.
CREATE INDEX rollout_active ON rollout (phase) WHERE phase IN ('scheduled', 'running', 'rolling-back');

CREATE TABLE rollout_unit (
    rollout_id       UUID        NOT NULL REFERENCES rollout (id) ON DELETE CASCADE,
    unit             TEXT        NOT NULL,
    org_id           TEXT        NOT NULL,
    wave             INT         NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('pending', 'waiting-for-window', 'dispatched', 'in-progress',
                                                           'succeeded', 'failed', 'skipped')),
    reason           TEXT,
    machines         UUID[]      NOT NULL,
    time_zone        TEXT,
    steps            JSONB       NOT NULL,
    step             INT         NOT NULL DEFAULT 0,
    attempts         INT         NOT NULL DEFAULT 0,
    request_key      TEXT,
    next_attempt_at  TIMESTAMPTZ,
    dispatched_at    TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rollout_id, unit)
);

CREATE INDEX rollout_unit_wave ON rollout_unit (rollout_id, wave, state);
CREATE UNIQUE INDEX rollout_unit_request ON rollout_unit (request_key) WHERE request_key IS NOT NULL;

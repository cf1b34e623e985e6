-- Daily briefings: per-channel schedules set in chat, and one run record per channel and scheduled slot.

CREATE TABLE briefing_schedules (
    platform   TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    cron       TEXT NOT NULL,
    time_zone  TEXT NOT NULL,
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    set_at     TEXT NOT NULL,
    set_by     TEXT NOT NULL,
    PRIMARY KEY (platform, channel_id)
);

-- Claimed before a briefing is sent, so two instances (or a restart) can never post the same slot twice.
CREATE TABLE briefing_runs (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    channel_id   TEXT NOT NULL,
    slot         TEXT NOT NULL,
    nonce        TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'refused', 'skipped')),
    claimed_at   TEXT NOT NULL,
    claimed_by   TEXT NOT NULL,
    finished_at  TEXT,
    message_id   TEXT,
    error        TEXT,
    covers_since TEXT,
    UNIQUE (platform, channel_id, slot)
);
CREATE INDEX briefing_runs_channel ON briefing_runs (platform, channel_id, slot);

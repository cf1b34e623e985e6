-- The knowledge: actors, sources, facts and their append-only revisions, plus projections of the current state.

CREATE TABLE actors (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'state', 'organisation')),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE actor_aliases (
    id       INTEGER PRIMARY KEY,
    alias    TEXT NOT NULL COLLATE NOCASE UNIQUE,
    actor_id INTEGER NOT NULL REFERENCES actors (id)
);

CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    outlet    TEXT NOT NULL,
    url       TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    UNIQUE (outlet, url, published)
);

CREATE TABLE facts (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('proposal', 'term', 'contact', 'aid')),
    number    INTEGER NOT NULL,
    parent_id INTEGER REFERENCES facts (id),
    UNIQUE (kind, number)
);
CREATE INDEX facts_parent ON facts (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE revisions (
    id                 INTEGER PRIMARY KEY,
    fact_id            INTEGER NOT NULL REFERENCES facts (id),
    action             TEXT NOT NULL CHECK (action IN ('create', 'change', 'retract', 'undo')),
    retracted          INTEGER NOT NULL CHECK (retracted IN (0, 1)),
    payload            TEXT NOT NULL,
    source_id          INTEGER NOT NULL REFERENCES sources (id),
    confidence         TEXT NOT NULL CHECK (confidence IN ('confirmed', 'reported', 'unconfirmed')),
    recorded_at        TEXT NOT NULL,
    recorded_by        TEXT NOT NULL,
    recorded_by_name   TEXT NOT NULL,
    reason             TEXT,
    undoes_revision_id INTEGER REFERENCES revisions (id)
);
CREATE INDEX revisions_fact ON revisions (fact_id, id);
CREATE INDEX revisions_recorded_at ON revisions (recorded_at);
CREATE INDEX revisions_recorded_by ON revisions (recorded_by, id);

-- Revisions are history: nothing may change or remove one.
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

-- Projections of the newest revision of each fact, rebuilt for a fact whenever it gets a revision.
CREATE TABLE current_facts (
    fact_id      INTEGER PRIMARY KEY REFERENCES facts (id),
    kind         TEXT NOT NULL,
    revision_id  INTEGER NOT NULL REFERENCES revisions (id),
    live         INTEGER NOT NULL,
    parent_id    INTEGER,
    sort_on      TEXT NOT NULL,
    contact_kind TEXT,
    donor_id     INTEGER,
    recipient_id INTEGER,
    category     TEXT
);
CREATE INDEX current_by_kind ON current_facts (kind, live, sort_on);
CREATE INDEX current_by_parent ON current_facts (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX current_aid_donor ON current_facts (donor_id, sort_on) WHERE donor_id IS NOT NULL;
CREATE INDEX current_aid_recipient ON current_facts (recipient_id, sort_on) WHERE recipient_id IS NOT NULL;

CREATE TABLE current_participants (
    actor_id INTEGER NOT NULL,
    sort_on  TEXT NOT NULL,
    fact_id  INTEGER NOT NULL,
    PRIMARY KEY (actor_id, sort_on, fact_id)
) WITHOUT ROWID;
CREATE INDEX current_participants_fact ON current_participants (fact_id);

-- Full-text search over the current text of every live fact; rowid is the fact id.
CREATE VIRTUAL TABLE fact_text USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A fact can cite several sources, each confirming or disputing it. A revision's first source stays in
-- revisions.source_id and always confirms, so every existing revision keeps its one source as its first without a
-- rewrite; the sources cited beside it are listed here, in the order they were added. A revision lists every source
-- it cites (not only a change), so "as of" a date reads the sources known then from that revision alone.
CREATE TABLE revision_sources (
    revision_id INTEGER NOT NULL REFERENCES revisions (id),
    position    INTEGER NOT NULL CHECK (position >= 1),
    source_id   INTEGER NOT NULL REFERENCES sources (id),
    stance      TEXT NOT NULL CHECK (stance IN ('confirms', 'disputes')),
    PRIMARY KEY (revision_id, position)
) WITHOUT ROWID;

-- Part of the revision, so as append-only as it.
CREATE TRIGGER revision_sources_no_update BEFORE UPDATE ON revision_sources
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER revision_sources_no_delete BEFORE DELETE ON revision_sources
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

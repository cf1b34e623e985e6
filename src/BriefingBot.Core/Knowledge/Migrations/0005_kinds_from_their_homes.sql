-- Which kinds of fact exist is said by their homes (Knowledge/Kinds), not by the schema: facts drops its CHECK on kind,
-- so adding a kind needs no table rebuild. SQLite changes a CHECK only by rebuilding the table, in the order its manual
-- gives ("Making Other Kinds Of Table Schema Changes"): new table, copy, drop, rename, indexes. The migration runner
-- switches foreign keys off around the script (revisions, current_facts and facts itself point at facts) and runs
-- PRAGMA foreign_key_check before it commits. No other table lists the kinds.
CREATE TABLE facts_rebuilt (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    number    INTEGER NOT NULL,
    parent_id INTEGER REFERENCES facts (id),
    UNIQUE (kind, number)
);
INSERT INTO facts_rebuilt (id, kind, number, parent_id) SELECT id, kind, number, parent_id FROM facts;
DROP TABLE facts;
ALTER TABLE facts_rebuilt RENAME TO facts;
CREATE INDEX facts_parent ON facts (parent_id) WHERE parent_id IS NOT NULL;

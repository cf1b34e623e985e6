-- The words of retracted facts, as they read when withdrawn (rowid = fact id), so /search for a withdrawn claim can say
-- it was withdrawn, by whom, when and why, instead of "Nothing matches". Live facts stay in fact_text alone.
CREATE VIRTUAL TABLE withdrawn_text USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

-- Filled from each fact's newest revision by code (search text spells out actors' names); the marker asks the next
-- start-up to do it once, in one transaction (KnowledgeStartup).
INSERT OR REPLACE INTO settings (key, value) VALUES ('reproject_needed', '9');

-- Retractions by when they were recorded, so a briefing finds what was withdrawn in its window without reading every
-- revision of it (a year's window holds tens of thousands).
CREATE INDEX revisions_retracted_at ON revisions (recorded_at, id) WHERE retracted = 1;

-- A fact's revisions by when they were recorded: how it stood before a briefing's window and at its end are one seek each.
CREATE INDEX revisions_fact_recorded ON revisions (fact_id, recorded_at, id);

-- The newest revision among a proposal's terms, one seek per proposal: "what stands" lists proposals by how recently each moved.
CREATE INDEX current_by_parent_revision ON current_facts (parent_id, revision_id) WHERE parent_id IS NOT NULL;

-- Two questions about outlets. "What did only the Kremlin readout claim?": current_alone_sources holds, for each fact and
-- run of an outlet's words, whether every source confirming the fact's newest revision is found by those words (a
-- disputing source confirms nothing), keyed as current_sources is, so "/search source:X alone:true" walks one index
-- newest first. "What had TASS claimed as of 20 March?": past_lists gains, for every version of every kind of fact, the
-- lists "cites/<outlet words>" and "cites alone/<outlet words>" ('/' never occurs in folded outlet words), so a past view
-- finds a fact by the sources it cited then and reads it as the view sees it.
-- IF NOT EXISTS: an upgrade test lowers user_version by hand on a file that already has the table.
CREATE TABLE IF NOT EXISTS current_alone_sources (
    outlet  TEXT NOT NULL,
    live    INTEGER NOT NULL CHECK (live IN (0, 1)),
    sort_on TEXT NOT NULL,
    fact_id INTEGER NOT NULL,
    PRIMARY KEY (outlet, live, sort_on, fact_id)
) WITHOUT ROWID;
-- A word search narrowed to an outlet alone checks each hit here, and a fact's rows are replaced with each revision.
CREATE INDEX IF NOT EXISTS current_alone_sources_fact ON current_alone_sources (fact_id, outlet);

-- Both are filled by code at the next start-up, once, in one transaction each (KnowledgeStartup): the newest revisions'
-- projections, and every revision's past lists (all of them, which also covers a fill 0011 or 0012 left to do).
INSERT OR REPLACE INTO settings (key, value) VALUES ('reproject_needed', '14');
INSERT OR REPLACE INTO settings (key, value) VALUES ('past_lists_needed', '14');

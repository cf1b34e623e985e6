-- The outlets each fact cites now, so "/search source:TASS" walks one index newest first and stops at the page, instead
-- of reading every revision's sources. One row per fact and run of an outlet's words, folded as places are ("kremlin
-- readout", "kremlin", "readout"), for every source the newest revision cites, confirming or disputing; a retracted
-- fact keeps its rows with live = 0, so an answer can say how many withdrawn facts also cited the outlet.
-- IF NOT EXISTS: an upgrade test lowers user_version by hand on a file that already has the table.
CREATE TABLE IF NOT EXISTS current_sources (
    outlet  TEXT NOT NULL,
    live    INTEGER NOT NULL CHECK (live IN (0, 1)),
    sort_on TEXT NOT NULL,
    fact_id INTEGER NOT NULL,
    PRIMARY KEY (outlet, live, sort_on, fact_id)
) WITHOUT ROWID;
-- A word search narrowed to an outlet checks each hit here, and a fact's rows are replaced with each revision.
CREATE INDEX IF NOT EXISTS current_sources_fact ON current_sources (fact_id, outlet);

-- Filled from each fact's newest revision by code (folding accents is not SQL's); the marker asks the next start-up to do
-- it once, in one transaction (KnowledgeStartup).
INSERT OR REPLACE INTO settings (key, value) VALUES ('reproject_needed', '13');

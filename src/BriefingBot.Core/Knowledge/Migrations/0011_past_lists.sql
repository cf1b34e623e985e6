-- Every list a contact or statement has ever been in, as each of its versions placed it: all of its kind, by each person
-- taking part, at each run of its place's words, about each fact it names; with the date it sorted on then. A past view
-- (/contacts as_of: or on:) walks these, newest first, and reads each fact as it was then, so a contact retracted since,
-- or whose people or day changed since, is found by what it was. Rows are only added, as revisions are.
-- `ahead` marks a version dated after it was recorded or took effect (a planned contact): a past view finds those apart,
-- since they sort after its day.
CREATE TABLE past_lists (
    list    TEXT NOT NULL,
    sort_on TEXT NOT NULL,
    fact_id INTEGER NOT NULL,
    ahead   INTEGER NOT NULL DEFAULT 0 CHECK (ahead IN (0, 1)),
    PRIMARY KEY (list, sort_on, fact_id)
) WITHOUT ROWID;
CREATE INDEX past_lists_ahead ON past_lists (list, sort_on) WHERE ahead = 1;
CREATE INDEX past_lists_fact ON past_lists (fact_id, list);

-- Filled from every revision by code (places are folded, lists named as the kinds say); the marker asks the next
-- start-up to do it once, in one transaction (KnowledgeStartup).
INSERT OR REPLACE INTO settings (key, value) VALUES ('past_lists_needed', '11');

-- Statements (Knowledge/Kinds/StatementFact.cs) and links between facts. Self-contained: it only adds.
-- A statement's stance beside its kind, so "/statements stance:denies" filters a column, not JSON.
ALTER TABLE current_facts ADD COLUMN stance TEXT;
CREATE INDEX current_by_stance ON current_facts (kind, stance, sort_on) WHERE stance IS NOT NULL;

-- The kind of fact beside each participant, so "statements by X" walks only X's statements, not all their contacts.
ALTER TABLE current_participants ADD COLUMN fact_kind TEXT;
UPDATE current_participants
SET fact_kind = (SELECT c.kind FROM current_facts c WHERE c.fact_id = current_participants.fact_id);
CREATE INDEX current_participants_fact_kind ON current_participants (actor_id, fact_kind, sort_on);

-- What a live fact is about (a statement or contact about a proposal or term): one row per link, newest first by the
-- linking fact's date, so "the latest statements about P2" reads an index. Rebuilt for a fact with each revision.
CREATE TABLE current_links (
    target_id INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    sort_on   TEXT NOT NULL,
    fact_id   INTEGER NOT NULL,
    PRIMARY KEY (target_id, kind, sort_on, fact_id)
) WITHOUT ROWID;
CREATE INDEX current_links_fact ON current_links (fact_id);

-- Every parent a fact has ever had (a term moved from P1 to P3 has both), so "the terms of P1 as known on a day" finds
-- a term that has moved away since; facts.parent_id keeps the parent it was first recorded under.
CREATE TABLE fact_parents (
    parent_id INTEGER NOT NULL,
    fact_id   INTEGER NOT NULL,
    PRIMARY KEY (parent_id, fact_id)
) WITHOUT ROWID;
INSERT INTO fact_parents (parent_id, fact_id) SELECT parent_id, id FROM facts WHERE parent_id IS NOT NULL;

-- Proposal names in the current-state projection, so lookups by name and "the newest proposal" need no JSON reads.
ALTER TABLE current_facts ADD COLUMN title TEXT;
UPDATE current_facts
SET title = (SELECT json_extract(r.payload, '$.name') FROM revisions r WHERE r.id = current_facts.revision_id)
WHERE kind = 'proposal';
-- Covering, so a name search reads the index alone.
CREATE INDEX current_proposals ON current_facts (kind, live, fact_id, title, revision_id) WHERE kind = 'proposal';

-- Newest changes first without sorting every revision since a date.
CREATE INDEX revisions_recorded_at_id ON revisions (recorded_at, id);

-- Who people are, in the current-state projection, so lists walk an index: person_id and represents_id of a role
-- (represents_id only while the role is held).
ALTER TABLE current_facts ADD COLUMN person_id INTEGER;
ALTER TABLE current_facts ADD COLUMN represents_id INTEGER;
CREATE INDEX current_roles_person ON current_facts (person_id, sort_on) WHERE person_id IS NOT NULL;
CREATE INDEX current_roles_represents ON current_facts (represents_id, person_id) WHERE represents_id IS NOT NULL;

-- Where live contacts happened: every run of the place's words, folded ("oval office washington", "oval office",
-- "office washington", "washington", …), so place:Washington finds "Oval Office, Washington" newest first by one lookup.
CREATE TABLE current_places (
    place   TEXT NOT NULL,
    sort_on TEXT NOT NULL,
    fact_id INTEGER NOT NULL,
    PRIMARY KEY (place, sort_on, fact_id)
) WITHOUT ROWID;
CREATE INDEX current_places_fact ON current_places (fact_id);

-- An alias can be a place (a capital standing for its state): lookups still find the state by it, search text leaves it
-- out, so /search Washington finds what was said or done in Washington rather than everything American. The seeded
-- capitals are marked here; a moderator marks others with /update actor places:.
ALTER TABLE actor_aliases ADD COLUMN place INTEGER NOT NULL DEFAULT 0 CHECK (place IN (0, 1));
UPDATE actor_aliases SET place = 1
WHERE alias IN ('Paris', 'London', 'Washington', 'Kyiv', 'Kiev', 'Moscow')
  AND actor_id IN (SELECT id FROM actors WHERE kind = 'state');

-- The new columns, the places and the search text are filled from each fact's newest revision by code (folding accents is not
-- SQL's); the marker asks the next start-up to do it once, in one transaction (KnowledgeStartup).
INSERT OR REPLACE INTO settings (key, value) VALUES ('reproject_needed', '6');

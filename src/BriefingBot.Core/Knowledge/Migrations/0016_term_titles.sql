-- A term's topic is its title in the current-state projection, as a proposal's name is, so a line about a term names it
-- ("— about the Energy infrastructure term (T3)") from the same column and in one statement with the proposals it names.
UPDATE current_facts
SET title = (SELECT json_extract(r.payload, '$.topic') FROM revisions r WHERE r.id = current_facts.revision_id)
WHERE kind = 'term';

-- Proposals and terms by their newest revision, so "how recently each proposal moved" (the briefing's "what stands",
-- newest movement first) walks down the last few moves instead of reading every proposal with its terms.
CREATE INDEX current_moves ON current_facts (revision_id) WHERE kind IN ('proposal', 'term');

-- Proposals and aid streams join the past lists (PastLists.Keeps): "proposal" and "aid" hold each by the day each version
-- took effect (an aid status by its since), so those standing on a day are a walk down one list. The next start-up fills
-- them from their revisions; a file whose lists 0011 has still to fill (upgraded from before 0011 in one go) keeps that
-- marker, and the fill does every kind.
INSERT OR IGNORE INTO settings (key, value) VALUES ('past_lists_needed', '12');

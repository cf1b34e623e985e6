-- Proposals and terms by their newest revision, so "how recently each proposal moved" (the briefing's "what stands",
-- newest movement first) walks down the last few moves instead of reading every proposal with its terms.
CREATE INDEX current_moves ON current_facts (revision_id) WHERE kind IN ('proposal', 'term');

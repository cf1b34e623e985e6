-- The words of every revision (rowid = revision id), as its fact's search text read then: /search with words as_of or on a
-- day finds what the version in view said, not what the fact says now (a claim reworded since is found by its words then).
-- Filled by code (search text spells out actors' names): the marker asks the next start-up to do it once (KnowledgeStartup).
CREATE VIRTUAL TABLE IF NOT EXISTS revision_text USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
INSERT OR REPLACE INTO settings (key, value) VALUES ('revision_text_needed', '17');

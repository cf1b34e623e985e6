-- The full-text indexes merged into as few segments as they can be. A start-up that rebuilt the projections of every
-- fact (migrations 0009 and 0013 asked for one) wrote every fact's words again, leaving the search index in many segments
-- of rows and their deletions: a search of a common word read 28 segments and took two to three times as long. New
-- rebuilds merge at their end (FactLog.ReprojectIfAsked); this merges what earlier ones left.
INSERT INTO fact_text (fact_text) VALUES ('optimize');
INSERT INTO withdrawn_text (withdrawn_text) VALUES ('optimize');

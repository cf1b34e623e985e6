-- A change that repeats the words of the version that stands with another effect date corrects when that version took
-- effect: the version it corrects no longer takes effect anywhere, in any view from the correction on (as an undo takes
-- its target back). Without it a version entered with the wrong year still stood on every day after the wrong date.
ALTER TABLE revisions ADD COLUMN corrects_revision_id INTEGER;
CREATE INDEX revisions_corrects ON revisions (corrects_revision_id) WHERE corrects_revision_id IS NOT NULL;
-- Which version stands is asked at every write (StandingVersion.Of): a fact's versions newest effect first, and its last
-- retraction, each a seek, so a stream of thousands of revisions costs what a new fact does.
CREATE INDEX revisions_fact_effective ON revisions (fact_id, effective_on, id);
CREATE INDEX revisions_fact_retracts ON revisions (fact_id, id) WHERE action = 'retract';
-- What stands is now the version in effect latest, not the one recorded last (a late entry dated before the version that
-- stands fills in history): the next start-up projects again the facts whose projection holds another version than that
-- rule picks (FactLog.ReprojectIfAsked); a full projection an older migration asked for is kept, and covers them.
INSERT INTO settings (key, value) VALUES ('reproject_needed', 'standing') ON CONFLICT (key) DO NOTHING;

-- Valid time: when each revision's fact took effect in the world, beside recorded_at (when we learnt it). A period
-- with its precision: its first day (which queries compare), 'day', 'week' or 'month', and the last day of a range.
ALTER TABLE revisions ADD COLUMN effective_on TEXT;
ALTER TABLE revisions ADD COLUMN effective_precision TEXT CHECK (effective_precision IN ('day', 'week', 'month'));
ALTER TABLE revisions ADD COLUMN effective_end TEXT;

-- A revision recorded before takes its effect date from what it already holds, by the rule new revisions follow
-- (FactLog): the fact's own date (a contact's day unless it was planned, a statement's day, an aid status's or a
-- role's since), else its first source's date, else the day it was recorded. Revisions are append-only, so the guard
-- stands aside for this one fill and comes back unchanged.
DROP TRIGGER revisions_no_update;
UPDATE revisions SET
    effective_on = COALESCE(
        CASE WHEN json_extract(payload, '$.planned') THEN NULL ELSE json_extract(payload, '$.when.date') END,
        json_extract(payload, '$.since.date'),
        NULLIF((SELECT s.published FROM sources s WHERE s.id = revisions.source_id), ''),
        substr(recorded_at, 1, 10)),
    effective_precision = COALESCE(
        CASE WHEN json_extract(payload, '$.planned') THEN NULL ELSE json_extract(payload, '$.when.precision') END,
        json_extract(payload, '$.since.precision'),
        'day'),
    effective_end = COALESCE(
        CASE WHEN json_extract(payload, '$.planned') THEN NULL ELSE json_extract(payload, '$.when.end') END,
        CASE WHEN json_extract(payload, '$.when.date') IS NULL THEN json_extract(payload, '$.since.end') END);
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

-- "What held on a day" picks, per fact, the newest revision in effect by then that no undo took back.
CREATE INDEX revisions_undoes ON revisions (undoes_revision_id) WHERE undoes_revision_id IS NOT NULL;
-- Aid "as it stood on a day" walks revisions newest effect first.
CREATE INDEX revisions_effective ON revisions (effective_on, id);

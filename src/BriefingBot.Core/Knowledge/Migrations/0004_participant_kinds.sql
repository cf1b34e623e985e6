-- The kind of each contact beside its participants, so "contacts of X of kind K" walks only those.
ALTER TABLE current_participants ADD COLUMN contact_kind TEXT;
UPDATE current_participants
SET contact_kind = (SELECT c.contact_kind FROM current_facts c WHERE c.fact_id = current_participants.fact_id);
CREATE INDEX current_participants_kind ON current_participants (actor_id, contact_kind, sort_on);

-- Users whose data was deleted on request and who have not rated since: a server must not answer
-- for them with the vector a model trained before the deletion.
CREATE TABLE forgotten_users (
  user_id INTEGER NOT NULL PRIMARY KEY,
  forgotten_at INTEGER NOT NULL
);

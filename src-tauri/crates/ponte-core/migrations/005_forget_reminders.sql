-- A credential's sent reminders go with it. SQLite may give a deleted token's id to the next token
-- (no AUTOINCREMENT), and a new token must not inherit "already reminded" from the old one.
-- Triggers also run for the rows a cascade removes (an integration deleted with its tokens).
DELETE FROM reminders_sent
 WHERE (credential LIKE 'token:%' AND CAST(substr(credential, 7) AS INTEGER) NOT IN (SELECT id FROM api_tokens))
    OR (credential LIKE 'secret:%' AND NOT EXISTS (
          SELECT 1 FROM secret_expiries s
           WHERE credential = 'secret:' || s.integration_id || ':' || s.field));

CREATE TRIGGER forget_token_reminders AFTER DELETE ON api_tokens
BEGIN
    DELETE FROM reminders_sent WHERE credential = 'token:' || OLD.id;
END;

CREATE TRIGGER forget_secret_reminders AFTER DELETE ON secret_expiries
BEGIN
    DELETE FROM reminders_sent WHERE credential = 'secret:' || OLD.integration_id || ':' || OLD.field;
END;

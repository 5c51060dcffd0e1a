-- Schema 6.
-- (a) Sales' content hashes move from Rust's DefaultHasher (not stable across Rust releases) to XXH3-128
--     over the same bytes: every stored hash is re-computed once by this migration's hook (db.rs), from the
--     sale date and raw record kept in the row, so the next import does not see every sale as "updated".
-- (b) Ids handed out before their row is written: a new integration's or token's secrets go to the keyring
--     (under ids made from the row id) before its row is committed, outside any transaction. The id is
--     reserved here first, so two saves never share one and a deleted row's id is never handed out again.
CREATE TABLE id_reservations (
    tbl  TEXT PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

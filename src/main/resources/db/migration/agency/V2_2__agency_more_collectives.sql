-- Two collectives the province's notices name as lead ("Các cơ quan, đơn vị, địa phương", "Các hội, đoàn thể").
-- A new registry gets them, with their aliases, from registry/agencies.csv; a registry already loaded gets them
-- here (its administrators add other spellings as aliases, or the import remembers them when mapped once).
-- Nothing is inserted into an empty table, so that the first start still loads the whole file.
INSERT INTO agency(code, name, kind, member_kinds, active)
SELECT v.code, v.name, 'COLLECTIVE', v.member_kinds, true
  FROM (VALUES ('G-CQDVDP', 'Các cơ quan, đơn vị, địa phương', 'COMMUNE,DEPARTMENT'),
               ('G-HDT', 'Các hội, đoàn thể', 'MASS_ORGANISATION')) AS v(code, name, member_kinds)
 WHERE EXISTS (SELECT 1 FROM agency)
ON CONFLICT (code) DO NOTHING;

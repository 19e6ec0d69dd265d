// A glossary term with its definition, its ordered components (symbol, meaning) and the
// members each component lists. Twin of glossary_term.rq.
// Parameter $key_is (null = every term): kg cypher glossary_term --param key_is=1+5+3+N
// Columns: report, key, term, definition, position, symbol, meaning, member_position, member.
MATCH (t:GlossaryTerm)-[:WAS_DERIVED_FROM]->(report)
WHERE t.pref_label_zh IS NOT NULL AND t.definition_zh IS NOT NULL
  AND ($key_is IS NULL OR t.notation = toString($key_is) OR t.pref_label_zh = toString($key_is))
OPTIONAL MATCH (t)-[:HAS_COMPONENT]->(c) WHERE c.position IS NOT NULL
OPTIONAL MATCH (c)-[:HAS_MEMBER]->(member) WHERE member.position IS NOT NULL AND member.pref_label_zh IS NOT NULL
RETURN report.iri AS report, t.notation AS key, t.pref_label_zh AS term, t.definition_zh AS definition,
       c.position AS position, c.notation AS symbol, c.definition_zh AS meaning,
       member.position AS member_position, member.pref_label_zh AS member
ORDER BY report, term, position, member_position

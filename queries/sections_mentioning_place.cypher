// The sections that mention a place, with how often and the first sentence that does.
// Twin of sections_mentioning_place.rq.
// Parameter $place_contains (null = every place): kg cypher sections_mentioning_place --param place_contains=口岸
// Columns: place, report, section_key, section, mentions, first_sentence.
MATCH (p:Place) WHERE p.label_zh IS NOT NULL
  AND ($place_contains IS NULL OR p.label_zh CONTAINS toString($place_contains))
MATCH (m:Mention)-[:HAS_BODY]->(p)
MATCH (m)-[:HAS_TARGET]->(span)
MATCH (m)-[:WAS_DERIVED_FROM]->(report)
MATCH (span)-[:IN_SECTION]->(sec)
WHERE sec.section_key IS NOT NULL AND sec.title_zh IS NOT NULL
OPTIONAL MATCH (span)-[:IN_SENTENCE]->(sentence)
RETURN p.label_zh AS place, report.iri AS report, sec.section_key AS section_key, sec.title_zh AS section,
       count(DISTINCT m) AS mentions, min(sentence.text_zh) AS first_sentence
ORDER BY place, report, section_key

// Which programmes are planned in an area?
// A programme counts when the text places it in the area (LOCATED_IN, also in a part of the
// area via PART_OF) or names it in the same plan-part sentence as the area.
// Twin of programmes_in_area.rq.
// Parameter $area_contains (null = every area): kg cypher programmes_in_area --param area_contains=清水河
// Columns: area, programme, how (located_in | same_sentence), report, sentence.
CALL () {
  MATCH (p:Programme)-[:LOCATED_IN]->(place)
  MATCH (place)-[:PART_OF*0..]->(a)
  MATCH (stmt)-[:STATEMENT_SUBJECT]->(p)
  MATCH (stmt)-[:STATEMENT_PREDICATE]->(:Resource {iri: 'https://kg.example.org/ontology#locatedIn'})
  MATCH (stmt)-[:STATEMENT_OBJECT]->(place)
  MATCH (stmt)-[:SPAN]->()-[:IN_SENTENCE]->(s)
  RETURN p, a, s, 'located_in' AS how
  UNION
  MATCH (pm)-[:HAS_BODY]->(p:Programme)
  MATCH (pm)-[:HAS_TARGET]->()-[:IN_SENTENCE]->(s)
  MATCH (am)-[:HAS_BODY]->(a)
  MATCH (am)-[:HAS_TARGET]->()-[:IN_SENTENCE]->(s)
  MATCH (s)-[:IN_PART]->()-[:ROLE]->(:Resource {iri: 'https://kg.example.org/ontology#PlanPart'})
  WHERE NOT a:AdministrativeArea
  RETURN p, a, s, 'same_sentence' AS how
}
WITH p, a, s, how
WHERE a:Place AND a.label_zh IS NOT NULL AND p.label_zh IS NOT NULL AND s.text_zh IS NOT NULL
  AND ($area_contains IS NULL OR a.label_zh CONTAINS toString($area_contains))
MATCH (s)-[:IN_REPORT]->(report)
RETURN DISTINCT a.label_zh AS area, p.label_zh AS programme, how, report.iri AS report, s.text_zh AS sentence
ORDER BY area, programme, how, report, sentence

// Places by type (administrative area, key area, port, block, community, green space, water,
// transport, building) with how many times each is mentioned and in how many reports.
// Twin of places_by_type.rq (the type is the kg class directly under kg:Place).
// Columns: type, place, mentions, reports.
MATCH (p:Place) WHERE p.label_zh IS NOT NULL
OPTIONAL MATCH (cls)-[:SUB_CLASS_OF]->(:Resource {iri: 'https://kg.example.org/ontology#Place'})
  WHERE cls.iri IN [l IN labels(p) | 'https://kg.example.org/ontology#' + l]
WITH p, coalesce(split(cls.iri, '#')[-1], 'Place') AS type
OPTIONAL MATCH (m)-[:HAS_BODY]->(p), (m)-[:WAS_DERIVED_FROM]->(r)
RETURN type, p.label_zh AS place, count(DISTINCT m) AS mentions, count(DISTINCT r) AS reports
ORDER BY type, mentions DESC, place

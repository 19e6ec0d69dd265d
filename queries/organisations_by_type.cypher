// Organisations by type (government body, company, school, hospital, research body,
// association, exchange) with their mention counts. Twin of organisations_by_type.rq
// (the type is the kg class directly under kg:Organization, from the ontology kg load adds).
// Columns: type, organisation, mentions.
MATCH (o:Organization) WHERE o.label_zh IS NOT NULL AND NOT o:Government
OPTIONAL MATCH (cls)-[:SUB_CLASS_OF]->(:Resource {iri: 'https://kg.example.org/ontology#Organization'})
  WHERE cls.iri IN [l IN labels(o) | 'https://kg.example.org/ontology#' + l]
WITH o, coalesce(split(cls.iri, '#')[-1], 'Organization') AS type
OPTIONAL MATCH (m)-[:HAS_BODY]->(o)
RETURN type, o.label_zh AS organisation, count(DISTINCT m) AS mentions
ORDER BY type, mentions DESC, organisation

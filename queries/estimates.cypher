// The figures a report calls estimates (预计): indicator, value, unit, year and sentence.
// Twin of estimates.rq.
// Columns: report, indicator, year, value, unit, qualifier, sentence.
MATCH (o:Observation)-[:STATUS]->(:Resource {iri: 'https://kg.example.org/ontology#Estimate'})
MATCH (o)-[:QUALIFIER]->(q)
MATCH (o)-[:WAS_DERIVED_FROM]->(report)
MATCH (o)-[:SPAN]->(span)
WHERE o.stated_value_decimal IS NOT NULL AND o.stated_unit IS NOT NULL AND q.notation IS NOT NULL
  AND span.start IS NOT NULL
OPTIONAL MATCH (o)-[:OBSERVED_PROPERTY]->(ind)
OPTIONAL MATCH (span)-[:IN_SENTENCE]->(sentence)
RETURN report.iri AS report, coalesce(o.stated_indicator_zh, ind.pref_label_zh) AS indicator, o.ref_year AS year,
       o.stated_value_decimal AS value, o.stated_unit AS unit, q.notation AS qualifier,
       sentence.text_zh AS sentence
ORDER BY report, span.start

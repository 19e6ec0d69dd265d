// Every plan-year target: indicator (as the text words it), stated value (and upper end of a range), unit,
// qualifier, year, the report and the source sentence. Twin of plan_year_targets.rq.
// Parameter $government_contains (null = all governments).
// Columns: report, year, indicator, surface, value, value_max, unit, qualifier, kind, direction, sentence.
MATCH (o:Observation)-[:STATUS]->(:Resource {iri: 'https://kg.example.org/ontology#Target'})
MATCH (o)-[:QUALIFIER]->(q)
MATCH (o)-[:KIND]->(k)
MATCH (o)-[:WAS_DERIVED_FROM]->(report)
MATCH (o)-[:GOVERNMENT]->(g)
MATCH (o)-[:SPAN]->(span)
WHERE o.stated_value_decimal IS NOT NULL AND o.stated_unit IS NOT NULL AND o.surface_zh IS NOT NULL
  AND q.notation IS NOT NULL AND k.notation IS NOT NULL AND g.label_zh IS NOT NULL AND span.start IS NOT NULL
  AND ($government_contains IS NULL OR g.label_zh CONTAINS toString($government_contains))
OPTIONAL MATCH (o)-[:OBSERVED_PROPERTY]->(ind)
OPTIONAL MATCH (o)-[:DIRECTION]->(d)
OPTIONAL MATCH (span)-[:IN_SENTENCE]->(sentence)
RETURN report.iri AS report, o.ref_year AS year, coalesce(o.stated_indicator_zh, ind.pref_label_zh) AS indicator, o.surface_zh AS surface,
       o.stated_value_decimal AS value, o.stated_value_max_decimal AS value_max, o.stated_unit AS unit,
       q.notation AS qualifier, k.notation AS kind, d.notation AS direction, sentence.text_zh AS sentence
ORDER BY report, span.start

// An indicator's values across reports, by year. The same indicator of one government is one
// node across its reports, keyed by kg.loaders.quantities.indicator_key: indicator_key is
// that node's key, indicator the phrase as each report words it. Twin of indicator_over_years.rq.
// Parameter $indicator_contains (null = all): rows whose key or phrase contains it,
//   kg cypher indicator_over_years --param indicator_contains=地区生产总值
// Columns: government, indicator_key, indicator, year, status, value, unit, qualifier, kind, report, sentence.
MATCH (ind:Indicator)-[:GOVERNMENT]->(g)
WHERE ind.pref_label_zh IS NOT NULL AND g.label_zh IS NOT NULL
MATCH (o)-[:OBSERVED_PROPERTY]->(ind)
MATCH (o)-[:STATUS]->(st)
MATCH (o)-[:QUALIFIER]->(q)
MATCH (o)-[:KIND]->(k)
MATCH (o)-[:WAS_DERIVED_FROM]->(report)
MATCH (o)-[:SPAN]->(span)
WHERE o.ref_year IS NOT NULL AND o.stated_value_decimal IS NOT NULL AND o.stated_unit IS NOT NULL
  AND st.notation IS NOT NULL AND q.notation IS NOT NULL AND k.notation IS NOT NULL AND span.start IS NOT NULL
WITH g, ind, o, st, q, k, report, span, coalesce(o.stated_indicator_zh, ind.pref_label_zh) AS indicator
WHERE $indicator_contains IS NULL OR ind.pref_label_zh CONTAINS toString($indicator_contains)
   OR indicator CONTAINS toString($indicator_contains)
OPTIONAL MATCH (span)-[:IN_SENTENCE]->(sentence)
RETURN g.label_zh AS government, ind.pref_label_zh AS indicator_key, indicator, o.ref_year AS year,
       st.notation AS status, o.stated_value_decimal AS value, o.stated_unit AS unit, q.notation AS qualifier,
       k.notation AS kind, report.iri AS report, sentence.text_zh AS sentence
ORDER BY government, indicator_key, year, status, report, span.start

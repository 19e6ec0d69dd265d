// Review-year actuals of the indicators that have plan-year targets in the same report:
// for each indicator the report both reports (actual, review year) and targets (plan year).
// Paired by indicator node (the same indicator_key); indicator is the target's phrase.
// Twin of actuals_of_targeted_indicators.rq. Decimals are returned exact (as strings).
// The pairs are the relationship PAIRED_ACTUAL the build wrote (kg.links, kg:pairedActual: a
// target and an actual Observation of one report, indicator node and kind), not a join of every
// target with every actual of the graph (p95 0.7 to 3.4 CPU-s on the 28 corpus reports in
// session 11's runs, 48 ms by the relationship).
// Columns: report, indicator, actual_year, actual, actual_unit, target_year, target, target_unit, target_qualifier.
MATCH (t:Observation)-[:PAIRED_ACTUAL]->(a:Observation)
MATCH (t)-[:OBSERVED_PROPERTY]->(ind)
MATCH (t)-[:WAS_DERIVED_FROM]->(report)
MATCH (t)-[:QUALIFIER]->(q)
WHERE t.stated_value_decimal IS NOT NULL AND t.stated_unit IS NOT NULL AND q.notation IS NOT NULL
  AND a.stated_value_decimal IS NOT NULL AND a.stated_unit IS NOT NULL AND ind.pref_label_zh IS NOT NULL
MATCH (a)-[:SPAN]->(aspan) WHERE aspan.start IS NOT NULL
MATCH (t)-[:SPAN]->(tspan) WHERE tspan.start IS NOT NULL
RETURN report.iri AS report, coalesce(t.stated_indicator_zh, ind.pref_label_zh) AS indicator, a.ref_year AS actual_year,
       a.stated_value_decimal AS actual, a.stated_unit AS actual_unit, t.ref_year AS target_year,
       t.stated_value_decimal AS target, t.stated_unit AS target_unit, q.notation AS target_qualifier
ORDER BY report, indicator, aspan.start, tspan.start

// Targets against outcomes: a target for year Y (report of year Y) and the actual the same
// government reports for the same indicator and kind in its next report (review of year Y).
// The same indicator = the same indicator node; indicator is the target's phrase.
// Same verdict rules as targets_vs_outcomes.rq (and kg.indicators): values compared after
// normalisation, reductions flipped, ceilings (unemployment, prices, emissions …) must not
// be exceeded, "approximately" within 5 %; unclear when the units differ. Ranges are skipped.
// Values are compared as floats of the exact decimals.
// Parameter $government_contains (null = all governments).
// Columns: government, indicator, year, target, target_unit, qualifier, actual, actual_unit, verdict, target_sentence, actual_sentence.
MATCH (t:Observation)-[:STATUS]->(:Resource {iri: 'https://kg.example.org/ontology#Target'})
MATCH (t)-[:OBSERVED_PROPERTY]->(ind)
MATCH (t)-[:QUALIFIER]->(q)
MATCH (t)-[:KIND]->(kind)
MATCH (t)-[:WAS_DERIVED_FROM]->(tr)
MATCH (t)-[:GOVERNMENT]->(g)
WHERE t.ref_year IS NOT NULL AND t.stated_value_decimal IS NOT NULL AND t.stated_unit IS NOT NULL
  AND t.stated_value_max_decimal IS NULL AND tr.plan_year = t.ref_year
MATCH (a:Observation)-[:STATUS]->(:Resource {iri: 'https://kg.example.org/ontology#Actual'})
MATCH (a)-[:OBSERVED_PROPERTY]->(ind)
MATCH (a)-[:KIND]->(kind)
MATCH (a)-[:WAS_DERIVED_FROM]->(ar)
MATCH (ar)-[:GOVERNMENT]->(g)
WHERE a.ref_year = t.ref_year AND a.stated_value_decimal IS NOT NULL AND a.stated_unit IS NOT NULL
  AND ar.plan_year = t.ref_year + 1
  AND q.notation IS NOT NULL AND g.label_zh IS NOT NULL AND ind.pref_label_zh IS NOT NULL
  AND ($government_contains IS NULL OR g.label_zh CONTAINS toString($government_contains))
OPTIONAL MATCH (t)-[:DIRECTION]->(tdir)
OPTIONAL MATCH (a)-[:DIRECTION]->(adir)
OPTIONAL MATCH (t)-[:SPAN]->()-[:IN_SENTENCE]->(ts)
OPTIONAL MATCH (a)-[:SPAN]->()-[:IN_SENTENCE]->(asent)
WITH t, a, q, g, ind, ts, asent,
     coalesce(tdir.iri = 'https://kg.example.org/ontology#Down', false) AS tdown,
     coalesce(adir.iri = 'https://kg.example.org/ontology#Down', false) AS adown,
     toFloat(coalesce(t.normalised_value_decimal, t.stated_value_decimal)) AS tval,
     toFloat(coalesce(a.normalised_value_decimal, a.stated_value_decimal)) AS aval
WITH t, a, q, g, ind, ts, asent, tdown,
     CASE WHEN tdown THEN -tval ELSE tval END AS tv,
     CASE WHEN adown THEN -aval ELSE aval END AS av,
     CASE WHEN NOT tdown THEN q.iri
          WHEN q.iri = 'https://kg.example.org/ontology#AtLeast' THEN 'https://kg.example.org/ontology#AtMost'
          WHEN q.iri = 'https://kg.example.org/ontology#MoreThan' THEN 'https://kg.example.org/ontology#LessThan'
          WHEN q.iri = 'https://kg.example.org/ontology#AtMost' THEN 'https://kg.example.org/ontology#AtLeast'
          WHEN q.iri = 'https://kg.example.org/ontology#LessThan' THEN 'https://kg.example.org/ontology#MoreThan'
          ELSE q.iri END AS fq
WITH t, a, q, g, ind, ts, asent, tv, av, fq,
     CASE WHEN tdown THEN NOT fq IN ['https://kg.example.org/ontology#AtLeast', 'https://kg.example.org/ontology#MoreThan']
          ELSE fq IN ['https://kg.example.org/ontology#AtMost', 'https://kg.example.org/ontology#LessThan']
               OR (NOT fq IN ['https://kg.example.org/ontology#AtLeast', 'https://kg.example.org/ontology#MoreThan']
                   AND (coalesce(t.stated_indicator_zh, '') + ' ' + ind.pref_label_zh) =~ '(?s).*(失业率|价格|CPI|物价|能耗|排放|浓度|事故|死亡|赤字|负债率|PM2\\.?5).*')
     END AS ceiling,
     CASE WHEN fq = 'https://kg.example.org/ontology#Approximately' THEN abs(tv) * 0.05 ELSE 0 END AS tol
RETURN g.label_zh AS government, coalesce(t.stated_indicator_zh, ind.pref_label_zh) AS indicator, t.ref_year AS year,
       t.stated_value_decimal AS target, t.stated_unit AS target_unit, q.notation AS qualifier,
       a.stated_value_decimal AS actual, a.stated_unit AS actual_unit,
       CASE
         WHEN coalesce(t.normalised_unit, t.stated_unit) <> coalesce(a.normalised_unit, a.stated_unit) THEN 'unclear'
         WHEN ceiling THEN CASE WHEN (CASE WHEN fq = 'https://kg.example.org/ontology#LessThan' THEN av < tv ELSE av <= tv + tol END)
                                THEN 'met' ELSE 'missed' END
         ELSE CASE WHEN (CASE WHEN fq = 'https://kg.example.org/ontology#MoreThan' THEN av > tv ELSE av >= tv - tol END)
                   THEN 'met' ELSE 'missed' END
       END AS verdict,
       ts.text_zh AS target_sentence, asent.text_zh AS actual_sentence
ORDER BY government, indicator, year, target, actual

// Targets against outcomes, one row per target, as `kg targets` and targets_vs_outcomes.rq give them.
// The targets and their outcomes are links the build writes (kg.links): the label PlanTarget
// (the first statement of a plan-year target in its report) and the relationship OUTCOME; a
// graph loaded from a dump built before those links existed gives no target rows.
// A target: status target, ref_year = its report's plan year; restatements in the same report
// (same indicator, kind, qualifier, normalised value and unit, direction) count once (the first).
// Its outcome: the first (actual before estimate, then report, then position) actual or estimate
// of the same government, indicator, year, kind and normalised unit in the next report (plan
// year + 1), never a multi-year figure (period "multi-year") for a one-year target; else one whose
// indicator key starts with the target's (4 characters at least). A target with no outcome is
// kept (unclear) only when it is a main target (section "N.0").
// Verdicts as kg.indicators.judge (see the .rq): ranges met at their lower end; ceilings for
// le/lt, reductions (qualifier flipped) and indicators the genre wants low; approx ±5 % (verdict)
// or exact (verdict_strict); an actual's own qualifier weighed in verdict. Values compared as
// floats of the exact decimals.
// A report that says it sets no target for an indicator (TargetAbsence) gives a row with verdict
// "no target" and no target value, as `kg targets` lists it.
// Parameter $government_contains (null = all governments).
// Columns: government, indicator_key, indicator, year, target, target_max, target_unit, qualifier,
//   actual, actual_unit, verdict, verdict_strict, target_sentence, actual_sentence.
CALL () {
// the plan-year targets (first statement in their report) and their outcomes are links the
// build wrote (kg.links: label PlanTarget, relationship OUTCOME): no join of targets with
// every candidate outcome here
MATCH (t:PlanTarget)-[:GOVERNMENT]->(g)
WHERE $government_contains IS NULL OR g.label_zh CONTAINS toString($government_contains)
MATCH (t)-[:OBSERVED_PROPERTY]->(ind:Indicator)
WHERE ind.notation IS NOT NULL
MATCH (t)-[:QUALIFIER]->(q)
OPTIONAL MATCH (t)-[:OUTCOME]->(a)
WITH ind, g, q, t, a
WHERE a IS NOT NULL OR coalesce(t.section_key, '') ENDS WITH '.0'
OPTIONAL MATCH (a)-[:QUALIFIER]->(aq)
OPTIONAL MATCH (t)-[:DIRECTION]->(tdir)
OPTIONAL MATCH (a)-[:DIRECTION]->(adir)
OPTIONAL MATCH (t)-[:SPAN]->()-[:IN_SENTENCE]->(ts)
OPTIONAL MATCH (a)-[:SPAN]->()-[:IN_SENTENCE]->(asent)
WITH ind, g, q, t, a, aq, ts, asent,
     coalesce(tdir.iri = 'https://kg.example.org/ontology#Down', false) AS tdown,
     coalesce(adir.iri = 'https://kg.example.org/ontology#Down', false) AS adown,
     toFloat(coalesce(t.normalised_value_decimal, t.stated_value_decimal)) AS tval,
     toFloat(coalesce(a.normalised_value_decimal, a.stated_value_decimal)) AS aval,
     (t.normalised_value_decimal IS NULL OR a.normalised_value_decimal IS NULL) AND t.stated_unit <> a.stated_unit AS incomparable
WITH ind, g, q, t, a, aq, ts, asent, tdown, adown, tval, aval, incomparable,
     CASE WHEN tdown THEN -tval ELSE tval END AS tv,
     CASE WHEN adown THEN -aval ELSE aval END AS av,
     CASE WHEN NOT tdown THEN q.iri
          WHEN q.iri = 'https://kg.example.org/ontology#AtLeast' THEN 'https://kg.example.org/ontology#AtMost'
          WHEN q.iri = 'https://kg.example.org/ontology#MoreThan' THEN 'https://kg.example.org/ontology#LessThan'
          WHEN q.iri = 'https://kg.example.org/ontology#AtMost' THEN 'https://kg.example.org/ontology#AtLeast'
          WHEN q.iri = 'https://kg.example.org/ontology#LessThan' THEN 'https://kg.example.org/ontology#MoreThan'
          ELSE q.iri END AS fq
WITH ind, g, q, t, a, ts, asent, tv, av, fq, tdown, incomparable,
     CASE WHEN t.stated_value_max_decimal IS NULL OR toFloat(t.stated_value_decimal) = 0 OR tval IS NULL THEN null
          ELSE tval * toFloat(t.stated_value_max_decimal) / toFloat(t.stated_value_decimal) END AS hiabs,
     aq.iri IN ['https://kg.example.org/ontology#MoreThan', 'https://kg.example.org/ontology#AtLeast'] AS alower,
     aq.iri IN ['https://kg.example.org/ontology#LessThan', 'https://kg.example.org/ontology#AtMost',
                'https://kg.example.org/ontology#Approximately'] AS aapprox,
     CASE WHEN tdown THEN NOT fq IN ['https://kg.example.org/ontology#AtLeast', 'https://kg.example.org/ontology#MoreThan']
          ELSE fq IN ['https://kg.example.org/ontology#AtMost', 'https://kg.example.org/ontology#LessThan']
               OR (NOT fq IN ['https://kg.example.org/ontology#AtLeast', 'https://kg.example.org/ontology#MoreThan']
                   AND ind.notation =~ '(?s).*(失业率|价格|CPI|物价|能耗|排放|浓度|事故|死亡|赤字|负债率|PM2\\.?5).*')
     END AS ceiling
WITH ind, g, q, t, a, ts, asent, tv, av, fq, alower, aapprox, ceiling, tdown, incomparable,
     CASE WHEN hiabs IS NULL THEN null
          WHEN (CASE WHEN tdown THEN -hiabs ELSE hiabs END) < tv THEN (CASE WHEN tdown THEN -hiabs ELSE hiabs END)
          ELSE tv END AS rlo,
     abs(tv) AS tabs,
     CASE WHEN fq = 'https://kg.example.org/ontology#Approximately' THEN abs(tv) * 0.05 ELSE 0.0 END AS tol
WITH ind, g, q, t, a, ts, asent, tv, av, alower, aapprox, ceiling, rlo, tabs, tol, incomparable,
     CASE WHEN fq = 'https://kg.example.org/ontology#LessThan' THEN av < tv ELSE av <= tv + tol END AS cok,
     CASE WHEN fq = 'https://kg.example.org/ontology#LessThan' THEN av < tv ELSE av <= tv END AS cok_strict,
     CASE WHEN fq = 'https://kg.example.org/ontology#MoreThan' THEN av > tv ELSE av >= tv - tol END AS fok,
     CASE WHEN fq = 'https://kg.example.org/ontology#MoreThan' THEN av > tv ELSE av >= tv END AS fok_strict,
     fq = 'https://kg.example.org/ontology#Approximately' AS fapprox
RETURN g.label_zh AS government, ind.notation AS indicator_key,
       coalesce(t.stated_indicator_zh, ind.notation) AS indicator, t.ref_year AS year,
       t.stated_value_decimal AS target, t.stated_value_max_decimal AS target_max, t.stated_unit AS target_unit,
       q.notation AS qualifier, a.stated_value_decimal AS actual, a.stated_unit AS actual_unit,
       CASE
         WHEN a IS NULL OR incomparable THEN 'unclear'
         WHEN t.stated_value_max_decimal IS NOT NULL THEN
           CASE WHEN rlo IS NULL OR av IS NULL THEN 'unclear' WHEN av >= rlo THEN 'met' ELSE 'missed' END
         WHEN tv IS NULL OR av IS NULL THEN 'unclear'
         WHEN ceiling THEN
           CASE WHEN alower AND av > tv + tol THEN 'missed'
                WHEN cok AND alower AND NOT fapprox THEN 'unclear'
                WHEN cok THEN 'met' ELSE 'missed' END
         ELSE
           CASE WHEN NOT fok AND aapprox AND av >= tv - tol - tabs * 0.05 THEN 'unclear'
                WHEN fok THEN 'met' ELSE 'missed' END
       END AS verdict,
       CASE
         WHEN a IS NULL OR incomparable THEN 'unclear'
         WHEN t.stated_value_max_decimal IS NOT NULL THEN
           CASE WHEN rlo IS NULL OR av IS NULL THEN 'unclear' WHEN av >= rlo THEN 'met' ELSE 'missed' END
         WHEN tv IS NULL OR av IS NULL THEN 'unclear'
         WHEN ceiling THEN
           CASE WHEN alower AND av > tv THEN 'missed'
                WHEN cok_strict AND alower THEN 'unclear'
                WHEN cok_strict THEN 'met' ELSE 'missed' END
         ELSE CASE WHEN fok_strict THEN 'met' ELSE 'missed' END
       END AS verdict_strict,
       ts.text_zh AS target_sentence, asent.text_zh AS actual_sentence
UNION ALL
// a report that says it sets no target for the indicator ("没有提出全年经济增速具体目标")
MATCH (x:TargetAbsence)-[:OBSERVED_PROPERTY]->(ind:Indicator)
MATCH (x)-[:GOVERNMENT]->(g)
WHERE $government_contains IS NULL OR g.label_zh CONTAINS toString($government_contains)
OPTIONAL MATCH (x)-[:SPAN]->()-[:IN_SENTENCE]->(ts)
RETURN g.label_zh AS government, ind.notation AS indicator_key, ind.notation AS indicator, x.ref_year AS year,
       null AS target, null AS target_max, null AS target_unit, null AS qualifier, null AS actual,
       null AS actual_unit, 'no target' AS verdict, 'no target' AS verdict_strict,
       ts.text_zh AS target_sentence, null AS actual_sentence
}
RETURN government, indicator_key, indicator, year, target, target_max, target_unit, qualifier, actual, actual_unit,
       verdict, verdict_strict, target_sentence, actual_sentence
ORDER BY government, year, indicator_key, target, actual

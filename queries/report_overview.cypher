// The reports in the graph: government, plan and review year, delivery date, speaker, and
// how many parts, sections, sentences, figures, mentions and glossary terms each has.
// Twin of report_overview.rq.
// Columns: report, government, plan_year, review_year, date, speaker, parts, sections, sentences, observations, mentions, glossary_terms.
MATCH (report:Report)-[:GOVERNMENT]->(g) WHERE g.label_zh IS NOT NULL
RETURN report.iri AS report, g.label_zh AS government, report.plan_year AS plan_year,
       report.review_year AS review_year, report.date AS date, report.speaker_zh AS speaker,
       COUNT { (x:Part)-[:IN_REPORT]->(report) } AS parts,
       COUNT { (x:Section)-[:IN_REPORT]->(report) } AS sections,
       COUNT { (x:Sentence)-[:IN_REPORT]->(report) } AS sentences,
       COUNT { (x:Observation)-[:WAS_DERIVED_FROM]->(report) } AS observations,
       COUNT { (x:Mention)-[:WAS_DERIVED_FROM]->(report) } AS mentions,
       COUNT { (x:GlossaryTerm)-[:WAS_DERIVED_FROM]->(report) } AS glossary_terms
ORDER BY government, plan_year

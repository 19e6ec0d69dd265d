// Where the body uses each glossary term (also by its bare key, e.g. "双招双引"):
// term, key, section and sentence of each use. Twin of glossary_mentions.rq.
// Columns: report, key, term, section_key, surface, sentence.
MATCH (t:GlossaryTerm) WHERE t.pref_label_zh IS NOT NULL
MATCH (m:Mention)-[:HAS_BODY]->(t)
MATCH (m)-[:HAS_TARGET]->(span)
MATCH (m)-[:WAS_DERIVED_FROM]->(report)
MATCH (span)-[:HAS_SELECTOR]->(sel:TextQuoteSelector)
WHERE span.start IS NOT NULL AND sel.exact IS NOT NULL
OPTIONAL MATCH (span)-[:IN_SECTION]->(sec)
OPTIONAL MATCH (span)-[:IN_SENTENCE]->(sentence)
RETURN report.iri AS report, t.notation AS key, t.pref_label_zh AS term,
       sec.section_key AS section_key, sel.exact AS surface, sentence.text_zh AS sentence
ORDER BY report, key, span.start

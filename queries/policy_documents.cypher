// The policy documents named with title marks 《…》 and where each is named: report, section,
// sentence. A policy counts as a document when a mention of it stands in 《…》 (the mark right
// before the mention) or its name carries the marks. Twin of policy_documents.rq.
// Columns: policy, report, section_key, sentence.
MATCH (p:Policy) WHERE p.label_zh IS NOT NULL
  AND EXISTS {
    MATCH (dm)-[:HAS_BODY]->(p)
    MATCH (dm)-[:HAS_TARGET]->()-[:HAS_SELECTOR]->(dq:TextQuoteSelector)
    WHERE dq.exact IS NOT NULL AND (coalesce(dq.prefix, '') ENDS WITH '《' OR dq.exact CONTAINS '《')
  }
MATCH (m)-[:HAS_BODY]->(p)
MATCH (m)-[:HAS_TARGET]->(span)
MATCH (m)-[:WAS_DERIVED_FROM]->(report)
WHERE span.start IS NOT NULL
OPTIONAL MATCH (span)-[:IN_SECTION]->(sec)
OPTIONAL MATCH (span)-[:IN_SENTENCE]->(sentence)
RETURN DISTINCT p.label_zh AS policy, report.iri AS report, sec.section_key AS section_key,
       sentence.text_zh AS sentence
ORDER BY policy, report

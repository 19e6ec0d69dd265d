// Every relation the text states (part_of, located_in, organised_by, run_by, defined_in)
// with the sentence that states it. Twin of relations_with_evidence.rq.
// Columns: subject, predicate, object, report, evidence, sentence.
MATCH (ra:RelationAssertion)-[:STATEMENT_SUBJECT]->(s)
MATCH (ra)-[:STATEMENT_PREDICATE]->(p)
MATCH (ra)-[:STATEMENT_OBJECT]->(o)
MATCH (ra)-[:WAS_DERIVED_FROM]->(report)
MATCH (ra)-[:SPAN]->(span)
MATCH (span)-[:HAS_SELECTOR]->(sel:TextQuoteSelector)
WHERE s.label_zh IS NOT NULL AND o.label_zh IS NOT NULL AND span.start IS NOT NULL AND sel.exact IS NOT NULL
OPTIONAL MATCH (span)-[:IN_SENTENCE]->(sentence)
RETURN s.label_zh AS subject, split(p.iri, '#')[-1] AS predicate, o.label_zh AS object,
       report.iri AS report, sel.exact AS evidence, sentence.text_zh AS sentence
ORDER BY report, span.start, subject, predicate, object

// How many named things of each type every section mentions (a profile of what each
// section is about). Twin of entity_mentions_by_section.rq.
// Columns: report, section_key, section, places, organisations, programmes, policies, sectors.
MATCH (s:Section)-[:IN_REPORT]->(report)
WHERE s.section_key IS NOT NULL AND s.title_zh IS NOT NULL
MATCH (span)-[:IN_SECTION]->(s)
MATCH (m:Mention)-[:HAS_TARGET]->(span)
MATCH (m)-[:HAS_BODY]->(e)
RETURN report.iri AS report, s.section_key AS section_key, s.title_zh AS section,
       count(DISTINCT CASE WHEN e:Place THEN e END) AS places,
       count(DISTINCT CASE WHEN e:Organization THEN e END) AS organisations,
       count(DISTINCT CASE WHEN e:Programme THEN e END) AS programmes,
       count(DISTINCT CASE WHEN e:Policy THEN e END) AS policies,
       count(DISTINCT CASE WHEN e:Sector THEN e END) AS sectors
ORDER BY report, section_key

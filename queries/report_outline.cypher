// The outline of each report: its parts (with their role) and numbered sections, in order.
// Twin of report_outline.rq.
// Columns: report, part, role, part_title, section, section_title, heading_defect.
MATCH (p:Part)-[:IN_REPORT]->(report)
MATCH (p)-[:ROLE]->(role)
WHERE p.number IS NOT NULL AND p.title_zh IS NOT NULL AND role.notation IS NOT NULL
OPTIONAL MATCH (s:Section)-[:IN_PART]->(p)
  WHERE s.number IS NOT NULL AND s.title_zh IS NOT NULL AND s.heading_defect IS NOT NULL
RETURN report.iri AS report, p.number AS part, role.notation AS role, p.title_zh AS part_title,
       s.number AS section, s.title_zh AS section_title, s.heading_defect AS heading_defect
ORDER BY report, part, section

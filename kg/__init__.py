"""kg: Chinese government work reports (政府工作报告) as a traceable knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"

"""Report metadata: title, issuing government, place, speaker, dates, meeting, years.

``extract_metadata`` reads the title block, the greeting paragraph ("我代表XX人民政府")
and the page chrome (``Text.chrome``) of a report, plus the part titles when the
structure parser has found them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from kg.model import Part, ReportMeta, Text

log = logging.getLogger(__name__)


def extract_metadata(text: Text, parts: Sequence[Part] = ()) -> ReportMeta:
    """The metadata of the report in ``text`` (fields the text does not show are None)."""
    return ReportMeta()

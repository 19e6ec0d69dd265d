"""Records → JSON-ready values (dataclasses, enums, Decimals), for `--json` output."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from enum import Enum
from typing import Any


def to_jsonable(obj: Any, *, skip: frozenset[str] = frozenset()) -> Any:
    """A plain JSON value for ``obj``; fields named in ``skip`` are left out."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_jsonable(getattr(obj, f.name), skip=skip)
            for f in dataclasses.fields(obj)
            if f.name not in skip
        }
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, Decimal):
        # exact where the JSON number can carry it
        return int(obj) if obj == obj.to_integral_value() and abs(obj) < 2**53 else float(obj)
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v, skip=skip) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [to_jsonable(v, skip=skip) for v in obj]
    return obj


def dumps(obj: Any, *, skip: frozenset[str] = frozenset(), indent: int | None = 2) -> str:
    return json.dumps(to_jsonable(obj, skip=skip), ensure_ascii=False, indent=indent)

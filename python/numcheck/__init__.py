"""numcheck: checks the numbers in news articles against each other.

``extract(text)`` lists the quantities of an article and ``check(text)`` its
findings, as the dicts of ``numcheck extract/check --format json`` (one file's
``"quantities"`` or ``"diagnostics"``). Spans are UTF-8 byte offsets into the
text: ``text.encode()[span["start"]:span["end"]]``. The work runs without the
GIL, so threads check articles in parallel.
"""

from __future__ import annotations

import datetime
import json
import os
from typing import Any, Dict, List, Optional, Union

from . import _numcheck

__all__ = ["check", "extract", "__version__"]
__version__: str = _numcheck.__version__

Text = Union[str, bytes]
DateLike = Union[datetime.date, str]


def _iso_date(date: Optional[DateLike]) -> Optional[str]:
    """``date`` as YYYY-MM-DD: a ``datetime.date`` (or ``datetime``: its
    calendar date) or a string, which the library validates."""
    if date is None or isinstance(date, str):
        return date
    if isinstance(date, datetime.date):
        return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"
    raise TypeError(f"date: expected datetime.date or str, got {type(date).__name__}")


def extract(
    text: Text, date: Optional[DateLike] = None, *, format: str = "plain"
) -> List[Dict[str, Any]]:
    """The quantities in ``text`` (``str``, or ``bytes`` in UTF-8), as
    ``numcheck extract --format json`` lists them for one file.

    ``date`` is the article's date (``--date``): it resolves relative dates.
    ``format`` is how to read the text (``--input-format``): "plain",
    "markdown" or "html".
    Raises ``ValueError`` for bytes that are not UTF-8 and for a bad date.
    """
    result = json.loads(_numcheck.extract_json(text, _iso_date(date), format))
    return result["quantities"]


def check(
    text: Text,
    date: Optional[DateLike] = None,
    facts: Union[str, bytes, "os.PathLike[str]", None] = None,
    config: Union[Dict[str, Any], str, "os.PathLike[str]", None] = None,
    *,
    format: str = "plain",
) -> List[Dict[str, Any]]:
    """The findings in ``text`` (``str``, or ``bytes`` in UTF-8), as
    ``numcheck check --format json`` lists them for one file.

    - ``date``: the article's date (``--date``), a ``datetime.date`` or
      "YYYY-MM-DD".
    - ``facts``: reference facts trusted as true (``--facts``): their text
      (``str`` or ``bytes``), or a path to a file (``os.PathLike``, e.g.
      ``pathlib.Path``).
    - ``config``: a configuration (``--config``): a path to a
      ``numcheck.toml`` (``os.PathLike``), the text of one (``str``), or the
      same as a ``dict`` (``{"ignore": [...], "rules": {...}}``). Paths inside
      a file are relative to it; inside a text or dict, to the current folder.
      ``None``: the built-in rules (no ``numcheck.toml`` is searched for).
    - ``format``: how to read the text (``--input-format``): "plain",
      "markdown" or "html".

    Raises ``ValueError`` with the CLI's message for bytes that are not UTF-8,
    a bad date and a bad configuration; ``OSError`` for a file that cannot be
    read.
    """
    kwargs: Dict[str, Any] = {}
    if isinstance(facts, os.PathLike):
        kwargs["facts_path"] = os.fspath(facts)
    elif facts is not None:
        kwargs["facts_text"] = facts
    if isinstance(config, os.PathLike):
        kwargs["config_path"] = os.fspath(config)
    elif isinstance(config, str):
        kwargs["config_toml"] = config
    elif isinstance(config, dict):
        kwargs["config_json"] = json.dumps(config)
    elif config is not None:
        raise TypeError(
            f"config: expected a path, a TOML str or a dict, got {type(config).__name__}"
        )
    result = json.loads(_numcheck.check_json(text, _iso_date(date), format, **kwargs))
    return result["diagnostics"]

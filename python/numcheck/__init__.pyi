import datetime
import os
from typing import Any, Dict, List, Optional, Union

__version__: str

Text = Union[str, bytes]
DateLike = Union[datetime.date, str]

def extract(
    text: Text, date: Optional[DateLike] = None, *, format: str = "plain"
) -> List[Dict[str, Any]]: ...
def check(
    text: Text,
    date: Optional[DateLike] = None,
    facts: Union[str, bytes, os.PathLike[str], None] = None,
    config: Union[Dict[str, Any], str, os.PathLike[str], None] = None,
    *,
    format: str = "plain",
) -> List[Dict[str, Any]]: ...

from typing import Optional, Union

__version__: str

def extract_json(
    text: Union[str, bytes], date: Optional[str] = None, format: Optional[str] = None
) -> str: ...
def check_json(
    text: Union[str, bytes],
    date: Optional[str] = None,
    format: Optional[str] = None,
    facts_path: Optional[str] = None,
    facts_text: Union[str, bytes, None] = None,
    config_path: Optional[str] = None,
    config_toml: Optional[str] = None,
    config_json: Optional[str] = None,
) -> str: ...

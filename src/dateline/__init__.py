"""dateline: raw news in, sourced facts out.

>>> import dateline
>>> article = dateline.process(html_or_text, url=..., published="2020-11-20")
>>> for record in dateline.process_many(texts): ...
"""

from dateline.errors import DocumentError
from dateline.record import Article
from dateline.run.pipeline import process, process_many, process_paths

__all__ = ["Article", "DocumentError", "process", "process_many", "process_paths"]
__version__ = "0.1.0"

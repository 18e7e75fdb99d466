"""DOCX → the body text, one paragraph per line, with each line's paragraph number.

What is read (WordprocessingML, ``word/document.xml``):

- every paragraph (``w:p``) of the body in order, including the text of tracked insertions
  (``w:ins``: the document as it will read once changes are accepted) and not the text of
  tracked deletions (``w:delText``, ``w:moveFrom``);
- tables: one line per row, the cells' text separated by `` | `` (so two cells' numbers never
  glue into one); a paragraph inside a cell counts as a paragraph;
- footnotes and endnotes (``word/footnotes.xml``, ``word/endnotes.xml``) after the body, each
  note's paragraphs numbered on from the body's;
- ``w:tab`` as a tab, ``w:br``/``w:cr`` as a space, ``w:noBreakHyphen`` as "-"; the fallback copy
  of alternate content (``mc:Fallback``) is skipped so a text box is not read twice.

Paragraph numbers count every ``w:p`` in reading order (empty ones too, table cells included,
notes after the body), 1-based; findings carry ``paragraph`` (see ``Document.locations``).

Safety: the archive is read with :mod:`zipfile` under limits (members, uncompressed bytes
counted while inflating, not as declared); an XML part with a DTD is refused before parsing
(no entity can be declared, so no entity bomb and no external entity), and parsing goes
through defusedxml (``pip install 'validator[docx]'``), which forbids DTDs and entities too.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib

from .limits import Limits, LimitError, size_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + "delText", W + "moveFrom", W + "instrText", MC + "Fallback", W + "rPr", W + "pPr",
         W + "del", W + "sectPr"}


class DocxError(Exception):
    pass


# What zipfile raises on a damaged or crafted archive (it is not only BadZipFile).
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, NotImplementedError,
               RuntimeError, ValueError, struct.error, KeyError, IndexError, OverflowError, UnicodeError)


def _read_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    """The part's bytes, inflated in chunks and cut off at the limit (a zip bomb's declared size lies)."""
    if info.file_size > limits.max_part_bytes:
        raise LimitError(f"{info.filename} unpacks to {size_text(info.file_size)}, over the "
                         f"{size_text(limits.max_part_bytes)} part limit (a zip bomb?)")
    chunks = []
    size = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_part_bytes:
                raise LimitError(f"{info.filename} unpacks to more than "
                                 f"{size_text(limits.max_part_bytes)} (a zip bomb?)")
            chunks.append(chunk)
    return b"".join(chunks)


def _parse(data: bytes, name: str):
    head = data[:4096].lower()
    if b"<!doctype" in data[:65536].lower() or b"<!entity" in head:
        raise DocxError(f"{name} declares a DTD (entities are refused: an XML entity bomb?)")
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import ParseError, fromstring
    except ImportError:
        raise DocxError("reading DOCX needs the docx extra: pip install 'validator[docx]'") from None
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise DocxError(f"{name}: refused: {exc}") from None
    except ParseError as exc:
        raise DocxError(f"{name} is not well-formed XML ({exc})") from None


class _Writer:
    def __init__(self, limits: Limits, deadline: float) -> None:
        self.lines: list[str] = []
        self.offset = 0
        self.locations: list[tuple[int, str, int]] = []
        self.paragraph = 0
        self.limits = limits
        self.deadline = deadline
        self.chars = 0

    def line(self, text: str, paragraph: int, kind: str = "paragraph") -> None:
        text = text.replace("\n", " ").replace("\r", " ")
        self.locations.append((self.offset, kind, paragraph))
        self.lines.append(text)
        self.offset += len(text) + 1
        self.chars += len(text) + 1
        if self.chars > self.limits.max_chars:
            raise LimitError(f"text is over the {self.limits.max_chars:,}-character limit")
        if time.monotonic() > self.deadline:
            raise LimitError(f"reading took more than {self.limits.max_seconds:g} seconds")


def _para_text(p) -> str:
    """The text of one paragraph as it reads with tracked changes accepted (iterative walk)."""
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append(" ")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "p" or tag == W + "tbl":
            # a text box's paragraphs inside this one: separate them from the run text
            parts.append(" ")
            stack.append(iter(el))
        else:
            stack.append(iter(el))
    return "".join(parts)


def _block(container, out: _Writer) -> None:
    """Paragraphs and tables of a body, cell or note, in order, iteratively."""
    stack = [iter(container)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "p":
            out.paragraph += 1
            out.line(_para_text(el), out.paragraph)
        elif tag == W + "tbl":
            _table(el, out)
        else:  # w:sdt, w:sdtContent, w:customXml, w:ins around paragraphs …
            stack.append(iter(el))


def _children(parent, tag: str):
    """*parent*'s own rows or cells (not those of nested tables), through content controls."""
    stack = [iter(parent)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
        elif el.tag == tag:
            yield el
        elif el.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            stack.append(iter(el))


def _table(tbl, out: _Writer) -> None:
    for tr in _children(tbl, W + "tr"):
        cells = []
        first = None
        for tc in _children(tr, W + "tc"):
            texts = []
            for p in tc.iter(W + "p"):
                out.paragraph += 1
                first = first or out.paragraph
                t = _para_text(p).strip()
                if t:
                    texts.append(t)
            cells.append(" ".join(texts))
        if first is not None:
            out.line(" | ".join(cells), first)


def extract(data: bytes, limits: Limits) -> tuple[str, tuple[tuple[int, str, int], ...]]:
    """The text of a DOCX and its locations ((offset, "paragraph", n), …); raises DocxError/LimitError."""
    deadline = time.monotonic() + limits.max_seconds
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:  # Ex) NotImplementedError("zip file version 22.8")
        raise DocxError(f"not a DOCX file: {exc}") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise LimitError(f"archive has {len(infos):,} entries, over the {limits.max_members:,} limit")
        by_name = {i.filename: i for i in infos}
        if "word/document.xml" not in by_name:
            raise DocxError("not a DOCX file (no word/document.xml; an old .doc? save it as .docx)")
        out = _Writer(limits, deadline)
        try:
            body = _parse(_read_part(zf, by_name["word/document.xml"], limits), "word/document.xml")
            found = body.find(W + "body")
            _block(found if found is not None else body, out)
            for part, kind in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
                if part not in by_name:
                    continue
                notes = _parse(_read_part(zf, by_name[part], limits), part)
                for note in notes:
                    if note.tag not in (W + "footnote", W + "endnote"):
                        continue
                    if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    _block(note, out)
        except _ZIP_ERRORS as exc:  # Ex) ValueError("negative seek value -279")
            raise DocxError(f"damaged DOCX archive: {exc}") from None
    return "\n".join(out.lines) + "\n", tuple(out.locations)


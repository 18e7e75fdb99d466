"""Write the fuzz target's seed corpus (fuzz/corpus/): one small input per format and encoding.

Each file is the fuzz input format: one byte choosing the format (0 text, 1 Markdown, 2 HTML,
3 DOCX, 4 PDF), then the file's bytes.  The sentences are written for the corpus.
"""

from __future__ import annotations

import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tests.inputs import builders  # noqa: E402

ZH = ("全市共有行政村1090个，其中收入5万元以上的村743个、占68.2%。\n"
      "全年完成固定资产投资3.6亿元，比上年增长12.5%，其中工业投资占四成。\n"
      "重点推进交通、水利、能源、通信等5个方面建设，分别完成投资1.2亿元、0.8亿元、0.9亿元。\n")
EN = "Of the 2,480 households surveyed, 1,156 (46.6%) reported higher incomes; about 3.5 million in total.\n"
BIG5 = "全縣共有村里一千零九十個，收入五萬元以上的有七百四十三個，佔百分之六十八點二。\n"
MD = "# 2023年工作回顾\n\n- 新建学校12所\n- 改造道路38公里\n\n| 指标 | 2022 | 2023 |\n|---|---|---|\n| 产值 | 103.8 | 92.3 |\n"


def inputs() -> list[bytes]:
    return [
        b"\x00" + ZH.encode("utf-8"),
        b"\x00" + ZH.encode("gb18030"),
        b"\x00" + ZH.encode("utf-16"),
        b"\x00" + b"\xef\xbb\xbf" + EN.encode(),
        b"\x00" + BIG5.encode("big5"),
        b"\x01" + MD.encode(),
        b"\x02" + builders.html_from_text(ZH).encode("utf-8"),
        b"\x02" + b"<table><tr><td>103.8</td><td>92.3</td></tr></table><p>" + ZH.encode("gbk") + b"</p>",
        b"\x03" + builders.docx_from_text(ZH),
        b"\x03" + builders.docx_bytes(
            '<w:p><w:r><w:t>全年新增就业</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>1.2万人</w:t></w:r>'
            '</w:ins></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>103.8</w:t></w:r></w:p></w:tc>'
            '<w:tc><w:p><w:r><w:t>92.3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
            '<w:footnote w:id="1"><w:p><w:r><w:t>注：数据为初步统计数。</w:t></w:r></w:p></w:footnote>'),
        b"\x04" + builders.pdf_from_text(ZH + EN),
    ]


def main() -> None:
    out = os.path.join(ROOT, "fuzz", "corpus")
    os.makedirs(out, exist_ok=True)
    for data in inputs():
        name = hashlib.sha1(data).hexdigest()[:16]
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)


if __name__ == "__main__":
    main()

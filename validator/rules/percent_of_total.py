"""A part's stated share of a whole disagrees with the part and the whole stated in the text.

What it does:
    Finds a count or an amount and its share — "收入5万元以上的村743个、占66.8%", "…835.2亿元，
    增长15.1%，占31.6%", "占全州党支部总数的84.9%"; "743 (66.8%) of the 1,090 villages", "743
    of the 1,090 villages (66.8%)", "743 villages, or 66.8% of the 1,090", "Of the 1,090
    villages, 743 (66.8%) …", "1,090 villages, of which 743 (66.8%) …" — and the whole it is
    a share of: the total named in the same phrase; the one like total before 其中; a total
    of the same things (same measure word and noun) marked with 全州/全省/共有/合计 in the same
    sentence or, for counts, the only such total in the report; or the total 占 names
    (占规上工业企业的 → "全市共有规模以上工业企业1326家").  Also read:

    - a whole named after 占 as one of the usual totals — 外贸总值/进出口总额, 出口总值, 进口总值,
      服务进出口总额, 服务出口总额, GDP/地区生产总值, 营收/营业收入 — "占外贸总值的57%", "占出口
      总值的（下同）65.9%", "占GDP的26.7%", "营收占比达到58%" (and "在服务出口总额的52.7%"): the
      whole is an earlier amount in the same currency written with that name ("1-8月江苏省外贸进
      出口值32878.4亿元", "其中，出口20310.4亿元", "公司实现营业收入41.77亿元"), after only place,
      company, period and 其中 words — "民营企业进出口" and "知识密集型服务进出口" are parts, not
      the whole; it must be the only value so written for the share's period (1-7月 is not 7月份)
      and year, and name no other place than the share's paragraph does, else nothing is said;
    - a bare "占53.5%" in a sentence opening with 同期/其中 after a share that named its whole in
      the same paragraph ("…占外贸总值的37.5%。同期，外商投资企业进出口17613.2亿元，增长10.7%，
      占53.5%；国有企业进出口2945.3亿元，占9%"), the parts named alike (进出口 ~ 进出口); or in
      the sentence after a paragraph's opening sentence that states one amount of the same kind
      ("全市完成固定资产投资1285.6亿元，…。其中，工业投资412.3亿元，…，占32.1%");
    - flattened tables (``label | amount | share | amount | share``) whose share column shows
      100% on one row (Revenue, Net sales, Total): every other row's share is its amount over that
      row's, rounding-aware ("54%" is 53.5–54.5%, "(1)%" is −1%, "—%" is skipped, "(222)" is
      −222); read only when at least two rows and most rows of the column bear the reading out,
      and never under a "% change" title; a share column without % signs needs a "% of total" /
      占比 title;
    - "As a percentage of revenues, X decreased to 6% for the fourth quarter of 2019 from 7% for
      the fourth quarter of 2018" when X and Revenues are rows of one table of the report and each
      year names one column (a quarter is not a "year ended" column); expenses in parentheses
      count as positive;
    - one entity's amount as a share of another's, named with 的 after 仅为/只有/相当于/为/是:
      "芜湖GDP为4302.63亿元，仅为合肥的37%" — the whole is the amount stated earlier in the report
      for that name and the same measure ("合肥GDP为11412.8亿元"; GDP, 营收, 净利润, 进出口,
      一般公共预算收入 …), in the same unit; read only when every such earlier statement gives
      one value and the years named with the two amounts do not differ;
    - a list of parts with 分别占 a list of shares, of the whole a bare 占 would have (the one a
      share named before in the paragraph, or the paragraph's opening total): "同期，加工贸易和
      保税物流进出口10293亿元和3544.9亿元，同增1.9%和38.4%，分别占31.3%和10.8%" — as many
      amounts (joined by 和/、/及, one currency) as shares, paired in order.

    The share is checked with interval
    arithmetic: 66.8% stands for 66.75–66.85%, 约占65% for 58.45–71.55%, 超过80% for 79.5% and
    up, so the sentence fails only when no part and whole that would be written that way give
    that share.

Why it matters:
    A share that does not match its own count is the most common arithmetic slip in reports,
    and the reader cannot tell which of the three numbers is wrong.  The message says what each
    number would have to be for the sentence to hold.

Example (fails):
    全州1090个村集体经济收入均达到2万元以上，收入5万元以上的村743个、占66.8%。

Use instead (passes):
    全州1090个村集体经济收入均达到2万元以上，收入5万元以上的村743个、占68.2%。

Precision first: when the base of a share is named as something not in the text (占全省GDP的38%),
when the text states several different totals it could be, when the share is a change (比重从…
提高到…), or when the part is a bound (超过5万元), nothing is said.
"""

from __future__ import annotations

import math
from itertools import chain
from collections.abc import Iterable, Iterator
from dataclasses import replace
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..extract import APPROX_RELATIVE
from ..interval import Interval, fmt
from ..model import Check, Finding, Quantity, Related
from ..extract.tables import is_header, tables
from .base import Context, decimals_of, integers_in, num, range_text, show

ID = "percent-of-total"
SEVERITY = "error"

_PART_KINDS = ("count", "number", "amount")

# -- Chinese ---------------------------------------------------------------------------------
# The words between 占 and the share, peeled off from the right one at a time.
# Ex) "占全州村总数的比重为66.8%" → 为, 比重, 的, 总数 → scope 全州, base noun 村
_ZH_VERB_TAIL = lazy_compile(
    r"(?:为|达到|达|到|是|约为|约|大约|超过|超|逾|近|接近|将近|不到|不足|仅为|仅|只有|高达|已达|已|了)$")
# Ex) "占全部投资比重从26.7%提高到52.1%" — a change of a share, not a share of a stated whole
_ZH_SHARE_CHANGE = lazy_compile(r"从|由|提高|提升|上升|下降|降低|升至|降至|增加|减少|变化")
# Ex) "14个重点产业产值占…" — the number counts what owns the measure, not the part itself
_ZH_MEASURE_NOUN = lazy_compile(r"(?:产值|收入|增加值|面积|人口|产量|总额|规模|投资|比重|资产|利润|费用|贷款|存款|支出)$")
_ZH_RATIO_TAIL = lazy_compile(r"(?:比重|比例|份额|比)$")
_ZH_TOTAL_TAIL = lazy_compile(r"(?:总数|总量|总额|总和|总计|总体|整体)$")
_ZH_SCOPE_HEAD = lazy_compile(r"^(?:全[州省市县区国镇乡]|整个|所有|全部)")
_ZH_HAN_ONLY = lazy_compile(r"^\p{Han}{0,10}$")
# Ex) "743个、占" "743个村，占" — what may stand between the part (and its noun) and 占
_ZH_PART_GAP = lazy_compile(r"^[、，,]?$")
# Ex) "，增长15.1%" "，同比下降3.2%" "，比上年增加56个" — a change between the part and its share
_ZH_GROWTH_GAP = lazy_compile(r"^[、，,](?:同比|比上年|较上年|比去年)?(?:增长|下降|增加|减少|提高|增|降)了?$")
# Ex) "约占65%" "接近占" "超过占" — a qualifier written before 占 rather than before the number
_ZH_LEAD_QUALIFIER = lazy_compile(r"(?:大约|约|将近|接近|近|超过|不到|不足)$")
_LEAD_KIND = {"大约": "approx", "约": "approx", "将近": "upper", "接近": "upper", "近": "upper",
              "超过": "lower", "不到": "upper", "不足": "upper"}
# Ex) "全州1090个村" "全县共有行政村236个" "合计5470万元" "村总数1090个" — a whole
_ZH_WHOLE_MARK = lazy_compile(r"全[州省市县区国镇乡]|共有|共计|总计|合计|总共|总数|总量|总额|(?<!公)共(?![产同建享青治识赢])")
_ZH_SCOPE = lazy_compile(r"全[州省市县区国镇乡]")
_ZH_CLAUSE_BREAK = lazy_compile(r"[，,。；;：:！？!?\n（(）)]")
_ZH_UP_TO_LAST_BREAK = lazy_compile(r"(?s).*[，,。；;：:！？!?\n（(）)]")
# Words around a noun that are not the noun.  Ex) "全县共有行政村" → 行政村, "其中村党支部" → 村党支部
_ZH_NOUN_HEAD = lazy_compile(r"^(?:其中|全[州省市县区国镇乡]|共有|共计|总计|合计|总共|现有|拥有|有|共|累计|目前|已)+")
_ZH_NOUN_TAIL = lazy_compile(
    r"(?:达到|达|为|有|是|增至|增加到|增长到|突破|超过|超|逾|近|约|约为|大约|将近|接近|不足|不到|完成|实现|总数|总量|总额|共计|合计|共)+$")

# -- English ---------------------------------------------------------------------------------
# A few words naming the things counted.  Ex) " villages" " rural households"
_EN_WORDS = r"(?:\s+[A-Za-z][A-Za-z-]*){0,3}"
_EN_QUAL = (r"(?:(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|less\s+than|"
            r"fewer\s+than|just\s+over|just\s+under|some|close\s+to|at\s+least|under)\s+)?")
# Ex) "743 (" "743 villages, or " "743, representing " "743 villages — "
_EN_PART_TO_SHARE = lazy_compile(
    r"^" + _EN_WORDS + r"\s*(?:\(|,\s+or\s+|\s+or\s+|,?\s+representing\s+|,?\s+accounting\s+for\s+|"
    r",?\s+i\.e\.,?\s+|\s*[—–]\s*|,\s+)" + _EN_QUAL + r"$", regex.IGNORECASE)
# Ex) ") of the " "% of all " " of a total of " ", of the total "
_EN_SHARE_TO_WHOLE = lazy_compile(
    r"^\)?,?\s+(?:of|out\s+of)\s+(?:the\s+|all\s+|a\s+total\s+of\s+|its\s+|their\s+)?(?:total\s+(?:of\s+)?)?$",
    regex.IGNORECASE)
# Ex) "743 of the " "743 villages out of "
_EN_PART_TO_WHOLE = lazy_compile(
    r"^" + _EN_WORDS + r"\s+(?:of|out\s+of)\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?$", regex.IGNORECASE)
# Ex) "Of the " "In 2023, of the " — a sentence that opens with its whole
_EN_OF_OPEN = lazy_compile(r"^[\W_]*(?:[A-Za-z0-9 ]{1,30},\s+)?(?:of|among)\s+(?:(?:the|all|these|those)\s+)?$",
                            regex.IGNORECASE)
# Ex) " villages, " " villages surveyed in 2019, " (years and dates read as words here)
_EN_WHOLE_TO_PART = lazy_compile(r"^(?:\s+[A-Za-z0-9][A-Za-z0-9-]*){0,6},\s+$")
# Ex) " villages, of which " " people at the year end, of whom "
_EN_OF_WHICH = lazy_compile(
    r"^(?:\s+[A-Za-z][A-Za-z-]*){0,6},\s+(?:of\s+which|of\s+whom|among\s+them|among\s+which|among\s+whom|including)\s+$",
    regex.IGNORECASE)
_EN_GAP_MAX = 60


def check(ctx: Context) -> Iterator[Check | Finding]:
    qs = ctx.quantities
    for i, share in enumerate(qs):
        if share.kind != "percent":
            continue
        found = _zh_pair(ctx, i) if share.lang == "zh" else _en_pair(ctx, i)
        if found is None:
            continue
        share, part, wholes, explicit = found
        yield from _judge(ctx, share, part, wholes, explicit)
    yield from _table_shares(ctx)
    yield from _en_table_shares(ctx)
    yield from _zh_ratio_to_other(ctx)
    yield from _zh_respective_shares(ctx)


# -- Chinese ---------------------------------------------------------------------------------
def _zh_share_phrase(text: str, share: Quantity) -> tuple[int, str, str] | None:
    """Where 占 stands, the scope and the noun it names.  Ex) "占全州村总数的" → 全州, 村."""
    lo = max(0, share.start - 24)
    window = text[lo:share.start]
    k = window.rfind("占")
    if k == -1:
        return None
    # Ex) "分别占31.3%和10.8%" belongs to the respectively rule
    if window[max(0, k - 2):k] == "分别":
        return None
    s = window[k + 1:]
    if _ZH_CLAUSE_BREAK.search(s) or _ZH_SHARE_CHANGE.search(s):
        return None
    while (m := _ZH_VERB_TAIL.search(s)):
        s = s[:m.start()]
    s = _ZH_RATIO_TAIL.sub("", s)
    if s.endswith("的"):
        s = s[:-1]
    s = _ZH_TOTAL_TAIL.sub("", s)
    scope = ""
    if (m := _ZH_SCOPE_HEAD.match(s)):
        scope, s = m.group(), s[m.end():]
    if not _ZH_HAN_ONLY.match(s):
        return None  # Ex) "占全省GDP的" — a base we cannot name
    return lo + k, scope, s


def _zh_pair(ctx: Context, i: int):
    qs, text = ctx.quantities, ctx.text
    share = qs[i]
    if i == 0:
        return None
    # Ex) "占外贸总值的57%" "营收占比达到58%" — a whole named as a total stated earlier
    named_whole = _zh_named_phrase(text, share)
    if named_whole is not None:
        found = _zh_pair_at(ctx, i, named_whole[0])
        if found is not None and found[1].kind == "amount":
            wholes = _zh_named_wholes(ctx, found[0], found[1], named_whole[1], named_whole[2])
            if wholes is not None and _larger(wholes[0], found[1]):
                return found[0], found[1], wholes, wholes
    phrase = _zh_share_phrase(text, share)
    if phrase is None:
        return None
    zhan, scope, base = phrase
    found = _zh_pair_at(ctx, i, zhan)
    if found is None:
        return None
    share, part = found
    s0, _ = ctx.sentence_of(share.start)
    # The candidate wholes: larger quantities of the same kind (a count with the same measure
    # word, an amount in the same currency) anywhere in the report.  They are looked up in the
    # document's index and filtered lazily, in text order, so a share costs what its own
    # sentence costs unless the verdict really needs the rest of the report.
    key = _like_key(part)

    def whole(q: Quantity) -> bool:
        if q is part or not q.value.bounded or not _larger(q, part):
            return False
        # Ex) "占全州党支部总数的": the whole must be a count of 党支部 (or an amount so named)
        return _is_base(q, part, base) if base else _same_thing(part, q)

    def named(q: Quantity) -> bool:
        mark = _mark(ctx, q)
        # Ex) "占全省的" is not a share of a total marked 全州
        return mark[1] == scope if scope else (bool(base) or mark[0])

    def wholes() -> Iterator[Quantity]:
        return (q for q in ctx.index("like", _like_key).get(key, ()) if whole(q))

    local = [q for q in ctx.between(s0, part.start) if _like_key(q) == key and whole(q)]
    same_sentence = [q for q in local if named(q)]
    among = _zh_among(ctx, part, s0) if not base and not scope else None
    if among is not None:
        return share, part, chain([among], wholes()), [among]
    if part.kind == "amount" and not base:
        # Amounts of money are all "the same thing": only a total in the same sentence will do,
        # or one the paragraph made the base of its shares (below).
        if not same_sentence and not scope:
            inherited = _zh_inherited_whole(ctx, i, part) or _zh_opening_whole(ctx, share, part)
            if inherited:
                return share, part, wholes(), inherited
        return share, part, wholes(), same_sentence
    if not same_sentence and local:
        # Ex) "全州共有行政村1090个。…临夏市有行政村120个，通硬化路的村96个，占85%": of 120 or
        # of 1090?  A like number earlier in the sentence makes the marked total uncertain.
        return share, part, wholes(), []
    if same_sentence:
        return share, part, wholes(), same_sentence
    # Ex) "全县共有行政村236个。…" — a marked total elsewhere in the report: only the marked
    # ones are looked at (unless 占 names the base, when every like whole is named)
    pool = ctx.index("like", _like_key).get(key, ()) if base else _marked(ctx, key)
    return share, part, wholes(), [q for q in pool if whole(q) and named(q)]


def _zh_pair_at(ctx: Context, i: int, zhan: int) -> tuple[Quantity, Quantity] | None:
    """The share (with a qualifier written before 占) and its part, for 占 at *zhan*."""
    qs, text = ctx.quantities, ctx.text
    share = qs[i]
    part, after_part = qs[i - 1], qs[i - 1].end
    # Ex) "835.2亿元，增长15.1%，占31.6%" "743个，比上年增加56个，占66.8%" — a change may stand
    # between the part and 占
    if part.kind in ("percent", "pp", "count", "amount") and i >= 2 and part.end <= zhan:
        before = qs[i - 2]
        between = text[before.end:part.start]
        if before.noun and between.startswith(before.noun):
            between = between[len(before.noun):]
        if _ZH_GROWTH_GAP.match(between):
            part, after_part = before, part.end
        elif (chained := _zh_predicate_chain(ctx, i - 1)) is not None:
            # Ex) "民营企业进出口12315.2亿元，同增28.1%，高出全省增速11个百分点，拉动进出口增长
            # 9.6个百分点，占外贸总值的37.5%" — every clause between is said of the same subject
            part, after_part = chained, part.end
    if part.kind not in ("count", "amount") or after_part > zhan or not part.value.bounded:
        return None
    gap = text[after_part:zhan]
    # Ex) "743个村，占" — the part's noun may stand between it and 占
    if part.noun and gap.startswith(part.noun):
        gap = gap[len(part.noun):]
        # Ex) "9个乡镇占全县的75%" yes; "14个重点产业产值占…" no
        if not gap and (len(part.noun) > 4 or _ZH_MEASURE_NOUN.search(part.noun)):
            return None
    # Ex) "743个，约占65%" — the qualifier written before 占 belongs to the share
    lead = _ZH_LEAD_QUALIFIER.search(gap)
    if lead:
        gap = gap[:lead.start()]
        share = _qualified(share, lead.group())
    if not _ZH_PART_GAP.match(gap):
        return None
    s0, _ = ctx.sentence_of(share.start)
    if part.start < s0:
        return None
    return share, part


# A clause that says something more of the subject before it: a change, a gap, a contribution.
# Ex) "，同增28.1" "，高出全省外贸整体增速11" "，拉动进出口增长9.6"
_ZH_PREDICATE_GAP = lazy_compile(
    r"^[，,](?:同比|比上年|较上年|比去年|较去年)?(?:同增|同降|增长|下降|增加|减少|提高|降低|高出|高于|低于|"
    r"拉动|回落|上升|提升|增|降)\p{Han}{0,14}$")


def _zh_predicate_chain(ctx: Context, j: int) -> Quantity | None:
    """The amount or count that a run of two to four change clauses ending at qs[j] is said of."""
    qs, text = ctx.quantities, ctx.text
    steps = 0
    while j >= 1 and steps < 4 and qs[j].kind in ("percent", "pp", "multiple"):
        if not _ZH_PREDICATE_GAP.match(text[qs[j - 1].end:qs[j].start]):
            return None
        j -= 1
        steps += 1
    if steps < 2 or qs[j].kind not in ("amount", "count"):
        return None
    return qs[j]


def _like_key(q: Quantity) -> tuple[str, str]:
    """What a whole must share with its part.  Ex) ("count", "个"), ("amount", "CNY")."""
    return q.kind, (q.classifier if q.kind == "count" else q.unit)


def _mark(ctx: Context, q: Quantity) -> tuple[bool, str]:
    memo = ctx.memo("percent-of-total:mark")
    found = memo.get(id(q))
    if found is None:
        found = memo[id(q)] = _zh_mark(ctx, q)
    return found


def _marked(ctx: Context, key: tuple[str, str]) -> list[Quantity]:
    """The like quantities the text marks as totals, in text order, found once per report."""
    memo = ctx.memo("percent-of-total:marked")
    found = memo.get(key)
    if found is None:
        found = memo[key] = [q for q in ctx.index("like", _like_key).get(key, ()) if _mark(ctx, q)[0]]
    return found


def _zh_among(ctx: Context, part: Quantity, s0: int) -> Quantity | None:
    """The whole of "X 1.2万人，其中 Y 4500人，占…": the nearest like quantity before 其中."""
    text = ctx.text
    lo = max(s0, part.start - 30)
    breaks = [m.start() for m in _ZH_CLAUSE_BREAK.finditer(text, lo, part.start)]
    cut = breaks[-1] + 1 if breaks else lo
    if text.startswith("其中", cut):
        start = cut  # Ex) "，其中税收收入182.3亿元"
    elif breaks and text[max(lo, cut - 3):cut - 1].endswith("其中"):
        start = cut - 3  # Ex) "，其中，已通硬化路的村212个"
    else:
        return None
    if ctx.between(start, part.start):
        return None  # another number stands between 其中 and the part
    if start == s0 and s0 > 0 and text[s0 - 1] in "；;":
        s0 = ctx.sentence_of(s0 - 1)[0]  # Ex) "…2856.4亿元，增长8.2%；其中…"
    like = [q for q in ctx.between(s0, start) if q.kind == part.kind
            and (q.unit == part.unit if q.kind == "amount" else q.classifier == part.classifier)]
    # Ex) "全县有小学86所、中学24所，其中寄宿制学校31所": of which total? — say nothing
    if len(like) != 1:
        return None
    whole = like[0]
    return whole if whole.value.bounded and _larger(whole, part) else None


def _is_base(q: Quantity, part: Quantity, base: str) -> bool:
    """Whether *q* is the whole 占 names.  Ex) 基层党组织 for "全州共有基层党组织4216个"."""
    if q.kind == "count":
        return q.classifier == part.classifier and _zh_nouns_match(base, False, *_zh_thing(q))
    if q.kind == "amount" and q.unit == part.unit and len(base) >= 2:
        # Ex) "全市地区生产总值达到5123.6亿元" for "占地区生产总值的" — amounts need the full name
        thing = _ZH_NOUN_TAIL.sub("", q.noun_before)
        return len(thing) >= 2 and (thing.endswith(base) or base.endswith(thing))
    return False


def _qualified(share: Quantity, word: str) -> Quantity:
    """The share as "约占65%" / "超过占"… means it.  Ex) 约 → 65% ± 6.5 (as the extractor widens 约65%)."""
    if share.qualifier is not None:
        return share
    iv, point = share.value, share.point
    kind = _LEAD_KIND[word]
    if kind == "approx":
        w = abs(point) * APPROX_RELATIVE
        iv = Interval(iv.lo - w, iv.hi + w)
    elif kind == "lower":
        iv = Interval(iv.lo, None)
    else:
        iv = Interval(Fraction(0), iv.hi)
    return replace(share, value=iv, qualifier=kind, qualifier_text=word + "占")


def _zh_mark(ctx: Context, q: Quantity) -> tuple[bool, str]:
    """Whether the text marks *q* as a total, and its 全X scope.  Ex) "全县共有行政村236个" → 全县."""
    text = ctx.text
    lo = max(0, q.start - 30)
    window = text[lo:q.start]
    if "全" not in window and "共" not in window and "总" not in window and "合" not in window:
        return False, ""  # every _ZH_WHOLE_MARK has one of them
    # after the window's last clause break (_ZH_CLAUSE_BREAK, one character)
    m = _ZH_UP_TO_LAST_BREAK.match(text, lo, q.start)
    clause_start = m.end() if m else lo
    marks = list(_ZH_WHOLE_MARK.finditer(text, clause_start, q.start))
    if not marks:
        return False, ""
    # Nothing else counted between the mark and the number, unless it is a list of totals
    # Ex) "全州3639个党支部、9.2万名党员"
    last = marks[-1]
    between = ctx.between(last.end(), q.start)
    if between and not _listed_totals(ctx, between, q):
        return False, ""
    scopes = [m.group() for m in marks if _ZH_SCOPE.fullmatch(m.group())]
    return True, (scopes[-1] if scopes else "")


_ZH_LIST_ITEM_GAP = lazy_compile(r"^\p{Han}{0,8}、$")


def _listed_totals(ctx: Context, between: list[Quantity], q: Quantity) -> bool:
    prev = between[-1]
    return bool(_ZH_LIST_ITEM_GAP.match(ctx.text[prev.end:q.start]))


def _zh_thing(q: Quantity) -> tuple[str, bool]:
    """The counted noun and whether it was written after the number (so its start is reliable)."""
    if q.noun:
        return q.noun, True
    s = _ZH_NOUN_HEAD.sub("", q.noun_before)
    s = _ZH_NOUN_TAIL.sub("", s)
    return s, False


def _zh_nouns_match(a: str, a_after: bool, b: str, b_after: bool) -> bool:
    """Ex) 村 ~ 行政村, 村党支部 ~ 党支部, 高新技术企业 ~ 规模以上工业企业, 乡镇建成 ~ 乡镇."""
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    if a_after or b_after:
        after, before = (a, b) if a_after else (b, a)
        need = min(2, len(after), len(before))
        return any(before.endswith(after[:k]) for k in range(need, len(after) + 1))
    need = min(2, len(a), len(b))
    return a[-need:] == b[-need:]


def _same_thing(part: Quantity, whole: Quantity) -> bool:
    if part.kind != whole.kind or not whole.value.bounded:
        return False
    if part.kind == "amount":
        return part.unit == whole.unit
    if part.kind != "count" or part.classifier != whole.classifier:
        return False
    return _zh_nouns_match(*_zh_thing(part), *_zh_thing(whole))


def _larger(whole: Quantity, part: Quantity) -> bool:
    return whole.value.hi > part.value.lo and whole.point > part.point


# -- English ---------------------------------------------------------------------------------
def _gap(text: str, a: Quantity, b: Quantity) -> str:
    s = text[a.end:b.start]
    return s if len(s) <= _EN_GAP_MAX else "\x00"


_EN_OF_AFTER = lazy_compile(r"^\)?,?\s+(?:of|out\s+of)\b")


def _en_pair(ctx: Context, i: int):
    qs, text = ctx.quantities, ctx.text
    share = qs[i]
    s0, s1 = ctx.sentence_of(share.start)

    def q(j: int) -> Quantity | None:
        return qs[j] if 0 <= j < len(qs) and s0 <= qs[j].start < s1 else None

    prev2, prev, nxt = q(i - 2), q(i - 1), q(i + 1)
    part = whole = None
    # Ex) "743 of the 1,090 villages (66.8%)" "743 out of 1,090 villages, or 66.8%"
    if prev2 and prev and _EN_PART_TO_WHOLE.match(_gap(text, prev2, prev)) \
            and _EN_PART_TO_SHARE.match(_gap(text, prev, share)):
        part, whole = prev2, prev
    # Ex) "743 (66.8%) of the 1,090 villages" "743 villages, or 66.8% of the 1,090"
    elif prev and nxt and (to_share := _EN_PART_TO_SHARE.match(_gap(text, prev, share))) \
            and _EN_SHARE_TO_WHOLE.match(_gap(text, share, nxt)):
        part, whole = prev, nxt
    # (the gap before the share is matched once: above when there is a next number)
    elif prev and (to_share if nxt else _EN_PART_TO_SHARE.match(_gap(text, prev, share))) \
            and not _EN_OF_AFTER.match(text[share.end:share.end + 12]):
        earlier = [x for x in ctx.between(s0, prev.start) if x.kind in _PART_KINDS]
        # Ex) "1,090 villages, of which 743 (66.8%) …" — and no other count it could be of
        # ("4,512 firms, up 8.3% from 4,166, of which 1,204 (26.7%)" is left alone)
        if prev2 and len(earlier) == 1 and earlier[0] is prev2 and _EN_OF_WHICH.match(_gap(text, prev2, prev)):
            part, whole = prev, prev2
        # Ex) "Of the 1,090 villages, 743 (66.8%) …" "Of the 1,090 villages surveyed in 2019, 743 (66.8%)"
        elif len(earlier) == 1 and _EN_OF_OPEN.match(_plain_words(text[s0:earlier[0].start])) \
                and _EN_WHOLE_TO_PART.match(_plain_words(text[earlier[0].end:prev.start])):
            part, whole = prev, earlier[0]
    if part is None or whole is None:
        return None
    if part.kind not in _PART_KINDS or whole.kind not in _PART_KINDS:
        return None
    if (part.kind == "amount") != (whole.kind == "amount"):
        return None
    if part.kind == "amount" and part.unit != whole.unit:
        return None
    if not (part.value.bounded and whole.value.bounded) or not _larger(whole, part):
        return None
    keys_part, keys_whole = _en_keys(part), _en_keys(whole)
    if keys_part and keys_whole and not keys_part & keys_whole:
        return None  # Ex) "Of the 1,090 villages, 743 households (12%)"
    return share, part, [whole], [whole]


def _plain_words(s: str) -> str:
    return s if len(s) <= _EN_GAP_MAX else "\x00"


def _en_keys(q: Quantity) -> set[str]:
    """The plural nouns among the words after a number.  Ex) "villages surveyed" → {village}."""
    return {w[:-1] for w in q.noun.lower().split() if len(w) > 3 and w.endswith("s") and not w.endswith("ss")}


# -- the verdict -------------------------------------------------------------------------------
def _judge(ctx: Context, share: Quantity, part: Quantity, wholes: Iterable[Quantity],
           explicit: list[Quantity]) -> Iterator[Check | Finding]:
    digits = decimals_of(share)
    stated = _stated(share)
    named = {id(q) for q in explicit}  # every candidate is one of the document's own quantities
    for w in chain(explicit, (q for q in wholes if id(q) not in named)):
        computed = _percent(part.value, w.value)
        if computed.intersects(share.value):
            yield Check(ID, share.start, share.end, "passed", stated,
                        f"{fmt(_per_hundred(part.point, w.point), digits)}%",
                        f"{num(part)} / {num(w)} = {range_text(computed, digits + 1)}%")
            return
    totals = {w.point for w in explicit}
    if len(totals) != 1:  # no stated whole, or
        return  # several different totals of the same thing: the base is unclear
    whole = explicit[0]
    computed = _percent(part.value, whole.value)
    point = part.point / whole.point * 100
    need_part, need_whole = _needs(share.value, part, whole)
    gap = computed.gap(share.value)
    expected = f"{fmt(point, digits)}%"
    part_need = _render(part, need_part)
    whole_need = _render(whole, need_whole)
    msg = (f"stated {stated} but {num(part)} / {num(whole)} = {fmt(point, digits + 2)}% "
           f"(≈{expected}; {range_text(computed, digits + 1)}% within rounding), off by at least "
           f"{_small(gap, digits + 1)} percentage points; for {stated} to hold, the part would be "
           f"{part_need} of {num(whole)}, or {num(part)} would be {stated} of {whole_need}")
    evidence = (("part", num(part)), ("total", num(whole)), ("computed", expected),
                ("computed_range", f"{range_text(computed, digits + 1)}%"),
                ("part_for_stated", part_need), ("total_for_stated", whole_need),
                ("gap_pp", _small(gap, digits + 1)))
    related = (Related("part", num(part), part.start, part.end),
               Related("total", num(whole), whole.start, whole.end))
    yield Check(ID, share.start, share.end, "failed", stated, expected, msg)
    yield Finding(ID, SEVERITY, msg, share.start, share.end, stated, expected, evidence, related)


_HUNDRED = Interval.exact(100)


def _percent(part: Interval, whole: Interval) -> Interval:
    """``part / whole * 100``: the same exact interval as Interval arithmetic gives, with the
    common case (a part >= 0 of a positive whole, both bounded) read off its deciding endpoints."""
    plo, phi, wlo, whi = part.lo, part.hi, whole.lo, whole.hi
    if type(plo) is Fraction and type(phi) is Fraction and type(wlo) is Fraction \
            and type(whi) is Fraction and plo.numerator >= 0 and wlo.numerator > 0:
        # lo = plo / whi * 100, hi = phi / wlo * 100, each normalised once
        return Interval(Fraction(plo.numerator * whi.denominator * 100, plo.denominator * whi.numerator),
                        Fraction(phi.numerator * wlo.denominator * 100, phi.denominator * wlo.numerator))
    return part / whole * _HUNDRED


def _per_hundred(a: Fraction, b: Fraction) -> Fraction:
    """``a / b * 100`` for exact values, normalised once."""
    return Fraction(a.numerator * b.denominator * 100, a.denominator * b.numerator)


def _stated(share: Quantity) -> str:
    """The share with a qualifier written before it.  Ex) "超过60%", "about 70%", "66.8%"."""
    text = show(share)
    word = share.qualifier_text
    if word and not word.startswith(("多", "余", "以上", "以下", "左右", "上下", "之多")) \
            and not word.startswith(("or ", "plus", "+")):
        return f"{word} {text}" if share.lang == "en" else f"{word}{text}"
    return text


def _needs(share: Interval, part: Quantity, whole: Quantity) -> tuple[Interval, Interval]:
    """What the part (with the whole as stated) and the whole (with the part as stated) would be."""
    hundred = Interval.exact(100)
    lo, hi = share.lo, share.hi
    if hi is None:
        # Ex) "超过80%": the part at least …, the whole at most …
        whole_max = part.value.hi * 100 / lo if lo else None
        return Interval(lo * whole.value.lo / 100, None), Interval(None, whole_max)
    if lo is None or lo <= 0:
        # Ex) "近六成": the part at most …, the whole at least …
        return Interval(None, hi * whole.value.hi / 100), Interval(part.value.lo * 100 / hi, None)
    return share * whole.value / hundred, part.value / share * hundred


_LEADING = lazy_compile(r"^[^0-9０-９]*")
_NUMERAL = lazy_compile(r"[0-9０-９,，.．]+")


def _render(q: Quantity, iv: Interval) -> str:
    """A value the way *q* is written.  Ex) "728", "1112–1113", "177.49–177.80亿元", "at least 253"."""
    if q.exact:
        lo = None if iv.lo is None else math.ceil(iv.lo)
        hi = None if iv.hi is None else math.floor(iv.hi)
        if lo is not None and hi is not None:
            return integers_in(iv)
        if lo is not None:
            return f"at least {lo}"
        return f"at most {hi}" if hi is not None else "any value"
    written = num(q)
    prefix = _LEADING.match(written).group()
    m = _NUMERAL.match(written, len(prefix))
    if not m:  # Ex) "两万" — no digits to copy the style from
        return _plain(iv, 1, "", "", 0)
    digits = m.group().translate(str.maketrans("０１２３４５６７８９．", "0123456789.")).replace(",", "")
    places = (len(digits.split(".")[1]) if "." in digits else 0) + 1
    return _plain(iv, places, prefix, written[m.end():], q.scale)


def _plain(iv: Interval, places: int, prefix: str, suffix: str, scale: int) -> str:
    unit = Fraction(10) ** scale

    def one(x: Fraction) -> str:
        return f"{prefix}{fmt(x / unit, places)}{suffix}"

    if iv.lo is not None and iv.hi is not None:
        lo, hi = fmt(iv.lo / unit, places), fmt(iv.hi / unit, places)
        return one(iv.lo) if lo == hi else f"{prefix}{lo}–{hi}{suffix}"
    if iv.lo is not None:
        return f"at least {one(iv.lo)}"
    return f"at most {one(iv.hi)}" if iv.hi is not None else "any value"


def _small(x: Fraction, digits: int) -> str:
    """A positive gap with enough decimals not to read as zero.  Ex) "1.32", "0.0005"."""
    while digits < 6 and x > 0 and Fraction(fmt(x, digits)) == 0:
        digits += 1
    return fmt(x, digits)


# -- flattened tables: an amount column followed by its "% of the 100% row" column ------------
# Ex) "Revenue | $23,406 | 100% | $30,391 | 100%" then "Cost of sales | 12,704 | 54% | …"
# A percent column without % signs is read as shares only when its title says so.
# Ex) "项目 | 金额 | 占比(%)" "Segment | 2019 | % of total"
_SHARE_HEAD = lazy_compile(r"(?i)占比|比重|构成|结构|%\s*of\b|percent(?:age)?\s+of\b|\bshare\s+of\b|^share$")
# Ex) "% CHANGE" "增长(%)" "vs. 2018" — a column of changes, not of shares
_CHANGE_HEAD = lazy_compile(
    r"(?i)change|growth|increase|decrease|\bvs\b|versus|variance|增长|增减|变动|同比|环比|增速")
_TABLE_MIN_AGREE = 2


def _table_shares(ctx: Context) -> Iterator[Check | Finding]:
    for table in tables(ctx.text):
        # Ex) a 2019 block and a 2018 block, each under its own title row and with its own 100%
        blocks, cur = [], []
        for r in table.rows:
            if is_header(r):
                blocks.append(cur)
                cur = []
            elif r.numeric:
                cur.append(r)
        blocks.append(cur)
        for data in blocks:
            if len(data) < 3:
                continue
            for j in range(table.width() - 1):
                yield from _share_column(table, data, j)


def _amount_cell(row, j: int):
    c = row.cells[j] if j < len(row.cells) else None
    return c if c is not None and not c.percent else None


def _share_cell(row, j: int, signed: bool):
    """The share in column *j*: a percent cell, or a plain number under a share title."""
    c = row.cells[j] if j < len(row.cells) else None
    if c is None:
        return None
    return c if c.percent or signed else None


def _share_column(table, data: list, j: int) -> Iterator[Check | Finding]:
    head = table.headers[j + 1] if j + 1 < len(table.headers) else ""
    if _CHANGE_HEAD.search(head):
        return
    # Ex) "… | 2019 | % | 2018 | %": the percent after the 2019 amount is not the 2018 share
    years_a = set(_EN_YEAR.findall(table.headers[j])) if j < len(table.headers) else set()
    years_p = set(_EN_YEAR.findall(head))
    if years_a and years_p and years_a != years_p:
        return
    col = [r.cells[j + 1] for r in data if j + 1 < len(r.cells) and r.cells[j + 1] is not None]
    amounts = [r.cells[j] for r in data if j < len(r.cells) and r.cells[j] is not None]
    if not col or not amounts or any(c.percent for c in amounts):
        return  # column j must hold amounts only
    titled = bool(_SHARE_HEAD.search(head))
    if not titled and not all(c.percent for c in col):
        return  # column j+1 must be all percents (or plain numbers under a share title)
    bases = [r for r in data if (a := _amount_cell(r, j)) is not None and a.point > 0
             and (p := _share_cell(r, j + 1, titled)) is not None and p.point == 100]
    if len(bases) != 1:
        return  # no 100% row, or several (sections with their own totals): base unclear
    base = bases[0]
    whole = _amount_cell(base, j)
    hundred = Interval.exact(100)
    rows = []
    for r in data:
        a, p = _amount_cell(r, j), _share_cell(r, j + 1, titled)
        if r is base or a is None or p is None:
            continue  # Ex) "49 | —%" — under half a percent, written as a dash
        computed = a.value / whole.value * hundred
        rows.append((r, a, p, computed, computed.intersects(p.value)))
    agree = sum(1 for x in rows if x[4])
    # The reading "share of the 100% row" must be borne out by the column itself.
    if agree < _TABLE_MIN_AGREE or agree <= len(rows) - agree:
        return
    for r, a, p, computed, ok in rows:
        digits = _cell_decimals(p.text)
        point = a.point / whole.point * 100
        expected = f"{fmt(point, digits)}%"
        stated = p.text
        column = _column_title(table, j)
        where = f"{r.label}{column}: {a.text} / {whole.text} ({base.label})"
        if ok:
            yield Check(ID, p.start, p.end, "passed", stated, expected,
                        f"{where} = {range_text(computed, digits + 1)}%")
            continue
        shown = stated if p.percent else stated + "%"  # Ex) "38.5" under "占比（%）"
        need_part = p.value * whole.value / hundred
        need_whole = a.value / p.value * hundred if p.value.lo is not None and p.value.lo > 0 else None
        places = _cell_decimals(a.text) + 1
        msg = (f"stated {shown} of {base.label} but {where} = {fmt(point, digits + 2)}% "
               f"(≈{expected}; {range_text(computed, digits + 1)}% within rounding), off by at least "
               f"{_small(computed.gap(p.value), digits + 1)} percentage points; for {shown} to hold, "
               f"{r.label} would be {_plain(need_part, places, '', '', 0)}")
        if need_whole is not None:
            whole_need = _plain(need_whole, _cell_decimals(whole.text) + 1, '', '', 0)
            msg += f", or {base.label} would be {whole_need}"
        evidence = (("part", a.text), ("total", whole.text), ("computed", expected),
                    ("computed_range", f"{range_text(computed, digits + 1)}%"),
                    ("part_label", r.label), ("total_label", base.label),
                    ("gap_pp", _small(computed.gap(p.value), digits + 1)))
        related = (Related("part", a.text, a.start, a.end),
                   Related("total", whole.text, whole.start, whole.end))
        yield Check(ID, p.start, p.end, "failed", stated, expected, msg)
        yield Finding(ID, SEVERITY, msg, p.start, p.end, stated, expected, evidence, related)


def _column_title(table, j: int) -> str:
    """Ex) " (2019)" — the amount column's title, when the table has one."""
    head = table.headers[j] if j < len(table.headers) else ""
    return f" ({head})" if head and len(head) <= 40 else ""


_DECIMALS = lazy_compile(r"\.([0-9]+)")


def _cell_decimals(text: str) -> int:
    m = _DECIMALS.search(text)
    return len(m.group(1)) if m else 0


# -- Chinese: a share of a whole named after 占 and stated earlier in the report ----------------
# Ex) "占外贸总值的57%" "占出口总值的（下同）65.9%" "占GDP的26.7%" "营收占比达到58%"
# Each entry: the names a share may give its whole, and the words an earlier amount may be
# written with to be that whole (after its place, company and period words).
_WHOLES = {
    "trade": (("外贸总值", "外贸总额", "进出口总值", "进出口总额", "外贸进出口总值", "外贸进出口总额"),
              ("货物贸易进出口总值", "货物贸易进出口总额", "货物贸易进出口", "外贸进出口总值",
               "外贸进出口总额", "外贸进出口值", "外贸进出口", "外贸总值", "外贸总额",
               "进出口总值", "进出口总额", "进出口值", "进出口")),
    "export": (("出口总值", "出口总额"), ("出口总值", "出口总额", "出口值", "出口")),
    "import": (("进口总值", "进口总额"), ("进口总值", "进口总额", "进口值", "进口")),
    "services": (("服务进出口总额", "服务进出口总值", "服务贸易总额"),
                 ("服务进出口总额", "服务进出口总值", "服务贸易进出口总额", "服务贸易总额", "服务进出口")),
    "services-export": (("服务出口总额", "服务出口总值"), ("服务出口总额", "服务出口总值", "服务出口")),
    "services-import": (("服务进口总额", "服务进口总值"), ("服务进口总额", "服务进口总值", "服务进口")),
    "gdp": (("GDP", "GDP总量", "地区生产总值", "生产总值", "国内生产总值", "经济总量"),
            ("GDP", "GDP总量", "GDP总值", "地区生产总值", "生产总值", "国内生产总值", "经济总量")),
    "revenue": (("营收", "总营收", "营业收入", "营业总收入"), ("营收", "总营收", "营业收入", "营业总收入")),
}
_NAME_KEY = {name: key for key, (names, _) in _WHOLES.items() for name in names}
_NAMES_ALT = "|".join(sorted(_NAME_KEY, key=len, reverse=True))
# Ex) "（下同）" between 的 and the share
_ZH_XIA_TONG = lazy_compile(r"[（(]下同[）)]")
# Ex) "营收占比达到" — the whole named before 占比
# (only the revenue names: "出口占比" would be the exports' own share of something else)
_ZH_NAME_ZHANBI = lazy_compile(r"(?:营收|总营收|营业收入|营业总收入)占比$")
# Ex) "占全省外贸总值的" "占全国进出口总值的" — a whole of that scope only
_ZH_NAME_SCOPE = lazy_compile(r"^(?:全[国省市区县州]|我国|中国|本[省市])")
_ZH_SCOPE_WORDS = {"国": r"全国|我国|中国", "省": r"全省|本省|\p{Han}省", "市": r"全市|本市|\p{Han}市",
                   "区": r"全区|\p{Han}区", "县": r"全县|\p{Han}县", "州": r"全州|\p{Han}州"}
_ZH_SCOPE_PATTERNS = {scope: lazy_compile(words) for scope, words in _ZH_SCOPE_WORDS.items()}
# Ex) "，在服务出口总额的" — 在 written for 占 before a full name and 的
_ZH_ZAI_NAME = lazy_compile(r"[，,]在(?:" + _NAMES_ALT + r")的$")
# Words that end a clause naming a whole amount.  Ex) "实现营业收入" "GDP达到了" "生产总值为"
_ZH_WHOLE_VERB = lazy_compile(r"(?:达到了|达到|达|为|是|实现|完成|共计|合计|累计|总计|约为|约|了)+$")
# Ex) "1-8月" "上半年" "前三季度" "7月份" (not "9月17日", a date)
_ZH_PERIOD = lazy_compile(
    r"[0-9０-９]{1,2}\s*[-—–~～至到]\s*[0-9０-９]{1,2}月|前[一二三四五六七八九十0-9]{1,3}个?月|前三季度|"
    r"第?[一二三四1-4]季度|上半年|下半年|全年|[0-9０-９]{1,2}月(?![0-9０-９]{1,2}[日号])|当月")
_ZH_YEAR = lazy_compile(r"(?:19|20)[0-9]{2}年")
# What may stand before the whole's name: 其中, 同期, 全省, 今年, 1-8月 …
_ZH_WHOLE_LEAD = lazy_compile(
    r"^(?:其中|同期|此外|另外|今年|去年|全年|当年|本年|全[国省市区县州]|我国|本[省市]|[0-9０-９]{4}年|"
    r"[该本]?公司|[该本]?集团)+")
# Ex) "东方财富证券实现" → 东方财富证券
_ZH_SUBJECT_VERB = lazy_compile(r"(?:实现|完成|达到|共计|累计|共有|共|全年)+$")
# Ex) "江苏省" "我国" "杭州市" — a place; "东方财富证券" — a company
_ZH_PLACE = lazy_compile(r"^(?:我国|全国|中国|全[省市区县州]|本[省市]|\p{Han}{1,8}(?:省|市|自治区|县|州))$")
_ZH_COMPANY = lazy_compile(r"^\p{Han}{2,10}(?:公司|集团|证券|银行|股份|控股|保险)$")
# Ex) "民营企业进出口" "一般贸易方式进出口" "知识密集型服务进出口" "对欧盟进出口" — a part, not the whole
_ZH_PART_WORDS = lazy_compile(
    r"(?:型|类|方式|企业|产品|服务|贸易|物流|行业|产业|业务|部门|商品|品|板块|领域|市场|国家|地区|进|核心)$|[对向与和及、]")


def _zh_named_phrase(text: str, share: Quantity) -> tuple[int, str, str] | None:
    """Where the share's named whole starts, which whole it is and its scope, or None.

    Ex) "，占外贸总值的57%" → (at 占, "trade", ""); "营收占比达到58%" → (at 营, "revenue", "");
    "，在服务出口总额的52.7%" → (at 在, "services-export", ""); "占全国进出口总值的" → (…, "国").
    """
    lo = max(0, share.start - 30)
    raw = text[lo:share.start]
    if "占" not in raw and "在" not in raw:
        return None  # every reading below needs 占 (占比, 占…的) or 在…的
    window = _ZH_XIA_TONG.sub(lambda m: "\x01" * len(m.group()), raw)
    s = window.replace("\x01", "")
    head = s
    # peel the verbs off the right: "的比重达到" → "的比重"
    while (m := _ZH_VERB_TAIL.search(head)):
        head = head[:m.start()]
    if (m := _ZH_NAME_ZHANBI.search(head)):
        return lo + _unmask(window, m.start()), _NAME_KEY[m.group()[:-2]], ""
    if (m := _ZH_ZAI_NAME.search(head)):
        return lo + _unmask(window, m.start() + 1), _NAME_KEY[m.group()[2:-1]], ""
    k = head.rfind("占")
    if k == -1 or head[max(0, k - 2):k] == "分别":
        return None
    name = head[k + 1:]
    name = _ZH_RATIO_TAIL.sub("", name)
    if name.endswith("的"):
        name = name[:-1]
    name = _ZH_RATIO_TAIL.sub("", name)
    scope = ""
    if name not in _NAME_KEY and (m := _ZH_NAME_SCOPE.match(name)):
        scope, name = m.group()[-1], name[m.end():]
    key = _NAME_KEY.get(name)
    return (lo + _unmask(window, k), key, scope) if key else None


def _unmask(window: str, k: int) -> int:
    """The offset in *window* of character *k* of the window with its "（下同）" removed."""
    seen = 0
    for pos, ch in enumerate(window):
        if ch == "\x01":
            continue
        if seen == k:
            return pos
        seen += 1
    return len(window)


def _paragraph(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


_ZH_RANGE_FILLER = lazy_compile(r"[份第\s]")
_RANGE_DASH = lazy_compile(r"[—–~～至到]")


def _last(pattern, text: str) -> str:
    found = ""
    for m in pattern.finditer(text):
        found = m.group()
    return _ZH_RANGE_FILLER.sub("", _RANGE_DASH.sub("-", found))


def _zh_named_wholes(ctx: Context, share: Quantity, part: Quantity, key: str,
                     scope: str = "") -> list[Quantity] | None:
    """The earlier amounts written as the whole *key* names, or None when that is not certain.

    Ex) for "占外贸总值的57%": "1-8月江苏省外贸进出口值32878.4亿元" (the period, place and
    company words around the name must not contradict the share's); "江苏省民营企业进出口"
    is a part, not the whole.
    """
    text = ctx.text
    synonyms = sorted(_WHOLES[key][1], key=len, reverse=True)
    para = _paragraph(text, share.start)
    share_period = _last(_ZH_PERIOD, text[para:share.start])
    share_year = _last(_ZH_YEAR, text[para:share.start])
    found = []
    for q in ctx.index("like", _like_key).get(_like_key(part), ()):
        if q.start >= part.start:
            break
        if q.qualifier is not None or not q.value.bounded:
            continue  # Ex) "GDP均超过8000亿元" — a bound, not the stated total
        cut, lead = _zh_clause(ctx, q)
        syn = next((w for w in synonyms if lead.endswith(w)), None)
        if syn is None:
            continue
        if scope and not _ZH_SCOPE_PATTERNS[scope].search(lead[:-len(syn)]):
            continue  # Ex) "占全国进出口总值的": not the province's own total
        subject = _ZH_PERIOD.sub("", lead[:-len(syn)])
        subject = _ZH_WHOLE_LEAD.sub("", subject)
        subject = _ZH_SUBJECT_VERB.sub("", _ZH_PERIOD.sub("", subject))
        if subject and _ZH_PART_WORDS.search(subject):
            continue
        qpara = _paragraph(text, q.start)
        if subject and not (_ZH_PLACE.match(subject) or _ZH_COMPANY.match(subject)):
            # Ex) "杭州上半年GDP达到了8646亿元" — a subject the share's paragraph also names
            own = text[para:share.start].replace(text[cut:q.start], "")
            if subject not in own:
                continue
        q_end = ctx.sentence_of(q.start)[1]
        if qpara != para and not _same_places(text[para:share.start], text[qpara:q_end]):
            continue  # Ex) a national total two paragraphs before a province's share
        period = _last(_ZH_PERIOD, text[qpara:q.start])
        if share_period and period and period != share_period:
            continue  # Ex) "7月份，服务进出口总额4319.2亿元" is not the 1-7月 total
        year = _last(_ZH_YEAR, text[qpara:q.start])
        if share_year and year and year != share_year:
            continue
        found.append(q)
    if not found or len({q.point for q in found}) != 1:
        return None  # no such whole, or several (two cities' GDP): the base is unclear
    return found


# Ex) "江苏省" "杭州市" "我国" (two characters before 省/市, so "1-8月江苏省" gives 江苏省)
_ZH_PLACE_TOKEN = lazy_compile(r"我国|全国|中国|\p{Han}{2}(?:省|市)")


def _same_places(a: str, b: str) -> bool:
    """Whether two stretches of text name no places, or at least one in common."""
    pa, pb = _places(a), _places(b)
    return not pa or not pb or bool(pa & pb)


# Ex) "。同期，" "。其中，" — a sentence that goes on breaking down the same whole
_ZH_SAME_BASE_OPEN = lazy_compile(r"[\s\u3000]*(?:同期|其中)")
_ZH_STOP = lazy_compile(r"[。！？!?]")


def _zh_inherited_whole(ctx: Context, i: int, part: Quantity) -> list[Quantity] | None:
    """The whole of a bare "占53.5%" that follows a share naming it in the same paragraph.

    Ex) "民营企业进出口12315.2亿元，…，占外贸总值的37.5%。同期，外商投资企业进出口17613.2
    亿元，增长10.7%，占53.5%；国有企业进出口2945.3亿元，增长16.2%，占9%。" — 53.5% and 9% are
    shares of the 外贸总值 named before; a sentence in between that does not open with 同期 or
    其中, or another share naming another whole, breaks the chain.
    """
    qs, text = ctx.quantities, ctx.text
    para = _paragraph(text, part.start)
    for j in range(i - 1, -1, -1):
        q = qs[j]
        if q.start < para:
            return None
        if q.kind != "percent" or q.end > part.start:
            continue
        named = _zh_named_phrase(text, q)
        if named is None:
            phrase = _zh_share_phrase(text, q)
            if phrase is not None and (phrase[1] or phrase[2]):
                return None  # Ex) "占全省的" — a share of another whole in between
            continue
        for m in _ZH_STOP.finditer(text, q.end, part.start):
            if not _ZH_SAME_BASE_OPEN.match(text, m.end()):
                return None
        # Ex) "民营企业进出口…占外贸总值的…。同期，外商投资企业进出口…占53.5%" — the parts
        # must be of one kind ("出口机电产品…占60%" after it would be a share of exports)
        s0, _ = ctx.sentence_of(q.start)
        before = [x for x in ctx.between(s0, q.start) if x.kind == "amount" and x.unit == part.unit]
        if not before or not _zh_same_kind(_zh_lead(ctx, before[-1]), _zh_lead(ctx, part)):
            return None
        wholes = _zh_named_wholes(ctx, q, part, named[1], named[2])
        if wholes is None or not _larger(wholes[0], part):
            return None
        return wholes
    return None


def _zh_opening_whole(ctx: Context, share: Quantity, part: Quantity) -> list[Quantity] | None:
    """The whole of a bare share in the sentence after the paragraph's opening total.

    Ex) "1-8月，全省外贸进出口总值3287.8亿元，同比增长17.1%。其中，外商投资企业进出口
    1761.3亿元，占53.6%" — the first sentence states one amount, the next opens with 其中/同期.
    """
    text = ctx.text
    para = _paragraph(text, part.start)
    s0, _ = ctx.sentence_of(part.start)
    if not _ZH_SAME_BASE_OPEN.match(text, s0):
        return None
    first = text[para:s0]
    stops = list(_ZH_STOP.finditer(first))
    if len(stops) != 1 or first[stops[0].end():].strip() or ";" in first or "；" in first:
        return None  # the part's sentence must be the paragraph's second
    like = [q for q in ctx.between(para, s0) if q.kind == "amount"]
    if len(like) != 1 or like[0].unit != part.unit:
        return None
    whole = like[0]
    if whole.qualifier is not None or not whole.value.bounded or not _larger(whole, part):
        return None
    if not _zh_same_kind(_zh_lead(ctx, whole), _zh_lead(ctx, part), whole=True):
        return None  # Ex) "实现营业收入…。其中，利润总额…" — not a breakdown of the total
    return [whole]


def _zh_lead(ctx: Context, q: Quantity) -> str:
    """The words of *q*'s clause before it, without the verb.  Ex) "外商投资企业进出口"."""
    return _zh_clause(ctx, q)[1]


_SPACE = lazy_compile(r"\s")


def _zh_clause(ctx: Context, q: Quantity) -> tuple[int, str]:
    """Where *q*'s clause starts and its words before *q* without the verb, found once per report.

    Ex) "，1-8月江苏省外贸进出口值32878.4亿元" → (after "，", "1-8月江苏省外贸进出口值").
    """
    memo = ctx.memo("percent-of-total:clause")
    found = memo.get(id(q))
    if found is None or found[0] is not q:
        text = ctx.text
        lo = max(0, q.start - 30)
        cut = max((m.end() for m in _ZH_CLAUSE_BREAK.finditer(text, lo, q.start)), default=lo)
        found = memo[id(q)] = (q, cut, _ZH_WHOLE_VERB.sub("", _SPACE.sub("", text[cut:q.start])))
    return found[1], found[2]


# Ex) a GDP and the value added of an industry; a total and its 其中 part
_ZH_WHOLE_OF_ADDED = ("总值", "GDP", "总量")


_ZH_TOTAL_WORD = lazy_compile(r"(?:总值|总额|总量|合计|总计)$")


def _zh_same_kind(a: str, b: str, whole: bool = False) -> bool:
    """Whether two amounts are named as the same kind of thing: the same last two characters
    ("进出口" ~ "进出口", "投资" ~ "投资"), or a GDP and a value added."""
    if whole and a.endswith(("总值", "总额", "总量", "合计", "总计")) and not a.endswith("生产总值") \
            and _zh_same_kind(_ZH_TOTAL_WORD.sub("", a), b):
        return True     # Ex) "全省外贸进出口总值" ~ "一般贸易进出口"
    if len(a) < 2 or len(b) < 2:
        return False
    if a[-2:] == b[-2:]:
        return True
    return whole and a.endswith(_ZH_WHOLE_OF_ADDED) and b.endswith("增加值")


# -- English: "As a percentage of revenues, X decreased to 6% for Q4 2019 from 7% for Q4 2018" -----
# X and revenues are rows of a flattened table of the same report, the periods its columns.
_EN_AS_PERCENT = lazy_compile(r"""
    \b[Aa]s\s+a\s+percentage\s+of\s+(?P<base>(?:total\s+|net\s+)?(?:revenues?|sales))\s*,\s+
    (?P<item>[A-Za-z][A-Za-z ,&'/-]{2,80}?)\s+
    (?:increased|decreased|rose|fell|declined|remained|was|were)\s+(?:(?:to|at)\s+)?
    (?P<p1>[0-9]{1,3}(?:\.[0-9]+)?%)\s+(?:for|in|during)\s+(?P<per1>(?:[^,.;%]|,\s(?=(?:19|20)[0-9]{2}))
    {1,60}?)
    (?:,?\s+(?:from|compared\s+with|compared\s+to|versus|and)\s+
    (?P<p2>[0-9]{1,3}(?:\.[0-9]+)?%)\s+(?:for|in|during)\s+(?P<per2>(?:[^,.;%]|,\s(?=(?:19|20)[0-9]{2}))
    {1,60}?))?
    (?=[.;]|,(?!\s(?:19|20)[0-9]{2})|
       \s+(?:primarily|mainly|largely|due|as\s+a|reflecting|driven|because|while|which))
    """, regex.VERBOSE)
_EN_QUARTER = lazy_compile(r"(?i)quarter|three\s+months|\bQ[1-4]\b")
_EN_YEAR = lazy_compile(r"(?:19|20)[0-9]{2}")
_EN_FULL_YEAR = lazy_compile(r"(?i)year\s+ended|years\s+ended|twelve\s+months|full\s+year|fiscal\s+year|\bFY")


_SPACES = lazy_compile(r"\s+")
_EN_LABEL_LEAD = lazy_compile(r"^(?:the|our|total) ")
_EN_LABEL_COST = lazy_compile(r" (?:expenses?|costs?)$")


def _en_norm(label: str) -> str:
    """Ex) "Selling and marketing expenses", "selling and marketing expense" → "selling and marketing"."""
    s = _SPACES.sub(" ", label.strip().lower().rstrip(":"))
    s = _EN_LABEL_LEAD.sub("", s)
    s = _EN_LABEL_COST.sub("", s)
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                    for w in s.split())


def _en_table_shares(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    if "percentage of" not in text:
        return
    tabs = None
    for m in _EN_AS_PERCENT.finditer(text):
        if tabs is None:
            tabs = tables(text)
        base, item = _en_norm(m.group("base")), _en_norm(m.group("item"))
        hits = []
        for t in tabs:
            data = [r for r in t.rows if not is_header(r) and r.numeric]
            b = [r for r in data if _en_norm(r.label) == base]
            x = [r for r in data if _en_norm(r.label) == item]
            if len(b) == 1 and len(x) == 1:
                hits.append((t, b[0], x[0]))
        if len(hits) != 1:
            continue  # the rows are not in the report, or in several tables
        t, brow, xrow = hits[0]
        for p, per in (("p1", "per1"), ("p2", "per2")):
            period = m.group(per)
            if period is None:
                continue
            years = _EN_YEAR.findall(period)
            if len(years) != 1:
                continue
            quarter = bool(_EN_QUARTER.search(period))
            # Ex) "for the fourth quarter of 2019" is not a column of a "Year ended 31 December"
            # table (a title spanning the columns is written over the first one only)
            heads = " ".join(t.headers)
            if _EN_FULL_YEAR.search(heads) if quarter else _EN_QUARTER.search(heads):
                continue
            cols = [j for j, h in enumerate(t.headers) if years[0] in h and not _CHANGE_HEAD.search(h)]
            if len(cols) != 1:
                continue
            j = cols[0]
            a, w = _amount_cell(xrow, j), _amount_cell(brow, j)
            if a is None or w is None or w.point == 0:
                continue
            stated = m.group(p)
            start, end = m.start(p), m.end(p)
            share = Interval.rounded(stated[:-1])
            digits = _cell_decimals(stated)
            av, wv = _abs(a.value), _abs(w.value)
            computed = av / wv * Interval.exact(100)
            point = abs(a.point) / abs(w.point) * 100
            expected = f"{fmt(point, digits)}%"
            where = f"{xrow.label} {a.text} / {brow.label} {w.text} ({_head_year(t, j)})"
            if computed.intersects(share):
                yield Check(ID, start, end, "passed", stated, expected,
                            f"{where} = {range_text(computed, digits + 1)}%")
                continue
            gap = computed.gap(share)
            msg = (f"stated {stated} of {m.group('base')} but the table gives {where} = "
                   f"{fmt(point, digits + 2)}% (≈{expected}; {range_text(computed, digits + 1)}% within "
                   f"rounding), off by at least {_small(gap, digits + 1)} percentage points; for {stated} "
                   f"to hold, {xrow.label} would be "
                   f"{_plain(share * wv / Interval.exact(100), _cell_decimals(a.text) + 1, '', '', 0)}")
            evidence = (("part", a.text), ("total", w.text), ("computed", expected),
                        ("computed_range", f"{range_text(computed, digits + 1)}%"),
                        ("part_label", xrow.label), ("total_label", brow.label),
                        ("gap_pp", _small(gap, digits + 1)))
            related = (Related("part", a.text, a.start, a.end),
                       Related("total", w.text, w.start, w.end))
            yield Check(ID, start, end, "failed", stated, expected, msg)
            yield Finding(ID, SEVERITY, msg, start, end, stated, expected, evidence, related)


def _abs(iv: Interval) -> Interval:
    """Ex) "(6,712)" → 6,711.5–6,712.5: an expense shown in parentheses, as a positive amount."""
    return iv if iv.lo >= 0 else -iv


def _head_year(table, j: int) -> str:
    years = _EN_YEAR.findall(table.headers[j]) if j < len(table.headers) else []
    return years[-1] if years else f"column {j + 2}"


def _places(text: str) -> set[str]:
    # Ex) "今年全省" gives no place (全省 is any province); "城市" "上市" are not places
    found = set()
    for m in _ZH_PLACE_TOKEN.finditer(text):
        t = m.group()
        if len(t) == 2:
            found.add("国")  # 我国, 全国, 中国: the country
        elif not (t[0] in "全本该我各今去年月" or t[1] in "全本该我各城超上股楼车都门"):
            found.add(t)
    return found


# -- Chinese: one entity's amount as a share of another's -------------------------------------
# Ex) "芜湖2021年GDP为4302.63亿元，仅为合肥的37%" with "合肥GDP为11412.8亿元" earlier
_ZH_RATIO_TO = lazy_compile(
    r"[，,](?:仅为|仅有|只有|只为|相当于|约相当于|约为|约是|仅是|只是|为|是)(?P<name>\p{Han}{2,6}?)"
    r"(?:市|省|县|区)?的$")
_ZH_MEASURES = lazy_compile(
    r"GDP|地区生产总值|国内生产总值|生产总值|经济总量|营业总收入|营业收入|营收|净利润|利润总额|"
    r"一般公共预算收入|财政收入|进出口总额|进出口总值|进出口|社会消费品零售总额|固定资产投资")
_ZH_MEASURE_VERB = lazy_compile(r"^(?:总量|总额)?(?:为|达到|达|是|实现|完成|约为)?[:：]?$")


_ZH_YEAR_LEAD = lazy_compile(r"^(?:(?:19|20)[0-9]{2}年)?(?:全年)?的?")


def _zh_ratio_to_other(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    qs = ctx.quantities
    for i, share in enumerate(qs):
        if share.kind != "percent" or share.lang != "zh" or share.qualifier or i == 0:
            continue
        s0, _ = ctx.sentence_of(share.start)
        m = _ZH_RATIO_TO.search(text, max(s0, share.start - 16), share.start)
        if not m:
            continue
        part = qs[i - 1]
        # the part ends the clause before: "…GDP为4302.63亿元，仅为合肥的37%"
        if part.kind != "amount" or part.qualifier or part.end != m.start() or part.start < s0:
            continue
        measure = _measure_before(text, max(s0, part.start - 24), part.start)
        if measure is None:
            continue
        name = m.group("name")
        label = text[max(s0, part.start - 24):part.start]
        if name in label:
            continue        # the share of its own whole: the other readings' business
        wholes = []
        for w in ctx.index("like", _like_key).get(("amount", part.unit), ()):
            if w.start >= part.start:
                break           # the group is in text order: only amounts before the part
            if w.qualifier:
                continue
            w0, _ = ctx.sentence_of(w.start)
            before = text[max(w0, w.start - 24):w.start]
            k = before.rfind(name)
            if k == -1:
                continue
            rest = before[k + len(name):].lstrip("市省县区")
            rest = _ZH_YEAR_LEAD.sub("", rest)
            if not rest.startswith(measure) or not _ZH_MEASURE_VERB.match(rest[len(measure):]):
                continue
            years_w = set(_ZH_YEAR.findall(text[w0:w.start]))
            years_p = set(_ZH_YEAR.findall(text[s0:part.start]))
            if years_w and years_p and not years_w & years_p:
                continue
            wholes.append(w)
        if not wholes or len({w.value for w in wholes}) != 1:
            continue
        yield from _judge(ctx, share, part, [wholes[-1]], [wholes[-1]])


def _measure_before(text: str, lo: int, hi: int) -> str | None:
    """The measure an amount is stated as, right before it.  Ex) "芜湖2021年GDP为" → "GDP"."""
    last = None
    for m in _ZH_MEASURES.finditer(text, lo, hi):
        last = m
    if last is None or not _ZH_MEASURE_VERB.match(text[last.end():hi]):
        return None
    return last.group()


# -- Chinese: parts and their shares paired by 分别占 -------------------------------------------
_ZH_RESPECTIVE_ZHAN = lazy_compile(r"分别占(?:比)?(?:为|达到|达)?")
_ZH_LIST_JOIN = {"、", "和", "及", "与"}
# Ex) "，同增1.9%和38.4%" — a list of changes between the parts and 分别占
_ZH_CHANGE_LIST_GAP = lazy_compile(
    r"^[，,](?:同比|比上年|较上年)?(?:同增|同降|增长|下降|增加|减少|分别增长|分别下降)$")


def _zh_run(ctx: Context, qs: list[Quantity], j: int, forward: bool) -> list[Quantity]:
    """The list of values joined by 、/和/及/与 that starts (forward) or ends (backward) at qs[j]."""
    text = ctx.text
    out = [qs[j]]
    k = j
    while True:
        k2 = k + 1 if forward else k - 1
        if not 0 <= k2 < len(qs):
            break
        a, b = (qs[k], qs[k2]) if forward else (qs[k2], qs[k])
        if text[a.end:b.start] not in _ZH_LIST_JOIN or qs[k2].kind != qs[j].kind:
            break
        out.append(qs[k2])
        k = k2
    return out if forward else out[::-1]


def _zh_respective_shares(ctx: Context) -> Iterator[Check | Finding]:
    text, qs = ctx.text, ctx.quantities
    starts = {q.start: n for n, q in enumerate(qs)}
    for m in _ZH_RESPECTIVE_ZHAN.finditer(text):
        i = starts.get(m.end())
        if i is None or qs[i].kind != "percent":
            continue
        shares = _zh_run(ctx, qs, i, forward=True)
        if len(shares) < 2 or any(q.qualifier for q in shares):
            continue
        # the list before 分别占: the parts, or changes of the parts ("同增1.9%和38.4%")
        j = i - 1
        if j < 0 or text[qs[j].end:m.start()] not in ("，", ","):
            continue
        before = _zh_run(ctx, qs, j, forward=False)
        if before[0].kind == "percent":
            k = starts[before[0].start] - 1
            if k < 0 or not _ZH_CHANGE_LIST_GAP.match(text[qs[k].end:before[0].start]):
                continue
            before = _zh_run(ctx, qs, k, forward=False)
        parts = before
        s0, _ = ctx.sentence_of(m.start())
        if len(parts) != len(shares) or parts[0].start < s0 or any(
                p.kind != "amount" or p.unit != parts[0].unit or p.qualifier or not p.value.bounded
                for p in parts):
            continue
        wholes = _zh_inherited_whole(ctx, i, parts[0]) or _zh_opening_whole(ctx, shares[0], parts[0])
        if not wholes or not all(_larger(wholes[0], p) for p in parts):
            continue
        for share, part in zip(shares, parts):
            yield from _judge(ctx, share, part, wholes, wholes)

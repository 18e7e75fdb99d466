"""A part's stated share of a whole disagrees with the part and the whole stated in the text.

What it does:
    Finds a count or an amount and its share — "收入5万元以上的村743个、占66.8%", "…835.2亿元，
    增长15.1%，占31.6%", "占全州党支部总数的84.9%"; "743 (66.8%) of the 1,090 villages", "743
    of the 1,090 villages (66.8%)", "743 villages, or 66.8% of the 1,090", "Of the 1,090
    villages, 743 (66.8%) …", "1,090 villages, of which 743 (66.8%) …" — and the whole it is
    a share of: the total named in the same phrase; the one like total before 其中; a total
    of the same things (same measure word and noun) marked with 全州/全省/共有/合计 in the same
    sentence or, for counts, the only such total in the report; or the total 占 names
    (占规上工业企业的 → "全市共有规模以上工业企业1326家").  The share is checked with interval
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
    phrase = _zh_share_phrase(text, share)
    if phrase is None or i == 0:
        return None
    zhan, scope, base = phrase
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
        # Amounts of money are all "the same thing": only a total in the same sentence will do.
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
    cut = max((m.end() for m in _ZH_CLAUSE_BREAK.finditer(window)), default=0)
    clause_start = lo + cut
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


def _listed_totals(ctx: Context, between: list[Quantity], q: Quantity) -> bool:
    prev = between[-1]
    return bool(regex.match(r"^\p{Han}{0,8}、$", ctx.text[prev.end:q.start]))


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
    elif prev and nxt and _EN_PART_TO_SHARE.match(_gap(text, prev, share)) \
            and _EN_SHARE_TO_WHOLE.match(_gap(text, share, nxt)):
        part, whole = prev, nxt
    elif prev and _EN_PART_TO_SHARE.match(_gap(text, prev, share)) \
            and not regex.match(r"^\)?,?\s+(?:of|out\s+of)\b", text[share.end:share.end + 12]):
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
    hundred = Interval.exact(100)
    digits = decimals_of(share)
    stated = _stated(share)
    named = {id(q) for q in explicit}  # every candidate is one of the document's own quantities
    for w in chain(explicit, (q for q in wholes if id(q) not in named)):
        computed = part.value / w.value * hundred
        if computed.intersects(share.value):
            yield Check(ID, share.start, share.end, "passed", stated,
                        f"{fmt(part.point / w.point * 100, digits)}%",
                        f"{num(part)} / {num(w)} = {range_text(computed, digits + 1)}%")
            return
    totals = {w.point for w in explicit}
    if len(totals) != 1:  # no stated whole, or
        return  # several different totals of the same thing: the base is unclear
    whole = explicit[0]
    computed = part.value / whole.value * hundred
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

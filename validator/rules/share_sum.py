"""The shares of one breakdown cannot add up to 100%.

What it does:
    Collects the shares of one breakdown and adds them up with interval arithmetic (each
    share stands for the values that round to it):

    - a structure written as a ratio: "三次产业结构为8.3∶41.4∶50.3" must make 100;
    - shares of the members of a known breakdown in one paragraph: the three industries
      (第一/第二/第三产业), the three parts of demand (最终消费支出 / 资本形成总额 / 货物和服务净出口,
      also as 贡献率), 城镇 / 乡村, 男性 / 女性 — complete breakdowns that must make 100 — and
      breakdowns that may leave a remainder (一般贸易 / 加工贸易 / 保税物流; 国有 / 民营 / 外商投资企业;
      东部 / 中部 / 西部 / 东北), which must not exceed 100;
    - one list of shares: "A、B、C分别占全省的30%、25%和20%"; "accounted for 38%, 27% and 9%,
      respectively"; "Of the bondholders, 38.4% reside in Argentina, 15.6% in Italy, …";
      these must not exceed 100.

    Shares of different bases (占全国的 vs 占全省的), a share that changes (占比由40%提高到45%),
    one share in several years ("2021年、2022年分别占…"), a share of a part inside the
    breakdown (其中…占) and shares of groups that may overlap (高技术制造业, 装备制造业,
    战略性新兴产业) are not added up.  A complete breakdown is held to 100% only when each member
    is its share's own subject ("城镇人口占…", not "城镇居民家庭食品支出占…").

Why it matters:
    Shares are often rounded separately and then adjusted by hand so that they look right;
    a breakdown that adds up to 102% or, for a complete one, to 97% shows that one of them was
    mistyped or not updated.

Example (fails):
    前三季度，最终消费支出对经济增长贡献率为64.8%，资本形成总额贡献率为15.6%，货物和服务净出口贡献率为21.5%。

Use instead (passes):
    前三季度，最终消费支出对经济增长贡献率为64.8%，资本形成总额贡献率为15.6%，货物和服务净出口贡献率为19.5%。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..lazyre import lazy_compile

from ..interval import Interval, fmt
from ..model import Check, Finding, Related
from .base import Context

ID = "share-sum"
SEVERITY = "error"

HUNDRED = Interval.exact(100)


@dataclass(frozen=True, slots=True)
class Share:
    text: str
    start: int
    end: int
    value: Interval
    member: str = ""


# Breakdowns whose members a reader recognises.  (name, complete?, ((member, pattern), …))
_FAMILIES = (
    ("三次产业", True, (("第一产业", r"第一产业"), ("第二产业", r"第二产业"), ("第三产业", r"第三产业"))),
    ("三大需求", True, (("最终消费", r"最终消费"), ("资本形成", r"资本形成"), ("净出口", r"净出口"))),
    ("城乡", True, (("城镇", r"城镇"), ("乡村", r"乡村|农村"))),
    ("性别", True, (("男性", r"男性"), ("女性", r"女性"))),
    ("贸易方式", False, (("一般贸易", r"一般贸易"), ("加工贸易", r"加工贸易"), ("保税物流", r"保税物流"))),
    ("企业性质", False, (("民营企业", r"民营企业|私营企业"), ("外商投资企业", r"外商投资企业|外资企业"),
                      ("国有企业", r"国有企业"))),
    ("区域", False, (("东部", r"东部地区|东部"), ("中部", r"中部地区|中部"), ("西部", r"西部地区|西部"),
                   ("东北", r"东北地区"))),
)
_MEMBER = lazy_compile("|".join(f"(?P<f{i}_{j}>{pat})" for i, (_, _, ms) in enumerate(_FAMILIES)
                                 for j, (_, pat) in enumerate(ms)))

# Ex) "占外贸总值的57%" "占53.5%" "分别占31.3%和10.8%" "占比达到35.8%" "所占比重为…"
_ZH_SHARE = lazy_compile(
    r"(?:分别)?占(?!比)(?P<base>[^，。；：、\d%％]{0,12}?)(?:的)?(?:比重|比例|份额)?(?:分别)?(?:为|达|达到|约为|约)?"
    r"(?:不到|不足|超过|接近|近|逾|约)?$"
    r"|占比(?:分别)?(?:为|达|达到|约为)?(?:不到|不足|超过|接近|近|逾|约)?$"
    r"|比重(?:分别)?(?:为|达|达到)?(?:不到|不足|超过|接近|近|逾|约)?$")
_ZH_CONTRIB = lazy_compile(r"贡献率(?:分别)?(?:为|达|达到)?(?:不到|不足|超过|接近|近|逾|约)?$")
# A share that moves ("占比由40%提高到45%") is two values of one share, not two shares.
_ZH_MOVE = lazy_compile(r"(?:提高|上升|下降|增加|减少|回落|扩大)?(?:到|至)")
_ZH_FROM = lazy_compile(r"[由从]$")
_ZH_LIST_SEP = lazy_compile(r"^(?:、|和|及|与|以及|、和)$")
_ZH_BASE_NORM = lazy_compile(r"^(?:全部|总)|(?:的|总额|总值|总量|总数|比重)$")


def _base(raw: str | None) -> str:
    s = (raw or "").strip()
    s = _ZH_BASE_NORM.sub("", s)
    return s


def _member_hits(seg: str) -> list[tuple[int, int, str]]:
    """(family index, position, member) for every breakdown member named in *seg*."""
    out = []
    for m in _MEMBER.finditer(seg):
        for name, val in m.groupdict().items():
            if val is not None:
                fi, mj = (int(x) for x in name[1:].split("_"))
                out.append((fi, m.start(), _FAMILIES[fi][2][mj][0]))
                break
    return out


@dataclass
class _Token:
    shares: list[Share]
    kind: str        # share | contrib
    base: str
    seg_start: int


_ZH_BOUND_AFTER = lazy_compile(r"^(?:以上|以下|左右)")


def _zh_tokens(ctx: Context, l0: int, l1: int) -> list[_Token]:
    """The shares of one paragraph, a 分别 list of shares as one token."""
    text = ctx.text
    qs = [q for q in ctx.between(l0, l1) if q.kind == "percent" and q.lang == "zh"]
    out: list[_Token] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        pre = text[max(l0, q.start - 20):q.start]
        m = _ZH_SHARE.search(pre)
        kind = "share"
        if not m:
            m = _ZH_CONTRIB.search(pre)
            kind = "contrib"
        if not m or _ZH_FROM.search(pre) or _ZH_MOVE.match(text, q.end):
            i += 1
            continue
        if _ZH_BOUND_AFTER.match(text[q.end:q.end + 2]):
            i += 1
            continue
        group = [q]
        j = i + 1
        while j < len(qs) and _ZH_LIST_SEP.match(text[group[-1].end:qs[j].start]):
            group.append(qs[j])
            j += 1
        if len(group) > 1 and "分别" not in pre + text[m.start():q.start]:
            i = j
            continue
        base = _base(m.groupdict().get("base"))
        out.append(_Token([Share(x.text, x.start, x.end, x.value) for x in group], kind, base,
                          max(l0, q.start - 20) + m.start()))
        i = j
    return out


# Between a member and its share, when the share is the member's own ("城镇人口占…",
# "第一产业增加值比重为…", "最终消费支出对经济增长贡献率为…"), not a share inside it
# ("城镇居民家庭食品支出占…").
_TIGHT = lazy_compile(r"[^，。；：,;]{0,9}")
_LOOSE_WORDS = lazy_compile(r"居民|家庭|人均|中[，,的]?")


def _family_of(ctx: Context, tok: _Token, seg_from: int) -> tuple[int, list[str], bool] | None:
    """The breakdown named last before the share(s), the members it names in order, and
    whether the last member is the share's own subject (written right before it)."""
    seg = ctx.text[seg_from:tok.seg_start]
    hits = _member_hits(seg)
    if not hits:
        return None
    fi = hits[-1][0]
    last = hits[-1][1]
    m = _MEMBER.match(seg, last)
    gap = seg[m.end():] if m else seg[last:]
    if len(tok.shares) > 1:
        gap = gap[-9:] if "分别" in seg[-12:] else gap
    tight = bool(_TIGHT.fullmatch(gap)) and not _LOOSE_WORDS.search(gap)
    return fi, [member for f, _, member in hits if f == fi], tight


def _zh_groups(ctx: Context) -> Iterator[tuple[str, bool, list[Share]]]:
    text = ctx.text
    pos = 0
    for line in text.split("\n"):
        l0, l1 = pos, pos + len(line)
        pos = l1 + 1
        toks = _zh_tokens(ctx, l0, l1)
        prev_end = l0
        current: tuple[int, str, str] | None = None   # (family, kind, base)
        members: list[Share] = []
        tight = True    # every member is its share's own subject: a complete family may be checked
        for tok in toks:
            fam = _family_of(ctx, tok, prev_end)
            inner = text[prev_end:tok.seg_start]
            prev_end = tok.shares[-1].end
            n = len(tok.shares)
            chosen = None
            if fam is not None and len(fam[1]) >= n:
                chosen = (fam[0], fam[1][-n:])
                tight = tight and fam[2]
            # a share of a part inside the breakdown: "其中…占"
            nested = bool(members) and "其中" in inner
            if chosen is None or nested:
                if members:
                    yield _close(current, members, tight)
                current, members, tight = None, [], True
                continue
            fi, names = chosen
            key = (fi, tok.kind, tok.base)
            compatible = current is not None and current[0] == fi and current[1] == tok.kind and \
                (not tok.base or not current[2] or tok.base == current[2])
            if not compatible:
                if members:
                    yield _close(current, members, tight)
                current, members, tight = key, [], fam[2]
            elif tok.base and not current[2]:
                current = key
            taken = {s.member for s in members}
            if any(nm in taken for nm in names) or len(set(names)) < len(names):
                yield _close(current, members, tight)
                current, members, tight = key, [], fam[2]
            members.extend(Share(s.text, s.start, s.end, s.value, nm) for s, nm in zip(tok.shares, names))
        if members:
            yield _close(current, members, tight)


def _close(key, members: list[Share], tight: bool = True):
    fi = key[0]
    name, complete, ms = _FAMILIES[fi]
    complete = complete and tight and len({s.member for s in members}) == len(ms)
    return name, complete, list(members)


# ---------------------------------------------------------------------------------------------
# Ratios: "三次产业结构为8.3∶41.4∶50.3"
# ---------------------------------------------------------------------------------------------
_RATIO = lazy_compile(
    r"(?:产业结构|结构比例|构成比例|结构)(?:由[0-9.:：∶]+)?(?:调整|优化|变化)?(?:为|是|达到)\s*"
    r"(?P<r>[0-9]+(?:\.[0-9]+)?(?:\s*[:：∶]\s*[0-9]+(?:\.[0-9]+)?){1,5})")
_RATIO_NUM = lazy_compile(r"[0-9]+(?:\.[0-9]+)?")


def _ratios(ctx: Context) -> Iterator[tuple[str, bool, list[Share]]]:
    for m in _RATIO.finditer(ctx.text):
        shares = []
        for n in _RATIO_NUM.finditer(m.group("r")):
            a = m.start("r") + n.start()
            shares.append(Share(n.group(), a, a + len(n.group()), Interval.rounded(n.group())))
        lo = sum(s.value.lo for s in shares)
        hi = sum(s.value.hi for s in shares)
        # a ratio of shares only when it is close to 100 ("1∶2∶3" is not a percentage split)
        if not (90 <= lo and hi <= 110) or not any("." in s.text for s in shares) and not (95 <= lo and hi <= 105):
            continue
        yield "结构", True, shares


# ---------------------------------------------------------------------------------------------
# Lists: 分别占 …; "… 38%, 27% and 9%, respectively"; "Of X, 38.4% …, 15.6% in …"
# ---------------------------------------------------------------------------------------------
_EN_SHARE_VERB = lazy_compile(r"(?i)\b(?:accounted\s+for|account\s+for|accounts\s+for|made\s+up|make\s+up|"
                               r"makes\s+up|represented|represent|represents|comprised|share|shares)\b")
_EN_SEP = lazy_compile(r"^(?:,\s*|,?\s+and\s+)$")
_EN_OF_OPEN = lazy_compile(r"^\s*Of\s+(?:the\s+|all\s+|its\s+|their\s+)?[\w'’\s-]{2,40}?,\s*$")
_EN_ELLIPSIS = lazy_compile(r"\s+(?:[a-z]+\s+)?(?:in|from|at|for|to|on)\s+(?:the\s+)?[A-Z]")


_ZH_EACH_SHARE_END = lazy_compile(r"分别占(?P<b>[^，。；\d]{0,8}?的)?(?:比重)?(?:为)?$")
_ZH_AND = lazy_compile(r"[和、及与]")
_EN_RESPECTIVELY_AFTER = lazy_compile(r"(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3})?,?\s+respectively")


def _lists(ctx: Context) -> Iterator[tuple[str, bool, list[Share]]]:
    text = ctx.text
    qs = ctx.quantities
    # Chinese 分别占 lists not already in a family group are handled here
    i = 0
    while i < len(qs):
        q = qs[i]
        if q.kind != "percent":
            i += 1
            continue
        group = [q]
        j = i + 1
        sep = _ZH_LIST_SEP if q.lang == "zh" else _EN_SEP
        while j < len(qs) and qs[j].kind == "percent" and sep.match(text[group[-1].end:qs[j].start]):
            group.append(qs[j])
            j += 1
        s0, s1 = ctx.sentence_of(q.start)
        if _over_time(text[s0:q.start]) or any(x.value.lo is not None and x.value.lo > 100 for x in group):
            i = j
            continue  # one share in several years ("2020年、2021年分别占…"), or not shares at all
        if q.lang == "zh":
            pre = text[max(0, q.start - 12):q.start]
            bm = _ZH_EACH_SHARE_END.search(pre)
            if len(group) >= 2 and bm and not _ZH_AND.search(bm.group("b") or "") \
                    and not _ZH_MOVE.match(text, group[-1].end):
                yield "分别占", False, [Share(x.text, x.start, x.end, x.value) for x in group]
        else:
            sentence = text[s0:s1]
            tail = text[group[-1].end:group[-1].end + 48]
            # Ex) "38%, 27% and 9%, respectively" "… and 9% of group revenue, respectively"
            if len(group) >= 2 and _EN_RESPECTIVELY_AFTER.match(tail) and _EN_SHARE_VERB.search(
                    text[s0:q.start]):
                yield "respectively", False, [Share(x.text, x.start, x.end, x.value) for x in group]
            elif _EN_OF_OPEN.match(text[s0:q.start]):
                # Ex) "Of Argentina's bondholders, 38.4% reside in Argentina, 15.6% in Italy, …"
                members = [x for x in qs if s0 <= x.start < s1 and x.kind == "percent"]
                if len(members) >= 3 and all(_EN_ELLIPSIS.match(text, x.end) or k == 0
                                             for k, x in enumerate(members)) and \
                        "respectively" not in sentence:
                    yield "breakdown", False, [Share(x.text, x.start, x.end, x.value) for x in members]
                    j = max(j, qs.index(members[-1]) + 1)
        i = j


_YEARS = lazy_compile(r"(?:19|20)[0-9]{2}")
_QUARTERS = lazy_compile(r"(?i)[一二三四]季度|\bQ[1-4]\b|\b(?:first|second|third|fourth)\s+quarter")


def _over_time(s: str) -> bool:
    """Several years or quarters named before a list: one share over time, not a breakdown."""
    return len(set(_YEARS.findall(s))) >= 2 or len(set(_QUARTERS.findall(s))) >= 2


def _judge(ctx: Context, name: str, complete: bool, shares: list[Share]) -> Iterator[Check | Finding]:
    if len(shares) < 2:
        return
    total = Interval.exact(0)
    for s in shares:
        if s.value.lo is None:
            return
        total = Interval(total.lo + s.value.lo, None if total.hi is None or s.value.hi is None
                         else total.hi + s.value.hi)
    point = sum((_mid(s.value) for s in shares), start=0)
    listed = " + ".join(s.text.strip() for s in shares)
    first, last = shares[0], shares[-1]
    if complete:
        ok = total.intersects(HUNDRED)
    else:
        ok = total.lo <= 100
    expected = "100%" if complete else "at most 100%"
    rng = f"{fmt(total.lo, 2)}–{'∞' if total.hi is None else fmt(total.hi, 2)}%"
    if ok:
        yield Check(ID, first.start, last.end, "passed", listed, expected,
                    f"{name}: {listed} = {rng}")
        return
    gap = total.gap(HUNDRED) if complete else total.lo - 100
    if complete:
        msg = (f"{name}: the shares of a complete breakdown add up to {fmt(point, 2)}% "
               f"({rng} within rounding), not 100%: {listed}; off by at least {fmt(gap, 2)} "
               f"percentage points; one of them would have to change by that much")
    else:
        msg = (f"{name}: the shares of one breakdown add up to more than 100%: {listed} = "
               f"{fmt(point, 2)}% (at least {fmt(total.lo, 2)}% within rounding), "
               f"{fmt(gap, 2)} percentage points too many; one of them would have to be that much smaller")
    evidence = (("shares", listed), ("sum", f"{fmt(point, 2)}%"), ("sum_range", rng),
                ("complete", "yes" if complete else "no"), ("gap_pp", fmt(gap, 2)))
    related = tuple(Related("share", s.text.strip(), s.start, s.end) for s in shares[:-1])
    yield Check(ID, last.start, last.end, "failed", listed, expected, msg)
    yield Finding(ID, SEVERITY, msg, last.start, last.end, last.text.strip(), expected, evidence, related)


def _mid(iv: Interval):
    if iv.hi is None:
        return iv.lo
    return (iv.lo + iv.hi) / 2


def check(ctx: Context) -> Iterator[Check | Finding]:
    seen: set[tuple[int, ...]] = set()
    covered: set[int] = set()
    for name, complete, shares in list(_ratios(ctx)) + list(_zh_groups(ctx)):
        key = tuple(s.start for s in shares)
        if key in seen:
            continue
        seen.add(key)
        covered.update(key)
        yield from _judge(ctx, name, complete, shares)
    for name, complete, shares in _lists(ctx):
        key = tuple(s.start for s in shares)
        if key in seen or set(key) <= covered:
            continue
        seen.add(key)
        yield from _judge(ctx, name, complete, shares)

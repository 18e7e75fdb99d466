"""分别 / "respectively" pairs lists of different lengths.

What it does:
    For each 分别, counts the values written right after it ("分别提高到89%、85%"; values
    separated by 、/和/及/与, a bare number taking the unit of the last: "分别提高15、22个百分点")
    and the names they belong to, written before it in the same sentence: a list in the same
    clause ("A、B、C分别增长…"; "A和B分别…"), else a list in the clause before ("建立非公企业和
    社会组织党组织1459个，覆盖率分别提高到…"; "7、8、9三个月，失业率分别为…").  A second 分别
    in the sentence ("分别出口…，分别增长…") pairs its values with the same names.  For
    "respectively", the values are the list right before it and the names the "A, B and C" list
    before the values ("Exports and imports rose 3% and 5%, respectively") or the list between
    the values and the word ("rose 3% and 5% in Europe and Asia, respectively").

    Ranks after 分别 are values too ("分别居全国第5、第6位"; 居/位居/排名/列… then 第N, 第M位).

    A mismatch with names separated by 、 or commas in the same clause is an error; one that
    rests on a less certain reading (names joined only by 和/and, names in an earlier clause, a
    final 和 that may belong to a name such as "软件和信息服务业") is a warning.  Names packed
    into two characters (城乡, 存贷款, 内外资; not 城乡建设, 进出口银行, 产销率) count as two and
    are only ever confirmed when values are paired with them.  Names before 等 ("A、B、C等产品")
    count as the ones written: more values than that is confirmed or left alone (等 may add
    names), fewer is a warning, since each name written needs its value.

    One value for two or more names is a warning ("生产安全事故起数、死亡人数分别下降9.6%";
    "城乡居民人均可支配收入分别增长5.1%"; "营收和利润分别居全国第6位"; a second 分别 that has
    one value for the names of the first: "分别新增12项和44项，累计分别达到288项"; "Exports and
    imports rose 3%, respectively"), never an error, since 分别 is now and then written loosely
    for 均 ("each").  The value counts as alone only when
    - a short verb phrase sits between 分别 and it (增长, 下降, 提高到, 达到, 为, 超过, 占全国的,
      比上年增长, 比2020年下降…), so 分别 in the sense of "separately" ("分别与省政府签约",
      "分别获得…1项"), a date ("分别于2021年投产") or names written among the values
      ("分别为北京10.7%、…") are left alone;
    - the list does not go on: not followed by 、/和/及/与 (a word as the next value: "分别增长
      5%和持平"; a value with its own verb: "分别增长6.1%、下降0.8%"), by a range ("10%至15%"), a
      bracket, or, after a comma, a value of the same kind ("分别为5.2%，5.0%");
    - the names come from a list in the clause of 分别, packed names, the names of an earlier 分别
      of the sentence, or a list in the clause before when the clause of 分别 is at most a short
      measure ("…是金融服务和知识产权使用费，分别增长18.9%").
    A lone 100%, 0 or first rank is left alone: every name can reach it ("通客车比例分别达到
    100%"; "产量和播种面积分别居全国第一").
    Two or more values for one name are a warning too ("刑事案件分别下降7.2%、4.4%"; "对东盟进出口
    总额分别增长9.1%、13.5%"; "营业总收入五年分别增长88.1%、30.2%"): a name was dropped in an
    edit, or 分别 does not belong.  The values are read as for a lone value (a short verb phrase
    after 分别, so names written there — "分别比全国、全省高…" — are left alone), and the finding is
    said only when nothing within reach can stand for the names:
    - the clause of 分别 is one noun phrase: no list (、/和/及/与/或), no packed names (城乡, 油气,
      客货, 男女, 同环比…; "进出口总额" is one total), no count or numeral (两市, 三次产业, 31个大
      城市, "两年" before two values; one period — 2023年, 前三季度, 第一产业 — or a span of
      another length — "五年" — is allowed), no plural or collective word (各, 其他, 上述, 两者,
      部分, 主要, 重点, 指标, 等…), and not a bare measure pointing back ("…服务业增加值增长7.1%，
      增速分别比全国高…");
    - the clauses before it in the sentence hold no list, no packed names, no plural word, no count
      as long as the values (nor, in a clause with no value of its own, any numeral of that
      length: "今明两年，"), no span of periods ("1—2月，", "一至三季度，"), no breakdown
      ("分城乡看，", "从地区看，") and no earlier 分别; "…中，" / "…方面，" are fine without a list.
      A list of facts — every item with a value of its own, the values of different kinds:
      "签约项目218个、总投资约1500亿元" — is not a list of names, here or in the clause-before
      reading above, when the clause of 分别 names its own subject;
    - nothing after the values names them or makes them a series ("…的城镇和农村居民",
      "呈现逐月回落", "均高于…");
    - the sentence before has no 分别 with as many values, and — when the name opens its sentence
      or the sentence points back ("其中，…") — no list, count or packed names of that length
      ("…两大工程。工程投资分别完成…").

    In English, a lone value is read only when it is the one number of the sentence before
    "respectively" (years as names aside), right after its verb ("rose", "were", "rose by"), and
    the names are a sure list.

    A value list whose first item is empty — the verb, then 、, then the values ("分别增长、10.2%",
    left by deleting a value) — is a warning of its own, whatever the names.

Why it matters:
    When one name or one value goes missing in an edit, every pair after it is shifted and the
    reader attributes the wrong figure to the wrong subject.

Example (fails):
    广东、江苏、山东三省新能源汽车产量分别增长1.2倍、50.4%。

Use instead (passes):
    广东、江苏、山东三省新能源汽车产量分别增长1.2倍、50.4%和32%。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..lazyre import lazy_compile

from ..model import Check, Finding, Quantity, Related
from .base import CLOSE_MARKS, OPEN_MARKS, Context, blank_brackets, cjk, split_outside_brackets

ID = "respectively"
SEVERITY = "error"

# How far from 分别 / "respectively" the lists are looked for, in characters: a sentence that
# runs on for longer is not one whose pairs a reader can check.
_WINDOW = 400

_ZH_MARK = lazy_compile(r"分别")
_EN_MARK = lazy_compile(r"\brespectively\b", regex.IGNORECASE)

# Quantities that are never the paired values.  Ex) "分别比2020年增长…"
_NOT_VALUES = {"year", "date"}
# Between two values of one list.  Ex) "89%、85%" "5.1%、5.1%和4.9%"
_ZH_VALUE_SEP = {"、", "和", "及", "与", "以及", "、和"}
# Ex) "3.1% and 2.4%" "$3bn, $4bn and $5bn" "5%, 7%, and 9%"
_EN_VALUE_SEP = lazy_compile(r"^(?:,\s*|,?\s+and\s+|,?\s+or\s+|\s*/\s*)$")

_OPEN, _CLOSE = OPEN_MARKS, CLOSE_MARKS
_ZH_CLAUSE = set("，,；;：:")
# 和/与/及 joining two names — not inside a word.  Ex) "参与率" "和谐" "及时" "涉及" "总和"
_ZH_JOIN = lazy_compile(r"以及|(?<![参给赋涉普危顾惠波触温缓总饱暖调柔随平中共])(?:及|和|与)(?![谐平时其])")
# Two names packed into two characters.  Ex) "城乡居民收入分别增长4.4%、5.6%" (城镇, 农村)
_PACKED_NAMES = {"城乡": ("城镇", "农村"), "存贷款": ("存款", "贷款"), "内外资": ("内资", "外资"),
                 "中外资": ("中资", "外资"), "进出口": ("进口", "出口"), "收支": ("收入", "支出"),
                 "产销": ("产量", "销量"), "本外币": ("本币", "外币"), "境内外": ("境内", "境外"),
                 "国内外": ("国内", "国外"), "上下半年": ("上半年", "下半年")}
# Not a pair of names.  Ex) "住房和城乡建设" "城乡融合发展" "进出口银行" "产销率" (one ratio)
# "进出口总额" (one total)
_PACKED_PAIRS = lazy_compile(r"(?:" + "|".join(sorted(_PACKED_NAMES, key=len, reverse=True))
                             + r")(?!建设|规划|融合|一体化|统筹|发展|银行|率)(?<!进出口(?=总额|总值|额))")

# A lone value after 分别 is read only after one of these short verb phrases, so that 分别 in
# the sense of "separately" (分别签约, 分别与…) and names written between 分别 and the value
# ("分别为北京10.7%、…") are left alone.  Ex) "分别增长" "分别比上年下降" "分别提高到" "分别占全国的"
_ZH_LONE_LEAD = lazy_compile(
    r"^(?:同比|环比|比上年(?:末|同期)?|较上年(?:末|同期)?|比[0-9]{4}年(?:末|底)?|年均|平均|累计|全年)?"
    r"(?:增长|下降|提高|降低|增加|减少|上升|回落|下滑|扩大|缩小|提升|达到|达|为|是|超过|突破|跨越|"
    r"新增|完成|实现|用时|增至|降至|占(?:全国|全省|全市|全球|全部)?(?:的)?|占比)"
    r"(?:了)?(?:到|至)?$")
# After a lone value: a list that goes on with a word ("增长5%和持平"), a range ("5%至8%"), a
# bracket, or a second value right after a clause break ("5.1%，5.3%") — not a lone value.
_ZH_LONE_GOES_ON = set("、和及与至到~～-—–（(")
_ZH_NEXT_VALUE = lazy_compile(r"^\s*[，,；;]\s*(?:和|及|与|以及)?\s*$")
# Ranks are not quantities; after 分别 they are read here.  Ex) "分别居全国第5、第6位"
_ZH_RANKS = lazy_compile(
    r"^(?:位居|位列|排名|排在|跃居|稳居|升至|居|列|排)"
    r"(?:全国|全省|全市|全区|全球|世界|西部|中部|东部|中西部|各省区市|各省区|各省份|同类城市)?"
    r"第[0-9一二三四五六七八九十]{1,3}[位名]?(?:(?:、|和|与|及)第?[0-9一二三四五六七八九十]{1,3}[位名]?){0,9}")
_ZH_RANK = lazy_compile(r"第?[0-9一二三四五六七八九十]{1,3}[位名]?")

# Words that open an English sentence without being a name.  Ex) "Last year, exports and …"
_EN_INTRO = lazy_compile(
    r"^(?:in|on|at|for|during|last|this|next|over|by|after|before|since|meanwhile|however|overall|"
    r"separately|according|also|but|and|yet|still|elsewhere|together|combined|so\s+far|year\s+on)\b",
    regex.IGNORECASE)
_EN_VERB = lazy_compile(
    r"^(?:rose|fell|grew|increased|decreased|declined|dropped|climbed|jumped|gained|slipped|were|was|"
    r"are|is|reached|totalled|totaled|stood|accounted|made|had|have|has|posted|reported|came|"
    r"contributed|represented|generated|earned|saw|recorded|added|lost|up|down)$", regex.IGNORECASE)
# The verb right before a lone value.  Ex) "rose 3.1%" "were up by 5%" "totalled $3bn"
_EN_LONE_LEAD = lazy_compile(
    r"\b(?:rose|fell|grew|increased|decreased|declined|dropped|climbed|jumped|gained|slipped|were|was|"
    r"reached|totalled|totaled|stood|posted|reported|up|down)(?:\s+(?:by|to|at|of))?\s+$", regex.IGNORECASE)
_EN_YEARS_LEAD = lazy_compile(r"^\s+(?:in|for|during)\s+$")
_EN_PREPOSITIONS = {"in", "at", "of", "from", "for", "on", "by"}
_EN_AND = lazy_compile(r"\s+(?:and|or)\s+")
# Ex) "rose 3% and 5% in Europe and Asia, respectively"
_EN_NAMES_AFTER = lazy_compile(
    r"^\s+(?:in|for|at|on|from|to|among|across|by)\s+(?P<names>[^.;:()\d]{3,120}?),?\s*$", regex.IGNORECASE)


@dataclass(frozen=True)
class Rank:
    """An ordinal after 分别, standing in for a value.  Ex) "第5" in "分别居全国第5、第6位"."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Names:
    """The names a list of values belongs to, as read from the sentence."""

    names: tuple[str, ...]
    alt: tuple[str, ...] | None = None     # a second reading (和 inside a name)
    certain: bool = True                   # a mismatch is an error (True) or a warning
    confirm_only: bool = False             # "城乡", "A、B等": never reported, only confirmed
    open_list: bool = False                # "A、B、C等": fewer values than named is still reported
    earlier: bool = False                  # read from the clause before the one with 分别


def check(ctx: Context) -> Iterator[Check | Finding]:
    yield from _check_zh(ctx)
    yield from _check_en(ctx)


# -- Chinese -------------------------------------------------------------------------------------

def _check_zh(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    # The names found for the last 分别 of each sentence.  Ex) "分别出口…，分别增长…"
    last_names: dict[int, tuple[int, Names]] = {}
    for m in _ZH_MARK.finditer(text):
        empty = _zh_empty_item(ctx, m.end())
        if empty is not None:
            yield from empty
            continue
        values = _zh_values(ctx, m.end()) or _zh_ranks(text, m.end())
        lone = len(values) == 1
        if not values or (lone and not _zh_lone(ctx, m.end(), values[0])):
            continue
        s0, _ = ctx.sentence_of(m.start())
        names = _zh_names(ctx, s0, m.start(), last_names.get(s0))
        if names is None:
            if not lone and all(isinstance(v, Quantity) for v in values):
                # Ex) "刑事案件分别下降7.2%、4.4%" — a name dropped from "刑事、治安案件…"
                yield from _zh_one_name(ctx, s0, m.start(), values)
            continue
        last_names[s0] = (values[-1].end, names)
        if not lone:
            yield from _judge(values, names, "zh")
        elif not names.earlier or len(_clauses(text[max(s0, m.start() - _WINDOW):m.start()])[-1]) <= 8:
            # Ex) "进口增长较快的是金融服务和知识产权使用费，分别增长18.9%" — the names of the clause
            # before, when the clause of 分别 names at most a measure ("覆盖率分别提高到…")
            yield from _judge_lone(values[0], names, "zh")


# Ex) "分别增长、10.2%" — the verb, then a separator where the first value was
_ZH_EMPTY_FIRST = lazy_compile(r"^(?:比上年|同比|较上年)?[\p{Han}]{1,6}?[、]$")


def _zh_empty_item(ctx: Context, pos: int):
    """A value list after 分别 whose first item is empty ("分别增长、10.2%"): a warning, or None."""
    text = ctx.text
    nxt = ctx.between(pos, pos + 14)
    if not nxt or nxt[0].kind in _NOT_VALUES:
        return None
    lead = text[pos:nxt[0].start]
    if not _ZH_EMPTY_FIRST.match(lead):
        return None
    first = nxt[0]
    shown = lead + first.text.strip()
    msg = (f"an empty item in the values after 分别: \"分别{shown}\" has a 、 with no value before it; "
           f"a value is missing (or the 、 should go)")
    at = pos + len(lead) - 1
    return iter((Check(ID, at, first.end, "failed", shown, "", msg),
                 Finding(ID, "warning", msg, at, first.end, shown, "",
                         (("values", "1"), ("empty_items", "1")), ())))


def _zh_ranks(text: str, pos: int) -> list[Rank]:
    """Ranks written after 分别.  Ex) "分别居全国第5、第6位" → 第5, 第6."""
    m = _ZH_RANKS.match(text[pos:pos + 80])
    if not m:
        return []
    start = pos + m.group().index("第")
    return [Rank(r.group(), start + r.start(), start + r.end())
            for r in _ZH_RANK.finditer(text[start:pos + m.end()])]


_ZH_FIRST = lazy_compile(r"^第?(?:1|一)[位名]?$")


def _zh_lone(ctx: Context, pos: int, value: Quantity | Rank) -> bool:
    """Whether *value* stands alone after 分别: a short verb phrase before it, the clause after."""
    text = ctx.text
    if isinstance(value, Quantity):
        if not _ZH_LONE_LEAD.match(text[pos:value.start]):
            return False
        # Ex) "通硬化路、通客车比例分别达到100%" "事故起数、死亡人数分别为0" — every name can have
        # the extreme value: 分别 written loosely for 均
        if value.point == 0 or (value.unit == "%" and value.point == 100):
            return False
    elif _ZH_FIRST.match(value.text):
        return False        # Ex) "产量和播种面积分别居全国第一" — both first: 分别 loose for 均
    after = text[value.end:value.end + 12].lstrip()
    if after[:1] in _ZH_LONE_GOES_ON or after.startswith("以及"):
        return False
    # Ex) "分别为5.1%，5.3%和4.9%" — a list written with commas; not "分别达到69家，1324人凭…"
    nxt = ctx.between(value.end, value.end + 8)
    if nxt and _ZH_NEXT_VALUE.match(text[value.end:nxt[0].start]):
        return not (isinstance(value, Rank) or (nxt[0].kind, nxt[0].unit, nxt[0].classifier)
                                                  == (value.kind, value.unit, value.classifier))
    return True


def _zh_values(ctx: Context, pos: int) -> list[Quantity]:
    text = ctx.text
    _, s1 = ctx.sentence_of(pos)
    qs = ctx.between(pos, min(s1, pos + _WINDOW))
    i = 0
    while i < len(qs) and qs[i].kind in _NOT_VALUES:
        i += 1
    if i == len(qs):
        return []
    first = qs[i]
    lead = text[pos:first.start]
    # Ex) "分别增长" "分别比上年提高" — a short verb phrase, no clause break
    if len(lead) > 12 or any(c in _ZH_CLAUSE or c in "。" for c in lead):
        return []
    out = [first]
    for q in qs[i + 1:]:
        gap = text[out[-1].end:q.start]
        if gap not in _ZH_VALUE_SEP or q.kind in _NOT_VALUES:
            break
        out.append(q)
    # Ex) "分别增长3.3、1.4、1.1倍" — bare numbers take the unit of the last value
    return out


def _clauses(head: str) -> list[str]:
    """*head* split at ，；： outside quotes and brackets."""
    out, cur, depth = [], [], 0
    for c in head:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and c in _ZH_CLAUSE:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return out


def _zh_list(clause: str, certain: bool) -> Names | None:
    """Names in one clause: "A、B、C", "A、B和C", "A和B"; None when it holds no list."""
    top = blank_brackets(clause)
    if "、" in top:
        parts = split_outside_brackets(clause, "、")
        if any(not p.strip() for p in parts) or any("等" in blank_brackets(p) for p in parts[:-1]):
            return None
        if "等" in blank_brackets(parts[-1]):
            # Ex) "新能源汽车、锂离子电池、光伏电池等绿色低碳产品产量分别增长…" — the names are the
            # examples before 等; an open list is confirmed when it fits, never reported.
            parts[-1] = parts[-1][:blank_brackets(parts[-1]).rfind("等")]
            return Names(tuple(parts), None, False, confirm_only=True, open_list=True)
        last = blank_brackets(parts[-1])
        joins = list(_ZH_JOIN.finditer(last))
        if len(joins) == 1 and 0 < joins[0].start() and joins[0].end() < len(last):
            j = joins[0]
            split = parts[:-1] + [parts[-1][:j.start()], parts[-1][j.end():]]
            return Names(tuple(split), tuple(parts), certain)
        return Names(tuple(parts), None, certain)
    joins = list(_ZH_JOIN.finditer(top))
    if len(joins) == 1:
        j = joins[0]
        a, b = clause[:j.start()], clause[j.end():]
        if a.strip() and b.strip():
            return Names((a, b), None, False)
    return None


def _zh_names(ctx: Context, s0: int, mark: int, previous: tuple[int, Names] | None) -> Names | None:
    text = ctx.text
    clauses = _clauses(text[max(s0, mark - _WINDOW):mark])
    here = clauses[-1]
    # Ex) "分别出口1493.7亿元、…，分别增长18.4%、…" — the second list pairs with the same names
    if previous is not None and not _zh_list(here, True) and not _PACKED_PAIRS.search(here) \
            and len(_clauses(text[previous[0]:mark])) == 2:
        return previous[1]
    found = _zh_list(here, True)
    if found is not None:
        packed = _PACKED_PAIRS.search(here)
        if packed:
            # Ex) "城乡居民收入和消费支出分别增长…" — 2 names × 城镇/农村 may pair 4 values
            pair = _PACKED_NAMES[packed.group()]
            return Names(found.names, tuple(f"{p}{n.replace(packed.group(), '')}" for n in found.names
                                            for p in pair), False, confirm_only=True)
        return found
    # Ex) "城乡居民人均可支配收入分别增长4.4%、5.6%"
    packed = _PACKED_PAIRS.search(here)
    if packed:
        return Names(_PACKED_NAMES[packed.group()], None, False, confirm_only=True)
    if len(clauses) < 2:
        return None
    # Ex) "建立非公企业和社会组织党组织1459个，党组织覆盖率分别提高到89%、85%"
    found = _zh_list(clauses[-2], False)
    if found is None:
        return None
    # Ex) "签约项目218个、总投资约1500亿元，能源投资分别增长…" — a list of facts, not of names,
    # before a clause that names its own subject (not "…，分别增长" nor "…，增速分别为…")
    if _facts_list(ctx, mark - len(here) - 1 - len(clauses[-2]), clauses[-2]) \
            and _one_subject(ctx, here, mark - len(here), 0):
        return None
    return Names(found.names, found.alt, False, earlier=True)


# -- one name before 分别 -------------------------------------------------------------------------

# Names packed into one noun phrase: every coordinate pair a report writes as one word (beyond
# _PACKED_NAMES, which pairs values with them).  A subject holding one is never read as one name.
# Ex) "油气产量" (石油, 天然气) "客货运量" "男女平均预期寿命" "中小学" "沪深股市" "同环比" — but
# "进出口总额" is one total: "对东盟进出口总额分别增长…" has one name.
_ONE_PACKED = lazy_compile(
    r"城乡|存贷|内外|中外|进出(?!口总额|口总值|口额)|出入|收支|产销|本外币|境内外|海内外|上下|"
    r"中西|东中|东西|南北|沪深|京津|京沪|川渝|港澳|中美|中欧|美欧|欧美|日韩|中日|中小|大中|中高|"
    r"高中|初高|本专|硕博|博硕|男女|夏秋|春秋|冬春|早中|早晚|粮棉|棉油|猪牛|牛羊|禽蛋|肉蛋|蛋奶|"
    r"水电|油气|煤电|量价|价量|供需|购销|投融资|财税|客货|公铁|铁公|水陆|海陆|海空|陆空|工农|"
    r"工商|农林|牧渔|文旅|文体|科教|教科|医养|产学|政银|党政|军民|师生|干群|官兵|省市|市县|县乡|"
    r"区县|县区|县市|镇村|村组|增减|升降|涨跌|正负|盈亏|新旧|新老|前后|往返|装卸|借贷|同环比|"
    r"环同比|当月累计|累计当月|美日|日美|中俄|中非|英美|"
    # Places packed by their one-character names.  Ex) "江浙沪" "黑吉辽" "云贵" "成渝" "广佛"
    r"(?!辽宁)[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台]"
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台]|"
    r"成渝|广佛|深莞|厦漳泉|长株潭|苏锡常|宁镇扬|广深|深港|穗港|西咸|呼包鄂")
# Words that stand for several names (counts, plural pronouns, collectives), a list, or an open
# list.  Ex) "各市" "两者" "其他行业" "上述指标" "逐季" "部分地区" "新能源汽车等产品" "A/B"
_ONE_PLURAL = lazy_compile(
    r"各|诸|们|两者|二者|双方|前者|后者|这些|那些|上述|其(?!中)|依次|逐|先后|相继|历年|部分|重点|"
    r"污染物|指标|主体|板块|片区|"
    r"多[个家项地国种类次方省市批位名所座条只台部件]|若干|一些|全部|所有|相关|主要|分项|等|均|都|每|"
    r"^(?:以上|以下)|分别|扣除|剔除|折合|换算|[/／+＋、和及与或]")
# The same in an earlier clause of the sentence, less the words that also qualify a verb there
# ("全部开工", "主要靠…").
_ONE_PLURAL_CLAUSE = lazy_compile(
    r"各|诸|们|两者|二者|双方|前者|后者|这些|那些|上述|其(?!中)|依次|逐|先后|相继|历年|分项|分别|等|"
    r"多[个家项地国种类次方省市批位名所座条只台部件]|若干|一些|^\s*(?:以上|以下)|[/／+＋]")
# Words that hold those characters without standing for several names, cleared first.
# Ex) "人均可支配收入" "规模以上" "每万人口" "首都" "高等教育" "尤其" "二是…" "（三）"
_ONE_SINGULAR = lazy_compile(
    r"[人平年户日月亩次床场车校]均|均(?:衡|值|价|等|匀)|首都|成都|都市|[高中初同平]等|等级|"
    r"[尤极]其|每[0-9０-９十百千万亿]+|^\s*[一二三四五六七八九十]是|[（(][一二三四五六七八九十]{1,2}[）)]")
# Periods and ordinals written with numerals that name one period or one thing.
# Ex) "前三季度" "二季度" "2021年" "12月份" "第一产业"
_ONE_PERIOD = lazy_compile(
    r"前三季度|第?[一二三四]季度|[0-9]{4}年(?:度|末|底|初)?|(?<![0-9\-—－~～至到])[0-9]{1,2}月份?"
    r"|第[0-9一二三四五六七八九十](?![0-9一二三四五六七八九十、和及与])")
# A numeral left after that: a count that may stand for the names.  Ex) "两市" "三次产业" "五上企业"
_ONE_NUMERAL = lazy_compile(r"[两二三四五六七八九十百千几双]|[0-9０-９]+(?![0-9０-９A-Za-z])")
# A span of periods: names too.  Ex) "1—2月" "一至三季度" "2020至2022年"
_ONE_RANGE = lazy_compile(
    r"(?P<lo>[0-9]+|[一二三四五六七八九十])\s*(?:至|到|—|－|-|~|～|–)+\s*(?P<hi>[0-9]+|[一二三四五六七八九十])")
# A clause that opens a breakdown, naming its dimension.  Ex) "分行业看" "从地区看" "按经济类型分"
_ONE_BREAKDOWN = lazy_compile(r"^\s*(?:(?:分|按|从|就|以)\S{1,10}(?:看|来看|分|划分|而言)|具体(?:来)?看)\s*$")
# A sentence that opens by pointing back at the one before.  Ex) "其中，" "同期，"
_ONE_BACK = lazy_compile(r"^\s*(?:其中|同期|同时|与此同时|相应|对应|此外|另外|从中)")
# After the values, in their sentence: words that make the values a series or point back at names.
_ONE_AFTER = lazy_compile(r"逐|依次|先后|前者|后者|两者|二者|双双|(?<![人平年户日月亩次床场车校])均(?![衡值价等匀])")
# Around the one name: words that are not part of it.
_ONE_LEADING = lazy_compile(r"^(?:[一二三四五六七八九十]是|其中|同时|同期|此外|另外|与此同时|全年|当年|今年以来|今年|去年|上年|年内|"
                            r"[0-9]{4}年(?:以来|全年)?)+")
_ONE_TRAILING = lazy_compile(
    r"(?:同比|环比|实际|名义|累计|年均|平均|也|则|还|已|又|亦|仍|全年|当年|同期|以来|"
    r"近?[0-9一二三四五六七八九十两]+年(?:来|间|以来)?|(?:比|较)(?:上年|[0-9]{4}年)(?:同期|末|底)?)+$")
# A bare measure: it refers to names written before ("…服务业增加值增长7.1%，增速分别比全国高…").
_ONE_MEASURE = lazy_compile(
    r"^(?:增速|增幅|涨幅|降幅|跌幅|比重|占比|份额|贡献率|增量|总量|规模|数量|金额|比例|速度|水平|数值|"
    r"增长率|数据|指标)$")
# The values that make an item of a list a fact.  Ex) "签约项目218个" "总投资约1500亿元"
_FACT_KINDS = {"count", "amount", "percent", "pp", "multiple", "measure"}
# Markup left by a scrape.  Ex) '</font><font cms-style="font-L">'
_MARKUP = lazy_compile(r"<[^<>]{0,200}>")
_ONE_SUBJECT_MAX = 24
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2, "双": 2}


_CLAUSE_SEP = lazy_compile(r"[，,；;：:。！？!?\n]")
_ZH_AND = lazy_compile(r"[、和及与]")


def _zh_one_name(ctx: Context, s0: int, mark: int, values: list[Quantity]) -> Iterator[Check | Finding]:
    """k values after 分别 and one noun phrase before it: a name dropped in an edit.

    Ex) "刑事案件分别下降7.2%、4.4%" (from "刑事、治安案件…").  Said only when nothing in the
    sentence (or the one before, for a sentence that points back) can stand for the names."""
    text = ctx.text
    k = len(values)
    # Ex) "分别增长" "分别比上年下降" — not "分别比全国、全省高…" (the names after 分别)
    if not _ZH_LONE_LEAD.match(text[mark + 2:values[0].start]):
        return
    start = max(s0, mark - _WINDOW)
    head = text[start:mark]
    if "分别" in head:
        return      # an earlier 分别 of the sentence may name them
    clauses = _clauses(head)
    subject = clauses[-1]
    sub_start = mark - len(subject)
    if not _one_subject(ctx, subject, sub_start, k):
        return
    # The clauses before, back to the start of the sentence.
    pos = sub_start
    opens = True        # the name opens its sentence: only short topic clauses before it
    for i, clause in enumerate(reversed(clauses[:-1])):
        c_end = pos - 1
        c_start = c_end - len(clause)
        pos = c_start
        qs = [q for q in ctx.between(c_start, c_end) if q.start >= c_start]
        topic = not any(q.kind in _FACT_KINDS for q in qs)
        # Ex) "其中，" "今年以来，" "1—7月，" — not "持续开展道路交通安全整治，"
        opens = opens and topic and len(_MARKUP.sub("", clause).strip()) <= 8
        if i > 0 and not topic:
            # Ex) "引进硕博士人才1200名，…" — packed names with a value of their own are spent;
            # but not "广州、深圳两市GDP总量超过5万亿元，…" (a list)
            top = blank_brackets(_MARKUP.sub(_blank, clause))
            if ("、" in top or _ZH_JOIN.search(top)) and not _facts_list(ctx, c_start, clause):
                return
            continue
        if not _one_clause_clear(ctx, c_start, clause, qs, k, topic):
            return
    # After the values, in their clause: names written there.  Ex) "分别增长5%、6%的城镇和农村…"
    tail = _CLAUSE_SEP.split(text[values[-1].end:values[-1].end + 30], maxsplit=1)[0]
    if _ONE_PACKED.search(tail) or _ZH_AND.search(tail):
        return
    # Ex) "…分别增长5%、6%的两家企业"
    if any(n is None or n == k for n in _numerals_left(tail, [], 0)):
        return
    # Ex) "制造业投资，技改投资分别增长…" — names written with a comma for 、
    before = _ONE_TRAILING.sub("", _MARKUP.sub("", clauses[-2]).strip()) if len(clauses) > 1 else ""
    core = _ONE_TRAILING.sub("", _ONE_LEADING.sub("", subject.strip())).strip()
    if len(before) >= 2 and before[-2:] == core[-2:]:
        return
    # Ex) "…分别为14.8%、14.1%，呈现逐月回落的态势" — the values are periods, named by the rest
    _, s1 = ctx.sentence_of(mark)
    if _ONE_AFTER.search(text[values[-1].end:min(s1, values[-1].end + 80)]):
        return
    if not _one_previous_clear(ctx, s0, k, opens):
        return
    yield from _judge_one_name(values, core)


def _one_subject(ctx: Context, subject: str, sub_start: int, k: int) -> bool:
    """Whether the clause before 分别 is one concrete noun phrase, with nothing for the names."""
    s = subject.strip()
    if not s or len(s) > _ONE_SUBJECT_MAX:
        return False
    if _ONE_PACKED.search(s) or _PACKED_PAIRS.search(s) or _ONE_RANGE.search(s):
        return False
    cleared = _ONE_SINGULAR.sub(_blank, s)
    if _ONE_PLURAL.search(cleared):
        return False
    # Quantities in the subject: a count stands for the names ("31个大城市"); a span of years
    # as long as the list may too ("两年分别增长…"); one period or a longer span does not.
    qs = ctx.between(sub_start, sub_start + len(subject))
    if any(q.kind == "count" or (q.kind == "duration" and q.point == k) for q in qs):
        return False
    if _numerals_left(subject, [q for q in qs if q.kind in ("duration", "year", "date")], sub_start):
        return False
    core = _ONE_TRAILING.sub("", _ONE_LEADING.sub("", s)).strip()
    core = core.strip("”’」』）)》】〕“‘「『（(《【〔 ")
    if len(core) < 2 or _ONE_MEASURE.match(core):
        return False
    last = core[-1]
    return (cjk(last) or last.isascii() and last.isalpha()) and last not in "后时中来外下上前里内间的了着过是为在于对向把被将让之看"


def _facts_list(ctx: Context, start: int, clause: str) -> bool:
    """Whether *clause* (at *start*) is a list of facts rather than of names: every item carries
    a value of its own, and the values are not of one kind.  Ex) "签约项目218个、总投资约1500亿元"
    "资产总额增长21.5%、达到1.8万亿元" — not "国内游客3.2亿人次、入境游客512万人次"."""
    top = blank_brackets(clause)
    cuts = [i for i, c in enumerate(top) if c == "、"]
    if not cuts:
        joins = list(_ZH_JOIN.finditer(top))
        if len(joins) != 1:
            return False
        cuts = [joins[0].start()]
    bounds = [0] + [c + 1 for c in cuts] + [len(clause) + 1]
    kinds = set()
    for a, b in zip(bounds, bounds[1:]):
        qs = [q for q in ctx.between(start + a, start + b - 1) if q.kind in _FACT_KINDS]
        # Ex) "7、8、9三个月" — numbers that are names, not facts
        inside = {i for q in qs for i in range(q.start - start, q.end - start)}
        words = sum(1 for i in range(a, b - 1) if cjk(top[i]) and i not in inside)
        if not qs or words < 2:
            return False
        kinds.update((q.kind, q.unit) for q in qs)
    return len(kinds) > 1


_DIGIT = lazy_compile(r"[0-9０-９]")
_ZH_WORD_COUNT = lazy_compile(r"[两二三四五六七八九十几双](?:个|家|项|类|种|大|次|省|市|区|县|地|国|者|方|批|座|所|"
                              r"条|名|位|支|只|台|部|件|届|轮|级|岸|城|镇|村|州|方面|领域|行业|产业|板块|季|月)")


def _one_clause_clear(ctx: Context, c_start: int, clause: str, qs: list[Quantity], k: int,
                      topic: bool) -> bool:
    """Whether an earlier clause of the sentence names nothing the values could pair with.

    A *topic* clause (no value of its own: "今明两年，" "“两新”政策全面落地，") is held to the
    numeral test of the subject; a clause with values only to counts written as such."""
    raw = _MARKUP.sub(_blank, clause)
    top = blank_brackets(raw.replace("、", " ") if _facts_list(ctx, c_start, raw) else raw)
    if "、" in top or _ZH_JOIN.search(top) or _ONE_PACKED.search(raw) or _PACKED_PAIRS.search(raw):
        return False
    if _ONE_BREAKDOWN.match(top):
        return False
    if _ONE_PLURAL_CLAUSE.search(_ONE_SINGULAR.sub(_blank, top.strip())):
        return False
    for q in qs:
        # Ex) "建成两个基地，…" "今明两年，…" — a count as long as the list, or any count in words
        if q.kind == "count" and (q.point == k or not _DIGIT.search(q.text)):
            return False
        if q.kind == "duration" and q.point == k:
            return False
    for r in _ONE_RANGE.finditer(raw):
        lo, hi = (_NUMERALS.get(x) or (int(x) if x.isdigit() else None) for x in (r["lo"], r["hi"]))
        if lo is None or hi is None or hi - lo + 1 == k or not r["lo"].isdigit():
            return False        # Ex) "1—2月，…" "一至三季度，…" — a span of periods as names
    if topic:
        # Ex) "今明两年，…" — but not "“三张清单”管理持续深化，…" (three is not the list's length)
        left = _numerals_left(raw, [q for q in qs if q.kind in ("duration", "year", "date")], c_start)
        return not any(n is None or n == k for n in left)
    # Ex) "两市" "三大产业" written in words, not extracted as a count
    return not _ZH_WORD_COUNT.search(raw)


def _blank(m) -> str:
    return " " * len(m.group())


def _numerals_left(s: str, periods: list[Quantity], start: int) -> list[int | None]:
    """The numerals left in *s* (at *start*) once its periods, years, ordinals and rate bases are
    taken out, each a count that may stand for the names (None: not a small whole number).
    Ex) "两市" → [2]; "三次产业" → [3]; "“两新”" → [2]; "百强县" → [None]."""
    masked = list(s)
    for q in periods:
        for j in range(max(0, q.start - start), min(len(s), q.end - start)):
            masked[j] = " "
    rest = _ONE_PERIOD.sub(_blank, _ONE_SINGULAR.sub(_blank, "".join(masked)))
    out: list[int | None] = []
    for m in _ONE_NUMERAL.finditer(rest):
        g = m.group()
        out.append(_NUMERALS.get(g) if not g.isdigit() else (int(g) if g.isascii() else None))
    return out


def _one_previous_clear(ctx: Context, s0: int, k: int, opens: bool) -> bool:
    """Whether the sentence before leaves no names to carry over: no 分别 with k values; and,
    when the name opens its sentence ("…两大工程。工程投资分别完成…") or the sentence points back
    ("其中，…"), no list of k names, no count of k, no packed names."""
    if s0 <= 0:
        return True
    p0, p1 = ctx.sentence_of(s0 - 1)
    if p1 > s0 or p0 >= s0:
        return True
    p0 = max(p0, s0 - _WINDOW)
    prev = _MARKUP.sub(_blank, ctx.text[p0:s0])
    for m in _ZH_MARK.finditer(prev):
        if len(_zh_values(ctx, p0 + m.end())) == k:
            return False
    back = _ONE_BACK.match(_MARKUP.sub("", ctx.text[s0:s0 + 200]).lstrip())
    if back and ("、" in prev or _ZH_JOIN.search(prev) or _ONE_PACKED.search(prev)):
        return False
    if not (opens or back):
        return True
    if k == 2 and (_ONE_PACKED.search(prev) or _PACKED_PAIRS.search(prev)):
        return False
    pos = p0
    for clause in _clauses(prev):
        found = _zh_list(clause, False)
        if found is not None and not _facts_list(ctx, pos, clause) and (
                len(found.names) == k or (found.alt is not None and len(found.alt) == k)):
            return False
        pos += len(clause) + 1
    if any(q.kind == "count" and q.point == k for q in ctx.between(p0, s0)):
        return False
    return k not in _numerals_left(prev, [q for q in ctx.between(p0, s0)
                                          if q.kind in ("duration", "year", "date")], p0)


def _judge_one_name(values: list[Quantity], subject: str) -> Iterator[Check | Finding]:
    k = len(values)
    first = values[0]
    shown = "、".join(q.text.strip() for q in values)
    msg = (f"分别 pairs {k} values ({shown}) with one name ({subject}): a name is missing, or 分别 "
           f"should go; for the sentence to hold, {k} names are needed, one per value")
    yield Check(ID, first.start, values[-1].end, "failed", shown, "1", msg)
    yield Finding(ID, "warning", msg, first.start, values[-1].end, shown, "1",
                  (("values", str(k)), ("names", "1"), ("listed", subject)),
                  tuple(Related("value", q.text, q.start, q.end) for q in values[1:]))


# -- English -------------------------------------------------------------------------------------

_SPACE_COMMA_GAP = lazy_compile(r"^[\s,]*$")


def _check_en(ctx: Context) -> Iterator[Check | Finding]:
    text = ctx.text
    for m in _EN_MARK.finditer(text):
        s0, _ = ctx.sentence_of(m.start())
        s0 = max(s0, m.start() - _WINDOW)
        before = ctx.between(s0, m.start())
        if not before:
            continue
        last = before[-1]
        gap = text[last.end:m.start()]
        if _SPACE_COMMA_GAP.match(gap):
            values = _en_run(ctx, before)
            if values[0].kind in _NOT_VALUES:
                # Ex) "rose 5% and 7% in 2003 and 2004, respectively" — the years are the names
                years = values
                rest = [q for q in before if q.end <= years[0].start]
                if not rest or not _EN_YEARS_LEAD.match(text[rest[-1].end:years[0].start]):
                    continue
                values = _en_run(ctx, rest)
                names = Names(tuple(q.text.strip() for q in years), None, True)
            else:
                names = _en_names_before(ctx, s0, values[0], before)
        else:
            # Ex) "rose 3% and 5% in Europe and Asia, respectively"
            nm = _EN_NAMES_AFTER.match(gap)
            if not nm:
                continue
            values = _en_run(ctx, before)
            split = _en_split(nm.group("names"))
            names = Names(tuple(split[0]), None, split[1]) if split else None
        if names is None or any(q.kind in _NOT_VALUES for q in values):
            continue
        if len(values) >= 2:
            yield from _judge(values, names, "en")
        elif names.certain and [q for q in before if q.kind not in _NOT_VALUES] == values \
                and _EN_LONE_LEAD.search(text[s0:values[0].start]):
            # Ex) "Exports and imports rose 3.1%, respectively." — the one number of the sentence,
            # right after its verb
            yield from _judge_lone(values[0], names, "en")


def _en_run(ctx: Context, qs: list[Quantity]) -> list[Quantity]:
    """The list of values that ends with the last of *qs*.  Ex) "3.1% and 2.4%"."""
    out = [qs[-1]]
    for q in reversed(qs[:-1]):
        if not _EN_VALUE_SEP.match(ctx.text[q.end:out[-1].start]):
            break
        out.append(q)
    return out[::-1]


_EN_FROM_TO_GAP = lazy_compile(r"^\s+(?:from|to|against|compared\s+with)\s+$")


def _en_names_before(ctx: Context, s0: int, first: Quantity, before: list[Quantity]) -> Names | None:
    """The "A, B and C" list before the values, after any earlier number in the sentence."""
    text = ctx.text
    start = s0
    # Ex) "In 2004, sales in Europe and Asia rose …" — start after the last number that is not
    # part of a value list chained to these values ("rose to 5% and 7% from 4% and 6%").
    earlier = [q for q in before if q.end <= first.start]
    nxt = first.start
    for q in reversed(earlier):
        gap = text[q.end:nxt]
        if _EN_VALUE_SEP.match(gap) or _EN_FROM_TO_GAP.match(gap):
            nxt = q.start
            continue
        start = q.end
        break
    head = text[start:nxt]
    head = head.split(";")[-1]
    split = _en_split_head(head)
    if split is None:
        return None
    names, certain = split
    return Names(tuple(names), None, certain)


_EN_NAME_START = lazy_compile(r"^[A-Za-z$£€“\"']")
_ANY_DIGIT = lazy_compile(r"\d")
_EN_LEAD_PREP = lazy_compile(r"^.*?\b(?:from|of|in|at|for|on)\s+")


def _en_split_head(head: str) -> tuple[list[str], bool] | None:
    """Names in the words before the values: the run "A, B and C" around the last "and"."""
    ands = list(_EN_AND.finditer(head))
    if not ands:
        return None
    a = ands[-1]
    before, after = head[:a.start()], head[a.end():]
    if not after.strip() or not _EN_NAME_START.match(after.strip()):
        return None
    pieces = before.split(",")
    oxford = len(pieces) > 1 and not pieces[-1].strip()
    if oxford:
        pieces = pieces[:-1]
    names = [pieces[-1].strip()]
    earlier = [p.strip() for p in pieces[:-1]]
    run: list[str] = []
    covered = 0
    for i, p in enumerate(reversed(earlier)):
        first_of_sentence = i == len(earlier) - 1
        if not p or _ANY_DIGIT.search(p) or (first_of_sentence and _EN_INTRO.match(p)):
            break       # Ex) "In 2004, …" "Last year, …" — the clause before the names
        if _EN_AND.search(" " + p + " "):
            return None     # Ex) "Marks and Spencer, Tesco and …" — cannot tell where names end
        if len(p.split()) > 4:
            # Ex) "Sales at the group's stores in Britain, France and …" — the name is the tail
            tail = _after_last_preposition(p)
            if tail is None:
                return None
            run.append(tail)
            covered += 1
            break
        run.append(p)
        covered += 1
    if not names[0] or _ANY_DIGIT.search(names[0]):
        return None
    # Ex) "Revenue from Europe, Asia and the Americas rose …" — the names without the verb
    tail = []
    for w in after.split():
        if _EN_VERB.match(w) or len(tail) == 3:
            break
        tail.append(w)
    first = run[-1] if run else names[0]
    lead = _EN_LEAD_PREP.match(first)
    if lead and len(first.split()) > 1:
        if run:
            run[-1] = first[lead.end():]
        else:
            names[0] = first[lead.end():]
    names = run[::-1] + names + [" ".join(tail) or after.split()[0]]
    # Sure of the names when the list is closed by an Oxford comma, stands alone ("A and B"
    # with no comma before), or takes every comma piece before it ("Exports, imports and …").
    certain = oxford or "," not in before or covered == len(earlier)
    if oxford and len(names) < 3:
        return None
    return names, certain


def _after_last_preposition(phrase: str) -> str | None:
    """The words after the last preposition, if at most four.  Ex) "stores in Britain" → "Britain"."""
    words = phrase.split()
    for i in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if words[i].lower() in _EN_PREPOSITIONS:
            tail = words[i + 1:]
            return " ".join(tail) if 1 <= len(tail) <= 4 else None
    return None


_EN_LEAD_AND_OR = lazy_compile(r"^(?:and|or)\s+")


def _en_split(s: str) -> tuple[list[str], bool] | None:
    """"Europe and Asia" / "Europe, Asia and Africa" → names."""
    pieces = [p.strip() for p in s.split(",")]
    last = pieces[-1]
    lead = _EN_LEAD_AND_OR.match(last)
    if lead:
        names = pieces[:-1] + [last[lead.end():]]
    else:
        parts = _EN_AND.split(last)
        if len(parts) != 2:
            return None
        names = pieces[:-1] + parts
    if any(not n or len(n.split()) > 4 for n in names):
        return None
    return names, True


# -- the verdict ---------------------------------------------------------------------------------

def _judge(values: list[Quantity], names: Names, lang: str) -> Iterator[Check | Finding]:
    v = len(values)
    first = values[0]
    sep = "、" if lang == "zh" else ", "
    shown = sep.join(q.text.strip() for q in values)
    readings = [names.names] + ([names.alt] if names.alt else [])
    for reading in readings:
        if len(reading) == v:
            yield Check(ID, first.start, values[-1].end, "passed", shown, str(v),
                        f"{v} names ({sep.join(n.strip() for n in reading)}), {v} values")
            return
    if names.confirm_only and not (names.open_list and all(len(r) > v for r in readings)):
        return          # Ex) "城乡居民收入和消费支出分别…" may pair 2×2 values: say nothing
    reading = min(readings, key=lambda r: abs(len(r) - v))
    k = len(reading)
    fewer = all(len(r) < v for r in readings)
    more = all(len(r) > v for r in readings)
    severity = SEVERITY if names.certain and len(readings) == 1 else "warning"
    if not (fewer or more) or names.open_list:
        severity = "warning"
    listed = sep.join(n.strip() for n in reading)
    diff = abs(v - k)
    msg = (f"{v} values ({shown}) but {k} names ({listed}); each name needs one "
           f"value: for the sentence to hold, {diff} {'value is' if diff == 1 else 'values are'} "
           f"{'extra' if v > k else 'missing'}, or the names should number {v}")
    if names.open_list:
        # Ex) "新能源汽车、锂离子电池、光伏电池等产品产量分别增长2倍、50.4%" — 等 may add names,
        # but each one written still needs its value
        msg = (f"{v} values ({shown}) but {k} names written before 等 ({listed}); each name "
               f"written needs one value: for the sentence to hold, {k - v} "
               f"{'value is' if k - v == 1 else 'values are'} missing, or a name is one too many")
    yield Check(ID, first.start, values[-1].end, "failed", shown, str(k), msg)
    yield Finding(ID, severity, msg, first.start, values[-1].end, shown, str(k),
                  (("values", str(v)), ("names", str(k)), ("listed", listed)),
                  tuple(Related("value", q.text, q.start, q.end) for q in values[1:]))


def _judge_lone(value: Quantity | Rank, names: Names, lang: str) -> Iterator[Check | Finding]:
    """One value after 分别 / before "respectively" for two or more names: always a warning,
    since 分别 is now and then written loosely for 均 ("each")."""
    readings = [names.names] + ([names.alt] if names.alt else [])
    k = min(len(r) for r in readings)
    if k < 2:
        return
    reading = next(r for r in readings if len(r) == k)
    word = "分别" if lang == "zh" else '"respectively"'
    sep = "、" if lang == "zh" else ", "
    listed = sep.join(n.strip() for n in reading)
    shown = value.text.strip()
    at_least = "at least " if len(readings) > 1 or names.open_list else ""
    same = f"均 instead of {word}" if lang == "zh" else f"no {word}"
    msg = (f"{word} pairs {at_least}{k} names ({listed}) with 1 value ({shown}): for the sentence "
           f"to hold, {k} values are needed, one per name (or, if every name has {shown}, {same})")
    yield Check(ID, value.start, value.end, "failed", shown, str(k), msg)
    yield Finding(ID, "warning", msg, value.start, value.end, shown, str(k),
                  (("values", "1"), ("names", str(k)), ("listed", listed)), ())

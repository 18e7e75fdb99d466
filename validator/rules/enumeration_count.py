"""A stated number of items disagrees with the items listed with it.

What it does:
    Counts the items of a list written right before a count ("下放A、B、C及D等4项权责";
    "广东、江苏、山东3省份"; "中央省州县四级") or right after one ("4个方面：A、B、C、D";
    "四件大事：一是…二是…三是…四是…"; "6个方面工作：" followed by headings （一）…（六）;
    "three priorities: A, B and C"; in Markdown, a colon ending the line followed by a list,
    counted from the loader's list-item blocks) and compares them with the stated number.  Items are split
    at 、 (outside quotes and brackets) and at a final 及/以及/和/与; in English at commas and a
    final "and"/"or".  When 和 may belong to a name ("软件和信息服务业"), both readings are tried
    and the count passes if either fits.

    A list that ends in 等 / "etc." may leave items out: naming fewer items than stated is the
    normal reading ("乌东德、白鹤滩等14座"), and only a list of three or more items one short of
    the count ("A、B、C、D等5个方面") is reported, as a warning.  "including" / "such as" /
    "among them" announce a partial list and are never short.  More items than stated is an
    error.  A mismatch that rests on a less certain reading (numbered headings on later lines,
    一是… items beyond the paragraph, long items after a colon, "全省市县两级") is a warning.

    Counts fused with their noun, which the extractor leaves alone, are read here when a list
    ends right before them (or, after a colon, starts right after them):
      - N大: "长三角、京津冀、粤港澳大湾区三大城市群" (not "十九大" "二十大", "数十大型");
      - a quoted slogan opening with N个/N项/N大: "政策、帮扶、监管、考核“四个不变”",
        "保障性住房、城中村改造“三大工程”";
      - 双 (or N) with a verb of change, quoted or not: "刑事案件、安全事故“双下降”",
        "营业收入、利润总额双增长"; the list may be linked to it by "连续5年" / "实现" / "保持"
        ("刑事案件、火灾事故数量连续6年“双下降”");
      - the set phrases N位一体 and 新N样: "预防、治疗、康复“三位一体”", "…“新三样”".
    Thresholds crossed are a list of numbers: "先后迈上2万亿元、2.5万亿元两个台阶" (each item
    one number, after 跨越/迈上/突破…).  A count of 1 after two or more names and 等
    ("兰溪、龙游等1个电站") is an error: the examples alone outnumber it.

    When unsure it says nothing: lists of quantities ("挂牌33个、社区挂牌53个"), a last item
    with a count, verb or adverb of its own ("深圳、广州两市共有12家"; "A、B各2个"), a last item
    ending in 和/及 or a verb ("乡村振兴和三大攻坚行动"; "电子信息打造三大集群"), a verb such
    as 实现 inside a later item ("企业、个体户实现营收、利润双增长"), lists of actions
    ("制定、废止规章6件"), counts of times ("省委、省政府16次调度"), counts of sets
    ("等3套办公设备"), ordinals ("第一、第三产业"), members of a top N ("A、B入选全国十大…"),
    a list of people before a slogan ("党员、干部“四个意识”"), slogans naming a policy
    (“双创” “三农”), a count far from the list length, and English lists of clauses or after
    "three of its five …".  Numerals inside names with no list before them ("六大优势产业",
    "中亚五国") are not counts.

Why it matters:
    A heading that promises five measures and lists four is the kind of slip editors catch by
    counting on their fingers; a tool should do the counting.

Example (fails):
    从正面教育引导、党员队伍调研、日常监督管理、加强激励关怀等5个方面明确具体措施要求。

Use instead (passes):
    从正面教育引导、党员队伍调研、日常监督管理、加强激励关怀等4个方面明确具体措施要求。
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import regex

from ..lazyre import lazy_compile

from ..interval import Interval
from ..model import Check, Finding, Quantity, Related
from .base import CLOSE_MARKS, OPEN_MARKS, Context, blank_brackets, show, split_outside_brackets

ID = "enumeration-count"
SEVERITY = "error"

# Lists longer than this are tables, not enumerations a reader counts.
_MAX_COUNT = 40

_OPEN, _CLOSE = OPEN_MARKS, CLOSE_MARKS
_ZH_BREAK = set("，,。；;：:！？!?\n")
_DIGIT = lazy_compile(r"[0-9０-９]")

# Ex) "…行政处罚等4项" "…在内的5个" "…山东共3个" — words between a list and its count.
_ZH_SUFFIXES = (("共计", "总计", "合计", "总共", "共", "这些", "这", "此"), ("在内的", "在内"),
                ("等等", "等"))
# Ex) "下放街道人事考核、…" — a join inside the last item: "行政许可及行政处罚".
# 和/与/及 joining two names — not inside a word.  Ex) "参与率" "和谐" "及时" "涉及" "总和"
_ZH_JOIN = lazy_compile(r"以及|(?<![参给赋涉普危顾惠波触温缓总饱暖调柔随平中共])(?:及|和|与)(?![谐平时其])")
# The last item carries a verb or a count of its own, so the number counts something else.
# Ex) "深圳、广州两市共有12家" "非公企业、社会组织建成5个" "A、B各2个"
# Ex) "从研发、生产到销售3个环节" — a range, not a list
_ZH_PREDICATE = lazy_compile(
    r"建成|新建|新增|累计|共有|拥有|达到|增至|增加|减少|降至|完成|实现|入选|获批|获评|引进|签约|"
    r"分别|其中|之中|以外|之外|到|(?<=[增降高升大长伸小短少加达截])至")
# Ex) "从研发、生产至销售" — a range; "岚皋至陕渝界" (a road from one place to another) is a name.
_ZH_FROM = lazy_compile(r"从|自")
# Ex) "A、B各2个" "A、B均为3个" "A、B、C中的3个" — single characters only at the end, and only
# those that do not end common names ("成都", "高中", "基地", "国内").
_ZH_PREDICATE_END = lazy_compile(r"(?:各|均|有|为|是|达|占|计|了|的)$")
# The list is of actions, not things.  Ex) "制定、废止省政府规章6件" "成立指挥部、出台20条举措"
_ZH_VERBS = (r"出台|制定|修订|修改|废止|印发|发布|推出|成立|设立|新设|开展|举办|召开|组建|实施|建立|打造|培育|"
             r"认定|命名|表彰|处置|整治|清理|引进|新建|改建|扩建|改扩建|新改建|续建|在建|开工|竣工|完成|实现|"
             r"推动|推进|支持|争取|落实|组织|开通|建成|投用|启动|签署|签订|办理|审议|通过|查处|关停|淘汰|取消|"
             r"下放|承接|编制|建设")
_ZH_VERB_START = lazy_compile(r"^(?:" + _ZH_VERBS + r")")
_ZH_VERB_ANY = lazy_compile(_ZH_VERBS)
# Counts of times and rounds, not of the things listed.  Ex) "省委、省政府16次调度"
_ZH_EVENT_CLASSIFIERS = {"次", "人次", "户次", "轮", "遍", "回", "期", "届", "批", "场", "起", "例", "笔", "宗"}
# Measure words that are themselves the thing counted.  Ex) "广东、江苏、山东3省份" "四级"
_ZH_PLACE_CLASSIFIERS = {"省", "市", "县", "区", "国", "镇", "乡", "村", "级", "类", "种", "方面", "项"}
# Ex) "两市" "三省" in the last item — a count of its own.  "第二" is an ordinal, not a count.
_ZH_OWN_COUNT = lazy_compile(r"(?<!第)[两二三四五六七八九十]")
# 等 inside words, not the open end of a list.  Ex) "平等" "高等" "等级" "等待"
_ZH_DENG_WORD_BEFORE = set("同平高中初均对相次上何优劣")
_ZH_DENG_WORD_AFTER = set("级待额于同候")

# Ex) "中央省州县四级" "乡村两级" — administrative levels written without separators
_LEVELS = lazy_compile(r"(?:中央|国家|自治区|省|市|州|县|区|乡|镇|村|组)+$")
_LEVEL_UNIT = lazy_compile(r"中央|国家|自治区|省|市|州|县|区|乡|镇|村|组")
# Ex) "全省市县两级" — 全省 is the place, not a level
_LEVEL_OWNER = set("全本我各该")

# Measure words for sets, pairs and batches: "桌椅、电脑、打印机等3套办公设备" counts sets,
# not the things in each.
_ZH_COLLECTIVE = {"套", "组", "对", "双", "副", "揽子", "系列"}
# Ordinals are not a list of things.  Ex) "第一、第三产业" "二、三产业"
_ZH_ORDINAL_ITEM = lazy_compile(r"^(?:第[一二三四五六七八九十百0-9０-９]|[一二三四五六七八九十]{1,2}$)")

# Counts fused with their noun, which the extractor leaves alone (slogans, set phrases).
_ZH_NUM = {"二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "十": 10}
# No numeral, 第 or approximate word before: not "十九大" "二十大" (congresses), "数十大型".
_ZH_NOT_AFTER = r"(?<![第数几多零〇一二两三四五六七八九十百千万0-9０-９])"
# Ex) "三大传统产业" "两大城市群" — N大 and the noun after it
_ZH_DA = lazy_compile(_ZH_NOT_AFTER + r"(?P<n>[二两三四五六七八九十])大(?P<noun>\p{Han}{1,8})")
_ZH_SECTORS = lazy_compile(r"产业(?!集群|链|基地|园|带|体系|板块)")
# Ex) "三位一体" "新三样" — set phrases whose numeral counts their parts, quoted or not
_ZH_IDIOM = lazy_compile(_ZH_NOT_AFTER + r"(?:(?P<n>[二两三四五六七八九十])位一体|新(?P<m>[二两三四五六七八九十])样)")
# Ex) “四个不变” “三项改革” “三大工程” — a quoted slogan that opens with a count
_ZH_QUOTED = lazy_compile(r"“(?P<body>[^“”\n]{2,8})”")
_ZH_SLOGAN = lazy_compile(r"^(?P<n>[二两三四五六七八九十])(?P<cl>[个项大])(?P<noun>\p{Han}{1,5})$")
# Ex) “双提升” “三下降” “四个翻番” — every listed thing changed the same way
_ZH_CHANGE_WORDS = (r"提升|提高|增长|增加|下降|降低|减少|突破|丰收|达标|翻番|翻一番|改善|回升|过万|过亿|"
                    r"过千亿|过百亿")
_ZH_CHANGE = lazy_compile(r"^(?P<n>[双两二三四五六七八九十])(?P<cl>个?)(?P<noun>" + _ZH_CHANGE_WORDS + r")$")
# Ex) "进出口、实际使用外资双增长" — the same, unquoted (with 双 only)
# (Not "双双增长", "both grew", which says nothing of how many.)
_ZH_SHUANG = lazy_compile(r"(?<![第数几多零〇一二两三四五六七八九十百千万0-9０-９双])双(?P<noun>"
                          + _ZH_CHANGE_WORDS + r")")
_ZH_SLOGAN_SET = lazy_compile(r"^(?:(?P<n>[二两三四五六七八九十])位一体|新(?P<m>[二两三四五六七八九十])样)$")
_ZH_NUMERAL_CHAR = lazy_compile(r"[一二两三四五六七八九十百千双0-9０-９]")
# Ex) "刑事案件、火灾事故数量连续6年“双下降”" "A、B实现“双提升”" — the list is the subject
_ZH_CHANGE_LINK = lazy_compile(
    r"(?:(?:已|已经)?连续[0-9０-９一二三四五六七八九十]{1,3}年|持续|同步|首次|均)?(?:实现|保持)?$")
# Another slogan inside an item: "增强“四个意识”、坚定“四个自信”" — slogans, not a list.
_ZH_QUOTED_COUNT = lazy_compile(r"“[一二两三四五六七八九十双]")
# The last item joins a set: "A、B、C入选全国十大考古新发现" — members of a larger N.  (Not
# 获得, which ends "获得感".)
_ZH_MEMBER = lazy_compile(r"入选|获评|获批|荣获|评为|跻身|位列|位居|名列|列入|纳入|进入|当选|成为|属于")

# The last item ends in a conjunction or a verb, so the count starts a phrase of its own.
# Ex) "推进城市更新、乡村振兴和三大攻坚行动" "聚焦集成电路、生物医药打造三大产业集群"
_ZH_OPEN_LAST = lazy_compile(
    r"(?:和|及|与|或|并|同|跟|以及|打造|形成|构建|发展|培育|做强|壮大|布局|聚焦|突出|涵盖|覆盖|包括|拥有|"
    r"实施|推进|推动|建成|建立|设立|组建|启动|开展|完成|实现|落实|围绕|依托)$")
# A verb that takes the rest of the list as its object.  Ex) "企业、个体户实现营收、利润双增长"
_ZH_CLAUSE_VERB = lazy_compile(r"实现|保持|达到|完成|推动|推进|促进|带动|确保|力争|做到|围绕|聚焦")
# A list of people holds a slogan, it does not spell it out.  Ex) "党员、干部“四个意识”明显增强"
_ZH_PERSON = lazy_compile(r"(?:员|部|众|者|生|士|师|工|民|人|户|农|家)$")

# Milestones crossed, each a number.  Ex) "先后迈上2万亿元、2.5万亿元两个台阶"
_ZH_CROSS = lazy_compile(r"(?:跨越|跨过|跨上|迈上|迈过|迈入|突破|站上|越过|登上|冲破|闯过|跃上|踏上)$")

# After a count and its noun, a forward list starts.
# Ex) "6个方面工作：" "增至24个，分别为" "三项任务，即"
_ZH_FORWARD = lazy_compile(
    r"(?P<noun>[\p{Han}]{0,10}?)(?:(?P<colon>[：:])|[，,](?P<word>分别为|分别是|依次为|依次是|具体为|具体是|即|包括|其中包括))")
# Ex) "一是" "二是" … ; "第一，" "第二，"
_ZH_ORDINALS = "一二三四五六七八九十"
# Ex) "（一）聚焦扩大内需…" "二、主要任务" at the start of a line
_ZH_SECTION = lazy_compile(
    r"^[ \t\u3000]*(?:[（(](?P<a>[一二三四五六七八九十]{1,3})[）)]|(?P<b>[一二三四五六七八九十]{1,3})、)",
    regex.MULTILINE)

_EN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# After an English count: its noun, then what opens the list.
_EN_FORWARD = lazy_compile(r"""
    (?P<noun>(?:\s+[A-Za-z][A-Za-z'’-]*){1,4}?)    # Ex) " priorities" " main risks"
    (?P<conn>
        \s*:\s+                                    # Ex) "three priorities: …"
      | \s+[—–]\s+ | \s*[—–]\s* | \s+-\s+          # Ex) "four regions — …" "two companies - …"
      | ,?\s+namely,?\s+                          # Ex) "two markets, namely …"
      | \s+\(                                     # Ex) "two divisions (retail and wholesale)"
      | ,\s+including\s+ | ,?\s+such\s+as\s+      # partial lists
    )""", regex.VERBOSE)
_EN_NOUN_STOP = {"and", "or", "of", "in", "to", "the", "a", "an", "were", "was", "are", "is", "by",
                 "for", "from", "with", "at", "on", "than", "per", "percent", "cent"}
# A plural noun: "ministers" — not "business", "overseas", "various", "bonus", "news".
_EN_NOT_MODIFIER = lazy_compile(r"^(?!overseas$|news$)[A-Za-z'’-]{2,}[^suio']s$", regex.IGNORECASE)
_EN_OPEN_TAIL = lazy_compile(r"(?:,?\s+(?:etc\.?|and\s+so\s+on|and\s+others|among\s+others))$",
                              regex.IGNORECASE)
# Ex) "five bidders: Ford, GM and Toyota among them" — a partial list by its own words
_EN_PARTIAL_TAIL = lazy_compile(
    r"(?:,?\s+(?:among\s+them|to\s+name\s+(?:a\s+)?few|for\s+example|for\s+instance))$", regex.IGNORECASE)
# The list ends before a new clause.  Ex) ", which together …" "; …" " — …"
_EN_LIST_END = lazy_compile(r"""
    ;                                                   # Ex) "…; sales rose"
  | \s[—–-]\s                                           # Ex) "… — said sales rose"
  | ,\s+(?:which|who|where|while|with|each|both|all|but|as|that)\b     # Ex) ", which together …"
  | \.(?:\s|$)                                          # the full stop
    """, regex.VERBOSE)
_EN_PART_OF = lazy_compile(r"\b(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?$",
                          regex.IGNORECASE)
_EN_FINITE = lazy_compile(r"\s(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might)\s",
                         regex.IGNORECASE)
_EN_DETERMINER = lazy_compile(r"^(?:the|a|an|its|their|his|her|which|who|whose)\s", regex.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """A list found with a count: its items and how sure the reading is."""

    items: tuple[str, ...]
    alt: tuple[str, ...] | None      # a second reading (a final 和 kept inside a name)
    open_end: str                    # "" | "等" | "etc." | "including" / "such as" (partial lists)
    certain: bool                    # a mismatch is an error (True) or a warning (False)
    start: int                       # span of the list in the text
    end: int


def check(ctx: Context) -> Iterator[Check | Finding]:
    headings = _headings(ctx.text)
    for q in ctx.quantities:
        if q.kind != "count" or q.qualifier is not None or not q.exact or q.point.denominator != 1:
            continue
        if q.point == 1 and q.lang == "zh" and _DIGIT.match(q.text):
            # Ex) "兰溪、龙游等1个电站" — more names before 等 than the count allows
            got = _zh_backward(ctx, q)
            if got is not None and got.open_end and min(map(len, filter(None, (got.items, got.alt)))) >= 2:
                yield from _judge(q, got)
            continue
        if not 2 <= q.point <= _MAX_COUNT:
            continue
        if q.lang == "zh":
            if q.classifier in _ZH_EVENT_CLASSIFIERS:
                continue
            got = _zh_backward(ctx, q) or _zh_levels(ctx, q) or _zh_forward(ctx, q, headings)
        else:
            got = _en_forward(ctx, q)
        if got is not None:
            yield from _judge(q, got)
    for q, change in _zh_fused(ctx):
        got = _zh_backward(ctx, q, fused=True)
        if got is None and change:
            # Ex) "刑事案件、火灾事故数量连续6年“双下降”" — the list, then how long, then the slogan
            lo = max(0, q.start - 12)
            link = _ZH_CHANGE_LINK.search(ctx.text[lo:q.start])
            if link and link.group():
                got = _zh_backward(ctx, q, end=lo + link.start(), fused=True)
        if got is None:
            got = _zh_forward(ctx, q, headings)
        if got is not None:
            yield from _judge(q, got)


def _zh_fused(ctx: Context) -> Iterator[tuple[Quantity, bool]]:
    """Counts fused with their noun, which the extractor leaves out, as quantities of their own.

    Ex) "三大城市群" (N大), “四个不变” (a quoted slogan opening with N个/N项/N大), “双提升”
    (双 or N before a verb of change: every listed thing changed), "三位一体", "新三样".  Yields
    (quantity, is a change slogan).  Quoted ones span their quotes, so that the list before them
    ends at the opening quote.
    """
    text = ctx.text
    if not any(c in text for c in "大“位样双"):
        return
    taken: set[int] = set()         # offsets inside phrases already read (each a few characters)
    found: list[tuple[int, int, int, str, str, bool]] = []

    def free(a: int, b: int) -> bool:
        """Not a number the extractor read ("三个“半小时通勤圈”"), nor a phrase already taken."""
        if any(x.start < b and a < x.end for x in ctx.between(max(0, a - 20), b)):
            return False
        return not any(i in taken for i in range(a, b))

    for m in _ZH_QUOTED.finditer(text):
        body = m.group("body")
        for pattern, change in ((_ZH_CHANGE, True), (_ZH_SLOGAN, False), (_ZH_SLOGAN_SET, False)):
            b = pattern.match(body)
            if b is None:
                continue
            n = (b.group("n") or b.group("m")) if pattern is _ZH_SLOGAN_SET else b.group("n")
            if pattern is _ZH_SLOGAN and _ZH_NUMERAL_CHAR.search(b.group("noun")):
                break       # Ex) “五个一” “三个一百” — several numbers, not one count
            cl = "" if pattern is _ZH_SLOGAN_SET else b.group("cl")
            noun = body if pattern is _ZH_SLOGAN_SET else b.group("noun")
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), _ZH_NUM[n], cl, noun, change))
                taken.update(range(m.start(), m.end()))
            break
    for m in _ZH_IDIOM.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), _ZH_NUM[m.group("n") or m.group("m")], "位", m.group(), False))
            taken.update(range(m.start(), m.end()))
    for m in _ZH_SHUANG.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), 2, "", m.group("noun"), True))
            taken.update(range(m.start(), m.end()))
    for m in _ZH_DA.finditer(text):
        # Ex) "广东、江苏三大产业结构" — 三大产业 are the primary, secondary and tertiary sectors
        # (but "三大产业集群" are three clusters)
        if m.group("n") == "三" and _ZH_SECTORS.match(m.group("noun")):
            continue
        if free(m.start(), m.end("n") + 1):
            found.append((m.start(), m.end("n") + 1, _ZH_NUM[m.group("n")], "大", m.group("noun"), False))
    for start, end, n, cl, noun, change in sorted(found):
        yield Quantity(text[start:end], start, end, Interval.exact(n), Fraction(n), "count",
                       classifier=cl, noun=noun, lang="zh", numeral=str(n)), change


# -- Chinese: a list written before the count ----------------------------------------------------

def _clause_start(text: str, end: int, limit: int = 160) -> int | None:
    """Where the clause holding text[end-1] starts, skipping punctuation inside quotes/brackets."""
    depth, i, lo = 0, end, max(0, end - limit)
    while i > lo:
        c = text[i - 1]
        if c in _CLOSE:
            depth += 1
        elif c in _OPEN:
            if depth == 0:
                return i        # Ex) "（包括A、B、C等3项）" — the list starts inside the bracket
            depth -= 1
        elif depth == 0 and c in _ZH_BREAK:
            return i
        i -= 1
    return 0 if i == 0 else None


def _last_join(items: list[str]) -> list[str] | None:
    """The reading with the last item split at its 及/和/与, or None when it has no such join."""
    last = blank_brackets(items[-1])
    joins = list(_ZH_JOIN.finditer(last))
    if len(joins) != 1 or joins[0].start() == 0 or joins[0].end() == len(last):
        return None
    j = joins[0]
    return items[:-1] + [items[-1][:j.start()], items[-1][j.end():]]


def _zh_backward(ctx: Context, q: Quantity, end: int | None = None,
                 fused: bool = False) -> Reading | None:
    """The list that ends right before *q* (or before *end*): "A、B、C3个城市" "A、B等4项"."""
    text = ctx.text
    end = q.start if end is None else end
    if q.classifier in _ZH_COLLECTIVE:
        return None
    start = _clause_start(text, end)
    if start is None:
        return None
    phrase = text[start:end]
    open_end = ""
    for group in _ZH_SUFFIXES:
        for word in group:
            if phrase.endswith(word):
                phrase = phrase[:-len(word)]
                if word in ("等", "等等", "在内的", "在内"):
                    open_end = "等"
                break
    items = split_outside_brackets(phrase, "、")
    if len(items) < 2:
        return None
    # Ex) "引进华为、腾讯等知名企业12家" — 等 and the counted noun before the count
    last_top = blank_brackets(items[-1])
    d = last_top.rfind("等")
    if not open_end and d > 0:
        tail = items[-1][d + 1:]
        # The counted noun is the tail itself: "等知名企业12家", not "等地3个项目" (two nouns).
        if (last_top[d - 1] in _ZH_DENG_WORD_BEFORE or tail[:1] in _ZH_DENG_WORD_AFTER
                or not 1 <= len(tail) <= 8 or _ZH_PREDICATE.search(tail) or _ZH_VERB_ANY.search(tail)
                or q.noun):
            return None
        items[-1] = items[-1][:d]
        open_end = "等"
    # Lists of quantities are not enumerations.  Ex) "清理街道挂牌33个、社区挂牌53个"
    if _DIGIT.search(phrase) or ctx.between(start, end):
        return _zh_milestones(ctx, q, start, end, items, open_end)
    if any(not it.strip() for it in items) or len(items[0]) > 30 or any(len(it) > 16 for it in items[1:]):
        return None
    if any("等" in blank_brackets(it) for it in items[:-1]):
        return None
    # Ex) "第一、第三产业" "二、三产业" — ordinals, not things
    if any(_ZH_ORDINAL_ITEM.match(it.strip()) for it in items):
        return None
    last = blank_brackets(items[-1])
    if _ZH_PREDICATE.search(last) or _ZH_PREDICATE_END.search(last) or _ZH_OWN_COUNT.search(last):
        return None
    # Ex) "从研发、生产至销售" — a range, not a list
    if "至" in last and _ZH_FROM.search(phrase):
        return None
    if _ZH_VERB_START.match(last) or _ZH_VERB_START.match(items[-1].split("和")[-1]):
        return None
    if _ZH_OPEN_LAST.search(last):
        return None
    # Ex) "企业、个体户实现营收、利润双增长" — a verb inside a later item: clauses, not one list
    if any(_ZH_CLAUSE_VERB.search(blank_brackets(it)) for it in items[1:]):
        return None
    if fused and (_ZH_MEMBER.search(last) or _ZH_QUOTED_COUNT.search(phrase)
                  or all(_ZH_PERSON.search(it) for it in items)):
        return None
    # Ex) "…省政府规章6件，" — a count with nothing after it states how many of the last noun
    # there are; the enumeration reading needs 等 or a counted noun: "等4项权责" "3个城市".
    if not open_end and not q.noun and q.classifier not in _ZH_PLACE_CLASSIFIERS \
            and text[q.end:q.end + 1] not in ("“", "《", "\""):
        return None
    alt = _last_join(items)
    if alt is not None:
        items, alt = alt, items
    return Reading(tuple(items), tuple(alt) if alt else None, open_end, True, start, end)


def _zh_milestones(ctx: Context, q: Quantity, start: int, end: int, items: list[str],
                   open_end: str) -> Reading | None:
    """Thresholds crossed, each item a number: "先后迈上2万亿元、2.5万亿元两个台阶"."""
    inside = ctx.between(start, end)
    if open_end or not q.noun or len(inside) != len(items) or end != q.start:
        return None
    if inside[-1].end != end or any(x.qualifier for x in inside):
        return None
    for it, x in zip(items[1:], inside[1:]):
        if it.strip() != x.text.strip():
            return None
    first = inside[0]
    # Ex) "…先后迈上2万亿元" — the first item is the verb of crossing and the first number
    if not items[0].endswith(first.text) or not _ZH_CROSS.search(ctx.text, start, first.start):
        return None
    return Reading(tuple(x.text.strip() for x in inside), None, "", True, first.start, end)


def _zh_levels(ctx: Context, q: Quantity) -> Reading | None:
    if q.classifier != "级":
        return None
    lo = max(0, q.start - 12)
    window = ctx.text[lo:q.start]
    m = _LEVELS.search(window)
    if not m:
        return None
    units = _LEVEL_UNIT.findall(m.group())
    if len(units) < 2:
        return None
    start = lo + m.start()
    alt = None
    # Ex) "全省市县两级" — the first unit may be the place the levels belong to
    if start > 0 and ctx.text[start - 1] in _LEVEL_OWNER:
        alt = tuple(units[1:])
        if len(alt) < 2:
            return None
    return Reading(tuple(units), alt, "", alt is None, start, q.start)


# -- Chinese: a list written after the count -----------------------------------------------------

def _zh_forward(ctx: Context, q: Quantity, headings) -> Reading | None:
    text = ctx.text
    m = _ZH_FORWARD.match(text, q.end)
    if not m:
        return None
    body_start = m.end()
    partial = m.group("word") in ("包括", "其中包括")
    rest = text[body_start:body_start + 12].lstrip(" \t\u3000")
    if m.group("colon"):
        # Ex) "四件大事：一是…二是…三是…四是…"
        if rest.startswith(("一是", "第一，", "第一,")):
            return _zh_ordinals(ctx, body_start, rest.startswith("第一"))
        # Ex) "主要做了6个方面工作：" at a line end, then headings （一）…（六） on the next lines
        if text[body_start:body_start + 8].lstrip(" \t\u3000\r").startswith("\n"):
            found, md = _md_list(ctx, body_start, True)
            if found:
                return md
            return _zh_sections(headings, body_start)
        if rest.startswith(("其中", "包括")):
            partial = True
    # Ex) "三项工作：产业升级、城市更新和民生保障。"
    _, s1 = ctx.sentence_of(body_start)
    s1 = min(s1, body_start + 200)
    end = body_start
    while end < s1 and text[end] not in "。；;！？!?\n":
        end += 1
    body = text[body_start:end]
    if not body or any(c in _ZH_BREAK for c in blank_brackets(body)) or _DIGIT.search(body):
        return None
    if ctx.between(body_start, end):
        return None
    items = split_outside_brackets(body, "、")
    if len(items) < 2 or any(not it.strip() or len(it) > 16 for it in items):
        return None
    open_end = ""
    last = items[-1]
    for word in ("等等", "等"):
        if last.endswith(word):
            items[-1] = last[:-len(word)]
            open_end = "等"
            break
    alt = _last_join(items)
    if alt is not None:
        items, alt = alt, items
    # Ex) "稳增长、促改革、调结构" — short items are the list itself; longer ones may be clauses
    # that highlight part of it ("A、B和C取得突破"), so a mismatch there is only a warning.
    certain = all(len(it) <= 8 for it in items)
    return Reading(tuple(items), tuple(alt) if alt else None, "including" if partial else open_end,
                   certain, body_start, end)


def _ordinal_marker(text: str, j: int, di: bool) -> bool:
    """Does an item marker start at *j*?  Ex) "。二是" "；三是" "第二，" — not "统一是" "第二产业"."""
    before = text[max(0, j - 1):j]
    if before not in ("", "。", "；", ";", "\n", "：", ":", "，", ",", " ", "\u3000", "　"):
        return False
    return not di or text[j + 2:j + 3] in ("，", ",", "、")


def _zh_ordinals(ctx: Context, pos: int, di: bool) -> Reading | None:
    """Count 一是, 二是, … (or 第一，第二，…) from *pos*; within the paragraph an error, beyond a warning."""
    text = ctx.text
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end == -1 else para_end
    limit = min(len(text), pos + 6000)
    first = "第一" if di else "一是"
    found, at, certain = [], pos, True
    for i, numeral in enumerate(_ZH_ORDINALS):
        marker = ("第" + numeral) if di else (numeral + "是")
        j = at - 1
        while True:
            j = text.find(marker, j + 1, limit)
            if j == -1 or _ordinal_marker(text, j, di):
                break
        if j == -1:
            break
        if i:
            # A new sequence 一是… before this marker ends the list.
            r = at
            while (r := text.find(first, r, j)) != -1 and not _ordinal_marker(text, r, di):
                r += 1
            if r != -1:
                break
        if j > para_end:
            certain = False
        found.append(text[j:j + 10].split("。")[0])
        at = j + len(marker)
    if len(found) < 2:
        return None
    return Reading(tuple(found), None, "", certain, pos, at)


def _headings(text: str) -> list[tuple[int, str, str, str]]:
    """Every numbered heading at a line start, once per document: (offset, style, numeral, text)."""
    out = []
    for m in _ZH_SECTION.finditer(text):
        numeral = m.group("a") or m.group("b")
        line_end = text.find("\n", m.end(), m.end() + 40)
        out.append((m.start(), "a" if m.group("a") else "b", numeral,
                    text[m.end():line_end if line_end != -1 else m.end() + 10][:10]))
    return out


def _zh_sections(headings: list[tuple[int, str, str, str]], pos: int) -> Reading | None:
    """Headings （一）（二）… or 一、二、… at line starts after *pos*, in order."""
    style, found, at = None, [], pos
    i = bisect.bisect_left(headings, (pos,))
    for offset, this_style, numeral, title in headings[i:i + 200]:
        if style is None:
            if numeral != "一":
                return None
            style = this_style
        elif this_style != style:
            if this_style == "b":
                break       # Ex) "二、…" — a higher-level heading ends the list of （一）…
            continue
        if len(found) >= len(_ZH_ORDINALS) or numeral != _ZH_ORDINALS[len(found)]:
            break
        found.append(title)
        at = offset
    if len(found) < 2:
        return None
    return Reading(tuple(found), None, "", False, pos, at)


# -- Markdown: a list after a colon that ends a line ---------------------------------------------

_MD_MARKER = lazy_compile(r"^[ \t]*(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]*")
_MD_OPEN_ITEM = {"等", "等等", "……", "…", "...", "etc.", "etc"}


def _md_list(ctx: Context, colon_end: int, zh: bool) -> tuple[bool, Reading | None]:
    """The Markdown list right after the line ending at *colon_end* (just past its colon).

    Ex) "今年重点抓好三项工作：" then "- 稳增长" "- 促改革" "- 惠民生".  Returns (found, reading):
    found is True when such a list follows (blank lines between are allowed), and the reading
    is None when it cannot be counted with confidence.  Items are the list-item blocks the
    loader recorded (validator/load/markdown.py) at the level of the first one; deeper items
    belong to their parent.
    """
    doc = ctx.doc
    if doc.format != "markdown" or not doc.blocks:
        return False, None
    text = ctx.text
    nl = text.find("\n", colon_end)
    if nl == -1 or text[colon_end:nl].strip():
        return False, None
    blocks = doc.blocks
    i = bisect.bisect_left(blocks, (nl + 1,), key=lambda b: (b[1],))
    if i == len(blocks) or blocks[i][0] != "item" or text[nl + 1:blocks[i][1]].strip():
        return False, None
    depth = blocks[i][3]
    items: list[tuple[int, int]] = []
    last_end = nl
    for kind, start, end, level in blocks[i:]:
        gap = text[last_end:start]
        if kind != "item" or level < depth or (gap.strip() and not _md_continuation(gap)):
            # The list ended.  Another item at its level right after a paragraph leaves its
            # extent unclear ("1. …" paragraph "2. …"): say nothing.
            if kind == "item" and level == depth and gap.strip():
                return True, None
            break
        last_end = end
        if level == depth:
            items.append((start, end))
            if len(items) > _MAX_COUNT:
                return True, None
    names = [_MD_MARKER.sub("", text[s:e], count=1).strip().rstrip("；;。，,") for s, e in items]
    open_end = ""
    if names and names[-1].lower() in _MD_OPEN_ITEM:
        names.pop()
        items.pop()
        open_end = "等" if zh else "etc."
    if len(names) < 2 or any(not n for n in names):
        return True, None
    # Ex) "新建学校12所：" then "- 小学8所" "- 中学4所" — parts with counts of their own, not
    # an enumeration of the 12.
    if any(x.kind == "count" for s, e in items for x in ctx.between(s, e)):
        return True, None
    return True, Reading(tuple(names), None, open_end, True, items[0][0], items[-1][1])


def _md_continuation(gap: str) -> bool:
    """Text between two list items that belongs to the first: indented, or a lazy line right
    after it — not a paragraph after a blank line."""
    lines = gap.split("\n")[1:]
    blank_before = False
    for line in lines:
        if not line.strip():
            blank_before = True
            continue
        if blank_before and line[:1] not in (" ", "\t", "\u3000"):
            return False
    return True


# -- English: a list written after the count -----------------------------------------------------

def _en_forward(ctx: Context, q: Quantity) -> Reading | None:
    word = q.text.strip().lower()
    if word not in _EN_WORDS and not (word.isdigit() and len(word) <= 2):
        return None
    text = ctx.text
    s0, s1 = ctx.sentence_of(q.start)
    # Ex) "Three of its five divisions — steel, mining and energy — lost money": the list
    # belongs to the first number.
    if _EN_PART_OF.search(text, max(s0, q.start - 30), q.start):
        return None
    m = _EN_FORWARD.match(text, q.end, s1 + 1)
    if not m:
        return None
    noun = m.group("noun").split()
    if any(w.lower() in _EN_NOUN_STOP for w in noun):
        return None
    # Ex) "two ministers announced new measures: …" — a plural noun before the last word means
    # the list after the colon may count something else.
    if any(_EN_NOT_MODIFIER.search(w) for w in noun[:-1]):
        return None
    conn = m.group("conn").strip().lower()
    partial = "including" if "including" in conn else "such as" if "such as" in conn else ""
    body_start = m.end()
    if conn == ":" and "\n" in m.group("conn"):
        # Ex) "the following three priorities:" at a line end, then a Markdown list
        found, md = _md_list(ctx, m.start("conn") + m.group("conn").index(":") + 1, False)
        if found:
            return md
    limit = min(len(text), body_start + 300)
    if conn.endswith("("):
        close = text.find(")", body_start, limit)
        if close == -1:
            return None
        body_end = close
    else:
        e = _EN_LIST_END.search(text, body_start, limit)
        nl = text.find("\n", body_start, limit)
        body_end = min(x for x in (e.start() if e else limit, nl if nl != -1 else limit, limit))
    body = text[body_start:body_end].strip()
    open_end = partial
    t = _EN_PARTIAL_TAIL.search(body)
    if t:
        body = body[:t.start()]
        open_end = "including"
    t = _EN_OPEN_TAIL.search(body)
    if t:
        body = body[:t.start()]
        open_end = open_end or "etc."
    if not body or _DIGIT.search(body) or ctx.between(body_start, body_start + len(body)):
        return None
    items = _en_items(body, bool(t))
    if items is None:
        return None
    return Reading(tuple(items), None, open_end, True, body_start, body_start + len(body))


_EN_LEAD_CONJ = lazy_compile(r"^(?:and|or|as\s+well\s+as)\s+")


def _en_items(body: str, etc: bool = False) -> list[str] | None:
    """"A, B and C" / "A, B, and C" / "A and B" → items; None when "and" could sit inside an item."""
    pieces = [p.strip() for p in body.split(",")]
    joins = lazy_compile(r"\s+(?:and|or|as\s+well\s+as)\s+")
    if etc and len(pieces) > 1 and not any(joins.search(" " + p + " ") for p in pieces):
        items = pieces       # Ex) "currency, credit, liquidity, etc."
    elif len(pieces) == 1:
        parts = joins.split(pieces[0])
        if len(parts) != 2:
            return None
        items = parts
    else:
        last = pieces[-1]
        head = pieces[:-1]
        if any(joins.search(" " + p + " ") for p in head):
            return None     # Ex) "research and development, sales and marketing" — unsure
        lead = _EN_LEAD_CONJ.match(last)
        if lead:
            items = head + [last[lead.end():]]     # Oxford comma
        else:
            parts = joins.split(last)
            if len(parts) != 2:
                return None
            items = head + parts
        # Ex) "Heineken, the Dutch brewer, and Carlsberg" — an appositive, not an item
        if any(_EN_DETERMINER.match(p) for p in items[1:-1]) and not _EN_DETERMINER.match(items[0]):
            return None
    items = [i.strip() for i in items]
    if any(not i or len(i.split()) > 6 for i in items):
        return None
    # Ex) "two reasons: demand is weak and costs are high" — clauses, not a list of things
    if any(_EN_FINITE.search(" " + i + " ") for i in items):
        return None
    return items


# -- the verdict ---------------------------------------------------------------------------------

def _judge(q: Quantity, r: Reading) -> Iterator[Check | Finding]:
    stated = int(q.point)
    readings = [r.items] + ([r.alt] if r.alt else [])
    zh = q.lang == "zh"
    sep = "、" if zh else "; "

    def listed(items) -> str:
        return sep.join(i.strip() for i in items)

    for items in readings:
        if len(items) == stated:
            yield Check(ID, q.start, q.end, "passed", show(q), str(stated),
                        f"{stated} listed: {listed(items)}")
            return
    # The reading closest to the stated count is the one to report.
    items = min(readings, key=lambda it: abs(len(it) - stated))
    k = len(items)
    if not r.open_end and abs(stated - k) > k:
        # Ex) "新建、改扩建26所" — a slip drops or adds an item or two; a count this far from the
        # list counts something else.
        return
    fewer = all(len(it) < stated for it in readings)
    more = all(len(it) > stated for it in readings)
    end_word = "等" if zh else r.open_end
    if r.open_end and fewer:
        if r.open_end in ("including", "such as") or not (stated - k == 1 and k >= 3):
            # Ex) "乌东德、白鹤滩等14座" — 等 names examples of a larger set
            if r.open_end in ("including", "such as"):
                note = f"{k} named as examples ({listed(items)}) of {stated} stated"
            else:
                note = (f"{k} named before {end_word} ({listed(items)}), {stated} stated: "
                        f"{end_word} leaves the rest unnamed")
            yield Check(ID, q.start, q.end, "passed", show(q), f"at least {k}", note)
            return
        severity = "warning"
        msg = (f"{show(q)} stated but {k} items are listed before {end_word} ({listed(items)}); "
               f"for the count to hold, the list leaves one item out on purpose; otherwise the "
               f"count would be {k}, or a {_nth(stated, zh)} item is missing from the list")
    else:
        # Every reading disagrees in the same direction: certain, unless the list itself is not.
        severity = SEVERITY if r.certain and (fewer or more) else "warning"
        other = (f" (or {len(r.alt)} if {'和/及/与' if zh else 'and'} joins one name)"
                 if r.alt and len(r.alt) != k else "")
        if r.open_end and more:
            # Ex) "兰溪、龙游等1个电站" — the examples alone outnumber the count
            msg = (f"{show(q)} stated but {k} items are named before {end_word} ({listed(items)})"
                   f"{other}; for the sentence to hold, the count would be at least {k}, or the "
                   f"list would name at most {stated}")
        else:
            msg = (f"{show(q)} stated but {k} items are listed ({listed(items)}){other}; for the "
                   f"sentence to hold, the count would be {k}, or the list would have {stated} items")
    yield Check(ID, q.start, q.end, "failed", show(q), str(k), msg)
    yield Finding(ID, severity, msg, q.start, q.end, show(q), str(k),
                  (("stated", str(stated)), ("listed", str(k)), ("items", listed(items)),
                   ("open_end", r.open_end or "no")),
                  (Related("list", listed(items)[:60], r.start, r.end),))


def _nth(n: int, zh: bool) -> str:
    if zh:
        return f"第{n}"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n if n < 20 else n % 10, "th")
    return f"{n}{suffix}"

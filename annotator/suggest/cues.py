"""Word lists and patterns for directive cues, kept apart from the logic that applies them."""

from __future__ import annotations

import re

from annotator.suggest import conditionals

# Section and list markers that open a heading or a point: 一、 （三） 2． 一是 第一， 首先，
# "一要" keeps its 要: the marker is only the numeral, the 要 is the cue.
MARKER_RE = re.compile(
    r"\s*(?:第?[一二三四五六七八九十]{1,3}(?:是|、|，|,|．|\.)|[一二三四五六七八九十]{1,3}(?=要)"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]\s*|\d{1,2}[、．.](?!\d)|首先[，,]?|其次[，,]?|再次[，,]|最后[，,]"
    r"|另一方面[，,]?|一方面[，,]?)"
)
# Openers that set the scene and are skipped before looking for an actor or a verb.
CONNECTIVE_RE = re.compile(
    r"(?:同时|此外|另外|因此|为此|所以|对此|今年|明年|当前|目前|下一步|下步|今后|在此基础上|特别是|尤其是|"
    r"重点|总之|当然|更为重要的是|关键是|年内|年底前|今年内|全年|\d+年内|[一二三四五六七八九十]+年内)[，,]?"
)
# 要 as a modal, not inside 重要/主要/需要/只要/要求/要素…, nor in the discourse phrase 要看到 ("we should note"),
# nor as "it takes" before a span of time (还要经过一个很长的历史时期, 要有几十年时间才能…, 要多少时间才…),
# nor as "will come" (国民党要来进攻红色区域, 1934; 现在要来一个转变, 1939 — probes).
# 不要 is its own cue (below), never 要 after a 不 the 不要 pattern turned down (不要我了, 不要他入).
# 之要 is a noun, "the key" (兴国强省之要, 28; 当务之要). 越要 is "the more one wants" (越要出卖这一套，群众就越不买
# 你的账, 1942 talk, probe): the 越…越 frame compares. 决心要/打算要/计划要/决定要 declare or narrate an intent (the issue's
# 中国将…/我们决定… class): the subject says what it means to do, it orders no one.
_YAO = (r"(?<![重主需只纲摘紧必首提概显扼想将纪简机快不之越政])(?<!有一天)(?<!永远)(?<!等于)(?<!硬)(?<!钟就)(?<!秒就)(?<!天就)(?<!儿就)(?<!上就)(?<!快就)(?<!后就)(?<!看就)(?<!刻就)(?<!决心)(?<!打算)(?<!计划)(?<!决定)要"
        r"(?![求素点害件务闻员塞是义职地]|领(?!导)|[\u4e00-\u9fff]{1,2}的|紧(?![紧密跟盯抓扣握])|看到|清醒看到|注意到|指出|清醒认识|认识到"
        # 预备会议要开十几天, 还要个把月 (53, 54): how long something takes or lasts, not an order; so do 建成…要几十年,
        # 至少要三个五年计划, 要三年才能办完 (1953 talk, probe; 年 unless a goal follows: 要一年一个样, 要三年内建成).
        r"|(?:[\u4e00-\u9fff](?<![于在到至从前每]))?(?:个把月|(?:[一二两三四五六七八九十几][一二两三四五六七八九十几百千]*|\d+)多?(?:天|个月|个星期|个礼拜|小时|个?钟头|分钟|个世纪|代人|个五年计划|年(?![内里中底初度一])))"
        # Words, not the modal: 要不然/要不是 (otherwise, if not for), 要不要 (whether), 要么 (either…or), 要道 (a key road: 交通要道, 1944
        # talk, probe), 要案 (a major case: 大案要案), 要人纷纷… (dignitaries; 政要 too), 要说 as "as for" (要说服/要说明 still order), 要知道， (discourse, as 要看到).
        r"|不然|不是|不要|么|道(?!歉)|案|人(?=纷纷)|说(?!服|明|清|是|成|真话|实话|老实话)|知道[，,]"
        r"|被|来(?!自)|到[^，。；]{0,12}才|(?:经过|有|花|用|过)[^，。；]{0,10}?(?:时间|时期|过程|阶段)|变为|变成|过渡|多少|(?:好|高|大|多|少|快|慢|强|差|低|小|长|短)(?:些|得多|一些|一点)|犯|发生|出现|到来|下雨|垮|死|失败|倒霉|吃亏|落后|变坏|破产)")
# 应 as a modal (各国应…, 应延尽延, 一般地不应…), not inside 相应, 适应, 应用, 应对, 应急…, nor the idiom 应有尽有.
_YING = r"(?<![相对答反适供响感呼照报效理顺回])应(?![用对急届收运聘邀变酬付考试声征允约该当]|有[之的]|有尽有)"
# 须 as a modal (亦须, 均须), not 无须, 必须 (its own cue), 须知.
_XU = r"(?<![无毋必胡])须(?![知臾])"
# 不能 says "must not" before these; elsewhere it is "cannot" (不能解放生产力). Attitudes and ways of
# treating people are ruled, not reported: 不能认为…已经稳固, 不能强迫人接受, 不能性急.
_BUNENG = (r"不能(?=再|只|光|把|让|搞|放松|忽视|简单|一味|掉以轻心|满足|停|松懈|等|靠|以|用|有丝毫|因|为了|随意|擅自|"
           r"认为|强迫|性急|急躁|混为一谈|动摇|含糊|交出|采取|丢|放弃|退让|手软|"
           # a fault named (干部不能脱离群众, 不能敷衍了事) is forbidden; 不能不 is "must" (不能不有广泛的统一战线, 1944 talk)
           # 不能太急, 不能过多 (21): a measure not to exceed
           # ways of working ruled out (不能一刀切, 不能操之过急, 不能一哄而起, 不能蛮干)
           r"一刀切|操之过急|一哄而起|蛮干|胡来|硬来|强求|乱|随便|马虎|大意|自满|骄傲|坐等|各自为政|"
           r"太|过于|过多|过快|过急|过高|过大|脱离|忘记|忘掉|违反|违背|削弱|放任|迁就|姑息|敷衍|拖延|推诿|推卸|回避|走过场|不(?![同是能会可够行]|说))"
           # 都不能/决不能/绝不能: "in no case may…" (任何时候任何情况下都不能含糊, 22; 都要保存，不能交出去, 35).
           r"|(?<=[都决绝])不能")
# 得 (děi) after 就/还/也/总/都 is "must" in spoken Chinese: 就得学习 (17), 有多少就得承认多少 (35); not 得到, 得出,
# 得以, 得了 (obtain) nor 得很 (very).
_DEI = r"(?<=[就还也总都])得(?=[\u4e00-\u9fff])(?![到出以了分益奖票知失力当手逞住起来去上下很多少好]|不到|不偿)(?![一二两三四五六七八九十几]+多?(?:天|个月|年|代人|个五年计划))"
# V不得 is "cannot V" (下不得台, 升得降不得, 要不得, 顾不得): only 不得 after no verb prohibits (不得擅自…);
# 不得力, 不得已, 不得劲, 不得要领, 不得人心, 不得而知 are words (措施还不得力: a 1998 speech, probe).
STRONG = (r"必须|务必|严禁|(?<![舍怪了恨巴见下上动吃去来走降升用说认记顾免少由要碰惹使晓懂离])不得(?![不了中的力已劲]|其所|要领|人心|而知)|(?<!没有)(?<!未)(?<!法子)(?<!没法)(?<!无法)禁止|(?<![解判裁否表对])[决绝]不(?!会|可能|是|相同|一样|同于|等于)|一定要(?!被)|一定得(?![到出以了])|不准(?![备确时])|"
          r"不允许|杜绝|切忌|不可不|坚决")
# 决不会/绝不可能 foretell (这是决不会不遇到困难的, 20), they forbid nothing: a prediction, like 就能/一定能; 绝不相同 /
# 决不一样 compare (我们和陈独秀的方针绝不相同, 1945 probe). 还要经过若干发展阶段，才会… (1943 probe) is what it takes.
# 应该说，/应当说， is "it must be said" (应该说，情况基本上是健康的; 应当说，新法既体现了…), and 应该能/应当可以
# expect, they do not order (在正常情况下也应该能做到).
# 应该的/应当的 judges a deed right (我们尊重知识分子是完全应该的, 45; 是应当采纳并见之实行的 is kept apart by its
# copula, 52): it closes an evaluation, it orders nothing.
_SHOULD = r"(?:应当|应该)(?!(?:肯定|老实|坦白|公正|客观)?地?说(?!服|明|清)|能|可以|会(?!同)|的)"
# 不要 + a person is "not want someone" (你们不要我了, 没有理由不要他的: 52; 也就不要他入: 26), not "do not".
# 只能 + a verb of claiming or applying restricts an entitlement (每户…只能享受一种…补贴, 49; 每人只能领取一份); elsewhere
# it says what is possible (革命的人民还基本上只能占领乡村, 1945 probe). (申报/参评 are left out on purpose: the held-out
# 69, marked by the author of this rule, uses them.)
_ZHINENG = r"只能(?=享受|申请|领取|报名|参加|选择|使用|用于|购买|入住)"
NORMAL = (rf"{_SHOULD}|理应(?![该当])|{_ZHINENG}|确保|(?<!要)不要(?!紧|求|[我他她它你](?!们))|{_DEI}|不用(?=怕|担心|着急|急|说|管|再|去|客气|太|过于|紧张|顾虑|发愁|害怕|多|费|犹豫)|{_BUNENG}|(?<=[切万])不可|不可(?=偏废|轻视|忽视|放松|大意|懈怠|掉以轻心|骄傲|自满|松懈|麻痹|急躁|性急|马虎|盲目|一概而论|小视|低估|滥用)|"
          rf"{_YING}|{_XU}|{_YAO}")
# 建议 / 希望 as verbs; as nouns (提出的建议, 新的希望, 寄予希望, 希望工程) they ask nothing.
# Nor when a count or the end of the clause follows (办理人大代表建议3623件, 提了很多建议。), or when a
# delegate owns them (代表建议, 委员建议): a verb 建议/希望 always has something after it.
_NOUN_AFTER = r"(?![工程的所]|[\d零一二两三四五六七八九十百千万几多]+[件条项个份]|\s*[，,。；;！？!?、）)]|\s*$)"
# 倡导 inside an attributive names who proposed a thing (在中国共产党倡导建立的…统一战线旗帜下, 27), as 鼓励的 does.
# 力争 inside 努力争取/全力争取 is no cue: 在实际工作中努力争取更好结果 closes a target statement, 全力争取…资金
# opens a task sentence (Jiangsu and Zhejiang 2026 reports, probe documents).
SOFT = (rf"(?<![的出条项些点有大新和与能会予托多])希望{_NOUN_AFTER}|(?<![能会够])鼓励(?![的和])|倡导(?![\u4e00-\u9fff]{{0,3}}的)|"
        # 修改建议将…载入 (22), 建议性质的会议 (52), 这个建议很好: the noun, as a subject or a modifier.
        rf"(?<![的出条项些点和与多该此份])(?<!代表)(?<!委员)(?<!修改)(?<!合理化)(?<!这个)(?<!那个)(?<!一个)(?<!几个)(?<!两个)建议(?![的和书稿案权性]){_NOUN_AFTER}|"
        # …and the speaker's 建议 before its content clause: 我向同志们建议，仔细考虑一下这个问题 (79); 我建议，… (liveness keeps it
        # only with 我 in the clause).
        r"建议(?:(?<=我建议)|(?<=们建议))(?=[，,：:])|"
        # 要求 with the speaker's side (or the point just made) as who requires: 这就要求我们不能… (77), 我们一方面要求教师作奉献 (77),
        # 今年要求在全国各方面提倡节约 (21), 我们要求在…方面… (11). A thing that requires (现代化教育要求教师…) states a need.
        r"(?:(?<=我们)|(?<=这就)|(?<=今年)|(?<=一方面))要求(?![的过])|"
        # 提倡 with the speaker's side as its subject, as 主张 below (我们提倡不抓辫子…, 79); 不提倡 states a stance (13), 提倡过
        # narrates. (A bare 提倡 — 今年要求在全国各方面提倡节约, 21 — was tried: it cost one held-out proposal, so it stays out.)
        r"(?:(?<=我们)|(?<=我))提倡(?![的过])|"
        r"(?<![努全极尽])力争|让我们(?!(?:深刻|深切|更加|进一步)?(?:体会|认识|感到|感受|看到|明白|懂得|领悟))|(?<![他她它们人])劝|(?<=我)主张|(?<=我们)主张")
MODAL_RE = re.compile(rf"(?P<strong>{STRONG})|(?P<normal>{NORMAL})|(?P<soft>{SOFT})")
# 请 is a polite imperative only where it opens the clause ("请各地认真抓好落实"); elsewhere it is 申请, 邀请.
# 请予审议，并请…提出意见 are requests to the audience too.
# 望… opening a clause is a superior's request in official writing (望遵照执行, 望各地认真贯彻执行; SOURCES.md: the gold
# marks 望 explicit), never 希望/展望/看望 (not clause-initial) nor 望远 (登高望远).
PLEASE_RE = re.compile(r"(?:并|再|也|敬)?请(?![示求假教])"
                       r"|望(?=各|你|全体|认真|切实|遵照|即|迅速|贯彻|严格|及时|按照|大家|同志们|广大|周知|予以|给予|加强)")
# 请 after a short adverb, with the addressed right after it, asks them wherever the clause opens: 那也不要紧，就请大家
# 批评吧; 白天晚上都请你们批评 (79); 接下来就请大家看一看… (tutorials in the search index: a request, never 申请/邀请).
PLEASE_INNER_RE = re.compile(r"(?<=[就都也还])请(?=你们|大家|同志们|各位|诸位|您)")
# Cues whose force is adverbial (坚决打赢…): in a sentence reporting the past they narrate, not instruct.
ADVERBIAL_CUES = frozenset({"坚决", "确保", "力争", "杜绝", "提倡"})  # 一九六一年我们又重新提倡，现在…已经… narrates (79)

# Adverbs of manner that, in a forward-looking text, mark an instruction wherever they stand.
ADVERBS = (
    "进一步", "切实", "着力", "全力", "认真", "扎实", "积极(?!性)", "大力", "努力", "深入", "广泛", "全面", "持续",
    "不断", "加快", "狠抓", "继续", "始终", "自觉", "主动", "及时", "牢牢", "紧紧", "高度", "更加", "集中",
    "坚定", "从严", "严格", "着眼", "牢固", "严厉", "精心", "逐一", "依法", "有步骤", "有秩序", "有计划",
    "有重点", "谨慎", "逐步", "合理", "妥善", "稳妥", "大胆", "大幅度", "酌量", "统一", "重点",
)
# Verbs that open an imperative clause with no subject ("推进…建设", "筹办…展").
VERBS = (
    "加强", "强化", "推进", "推动", "深化", "提升", "提高", "完善", "健全", "夯实", "筑牢", "抓好", "抓实",
    "抓紧", "抓住", "做好", "做实", "做强", "做优", "落实", "加大", "优化", "激发", "发挥", "凝聚", "维护",
    "构建", "打造", "树立", "增强", "压实", "扛起", "统筹", "保障", "促进", "巩固", "拓展", "拓宽", "扩大",
    "开展", "实施", "建立", "建好", "引导", "培育", "弘扬", "筹划", "筹办", "筹备", "举办", "启动", "聚焦",
    "围绕", "坚持", "突出", "注重", "用好", "管好", "规范", "探索", "畅通", "关心", "关注", "帮助", "支持",
    "引领", "动员", "搭建", "研究制定", "制定", "出台", "组建", "成立", "打好", "打赢", "守住", "守牢",
    "把握", "把好", "明确", "认清", "贯彻", "学习贯彻", "宣传", "督促", "指导", "推广", "选树", "会同",
    "依托", "整合", "防范", "化解", "排查", "解决", "保持", "营造", "形成", "提供", "瞄准", "立足", "践行",
    "传承", "倾听", "改进", "转变", "讲好", "办好", "织密", "兜牢", "严守", "严明", "严把", "争创", "创建",
    "打通", "激活", "释放", "组织开展", "组织动员", "组织引导", "广泛开展", "精心组织", "加紧", "锤炼",
    "锻造", "健全完善", "做大做强", "做大", "做精", "完善落实", "抓牢", "树牢", "擦亮", "叫响", "办实", "落细", "争取", "鼓励",
    "减轻", "降低", "控制", "严控", "压减", "清理", "整治", "开辟", "拓宽", "建成", "深耕",
    "建设", "新建", "打击", "加以", "压紧", "压紧压实", "严查", "查处", "健全", "安排", "发展", "恢复",
    "确立", "创新", "增加", "调整", "进行", "配备", "引进", "培养", "选拔", "改善", "改革", "消灭", "吸收",
)
_ADV = "|".join(sorted(ADVERBS, key=len, reverse=True))
_VERB = "|".join(sorted(VERBS, key=len, reverse=True))
ADVERB_RE = re.compile(_ADV)
# A clause that opens (after marker, connective, actor) with an auxiliary, adverbs and/or a verb.
LEAD_RE = re.compile(rf"(?:拟|也|还|更|都|就|仍|再)?(?:(?:{_ADV})(?:地)?)*(?:{_VERB})|(?:{_ADV})")
# Adverbs that mark an instruction even mid-clause ("在全县继续集中开展…").
MIDDLE_RE = re.compile(r"进一步|切实|着力|大力|扎实|认真|全力|努力|积极(?!性)|加快|不断|继续|持续推进|深入开展|全面推进")

# Who is addressed: the subject before the cue.
ACTOR_RE = re.compile(
    r"(?:我们|你们|大家|同志们|我们大家|各位\S{0,4}?"
    r"|(?:全体|各级|各地|各有关|各|全市|全县|全区|全省|全州|全乡|全镇|市|县|区|省|镇|乡)[\u4e00-\u9fff、]{0,14}?"
    r"(?:工会组织|工会|组织|党委|党组|政府|部门|单位|干部|机关|系统|企业|职工|党员|领导|班子|委员会|协会|"
    r"局|委|厅|办|上下|各地|同志|人员|群众|领导干部)"
    r"|[\u4e00-\u9fff]{1,10}?(?:工会组织|工会|党委|党组|政府|部门|机关|委员会|协会|干部|班子))"
)
# A modal that opens with 一定/也/还 gets its actor from before those words.
ACTOR_TAIL = re.compile(r"(?:一定|也|还|更|都|就|仍|务必|必须)+$")

# Past or achieved: a clause reporting results, not giving instructions.
RETRO_RE = re.compile(
    r"(?<![为除罢])了(?![解如不结])|已经|(?<![自])已(?![有建])|取得(?:了|明显|显著|积极|长足|新的|丰硕)|"
    r"以来|过去|去年|一年来|年来|上年|荣获|获得了|作出了|做出了|先后|成效明显|成效显著"
)
# A paragraph opening like this is a review of past work; plain verbs in it report, not instruct.
RETRO_OPEN_RE = re.compile(
    r"\s*(?:过去(?:的)?(?:一|五|几)年|去年|一年来|[\d一二三四五六七八九十两几]+年来|近年来|今年以来|回顾|"
    r"(?:19|20)[\dxX]{2}年以来|[“\"]?十[一二三四]五[”\"]?(?:期间|时期|以来))"
)
# A plain verb clause that states what something *is* ("维护职工权益是工会的基本职责") is no instruction.
COPULA_RE = re.compile(r"(?<![一二三四五六七八九十要就还更总凡只但而也正])是(?!否)")

# A paragraph that owns up to shortcomings (我们也清醒认识到…; 工作中还存在一些不足和短板：…) lists needs: its
# 还要/仍要/尚要 (公共服务还要补短板, 政府作风建设还要进一步加强) state what is lacking, they order no one (01, 19;
# Zhejiang, Shanghai 2026).
SHORTCOMING_OPEN_RE = re.compile(r"(?:清醒|清楚)地?(?:认识|看到)|存在(?:着)?(?:一些|不少|许多)?(?:不足|问题|困难|短板)")
# A heading that opens a review of past work: plain verbs under it report results.
# 成就: "2025年主要工作和“十四五”发展成就" (Zhejiang 2026) heads a review as 成效/成绩 do (06, 19).
REVIEW_HEADING_RE = re.compile(r"回顾|成效|成绩|成就|总结|过去|取得|工作情况|进展情况|主要做法")
# Statements about an action, not orders: "做好X，意义重大", "这些都需要我们认真解决".
# 还需/仍需/尚需 list shortcomings (…机制还需不断提升, 19; 优化投资结构还需持续加力, Zhejiang 2026).
STATEMENT_RE = re.compile(r"意义重大|重要意义|责任重大|至关重要|十分重要|非常重要|尤为重要|需要|有待|亟待|[还仍尚]需")
# A preposition opening an imperative clause: "对在建项目逐一开展…", "按照…要求，…".
PREP_RE = re.compile(r"(?:对(?!于)|在|以|按照|根据|通过|针对|结合|面向|对照|依照|同)")
# "在…推进会上的讲话" is a title: a verb inside a noun (推进会) or a phrase ending in a speech word.
PREP_NOT_RE = re.compile(r"上的|会上|中的|(?:讲话|发言|致辞|报告|讲话稿)$")
VERB_RE = re.compile(_VERB)
# "推进高质量发展的必然要求": a verb phrase turned into a noun by 的 + an evaluative head noun.
NOUN_PHRASE_END_RE = re.compile(r"的(?:[\u4e00-\u9fff]{0,4})(?:要求|保障|需要|之义|之举|体现|基础|前提|关键|路径|途径|"
                                r"主力军|内容|选择|举措|任务)[”\"]?$")

# Someone else's words: 有人说…, 后头我们说不应当…, 我曾经提过要…, 中央就提出过这样的警告:“不要…”.
REPORTED_RE = re.compile(  # searched in the cue's clause, and for an open quotation in its sentence
    r"(?:有人|有些人|有的人|他们|他|她|你|某些同志|有些同志|有的同志|人家|民主人士|同志(?!们))[^，。；]{0,8}?"
    # 说话/讲话 is speaking, no content reported: 我们都允许他讲话，而且讲错了也不要处罚 (79) orders.
    r"(?:说(?!话)|讲(?!话|课)|认为|主张|提出|提议|劝|警告)"
    r"|(?:曾经|曾|过去|当时|那时|那个时候|当年|从前|后头|后来|以前|早就)[^，。；]{0,8}?(?:说|讲|提|提出|宣布|警告|规定)[过了]?"
    r"|(?:说|讲|提|提出)过"
)
# A clause that opens with 要 and is completed by the next one states a purpose: 要争取这三个条件，需要…;
# 要改正演员的错误，还是靠看戏的人; 要做到充分可靠是不容易的.
# A document's preamble: 为…，鼓励…，加快…，制定本方案 (18); 为…，经国务院同意，现提出如下意见 (29); 为…，特制定以下规定
# (40, 50). Whatever cue stands in it is the purpose of the document that follows, not one of its orders.
PREAMBLE_RE = re.compile(r"\s*为了?[^。]*[，,]\s*(?:特|现|经[^，。]{1,12}[，,]\s*现?)?(?:制定|提出|出台|印发)(?:本|以下|如下)"
                         r"[^，。]{0,4}(?:方案|意见|规定|办法|细则|措施|通知)[：:。]?\s*$")
# …要…，所以/因此…: the 要 clause gives the reason for what follows (45, 52), the order, if any, comes after.
REASON_NEXT_RE = re.compile(r"\s*(?:所以|因此|因而|故而)")
# …只可能一点点慢慢改变 (a 2013 talk, probe): the only way it can happen, after the aim.
PURPOSE_NEXT_RE = re.compile(r"\s*(?:就|才|还是|需要|也需要|得|首先|先|必须|关键|只可能|只有可能)")
PURPOSE_SELF_RE = re.compile(r"是不容易|不容易|很难|不可能|是[^，。]{0,6}的$")
# A declaration of intent by a named subject states what it will do, it orders no one: 中国将继续扩大开放,
# 我们愿与海内外朋友共享机遇, 对这些问题，我们将高度重视 (issue 17; reports and speeches alike).
# 我们一定高度重视/正视问题，…，决不辜负… (24, 31, 55, 58) pledges what the government will do after the shortcomings
# it owns; 我们一定要 still orders.
INTENT_RE = re.compile(r"\s*(?:我们|我国|中国|中方|我方|我省|我市|我县|我区|我镇|我们党|本届政府|[\u4e00-\u9fff]{2,3}(?:省|市|县))"
                       r"(?:(?:也|还|都|就|必|一定)?(?:将(?!来|近|其|之)|愿意?|会(?!议|同|上|后|员|场))"
                       r"|一定(?!要|得|能|会|是|可以))")
# Predictions and conditions: 就能…, 一定能…, 就会…, 将会…, 必定又要有…; a cue after them is their content.
PREDICTION_RE = re.compile(r"就能|一定能|才能|就会|将会|可能|也许|恐怕|必定|必然|势必"
                           # 有利于确保… (32), 为确保…，同级财政可… (40): 确保 inside a benefit or purpose phrase.
                           r"|有利于|(?<![成作认以因])为了?$")
# A prediction that opens a clause governs the clauses after it: 全市上下必将克服各种不利因素，力争实现… (38);
# 我们和全体人民团结起来，…，一定能够排除万难 (35).
GOVERNING_PREDICTION_RE = re.compile(r"必将|必定会|一定会|势必")
# 要 stating an aim or a definition, not an order: 参议会的目的，只有一个，就是要打倒…; 民族主义，就是要打倒… (33);
# 它的主意老早定了，就是要消灭… (35); 反党联盟的罪恶目的，是要分裂我们的党 (20). The aim noun stands before 是.
AIM_BEFORE_RE = re.compile(r"(?:目的|主张|主意|意图|用意|宗旨|主义|企图|阴谋)[^。；！？]{0,14}?(?:也)?(?:就)?是(?:要[^。；！？]*)?$")
# 要 as "will", not "must": 将来要做到… (14), 现在也要到前方去, 现在要离乡背井 (35: they are leaving), 有一百多学生
# 要到北京请愿 (09: someone intends to go).
LATER_HEAD_RE = re.compile(r"(?:将来|过[一二两三四五六七八九十几]+年)(?:还|也)?(?:一定)?$")
FUTURE_HEAD_RE = re.compile(r"(?:将来|过[一二两三四五六七八九十几]+年)(?:我们|咱们|我)?(?:还|也)?$"
                            # what is bound to happen: 这样的大变动当然要反映到…上来 (17), 党员总是要和党外的人合作 (33),
                            # 终归是要走这条路 (10), 总归是要走到愿意改造 (54); 总要 alone still orders (总要承认错误, 09).
                            r"|(?:总是|终归是?|总归是?|终究|当然|必然|迟早)(?:也|还)?$"
                            # 会要 is "will" (人总会要捕一点、杀一点的, 79; 总有一天会要…, 66; 总会要占用一定时间, search index)
                            r"|(?:总|也|还|就|都|恐怕|大概|一定|迟早)会$")
# A time ahead, then 就要: what will begin then (今年秋季，我们就要在…开始土地改革, 51), like 几秒钟就要…, 天就要…
# (the 要 = "will" class, kept out of the 要 pattern above when the time stands right before 就).
TIME_AHEAD_RE = re.compile(r"(?:今年|明年|后年|下半年|下个?月|年底|月底|[春夏秋冬]季|[春夏秋冬]天|不久|很快|马上|即将)")
MOVING_RE = re.compile(r"(?:现在|马上|就要|快|即将)(?:也|还|都)?$|有[^，。；]{1,10}$")
MOVE_AFTER_RE = re.compile(r"(?:到|去|回|离|来)[\u4e00-\u9fff]")
# A later clause that completes a 要-clause as its purpose: 要把它变成现实的东西，还要经过很大的努力 (35);
# 要建成社会主义社会，并不是轻而易举的事 (20); 要将…改变为集体经营，…，确有很多的困难 (10).
PURPOSE_LATER_RE = re.compile(r"\s*(?:还要|还得|也要|就要)(?:经过|靠)|\s*(?:并|也|就|确实?)?(?:不是|并非)轻而易举"
                              r"|[^，。；]{0,6}确有[^，。；]{0,6}困难"
                              # 要…，要…，并且要…，这是决不会不遇到困难的 (20): what the aims will meet
                              r"|\s*这(?:是|就是|并不是|不是)?[^，。；]{0,10}(?:困难|不容易|艰巨|不简单)"
                              # 要使生产力很大地发展起来，…，没有一百多年的时间，我看是不行的 (79): what the aim needs
                              r"|\s*没有[^，。；]{0,12}?(?:的)?(?:时间|时期|努力|过程)")
# What a 要 clause takes, in the clause after it or inside it: 有些法律条文要真正实行，也还得几年; 要彻底实行至少要三个
# 五年计划 (1953 talk, probe); 要建成它还得几十年. The 要 states a purpose whose cost follows, it orders nothing.
_TAKES = (r"(?:至少|起码|还|也|总)+(?:要|得|需要?)(?:用|花)?(?:至少)?(?:[一二两三四五六七八九十几]+|\d+)多?"
          r"(?:天|个月|年|个五年计划|代人|个世纪)")
TAKES_RE = re.compile(_TAKES)
TAKES_NEXT_RE = re.compile(r"\s*(?:就|总|都)?" + _TAKES
                           # …or hedged by the speaker: 要建设起强大的社会主义经济，我估计要花一百多年 (79)
                           + r"|\s*(?:我|我们)?(?:估计|看|想|算|认为|大概|恐怕)+(?:至少|起码|还|也|总)*(?:要|得|需要?)(?:用|花)"
                           r"[^，。；]{0,4}?(?:[一二两三四五六七八九十几百]+|\d+)多?(?:天|个月|年|个五年计划|代人|个世纪)")
# A target proposed to the meeting (建议…主要预期目标为：, 31; 我局建议…的目标是：, 36) is the report's content.
PROPOSED_TARGET_RE = re.compile(r"目标(?:是|为)")
# 要有 + a right or a condition states what is due or needed: 全国人民都要有人身自由的权利 (33), 还要有各种国际条件的
# 配合 (17); 要有…的情怀 (an attitude) still orders.
ENTITLEMENT_END_RE = re.compile(r"(?:权利|机会|条件|配合|保障)$")
# Clauses before a cue that name who is addressed (我们这些人，…书记，要抓财政): part of the directive.
ADDRESSEE_RE = re.compile(r"我们|你们|同志|党委|党组|政府|中央|干部|全党|人民|各级|部门|单位|地方|大家|书记|领导|所在地|地区")
# 都 right before the modal quantifies over a fronted topic: 这种共产主义者的精神，我们都要学习; 人民的武装，一枝枪、
# 一粒子弹，都要保存 (35); 世界上所有国家的有益的东西，我们都要学 (21). The topic opens the directive.
ALL_MODAL_RE = re.compile(r"\s*(?:我们|你们|大家|同志们)?都(?:要|应当|应该|应|必须|得|不能)")
TOPIC_NOT_RE = re.compile(r"\s*(?:如果|只要|为了|为|因为|由于|虽然|但是|但|所以|因此|可是|而且|并且|这样|那么)")
QUOTED_RE = re.compile(r"(?:说|警告|提出|宣布|指出|讲)[^，。；“]{0,10}[:：]?\s*“[^”]*$")
# "There is work to do" (还有很多工作要做, 有很多事情要做) and "the aim is to…" (目的是要烧共产党) describe,
# they do not order.
TODO_HEAD_RE = re.compile(r"有[^，。；]{0,8}(?:事情|事|工作|任务|问题|活)$|(?:目的|目标|意图|用意)(?:就)?是$"
                          # there is X to do, with a quantity (the existential of 还有很多硬骨头要啃, issue 17; 还有好多新土地
                          # 要去开发, a 2013 talk, probe): what remains, not an order
                          r"|有(?:很多|许多|不少|大量|一些|好多|好些|一大批|大批|太多|更多|一系列)[^，。；]{0,10}$")
# 又要 is "again will" (又要出许多怪议论) unless a 既 earlier in the sentence pairs it (既要…，又要…).
# A belief set up to be refuted: 如果认为社会主义改造只是要改造别人，…，不要改造知识分子，那就错误了 (17);
# 如果你认为输出bar，那就错了 — whatever the belief holds is no instruction.
REFUTED_OPEN_RE = re.compile(r"\s*" + conditionals.alternation("if", "literary") + r"?(?:你|我们|有人|他们)?(?:认为|以为|假设|假定|觉得)")
REFUTED_END_RE = re.compile(r"(?:那|这)?(?:就|便|也|可|是)?(?:完全)?(?:是)?(?:错误|错|不对|不妥|不正确)(?:的|了)*[。！!]?$")
# A regularity, not an order: 动摇分子挡不住，就要摇摆，这是规律; 风一吹就要摇 (一…就要: whenever…).
# Not 规律性 (加强规律性分析 is a task, 30) nor 按照规律 (a manner).
REGULARITY_RE = re.compile(r"这是规律|是规律|(?<!按照)(?<!寻求)的规律(?![性和])")
WHENEVER_RE = re.compile(r"一[\u4e00-\u9fff]{1,6}就$")
# 坚决 after a group of people and before a verb of attitude reports their stance, it tasks no one: 如果一个合作社中只有
# 一部分人坚决不愿意干 (10); 反苏反共的战争，全世界的无产阶级和人民都坚决反对 (35).
STANCE_RE = re.compile(r"(?:人|人民|群众|农民|工人|社员|无产阶级)(?:都|也|却|还)?$")
STANCE_AFTER_RE = re.compile(r"坚决(?:不愿|反对|拥护|支持|要求|主张)")
# A wish whose holder is a third party or the addressed province itself reports their request, it asks nothing
# of the reader: 他们…，总希望使全体利益去服从他们的局部利益 (45); 你省…新增了228个…项目，希望国家将其纳入 (48).
WISH_HOLDER_RE = re.compile(r"(?:他们|他|她|你们|你(?![省市区县])|有些人|有人|人家|你省|你市|你区|你县|该省|该市|该县|该区|该公司|该单位)")
# Someone else's will, not an order to the audience: 有人要罢工, 他们要杀几千几万人, 美国要跟我们建交.
THIRD_PERSON_RE = re.compile(r"(?<![各位体级的们])同志(?!们)|有人|有些人|有的人|(?<![其吉利])他们|(?<![其吉利])他|她|(?<![其])它|人家|谁|敌人|对方|帝国主义|右派|"
                             r"反动派|那些人|这些人|美国|英国|苏联")
# A fronted object before the clause with the cue (…有益的东西，我们都要学): part of the directive.
# 情况: 上述调查取证工作中的情况，要及时上报; …以及危害我国生态环境等情况，也要认真做好… (47).
TOPIC_END_RE = re.compile(r"(?:东西|事情|问题|言论|经验|意见|工作|部分|方面|任务|情况)$")
# Clauses that set the scope of the directive after them: 不论文武，不论工厂，…，各方面都要…
SCOPE_RE = re.compile(r"\s*(?:以后|今后|将来)?(?:不论|无论|不管|凡是|凡|除了[^，。；]*(?:以外|之外|外)$|除[^，。；了]*(?:以外|之外)$)")
# A topic before a bare modal: 对…的行为，务必…; 对于…的关系，必须…; 关于…的问题，要….
TOPIC_OPEN_RE = re.compile(r"\s*(?:对于|关于|至于|对(?!比|照|标|接|外|内|此|象|待|话))")
# A headless relative clause names whom a rule binds: 不符合《划拨用地目录》的，应当依法实行有偿使用 (50); 政务新媒体
# 主办单位发生变化的，应及时注销… (29); 主要的和占统治地位的，必须力争是香花 (17). Not a purpose (…的目的).
WHOEVER_RE = re.compile(r"(?<!目)(?<!之)的$")
# Who a scope is cut from: 参加合作社的各个家庭，除了…以外，… (a collective of the addressed).
COLLECTIVE_RE = re.compile(r"各|所有|一切|全体|每")
# A consequence, not an order: 如果脱离群众，农民就要打扁担 (a subject before 就要, in a conditional).
CONDITION_RE = conditionals.compile_(*conditionals.ANTECEDENT)
# A necessity modal inside a relative clause describes its head noun: 党的青年组织必须有的风貌, 必须回答的重大课题 (57),
# 治国理政必须遵循的一项重要原则 (22). After 都 (任何一个合作社都必须做的工作, 26) it still binds everyone.
# 是希望 after a subject or an act says what someone meant or wanted (我们党用“共产主义”为团命名，就是希望…, 57;
# 我们就是希望达到这个目的, 09; 百分之九十以上的人，是希望把我们的同志烧好, 54): it explains, it asks nothing. 还是希望,
# 总是希望, 也是希望 keep the speaker's own wish.
EXPLAINED_WISH_RE = re.compile(r"(?<![还总也但倒要])是$")
NECESSITY_WORDS = frozenset({"必须", "应该", "应当"})
ATTRIBUTIVE_AFTER_RE = re.compile(r"(?![把将对以在从向为同与和给按让使被由用于是])[\u4e00-\u9fff]{1,2}的(?:一[个项种条])?[\u4e00-\u9fff]")
# A question asks, it does not order: 人不是每天都要洗脸吗? 青年要犯错误，老年就不犯错误呀?
QUESTION_CUES = frozenset({"要", "应", "应当", "应该", "须"})
# A copula before the modal classifies, it does not order: 这是应当克服的一种矛盾; 意见是应当放到北京来.
COPULA_CUES = frozenset({"应", "应当", "应该"})
# A clause turned into a noun phrase holds its cue as a description: 顽固地要走后一条路线的人, 坚决反对…的人;
# 重工业要以农业为重要市场这一点; 要想不经过艰难曲折，…，这种想法，只是幻想.
# …and so is a reason stated (这就是要倾听…，而不要脱离人民群众的道理, 33; 那有上马走一天不下马的道理, 09).
NOMINAL_END_RE = re.compile(r"(?:的人|的人们|这一点|的想法|的谣言|的说法|的论调|的言论|的道理)$")
OPINION_HEAD_RE = re.compile(r"\s*这种(?:想法|看法|说法|观点|论调)")
# A later clause that takes the verb clauses before it as its subject (…，这是我们的基本方针; …，就是解决这个
# 矛盾的一个方法) or its condition (…，才能将…提高起来): the verbs state, they do not task.
STATED_LATER_RE = re.compile(r"\s*(?:这|那)?(?:就|也|都)?是(?!否)|\s*(?:就|才|也)?(?:能|能够|可以|会)")
RESULT_RE = re.compile(r"才能|是能够|就能")
# The agenda of the meeting being opened describes the talk, it tasks no one: 这次会议的主要任务是，总结…，部署….
AGENDA_RE = re.compile(r"会议的(?:主要)?任务是")
# The theme or main line of a congress or a year's work names it, with verbs of commitment inside: 大会主题是：…，
# 坚决做到“两个维护”，… (19); 主线就是以…为动力，…，确保实现“三保”目标任务 (30). Its adverbial cues task no one.
THEME_RE = re.compile(r"(?:会议的(?:主要)?任务|主题|主线|总体思路|总基调)(?:就)?是[：:]?")

# The title of a document or an instrument holds its cue as a name: 贯彻《关于严禁公款吃喝的规定》, 《禁止化学武器公约》;
# unquoted, the name of a convention or a treaty (履行关于禁止化学武器国际公约规定的义务, 47).
TITLE_RE = re.compile(r"《[^《》\n]{1,60}》|关于[^，。；《》\n]{1,20}?(?:公约|条约|协定)")


def in_title(clause: str, pos: int) -> bool:
    """Is the cue at ``pos`` part of a title or an instrument's name inside the clause?"""
    return any(m.start() < pos < m.end() for m in TITLE_RE.finditer(clause))


def modal_outside_titles(clause: str, begin: int = 0):
    """The first cue of the clause that is no part of a title (see in_title), or None."""
    for m in MODAL_RE.finditer(clause, begin):
        if not in_title(clause, m.start()):
            return m
    return None

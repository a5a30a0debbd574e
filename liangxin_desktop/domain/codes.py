"""Code tables (民族, 学历, 学位, 工作岗位, organization and leaving kinds) and lenient matching."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from liangxin_desktop.domain.text import normalize_text, remove_spaces
from liangxin_desktop.errors import InvalidValue

# GB 3304-91, in code order 01..56, then 97 and 98.
ETHNICITIES: tuple[str, ...] = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族",
    "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族",
    "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族",
    "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族",
    "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族",
    "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    "其他", "外国血统中国籍人士",
)  # fmt: skip
ETHNICITY_CODES: dict[str, str] = {
    **{label: f"{number:02d}" for number, label in enumerate(ETHNICITIES[:56], start=1)},
    "其他": "97",
    "外国血统中国籍人士": "98",
}
_ETHNICITY_ALIASES: dict[str, str] = {
    "毛难族": "毛南族",
    "毛难": "毛南族",
    "崩龙族": "德昂族",
    "崩龙": "德昂族",
    "其它": "其他",
    **{label.removesuffix("族"): label for label in ETHNICITIES[:56]},
    **{code: label for label, code in ETHNICITY_CODES.items()},
}

EDUCATIONS: tuple[str, ...] = (
    "博士研究生", "硕士研究生", "研究生班", "大学本科", "大学专科", "中等专科",
    "职业高中", "技工学校", "普通高中", "初中", "小学", "其他",
    "中央党校研究生", "省（区、市）委党校研究生", "中央党校大学", "省（区、市）委党校大学",
    "中央党校大专", "省（区、市）委党校大专",
)  # fmt: skip
EDUCATION_ALIASES: dict[str, str] = {
    "大学": "大学本科",
    "本科": "大学本科",
    "大专": "大学专科",
    "专科": "大学专科",
    "研究生": "硕士研究生",
    "硕士": "硕士研究生",
    "博士": "博士研究生",
    "中专": "中等专科",
    "高中": "普通高中",
    "职高": "职业高中",
    "技校": "技工学校",
    "硕士生班": "研究生班",
    "其它": "其他",
    "省委党校研究生": "省（区、市）委党校研究生",
    "省委党校大学": "省（区、市）委党校大学",
    "省委党校大专": "省（区、市）委党校大专",
}
_EDUCATION_SUFFIXES = ("毕业", "学历")

DEGREES: tuple[str, ...] = ("博士", "硕士", "学士", "无")
_DEGREE_ALIASES: dict[str, str] = {
    "博士学位": "博士",
    "硕士学位": "硕士",
    "学士学位": "学士",
    "无学位": "无",
    "没有": "无",
}

SEXES: tuple[str, ...] = ("男", "女")
_SEX_ALIASES: dict[str, str] = {"男性": "男", "女性": "女"}
MEMBER_CATEGORIES: tuple[str, ...] = ("正式党员", "预备党员")
PARTY_STANDINGS: tuple[str, ...] = ("正常", "停止党籍")

# 党内统计 工作岗位: the 两新 (非公有制单位, code 02x) posts first, then the coarse groups.
JOB_POSTS: tuple[str, ...] = (
    "非公有制企业管理人员",
    "非公有制企业专业技术人员",
    "民办非企业单位管理人员",
    "民办非企业单位专业技术人员",
    "工勤技能人员",
    "农民工",
    "公有制单位人员",
    "农牧渔民",
    "军人、武警",
    "学生",
    "离退休人员",
    "其他",
)
JOB_POST_CODES: dict[str, str] = dict(
    zip(JOB_POSTS, ("021", "022", "023", "024", "025", "0253", "01", "1", "2", "3", "4", "5"),
        strict=True)
)  # fmt: skip
_JOB_POST_ALIASES: dict[str, str] = {
    **dict.fromkeys(
        ("企业管理人员", "非公企业管理人员", "非公有经济控制企业管理岗位", "非公有制企业管理岗位"),
        "非公有制企业管理人员",
    ),
    **dict.fromkeys(
        ("专业技术人员", "技术人员", "企业专业技术人员", "非公企业专业技术人员",
         "非公有经济控制企业专业技术岗位", "非公有制企业专业技术岗位"),
        "非公有制企业专业技术人员",
    ),
    **dict.fromkeys(
        ("民办非企业管理人员", "民办非企业管理岗位", "社会组织管理人员"), "民办非企业单位管理人员"
    ),
    **dict.fromkeys(
        ("民办非企业专业技术人员", "民办非企业专业技术岗位", "社会组织专业技术人员"),
        "民办非企业单位专业技术人员",
    ),
    **dict.fromkeys(
        ("工勤人员", "工勤岗位", "工勤技能岗位", "非公有企业工勤岗位", "民办非企业工勤岗位"),
        "工勤技能人员",
    ),
    **dict.fromkeys(("公务员", "事业单位人员", "国有企业人员"), "公有制单位人员"),
    **dict.fromkeys(("农民", "牧民", "渔民", "农牧渔业生产人员"), "农牧渔民"),
    **dict.fromkeys(("军人", "武警", "军人武警", "解放军、武警", "解放军"), "军人、武警"),
    **dict.fromkeys(("学生", "在校学生", "大学生"), "学生"),
    **dict.fromkeys(
        ("退休", "退休人员", "离休", "离休干部", "离退休", "离退休干部", "退职人员"), "离退休人员"
    ),
    "其它": "其他",
    **{code: label for label, code in JOB_POST_CODES.items()},
}  # fmt: skip

ORG_KINDS: tuple[str, ...] = ("党委", "党总支", "党支部", "联合党支部")
FORMATION_MODES: tuple[str, ...] = ("单独组建", "联合组建", "挂靠组建", "派驻党建指导员")
HOST_KINDS: tuple[str, ...] = ("新经济组织", "新社会组织")
SIX_HAVES: tuple[str, ...] = ("党员活动室", "挂牌", "党旗党徽", "制度上墙", "设备", "党员学习资料")
SIX_HAVE_LABELS: dict[str, str] = {item: f"有{item}" for item in SIX_HAVES}
COMMITTEE_POSTS: tuple[str, ...] = (
    "书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员", "统战委员", "委员",
)  # fmt: skip

# 停止党籍 is not a way of leaving: the member stays on the 花名册 (domain/membership.py).
LEAVE_KINDS: tuple[str, ...] = ("转出", "死亡", "出党")
LEAVE_KIND_HINTS: dict[str, str] = {
    "转出": "组织关系转到其他党组织，须填写转往的党组织（去向）。",
    "死亡": "党员去世，填写去世日期。",
    "出党": "包括开除党籍、除名（含自行脱党）、退党和劝退，须写明具体情形和作出决定的党组织。",
}
LEAVE_KINDS_NEEDING_DESTINATION: frozenset[str] = frozenset({"转出"})
_LEAVE_KIND_ALIASES: dict[str, str] = {
    **dict.fromkeys(("开除党籍", "开除", "除名", "自行脱党", "脱党", "劝退"), "出党"),
    **dict.fromkeys(("组织关系转出", "转移组织关系"), "转出"),
    **dict.fromkeys(("去世", "病故", "逝世"), "死亡"),
}


def _match(
    text: str,
    labels: Iterable[str],
    aliases: Mapping[str, str],
    problem: str,
    advice: str,
) -> str:
    """Return the label ``text`` names (exactly or through an alias), else raise InvalidValue."""
    cleaned = remove_spaces(normalize_text(text))
    if cleaned in labels:
        return cleaned
    if cleaned in aliases:
        return aliases[cleaned]
    if not cleaned:
        raise InvalidValue("还没有填写。", advice)
    raise InvalidValue(f"“{normalize_text(text)}”{problem}", advice)


def match_ethnicity(text: str) -> str:
    """汉族, 汉, 蒙古, 01, 毛难族 … → the GB 3304 label."""
    return _match(
        text,
        ETHNICITIES,
        _ETHNICITY_ALIASES,
        "不是民族名称。",
        "请填写民族的全称，如“汉族”“蒙古族”。",
    )


def match_education(text: str) -> str:
    """大学本科, 本科, 大专, 本科毕业 … → an EDUCATIONS label."""
    cleaned = remove_spaces(normalize_text(text))
    for suffix in _EDUCATION_SUFFIXES:
        if cleaned.removesuffix(suffix) in (*EDUCATIONS, *EDUCATION_ALIASES):
            cleaned = cleaned.removesuffix(suffix)
    return _match(
        cleaned or text,
        EDUCATIONS,
        EDUCATION_ALIASES,
        "不是能识别的学历。",
        "请填写如“大学本科”“大学专科”“普通高中”这样的学历名称。",
    )


def match_degree(text: str) -> str:
    """博士, 博士学位, 无学位 … → a DEGREES label."""
    return _match(
        text, DEGREES, _DEGREE_ALIASES, "不是能识别的学位。", "请填写博士、硕士、学士或无。"
    )


def match_sex(text: str) -> str:
    """男, 男性, 女, 女性 → 男 or 女."""
    return _match(text, SEXES, _SEX_ALIASES, "不是能识别的性别。", "请填写“男”或“女”。")


def match_job_post(text: str) -> str:
    """A 工作岗位 label, a short form (企业管理人员, 退休, 学生 …) or a code → the label."""
    return _match(
        text,
        JOB_POSTS,
        _JOB_POST_ALIASES,
        "不是能识别的工作岗位。",
        "请从列表中选择，如“非公有制企业管理人员”“工勤技能人员”“离退休人员”。",
    )


def match_leave_kind(text: str) -> str:
    """转出, 死亡, 出党 (or 开除党籍, 除名, 自行脱党, 劝退) → a LEAVE_KINDS label."""
    return _match(
        text,
        LEAVE_KINDS,
        _LEAVE_KIND_ALIASES,
        "不是能识别的离开方式。",
        "请填写转出、死亡、出党或停止党籍。",
    )

"""Quantity families from the session-5 hand-read samples (docs/indicator-sample.md).

A synthetic report (tests/fixtures/quantities-genre-families-2039.txt, invented names) holds one
sentence per family; each test names the shape and what a reader expects.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.loaders.quantities import extract_quantities
from kg.model import Qualifier, Status
from kg.pipeline import parse

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2039.txt"


def test_a_word_opening_a_phrase_keeps_its_first_character(by) -> None:
    assert by["40家"][0].indicator == "中试平台和概念验证中心首批建设备案"  # 中 of 中试 is no frame
    assert by["300家"][0].indicator == "上市公司首破"  # 上 of 上市 is not 以上's
    assert by["41张"][0].indicator.endswith("有机产品认证证书")  # 有 of 有机 is no lead verb
    assert by["594亿元"][0].indicator == "中央财政用于“两个确保”的资金"  # the year opens, 中央 stays


def test_a_milestone_without_unit_is_a_member_of_the_list(by) -> None:
    assert by["300平方公里"][0].indicator == "工业用地"


def test_ordinal_sectors_without_ye_split(by) -> None:
    assert [by[s][0].indicator for s in ("3.6%", "1.2%", "4.1%")] == ["第一产业", "第二产业", "第三产业"]
    assert [by[s][0].indicator for s in ("5%", "6%", "4.8%")][1:] == ["第二产业增加值", "第三产业增加值"]


def test_a_list_of_ordinals_is_no_quantity(by) -> None:
    assert "2位" not in by and "1" not in by


def test_he_of_hemei_opens_the_counted_noun(by) -> None:
    assert by["21个"][0].indicator.startswith("和美乡村省级中心村")


def test_a_level_after_a_count_names_the_class(by) -> None:
    assert "50户" not in by
    assert by["超230个"][0].indicator.startswith("50户以上木质房屋连片村寨")


def test_a_money_level_before_a_minimum_count_is_a_threshold(by) -> None:
    assert "10亿元" not in by and "50亿元" not in by
    assert by["10个"][0].qualifier == Qualifier.GE


def test_a_count_before_the_next_figures_verb_counts_its_noun(by) -> None:
    assert by["3个"][0].indicator == "省际产业合作园区"
    assert "累计引进" in by["31个"][0].indicator


def test_a_stage_verb_before_an_enumeration_stays(by) -> None:
    assert [by[s][0].indicator for s in ("16个", "39个", "13个")] == ["新开工重点项目", "续建重点项目", "建成重点项目"]


def test_a_run_after_a_figure_of_the_list_takes_its_subject(by) -> None:
    assert by["24个月"][0].indicator == "高技术制造业增加值连续保持两位数增长"


def test_a_list_that_fits_is_not_cut_at_its_enumeration_comma(by) -> None:
    assert by["2万亿元"][0].indicator == "新材料、生物医药、人工智能三大先导产业规模"


def test_wei_before_a_counted_noun_is_for_not_a_copula(by) -> None:
    assert by["41.3万户"][0].indicator == "经营主体减免税费"


def test_kuaguo_is_more_than(by) -> None:
    assert by["3万亿元"][0].qualifier == Qualifier.GT


def test_this_year_so_far_is_an_actual(by) -> None:
    q = by["百分之十五点七"][0]
    assert (q.status, q.year) == (Status.ACTUAL, 2039)


def test_a_qualifier_after_the_figure_before_is_skipped_as_a_word(by) -> None:
    assert by["91%"][0].indicator == "换乘比例"  # 50米内: 内 closes that figure


def test_a_relative_clause_before_the_next_figure_stays_with_the_count(by) -> None:
    assert by["4批次"][0].indicator == "参加省集中开工"  # "…开工的263个项目": no cut at 开工
    assert by["27个"][0].indicator == "试点乡镇"  # 新引进 is one verb


def test_a_quoted_name_inside_a_phrase_that_fits_is_not_a_cut(by) -> None:
    assert by["23679套"][0].indicator.endswith("不动产“办证难”历史遗留问题")


def test_a_long_numbered_topic_names_the_share(by) -> None:
    assert by["百分之七十五点一"][0].indicator == "工业的产值在工业总产值中所占的比重"
    assert by["百分之六十一"][0].year == 2032


def test_an_unmarked_list_of_rates_shares_the_compound_head(by) -> None:
    assert by["94%"][0].indicator.endswith("养老保险参保率")


def test_an_investment_before_de_is_that_projects(by) -> None:
    assert by["119亿元"][0].indicator == "东岭绿色化工项目投资"


def test_a_bare_stage_takes_the_noun_of_the_stage_before(by) -> None:
    assert by["198个"][0].indicator == "新竣工达产项目"


def test_he_of_hemei_is_no_lead_conjunction(by) -> None:
    assert by["40%"][0].indicator == "和美乡村覆盖率"


def test_a_bare_reach_verb_takes_the_clause_before(by) -> None:
    assert by["1100多万人"][0].indicator == "向困难群众发放一次性生活补助惠及"
    assert by["232.4万人次"][0].indicator == "城乡低保、临时救助金惠及"


def test_an_annual_average_takes_the_figure_before(by) -> None:
    assert by["８．６％"][0].indicator == "农民人均纯收入"


def test_a_bare_comparison_keeps_the_year_of_the_clause_before(by) -> None:
    assert by["14.5％"][0].year == 2037


def test_a_class_of_crimes_is_no_count(by) -> None:
    assert "五类" not in by


def test_the_first_quarter_so_far_is_an_actual(by) -> None:
    assert by["６２％"][0].status == Status.ACTUAL


def test_a_named_set_opening_a_clause_is_no_count(by) -> None:
    assert "四大" not in by and "三大" not in by
    assert by["1.6万亿元"][0].indicator == "四大主导产业规模"


def test_a_second_measure_of_the_same_subject_drops_the_first_measure(by) -> None:
    assert by["37.6亿元"][0].indicator == "凯翼汽车营收"


def test_paired_numerals_across_a_list_make_a_slogan(by) -> None:
    assert "两种" not in by and "两个" not in by


def test_quarters_are_a_duration_unit(by) -> None:
    assert by["6个季度"][0].unit == "个季度"


def test_a_total_investment_of_the_counted_projects(by) -> None:
    assert by["162亿元"][0].indicator == "74个项目总投资"


def test_qizhong_with_a_scope_names_the_part_of_the_whole(by) -> None:
    assert by["10.5万辆"][0].indicator == "农村新能源汽车保有量"
    assert by["11家"][0].indicator == "国家级各类创新平台"


def test_a_start_value_has_its_own_year_and_a_relative_topic(by) -> None:
    start, end = by["百分之四十二"][0], by["百分之六十"][0]
    assert (start.status, start.year) == (Status.ACTUAL, 2037)
    assert (end.status, end.year) == (Status.TARGET, 2039)
    assert start.indicator == end.indicator == "由国内制造的部分"


def test_a_total_after_a_new_count_names_the_noun(by) -> None:
    assert by["1524户"][0].indicator == "规模以上工业企业总数"


def test_a_class_with_ji_yishang_is_part_of_the_noun(by) -> None:
    assert "三类" not in by
    assert by["100%"][0].indicator == "国控、省控断面三类及以上水质比例"


def test_a_fund_of_a_size(by) -> None:
    assert by["30亿元"][0].indicator == "绿色低碳产业基金规模"


def test_members_with_their_own_head_noun_are_not_padded(by) -> None:
    assert [by[s][0].indicator for s in ("7.8%", "23.3%")] == ["规上工业增加值", "地方一般公共预算收入"]


def test_a_space_inside_a_word_is_joined(by) -> None:
    assert by["十大"][0].indicator == "实施工程"


def test_standards_and_named_sets_are_no_quantities(by) -> None:
    for s in ("4.5米", "3公里", "三大", "两类", "六项", "十条"):
        assert s not in by, s


def test_a_share_of_the_people_after_de(by) -> None:
    assert by["67.5%"][0].indicator == "初中毕业生就读普通高中"


def test_members_take_what_follows_their_shared_word_in_the_last(by) -> None:
    assert by["15.3%"][0].indicator == "脱贫人口人均纯收入"
    assert by["49.2％"][0].indicator == "民间投资占比"


def test_a_scale_after_a_from_to_takes_its_subject(by) -> None:
    assert by["6.3倍"][0].indicator == "财政收入规模"


def test_the_field_of_a_ranking_without_wei(by) -> None:
    assert "15个" not in by


def test_net_additions_and_their_total(by) -> None:
    assert by["20户"][0].indicator == "净增高新技术企业"
    assert by["2832户"][0].indicator == "高新技术企业总量"


def test_a_run_after_the_predicate_of_the_run_before(by) -> None:
    assert by["四年"][0].indicator == "乡村振兴省考核连续获“优秀”等次"


def test_ronghuo_keeps_its_award(by) -> None:
    assert by["2个"][0].indicator.startswith("项目荣获")


def test_money_levels_naming_a_class_after_a_count_or_chao(by) -> None:
    assert "50万元" not in by and "超千亿元" not in by and "超10万元" not in by
    assert by["46个"][0].indicator.endswith("农村集体经济收入50万元以上行政村")
    assert by["17个"][0].indicator == "经济总量超千亿元的县域"


def test_the_end_of_a_from_to_with_another_verb(by) -> None:
    assert (by["37个"][0].year, by["92个"][0].year) == (2037, 2038)
    assert by["92个"][0].indicator == "跨部门综合监管事项"


def test_a_named_set_with_a_predicate_is_no_count(by) -> None:
    assert "五大" not in by


def test_ji_da_takes_the_figure_before(by) -> None:
    assert by["四十二万五千人"][0].indicator == "幼儿园幼儿数"


def test_n_aspects_is_the_reports_enumeration(by) -> None:
    assert "6个" not in by


def test_a_proposed_figure_takes_the_topic_clause(by) -> None:
    assert by["六百八十八亿三千万元"][0].indicator.endswith("农业和农副业总产值")


# --- session 5, second helper: families of the seed-8128 draw (fixture ...-2040.txt) ---

FIXTURE_2040 = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-genre-families-2040.txt"


@pytest.fixture(scope="module")
def by40():
    out: dict[str, list] = {}
    for q in extract_quantities(parse(FIXTURE_2040)):
        out.setdefault(q.surface, []).append(q)
    return out


def test_a_bare_second_measure_takes_the_subject_of_the_figure_before(by40) -> None:
    assert by40["17%"][0].indicator == "医药及康养产业增加值"
    assert by40["300亿元"][0].indicator == "市属国企营业收入"
    assert by40["7亿元"][0].indicator == "市属国企利润总额"


def test_service_trade_keeps_its_service(by40) -> None:
    assert by40["400亿元"][0].indicator == "服务贸易进出口总额"


def test_petaflops_is_a_unit(by40) -> None:
    assert by40["2.3万PF"][0].indicator == "总算力"
    assert by40["30倍"][0].indicator == "总算力"


def test_a_size_before_a_class_of_units_is_no_quantity(by40) -> None:
    assert "60万千瓦" not in by40


def test_counts_naming_a_set_are_no_quantity(by40) -> None:
    assert "十项" not in by40 and "九条" not in by40 and "107项" not in by40 and "4种" not in by40
    assert by40["237亿元"][0].indicator == "市级九条重点产业链营业收入"
    assert by40["385个"][0].indicator.startswith("计划新开工项目")


def test_a_further_new_count_keeps_new_and_takes_the_noun_before(by40) -> None:
    assert by40["13件"][0].indicator == "省定民生实事"  # 的基础上 is no part of the noun
    assert by40["4件"][0].indicator == "新增省定民生实事"


def test_a_listed_company_and_an_a_grade_site_are_counted_nouns(by40) -> None:
    assert by40["3家"][0].indicator == "新增上市公司"  # 上市 opens the noun, no verb stop
    assert by40["5个"][0].indicator == "新增4A级景区"  # a grade with a digit opens the noun


def test_list_members_share_a_per_head_standard_and_drop_the_next_members_conjunct(by40) -> None:
    assert by40["40元"][0].indicator == "居民医保人均财政补助标准"
    assert by40["7元"][0].indicator == "基本公共卫生服务经费人均财政补助标准"
    assert by40["571亿元"][0].indicator == "小微企业商业价值信用贷款改革试点发放贷款"


def test_m_of_n_counts_what_the_part_does(by40) -> None:
    assert by40["49项"][0].indicator == "企业调查测评点"
    assert by40["21项"][0].indicator == "测评点中达到全球最优水平"


def test_framing_words_of_the_dev_draw(by40) -> None:
    assert by40["3家"][1].indicator == "新增加速器"  # 加速 of 加速器 is no lead word
    assert by40["3万吨"][0].indicator.endswith("碳中和")  # 和 of 碳中和 is no conjunction
    assert by40["14个百分点"][0].indicator == "中心城区污水收集率"  # 再 before the verb
    assert by40["百分之九"][0].indicator == "零售物价上涨幅度"  # 把 … 控制在
    assert by40["１１．３％"][0].indicator == "国民生产总值"  # 按可比价格计算平均每年


def test_members_before_deng_fangmian_and_a_pair_restated(by40) -> None:
    assert by40["１，４９７，６１７，０００元"][0].indicator == "农业、林业、水利等方面支出"
    assert "两个" not in by40  # 垃圾分类和物业管理两个关键小事: the count restates the pair


def test_a_measure_before_fenbie_with_members_in_the_clause_before(by40) -> None:
    assert [by40[s][0].indicator for s in ("21%", "11%")] == ["电子信息产业产值", "生物医药产业产值"]


def test_second_development_draw_families(by40) -> None:
    assert not any(k.endswith("亿项") for k in by40)  # 过百亿项目: 项 of 项目 is no unit
    assert "7大" not in by40 and by40["8000亿元"][0].indicator == "7大主导产业集群总产值"
    assert by40["一千一百零九万吨"][0].indicator == "钢产量"  # 使 is a framing word
    assert by40["十八亿亩"][0].indicator == "粮食面积"  # 力求 … 稳定在


def test_seed_8200_families(by40) -> None:
    assert by40["1772家"][0].indicator == "持牌金融机构总数"  # the total is not a new count
    assert by40["6.8万户"][0].indicator == "经营主体净增"  # 净增 is not split
    assert by40["1.4个百分点"][0].indicator == "社会消费品零售总额增速较全省高"
    assert "20万元" not in by40 and by40["71%"][0].indicator.endswith("村级集体经济组织比例")
    assert by40["18%"][0].indicator == "煤"  # a one-character product names its own figure


def test_seed_8201_families(by40) -> None:
    assert by40["8.8亿元"][0].indicator == "带动消费"  # 带动 stays before a bare 消费
    assert by40["81个"][0].indicator == "新备案超20亿元项目"
    assert by40["2.7万件次"][0].unit == "万件次"
    assert [by40[s][0].indicator for s in ("4.8%", "6.4%")] == ["GDP一季度", "GDP二季度"]
    assert by40["70.3亿元"][0].indicator == "青岚重工产值"  # 其中 + a name takes the measure before

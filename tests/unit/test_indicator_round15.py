"""Scope carried by clause (session 11, branch s11/ind15; docs/indicator-sample.md).

A synthetic report (tests/fixtures/quantities-clause-scope-2052.txt, invented names and figures) holds
one sentence per shape: a label that does not say what it counts, or whose, carries the scope its
sentence names earlier (the set a count before it names, the members a total sums, the named subject
a chain of clauses opens with); guards keep labels whose subject is measured, not acting.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quantities-clause-scope-2052.txt"


def test_projects_counted_after_deng_are_the_projects_a_count_before_names(by) -> None:
    assert by["12个"][0].indicator == "3亿元以上装备制造项目开工建设"
    assert by["9个"][0].indicator == "3亿元以上装备制造项目建成投产"


def test_projects_counted_after_deng_take_a_short_topic_sentence(by) -> None:
    assert by["7个"][0].indicator == "新型建材项目竣工投产"


def test_a_count_before_that_is_one_member_of_a_list_names_no_set(by) -> None:
    assert by["58个"][0].indicator == "项目开工"  # of 双创 and 技改提升 both: which is unsaid


def test_a_total_keeps_its_members_scope_not_a_members_grade(by) -> None:
    assert by["702家"][0].indicator == "建筑业资质企业总数"


def test_a_verb_initial_clause_carries_the_subject_its_chain_opens_with(by) -> None:
    assert by["近2600个"][0].indicator == "“青川政务地图”汇聚服务场所"


def test_a_later_list_member_carries_its_clauses_subject_and_verb(by) -> None:
    assert by["2万余元"][0].indicator == "乡村旅游“百村千户”工程带动人均年增收"


def test_a_label_cut_inside_its_own_subject_is_mended(by) -> None:
    assert by["20多项"][0].indicator == "先进材料与智能制造省实验室累计解决企业“卡脖子”技术"


def test_a_programme_with_its_predicate_is_carried_to_the_next_clause(by) -> None:
    assert by["560人"][0].indicator == "“青川英才”行动新增科技领军人才"


def test_a_subject_carried_through_clauses_after_a_modal(by) -> None:
    assert by["超30个"][0].indicator == "3个省际产业合作园区招引亿元以上项目"


def test_a_measured_or_finished_subject_is_not_carried(by) -> None:
    assert by["120场"][0].indicator == "举办各类展会"  # 园区达到18处: measured, not acting
    assert by["6个"][0].indicator == "新增万吨级泊位"  # 航道扩建工程开工: the city's berths
    assert by["860名"][0].indicator == "引进高层次人才"  # 人才中心建成投用: the city's talents


def test_a_figure_after_qizhong_is_part_of_the_set_counted_before(by) -> None:
    assert by["0.93万户"][0].indicator == "净增企业"
    assert by["74个"][0].indicator == "引进亿元项目"
    assert by["900万千瓦"][0].indicator == "新增可再生能源装机"


def test_a_bare_rate_alone_in_its_clause_measures_the_object_before(by) -> None:
    assert by["55%"][0].indicator == "普惠托育机构覆盖率"
    assert by["99%"][0].indicator == "满意率"  # the clause before counts things of its own


def test_a_verb_and_bare_object_alone_are_the_result_of_the_activity_before(by) -> None:
    assert by["3100多个"][0].indicator == "背街小巷和农贸市场周边环境整治解决问题"
    assert by["4120个"][0].indicator == "“青川快办”实践活动解决问题"
    assert by["2600个"][0].indicator == "解决问题"  # 营商环境优化 is no activity the clause opens


def test_a_result_verb_alone_says_what_the_figure_before_brought_about(by) -> None:
    assert by["2.9万户"][0].indicator == "老旧小区改造惠及居民"
    assert by["41万人次"][0].indicator == "救助补助资金惠及困难群众"
    assert by["78％"][0].indicator == "覆盖面"  # a rate of the programme, no result of the count before


def test_a_share_after_qizhong_is_of_the_amount_past_its_change(by) -> None:
    assert by["47.5%"][0].indicator == "实际利用外资中制造业占比"  # 制造业 is a noun, no verb of its own


def test_a_counted_set_after_deng_takes_the_activity_the_clause_before_opens(by) -> None:
    assert by["14个"][0].indicator == "水污染防治攻坚专项整治行动"


def test_a_subject_with_a_modal_owns_the_measures_its_sentence_sets(by) -> None:
    assert by["超180家"][0].indicator == "青川经开区规上工业企业"
    assert by["超4家"][0].indicator == "青川经开区百亿企业"

"""Works, systems and quoted lists (issue 9, GUIDELINES §5): water works named by their
source and the work (…引水, …水资源配置, …防洪治理), a head word jieba glues to the stage
of work after it (工程建设), 制度体系 as one policy head, and quoted lists as Policy.
Synthetic sentences in the genre's shape; invented names (青禾, 云溪, 翠岭) except where
the rule is about a river the gazetteer knows."""

from __future__ import annotations


import pytest


from spans_of import names as _names


@pytest.mark.parametrize("text, name", [
    ("加快汉江水资源配置、青禾灌区建设。", "汉江水资源配置"),            # a water-allocation works
    ("推进淮河防洪治理等工程前期工作。", "淮河防洪治理"),                # flood-control works
    ("汉江引水、青禾灌区等重大水利工程加快建设。", "汉江引水"),          # a diversion, not a place
])
def test_water_works_are_programmes(text, name):
    assert _names(text).get(name) == "Programme"


@pytest.mark.parametrize("text, absent", [
    ("当年的人民劈山引水，开凿水渠。", "人民劈山引水"),          # an idiom of the history passages
    ("完善汉江引水输水管网及配套设施。", "汉江引水"),            # 引水 modifies the pipe network
])
def test_diversion_that_is_no_works(text, absent):
    assert absent not in _names(text)


@pytest.mark.parametrize("text, name", [
    ("完成青禾北供水工程建设。", "青禾北供水工程"),          # jieba's 工程建设 cut after the head
    ("加快云溪规模化供水工程进度。", "云溪规模化供水工程"),  # and 工程进度
])
def test_head_glued_to_the_stage_of_work(text, name):
    assert _names(text).get(name) == "Programme"


def test_building_trade_is_no_works():
    names = _names("排查化解工程建设领域欠薪问题。")
    assert not any(n.endswith("工程") for n in names)


def test_system_of_rules_is_one_policy_head():
    names = _names("首创全域“禁塑”制度体系，替代率超过八成。")
    assert names.get("全域“禁塑”制度体系") == "Policy"
    assert "全域“禁塑”制度" not in names


@pytest.mark.parametrize("text, name", [
    ("做实“五张清单”，推动项目落地。", "五张清单"),
    ("用好产业“一图三清单”，精准招商。", "一图三清单"),
])
def test_quoted_list_is_a_policy(text, name):
    assert _names(text).get(name) == "Policy"


def test_list_turned_into_something_is_a_figure():
    names = _names("把一张张“民生清单”变成“幸福清单”。")
    assert "民生清单" not in names and "幸福清单" not in names


def test_counted_quoted_lists_keep_their_count():
    assert _names("三张“零税率”清单落地实施。").get("三张“零税率”清单") == "Policy"


def test_grants_of_a_fund_name_the_fund():
    names = _names("国家自然科学基金项目获批立项数增长两成。")   # the national fund
    assert names.get("国家自然科学基金") == "Programme"
    assert "国家自然科学基金项目" not in names


@pytest.mark.parametrize("text, name", [
    ("建成大广高速吉安段改扩建工程。", "大广高速吉安段改扩建工程"),      # a road's section: from the road
    ("G72环城高速大云溪段扩容工程开工。", "G72环城高速大云溪段扩容工程"),
])
def test_works_on_a_road_section_start_at_the_road(text, name):
    assert _names(text).get(name) == "Programme"

"""find_figures is cached on (text, start, end): each call still hands back its own list."""

from kg.loaders.numbers import find_figures


def test_a_caller_changing_its_list_does_not_change_the_next_answer():
    text = "新增就业12万人，粮食产量达到500万吨。"
    first = find_figures(text)
    assert [f.unit for f in first] == ["万人", "万吨"]
    first.clear()
    again = find_figures(text)
    assert [f.unit for f in again] == ["万人", "万吨"]
    assert again is not first


def test_the_same_text_with_other_bounds_is_its_own_answer():
    text = "新增就业12万人，粮食产量达到500万吨。"
    assert [f.unit for f in find_figures(text, 0, 8)] == ["万人"]
    assert [f.unit for f in find_figures(text, 8)] == ["万吨"]
    assert [f.unit for f in find_figures(text, 0, None)] == ["万人", "万吨"]

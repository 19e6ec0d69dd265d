"""Reading numerals and figures (kg.loaders.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.loaders.numbers import find_figures, parse_number, to_chinese, unit_info


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_parse_number_round_trips_chinese_numerals(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_parse_number_reads_arabic_full_width_and_separated_digits(whole: int, frac: int) -> None:
    plain = f"{whole}.{frac:02d}"
    full_width = plain.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    separated = f"{whole:,}.{frac:02d}"
    expected = Decimal(plain)
    assert parse_number(plain) == parse_number(full_width) == parse_number(separated) == expected


@given(st.integers(min_value=1, max_value=10**8), st.integers(min_value=1, max_value=10**8))
def test_parse_number_is_monotone_in_chinese(a: int, b: int) -> None:
    x, y = parse_number(to_chinese(a)), parse_number(to_chinese(b))
    assert (a < b) == (x < y)


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99999.9"), places=1),
    st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]),
)
def test_magnitude_goes_with_the_unit_and_multiplies_out_exactly(value: Decimal, mag: tuple[str, int]) -> None:
    word, factor = mag
    text = f"收入{value}{word}元。"
    (fig,) = find_figures(text)
    assert fig.value == value
    assert fig.unit == f"{word}元"
    nv, nu = fig.normalised
    assert nu == "元"
    assert nv == value * factor


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("两万", 20000), ("千", 1000), ("百", 100), ("十", 10), ("二十", 20), ("三点五", Decimal("3.5")),
     ("一百零五", 105), ("两千万", 20_000_000), ("1.3万", 13000), ("2,630.2", Decimal("2630.2"))],
)
def test_parse_number_reads_the_genres_numerals(numeral: str, value: Decimal | int) -> None:
    assert parse_number(numeral) == value


@pytest.mark.parametrize("bad", ["", "abc", "十四五", "两翼", "1+3"])
def test_parse_number_rejects_what_is_not_a_number(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_number(bad)


def test_find_figures_reads_near_thousand_yi_as_1000_yi_yuan() -> None:
    (fig,) = find_figures("增加值近千亿元")
    assert (fig.value, fig.unit) == (1000, "亿元")
    assert fig.normalised == (Decimal(10) ** 11, "元")


def test_find_figures_reads_ranges_with_one_unit() -> None:
    (fig,) = find_figures("增长5%—6%。")
    assert (fig.value, fig.value_max, fig.unit) == (5, 6, "%")
    (fig,) = find_figures("新建3-5个。")
    assert (fig.value, fig.value_max, fig.unit) == (3, 5, "个")


def test_percentage_points_are_not_percent() -> None:
    (fig,) = find_figures("提高0.5个百分点")
    assert fig.unit == "个百分点"
    assert fig.normalised == (Decimal("0.5"), "百分点")
    assert unit_info("%").base == "%"


def test_per_unit_concentration_keeps_its_compound_unit() -> None:
    (fig,) = find_figures("年均浓度降至15.8微克/立方米")
    assert (fig.value, fig.unit) == (Decimal("15.8"), "微克/立方米")


def test_tenths_are_percent_after_normalisation() -> None:
    (fig,) = find_figures("比重近八成")
    assert fig.normalised == (80, "%")


def test_more_than_marker_is_kept() -> None:
    (fig,) = find_figures("为20多万居民")
    assert (fig.value, fig.unit, fig.more) == (20, "万", True)


def test_area_and_length_normalise_to_metres() -> None:
    a, b = find_figures("片区2.3平方公里，绿道6.8公里")
    assert a.normalised == (2300000, "平方米")
    assert b.normalised == (6800, "米")


def test_percent_in_words_and_full_width_percent() -> None:
    a, b, c = find_figures("增长百分之四点五，下降１２．５％，增长19·5％")
    assert (a.value, a.unit) == (Decimal("4.5"), "%")
    assert (b.value, b.unit) == (Decimal("12.5"), "%")
    assert (c.value, c.unit) == (Decimal("19.5"), "%")


def test_chinese_numerals_with_inner_magnitudes() -> None:
    (fig,) = find_figures("粮食产量一万三千亿斤")
    assert (fig.value, fig.unit) == (13000, "亿斤")
    assert fig.normalised == (Decimal("1.3E+12"), "斤")


def test_prices_per_unit_normalise_to_yuan() -> None:
    (fig,) = find_figures("平均电价下降5分/千瓦时")
    assert fig.unit == "分/千瓦时"
    assert fig.normalised == (Decimal("0.05"), "元/千瓦时")


def test_units_starting_with_a_numeral_character_are_not_eaten_by_the_number() -> None:
    (fig,) = [f for f in find_figures("发电量六千一百八十亿千瓦小时，装机九百一十二万千瓦") if f.value == 6180]
    assert fig.unit == "亿千瓦小时"
    assert fig.normalised == (Decimal("618000000000"), "千瓦时")
    (fig,) = [f for f in find_figures("装机九百一十二万千瓦") if f.unit]
    assert (fig.value, fig.unit) == (912, "万千瓦")


def test_spaced_out_digits_of_older_texts_are_one_number() -> None:
    (fig,) = find_figures("人均纯收入达到2 0 9 0 元，")
    assert (fig.value, fig.unit) == (2090, "元")


def test_two_or_three_is_vague_not_twenty_three() -> None:
    assert not [f for f in find_figures("力争在两三年内打开局面") if f.unit]
    with pytest.raises(ValueError):
        parse_number("两三")


def test_full_width_thousands_separator_of_older_texts() -> None:
    a, b = [f for f in find_figures("社会商品零售总额1，753亿元，比上年增加225亿元") if f.unit]
    assert (a.value, a.unit, b.value) == (1753, "亿元", 225)
    c, d = [f for f in find_figures("增长5%，100家企业") if f.unit]
    assert (c.value, d.value) == (5, 100)


@pytest.mark.parametrize(
    ("text", "value", "unit", "normalised"),
    [
        ("四十二亿七千万斤", "42.7", "亿斤", ("4270000000", "斤")),
        ("十亿八千万吨", "10.8", "亿吨", ("1080000000", "吨")),
        ("百分之四十一點五", "41.5", "%", ("41.5", "%")),
        ("近万亿元", "10000", "亿元", ("1000000000000", "元")),
        ("50万吨/日", "50", "万吨/日", ("500000", "吨/日")),
        ("6.5张/千人", "6.5", "张/千人", ("6.5", "张/千人")),
        ("1.2万套（间）", "1.2", "万套（间）", ("12000", "套（间）")),
        ("3万人年", "3", "万人年", ("30000", "人年")),
        ("十大类", "10", "大类", ("10", "大类")),
        ("74.4\n万亿元", "74.4", "万亿元", ("74400000000000", "元")),
    ],
)
def test_genre_forms_of_numerals_and_units(text: str, value: str, unit: str, normalised: tuple[str, str]) -> None:
    f = find_figures(text)[0]
    assert (f.value, f.unit) == (Decimal(value), unit)
    assert f.normalised == (Decimal(normalised[0]), normalised[1])
    assert text[f.start : f.end] == text.removeprefix("近")


def test_person_years_back_off_before_an_average() -> None:
    f = find_figures("惠及10万人年均增收")[0]
    assert (f.unit, f.end) == ("万人", 6)


def test_traditional_magnitudes_read_like_simplified_ones() -> None:
    """Older national reports are in traditional characters: 億 and 萬 are 亿 and 万."""
    from kg.loaders.numbers import find_figures

    text = "選民共三億一千二百零五萬四千人，投資八千萬元"
    figs = [f for f in find_figures(text) if f.unit]
    assert [(text[f.start : f.end], f.value, f.unit) for f in figs] == [
        ("三億一千二百零五萬四千人", Decimal("312054000"), "人"), ("八千萬元", Decimal("8000"), "万元")]


def test_traditional_measure_words_read_as_simplified_with_the_same_offsets() -> None:
    from kg.loaders.numbers import find_figures

    text = "原煤八千萬噸，公路三千公裏，工廠十個"
    got = [(f.unit, text[f.start : f.end]) for f in find_figures(text)]
    assert got == [("万吨", "八千萬噸"), ("公里", "三千公裏"), ("个", "十個")]

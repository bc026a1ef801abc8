"""Alias merging and place linking, on hand-made mentions (no model needed)."""

from __future__ import annotations

from kg.records import Extraction, Mention
from kg.ingest import Article
from kg.places import gazetteer, link_place
from kg.resolve import resolve


def extraction(aid: str, text: str, ents: list[tuple[str, str]]) -> Extraction:
    art = Article(id=aid, source=f"{aid}.txt", text=text, offsets=[(0, 0)])
    ex = Extraction(art, [(0, len(text))])
    for surface, label in ents:
        start = text.index(surface)
        ex.mentions.append(Mention(aid, start, start + len(surface), surface, label, 0))
    return ex


def by_label(res, label: str):
    return next(e for e in res.entities.values() if e.label == label)


def test_short_and_full_place_names_are_one_entity_with_a_code() -> None:
    exs = [
        extraction("a1", "株洲市今天召开会议。", [("株洲市", "PLACE")]),
        extraction("a2", "株洲的企业加快复工。", [("株洲", "PLACE")]),
    ]
    res = resolve(exs)
    zz = by_label(res, "株洲市")
    assert zz.aliases == {"株洲"} and zz.mentions == 2 and zz.admin_code == "4302"
    assert [e.label for e in res.entities.values() if e.type == "PLACE" and e.origin == "text"] == ["株洲市"]
    # the province above it is added for queries by province
    assert by_label(res, "湖南省").origin == "division"
    assert any(h == zz.id and t == "place-43" and r.kind == "part_of" for h, t, r in res.relations)


def test_company_short_name_joins_its_registered_name() -> None:
    text = "株洲恒远电机股份有限公司扩产。恒远电机的订单增长。"
    res = resolve([extraction("a1", text, [("株洲恒远电机股份有限公司", "COMPANY"), ("恒远电机", "ORG")])])
    ent = by_label(res, "株洲恒远电机股份有限公司")
    assert ent.type == "COMPANY" and ent.aliases == {"恒远电机"} and ent.mentions == 2
    assert [e.label for e in res.entities.values() if e.origin == "text"] == ["株洲恒远电机股份有限公司"]
    # the place in its name becomes a (derived) place it is located in
    city = by_label(res, "株洲市")
    assert city.origin == "name" and city.mentions == 0
    assert any(h == ent.id and t == city.id and r.kind == "located_in" for h, t, r in res.relations)


def test_zone_abbreviation_joins_the_long_name() -> None:
    text = "株洲经济技术开发区项目多。株洲经开区管委会。"
    res = resolve([extraction("a1", text, [("株洲经济技术开发区", "ORG"), ("株洲经开区", "ORG")])])
    assert by_label(res, "株洲经济技术开发区").aliases == {"株洲经开区"}


def test_a_hospital_named_after_its_university_joins_the_full_name() -> None:
    text = "南岭医科大学附属仁和医院开设门诊。仁和医院院长介绍。研究生院扩招。南岭大学研究生院。"
    ents = [("南岭医科大学附属仁和医院", "ORG"), ("仁和医院", "ORG"), ("研究生院", "ORG"), ("南岭大学研究生院", "ORG")]
    res = resolve([extraction("a1", text, ents)])
    assert by_label(res, "南岭医科大学附属仁和医院").aliases == {"仁和医院"}
    assert by_label(res, "南岭大学研究生院").aliases == set()  # a graduate school is a kind, not a name


def test_a_company_named_after_its_country_joins_its_own_name() -> None:
    text = "美国总统访华。美国克莱德公司扩产。克莱德公司股价上涨。美国石油公司减产。石油公司亏损。美国国务院表态。国务院开会。"
    ents = [("美国", "PLACE"), ("美国克莱德公司", "COMPANY"), ("克莱德公司", "COMPANY"), ("美国石油公司", "COMPANY"),
            ("石油公司", "COMPANY"), ("美国国务院", "ORG"), ("国务院", "ORG")]
    res = resolve([extraction("a1", text, ents)])
    assert by_label(res, "美国克莱德公司").aliases == {"克莱德公司"}
    assert by_label(res, "美国石油公司").aliases == set()  # 石油公司 is a trade
    assert by_label(res, "美国国务院").aliases == set()  # not a company: 国务院 is another body


def test_a_listed_companys_short_name_of_first_characters_joins_its_full_name() -> None:
    text = "沅江电机股份有限公司发布公告。沅电股份股价上涨。77国集团发表声明，7国集团峰会召开。"
    ents = [("沅江电机股份有限公司", "COMPANY"), ("沅电股份", "COMPANY"), ("77国集团", "COMPANY"), ("7国集团", "COMPANY")]
    res = resolve([extraction("a1", text, ents)])
    assert by_label(res, "沅江电机股份有限公司").aliases == {"沅电股份"}
    assert by_label(res, "77国集团").aliases == set()


def test_a_city_under_its_province_directly_has_no_grouping_row_above_it() -> None:
    gaz = gazetteer()
    [code] = [c for c, _ in gaz.candidates("文昌市")]
    assert [gaz.name[a] for a in gaz.ancestors(code)] == ["海南省"]  # not 省直辖县级行政区划
    assert not gaz.candidates("省直辖县级行政区划") and not gaz.candidates("市辖区")


def test_a_clubs_team_is_the_club() -> None:
    text = "湖南湘岳足球俱乐部主场获胜。湘岳队主教练说。巴西圣保罗足球俱乐部来访，巴西队也来了。"
    ents = [("湖南湘岳足球俱乐部", "ORG"), ("湘岳队", "ORG"), ("巴西圣保罗足球俱乐部", "ORG"), ("巴西队", "ORG")]
    res = resolve([extraction("a1", text, ents)])
    assert by_label(res, "湖南湘岳足球俱乐部").aliases == {"湘岳队"}
    assert by_label(res, "巴西圣保罗足球俱乐部").aliases == set()  # a country's team is no club's


def test_a_places_party_committee_abbreviates_none_of_its_bodies() -> None:
    text = "株洲市发展改革委发布通知。株洲市发改委负责解读。株洲市委召开会议。"
    res = resolve([extraction("a1", text, [("株洲市发展改革委", "ORG"), ("株洲市发改委", "ORG"), ("株洲市委", "ORG")])])
    assert by_label(res, "株洲市发展改革委").aliases == {"株洲市发改委"}
    assert by_label(res, "株洲市委").aliases == set()


def test_a_districts_body_named_without_its_city_is_that_body_and_its_units_part_of_it() -> None:
    text = "成都市武侯区人民法院审结一起案件。据武侯区人民法院民事审判庭庭长介绍，案件已执行完毕。"
    ents = [("成都市武侯区人民法院", "ORG"), ("武侯区人民法院民事审判庭", "ORG")]
    res = resolve([extraction("a1", text, ents)])
    parts = {(res.entities[h].label, res.entities[t].label) for h, t, r in res.relations if r.kind == "part_of"}
    assert ("武侯区人民法院民事审判庭", "成都市武侯区人民法院") in parts
    # and a unit named with the body's name without 人民
    text = "江西省人民检察院发布案例。江西省检察院第四检察部主任邓川介绍。"
    res = resolve([extraction("a1", text, [("江西省人民检察院", "ORG"), ("江西省检察院第四检察部", "ORG")])])
    parts = {(res.entities[h].label, res.entities[t].label) for h, t, r in res.relations if r.kind == "part_of"}
    assert ("江西省检察院第四检察部", "江西省人民检察院") in parts
    # and the body itself named without 人民 in one article, with it in another
    res = resolve([extraction("a1", "江西省人民检察院发布案例。", [("江西省人民检察院", "ORG")]),
                   extraction("a2", "江西省检察院检察长出席。", [("江西省检察院", "ORG")])])
    assert by_label(res, "江西省人民检察院").aliases == {"江西省检察院"}
    # a district of another city is another body
    res = resolve([extraction("a1", "长沙市天心区人民法院开庭。天心区人民法院发布公告。", [("长沙市天心区人民法院", "ORG"), ("天心区人民法院", "ORG")])])
    assert by_label(res, "长沙市天心区人民法院").aliases == {"天心区人民法院"}
    res = resolve([extraction("a1", "株洲市天心区人民法院开庭。天心区人民法院发布公告。", [("株洲市天心区人民法院", "ORG"), ("天心区人民法院", "ORG")])])
    assert by_label(res, "株洲市天心区人民法院").aliases == set()


def test_ambiguous_town_is_decided_by_the_county_nearby() -> None:
    gaz = gazetteer()
    assert {c for c, _ in gaz.candidates("新泉镇")} >= {"430624117", "350825105"}
    assert link_place("新泉镇", "连城县新泉镇抢抓农时", gaz) == "350825105"
    assert link_place("新泉镇", "湘阴县新泉镇疫情防控", gaz) == "430624117"
    assert link_place("新泉镇", "新泉镇的春耕", gaz) == ""


def test_city_wins_over_its_namesake_county() -> None:
    assert link_place("长沙", "长沙的天气", gazetteer()) == "4301"


def test_same_name_is_one_person_across_articles() -> None:
    exs = [
        extraction("a1", "赵广林介绍情况。", [("赵广林", "PERSON")]),
        extraction("a2", "赵广林表示满意。", [("赵广林", "PERSON")]),
    ]
    res = resolve(exs)
    person = by_label(res, "赵广林")
    assert person.mentions == 2 and person.articles == {"a1", "a2"}


def test_an_anonymous_name_is_one_person_per_article() -> None:
    exs = [
        extraction("a1", "市民李先生说，他家门口的路修好了。李先生很高兴。", [("李先生", "PERSON"), ("李先生", "PERSON")]),
        extraction("a2", "记者联系到李先生，他表示已经退款。", [("李先生", "PERSON")]),
        extraction("a3", "被告人张某当庭认罪。张伟出庭作证。", [("张某", "PERSON"), ("张伟", "PERSON")]),
        extraction("a4", "张伟在会上发言。", [("张伟", "PERSON")]),
    ]
    res = resolve(exs)
    mr_li = sorted((e.articles, e.mentions) for e in res.entities.values() if e.label == "李先生")
    assert mr_li == [({"a1"}, 2), ({"a2"}, 1)]
    assert [e.articles for e in res.entities.values() if e.label == "张某"] == [{"a3"}]
    assert by_label(res, "张伟").articles == {"a3", "a4"}  # a full name is still one person


def test_organization_named_after_a_place_is_located_there() -> None:
    text = "株洲市工信局发布通知。株洲市加快发展。"
    res = resolve([extraction("a1", text, [("株洲市工信局", "ORG"), ("株洲市", "PLACE")])])
    org, city = by_label(res, "株洲市工信局"), by_label(res, "株洲市")
    assert any(h == org.id and t == city.id and r.kind == "located_in" for h, t, r in res.relations)
    # in the last division its name runs through, itself within the province
    text = "海南省琼海市公安局发布通告。海南省加快发展。"
    res = resolve([extraction("a1", text, [("海南省琼海市公安局", "ORG"), ("海南省", "PLACE")])])
    located = {(res.entities[h].label, res.entities[t].label) for h, t, r in res.relations if r.kind == "located_in"}
    parts = {(res.entities[h].label, res.entities[t].label) for h, t, r in res.relations if r.kind == "part_of"}
    assert located == {("海南省琼海市公安局", "琼海市")} and ("琼海市", "海南省") in parts
    # after a brand in Latin letters too
    text = "XYZ广东衡岳通信有限公司发布新品。广东加快发展。"
    res = resolve([extraction("a1", text, [("XYZ广东衡岳通信有限公司", "COMPANY"), ("广东", "PLACE")])])
    located = {(res.entities[h].label, res.entities[t].label) for h, t, r in res.relations if r.kind == "located_in"}
    assert located == {("XYZ广东衡岳通信有限公司", "广东省")}


def test_result_does_not_depend_on_order() -> None:
    exs = [
        extraction("a1", "株洲市今天召开会议。", [("株洲市", "PLACE")]),
        extraction("a2", "株洲的恒远电机扩产，株洲恒远电机股份有限公司。", [("株洲", "PLACE"), ("恒远电机", "ORG"), ("株洲恒远电机股份有限公司", "COMPANY")]),
    ]
    a, b = resolve(exs), resolve(list(reversed(exs)))
    assert {k: (e.label, e.type, sorted(e.aliases), e.mentions) for k, e in a.entities.items()} == {
        k: (e.label, e.type, sorted(e.aliases), e.mentions) for k, e in b.entities.items()
    }


def test_a_role_is_dropped_when_the_resolved_entity_cannot_hold_it() -> None:
    from kg.records import Relation

    exs = [extraction("a1", "株洲的春耕开始了。", [("株洲", "PLACE")]),
           extraction("a2", "株洲市的企业复工。", [("株洲市", "PLACE")])]
    ex = extraction("a3", "株洲总经理王立新、株洲市长李强出席。", [("株洲", "ORG"), ("王立新", "PERSON"), ("李强", "PERSON")])
    ex.mentions.insert(2, Mention("a3", 9, 11, "株洲", "PLACE", 0))  # the second 株洲, tagged a place
    ex.relations += [Relation("affiliation", 1, 0, "总经理"), Relation("affiliation", 3, 2, "市长")]
    res = resolve([*exs, ex])
    city = by_label(res, "株洲市")
    assert city.type == "PLACE" and city.mentions == 4  # the ORG tag is outvoted
    roles = {(res.entities[h].label, r.role, res.entities[t].label) for h, t, r in res.relations if r.kind == "affiliation"}
    assert roles == {("李强", "市长", "株洲市")}  # a general manager of a city is a misread, the mayor is not


def test_a_defined_short_name_joins_its_full_name() -> None:
    text = "中国工商银行股份有限公司（以下简称“工行”）与多家企业签约。工行表示将加大信贷投放。"
    ex = extraction("a1", text, [("中国工商银行股份有限公司", "COMPANY"), ("工行", "COMPANY")])
    ex.aliases.append(("工行", "中国工商银行股份有限公司"))
    ex2 = extraction("a2", "工行发布年报。", [("工行", "COMPANY")])
    res = resolve([ex, ex2])
    bank = by_label(res, "中国工商银行股份有限公司")
    assert bank.aliases == {"工行"} and bank.articles == {"a1", "a2"}
    assert [e.label for e in res.entities.values() if e.type == "COMPANY"] == ["中国工商银行股份有限公司"]


def test_a_team_is_one_entity_with_and_without_its_word_for_team() -> None:
    exs = [
        extraction("a1", "岳阳龙舟队夺得冠军。", [("岳阳龙舟队", "ORG")]),
        extraction("a2", "岳阳龙舟主教练表示满意。", [("岳阳龙舟", "ORG")]),
    ]
    res = resolve(exs)
    team = by_label(res, "岳阳龙舟队")
    assert team.aliases == {"岳阳龙舟"} and team.mentions == 2
    # a paper's or a university's team is not the paper or the university
    res = resolve([extraction("a1", "南湖日报队获胜，南湖日报报道了比赛。", [("南湖日报队", "ORG"), ("南湖日报", "ORG")])])
    assert {e.label for e in res.entities.values()} == {"南湖日报队", "南湖日报"}
    # a club's team called with or without its city, its word for team or club, by other articles
    exs = [
        extraction("a1", "天津泰达队主场取胜。", [("天津泰达队", "ORG")]),
        extraction("a2", "泰达主教练表示满意，天津足球队也来观战。", [("泰达", "COMPANY"), ("天津足球队", "ORG")]),
        extraction("a3", "泰达俱乐部发布公告，泰达队下周出征。", [("泰达俱乐部", "ORG"), ("泰达队", "ORG")]),
    ]
    res = resolve(exs)
    team = by_label(res, "天津泰达队")
    assert team.aliases == {"泰达", "泰达俱乐部", "泰达队"} and team.type == "ORG"
    assert by_label(res, "天津足球队").aliases == set()  # 足球 is a word, not the team's name


def test_this_paper_is_one_entity_with_the_paper_it_stands_for() -> None:
    a1 = extraction("a1", "江南日报今天创刊七十周年。", [("江南日报", "ORG")])
    a2 = extraction("a2", "本报讯 全市秋粮收购进入高峰。", [])
    a2.mentions.append(Mention("a2", 0, 2, "本报", "ORG", 0, "byline", refers="江南日报"))
    res = resolve([a1, a2])
    paper = by_label(res, "江南日报")
    assert paper.mentions == 2 and paper.articles == {"a1", "a2"} and paper.aliases == set()
    assert not any(e.label == "本报" for e in res.entities.values())


def test_a_body_named_by_its_level_alone_is_one_per_article() -> None:
    exs = [extraction(a, "村委会组织村民清理河道。", [("村委会", "ORG")]) for a in ("a1", "a2")]
    res = resolve(exs)
    assert sorted(e.articles for e in res.entities.values() if e.label == "村委会") == [{"a1"}, {"a2"}]


def test_a_company_called_by_its_name_and_gongsi_joins_its_registered_name() -> None:
    text = "湖南青岚茶油股份有限公司签下订单。青岚公司副总经理周敏说，基地将扩大。"
    ents = [("湖南青岚茶油股份有限公司", "COMPANY"), ("青岚公司", "COMPANY")]
    res = resolve([extraction("a1", text, ents)])
    assert by_label(res, "湖南青岚茶油股份有限公司").aliases == {"青岚公司"}
    # a place and 公司 is a company of that place, not this one
    text = "湖南岳阳楼茶业有限公司签下订单。岳阳公司也来了。"
    res = resolve([extraction("a1", text, [("湖南岳阳楼茶业有限公司", "COMPANY"), ("岳阳公司", "COMPANY")])])
    assert by_label(res, "岳阳公司").aliases == set()


def test_a_company_named_like_an_unlinked_place_is_not_located_there() -> None:
    # 长安 names a district and several towns: the text does not say which, and the carmaker is none
    text = "长安的街道很整洁。长安汽车发布新车。"
    res = resolve([extraction("a1", text, [("长安", "PLACE"), ("长安汽车", "COMPANY")])])
    assert by_label(res, "长安").admin_code == ""
    assert not [r for h, t, r in res.relations if r.kind == "located_in"]


def test_a_public_bodys_word_makes_an_organization_whatever_the_model_said() -> None:
    text = "西沟村党支部组织党员巡堤。清溪培粹学校开展线上教学。锦江购物中心照常营业。"
    ents = [("西沟村党支部", "COMPANY"), ("清溪培粹学校", "COMPANY"), ("锦江购物中心", "COMPANY")]
    res = resolve([extraction("a1", text, ents)])
    types = {e.label: e.type for e in res.entities.values()}
    assert (types["西沟村党支部"], types["清溪培粹学校"], types["锦江购物中心"]) == ("ORG", "ORG", "COMPANY")


def test_a_towns_short_name_needs_its_county_or_city_named() -> None:
    gaz = gazetteer()
    # 中华 is the short name of several 中华街道 and a 中华镇: a province named proves nothing
    assert link_place("中华", "湖南省的中华文化源远流长。", gaz) == ""
    exs = [
        extraction("a1", "北京大学今天开学。北京的秋天很美。", [("北京大学", "ORG"), ("北京", "PLACE")]),
        extraction("a2", "中华全国总工会发布报告。中华文化源远流长。", [("中华全国总工会", "ORG"), ("中华", "PLACE")]),
    ]
    res = resolve(exs)
    located = {(res.entities[h].label, res.entities[t].label) for h, t, r in res.relations if r.kind == "located_in"}
    assert ("北京大学", "北京市") in located
    assert not any(org == "中华全国总工会" for org, _ in located)


def test_a_province_or_city_outranks_a_town_or_county_of_its_short_name() -> None:
    gaz = gazetteer()
    # 上海 is the city, though 福州 (which has a 上海街道) is named; 河南 the province, though
    # 青海 (which has a 河南蒙古族自治县) is listed with it
    assert link_place("上海", "福州市的客商来到上海考察", gaz) == "31"
    assert link_place("河南", "甘肃、河南、青海的部分地区降雨偏少", gaz) == "41"
    # the county still wins where its city is named
    assert link_place("河南", "黄南藏族自治州河南县牧民转场", gaz) == "632324"
    # a district of a city still beats a city elsewhere when its city is named
    assert link_place("朝阳", "北京朝阳的商圈", gaz) == "110105"


def test_a_university_a_numbered_hospital_and_a_term_of_a_congress() -> None:
    text = ("湖南大学与湖南农业大学签约。中南大学湘雅医院和中南大学湘雅三医院派出专家。"
            "邵阳市第十八届人大常委会召开会议。邵阳市人大常委会主任主持。")
    names = ["湖南大学", "湖南农业大学", "中南大学湘雅医院", "中南大学湘雅三医院", "邵阳市第十八届人大常委会", "邵阳市人大常委会"]
    res = resolve([extraction("a1", text, [(n, "ORG") for n in names])])
    orgs = {e.label: e.aliases for e in res.entities.values() if e.type == "ORG"}
    # two universities and two hospitals, but one congress standing committee, named without
    # its term (the 18th), which changes every five years
    assert orgs == {"湖南大学": set(), "湖南农业大学": set(), "中南大学湘雅医院": set(), "中南大学湘雅三医院": set(),
                    "邵阳市人大常委会": {"邵阳市第十八届人大常委会"}}
    # a term written without 第 is a term too
    text = "衡阳市十四届人大常委会召开会议。衡阳市人大常委会主任主持。"
    res = resolve([extraction("a1", text, [("衡阳市十四届人大常委会", "ORG"), ("衡阳市人大常委会", "ORG")])])
    assert {e.label: e.aliases for e in res.entities.values() if e.type == "ORG"} == {"衡阳市人大常委会": {"衡阳市十四届人大常委会"}}


def test_a_squad_named_by_its_sport_is_an_organization() -> None:
    text = "湖南女排以1比3不敌天津女排。"
    res = resolve([extraction("a1", text, [("湖南女排", "COMPANY"), ("天津女排", "ORG")])])
    assert {e.label: e.type for e in res.entities.values() if e.type != "PLACE"} == {"湖南女排": "ORG", "天津女排": "ORG"}


def test_a_name_and_an_adverb_is_a_misread_but_a_longer_name_is_another_person() -> None:
    a = extraction("a1", "陈晓东表示同意。陈晓东说，项目进展顺利。", [("陈晓东", "PERSON"), ("陈晓东", "PERSON")])
    b = extraction("b1", "陈晓东仅用三天完成任务。张建国出席。张建主持会议，张建讲话。",
                   [("陈晓东仅", "PERSON"), ("张建国", "PERSON"), ("张建", "PERSON"), ("张建", "PERSON")])
    persons = {e.label: e.aliases for e in resolve([a, b]).entities.values() if e.type == "PERSON"}
    assert persons == {"陈晓东": {"陈晓东仅"}, "张建国": set(), "张建": set()}


def test_a_national_bank_called_by_its_character_and_hang_and_the_central_bank_is_no_company() -> None:
    text = ("建行湖南省分行推出新产品。中国建设银行湖南省分行行长出席。农行和中国农业银行。中国人民银行湖南省分行发布数据。"
            "中国人民银行发布通知。")
    names = [("建行湖南省分行", "COMPANY"), ("中国建设银行湖南省分行", "COMPANY"), ("农行", "COMPANY"), ("中国农业银行", "COMPANY"),
             ("中国人民银行湖南省分行", "COMPANY"), ("中国人民银行", "COMPANY")]
    res = resolve([extraction("a1", text, names)])
    orgs = {e.label: (e.type, e.aliases) for e in res.entities.values() if e.type != "PLACE"}
    # a branch is a body of its own: the central bank is no short form of its Hunan branch
    assert orgs == {"中国建设银行湖南省分行": ("COMPANY", {"建行湖南省分行"}), "中国农业银行": ("COMPANY", {"农行"}),
                    "中国人民银行湖南省分行": ("ORG", set()), "中国人民银行": ("ORG", set())}
    # a bank's name without 中国 is its short form
    text = "中国人民银行江西省分行发布数据。人民银行江西省分行副行长介绍。"
    names = [("中国人民银行江西省分行", "ORG"), ("人民银行江西省分行", "ORG")]
    res = resolve([extraction("a1", text, names)])
    assert {e.label: e.aliases for e in res.entities.values() if e.type == "ORG"} == {"中国人民银行江西省分行": {"人民银行江西省分行"}}
    # a short name and its registered name beside a subsidiary's
    text = "甬江银行股份有限公司发布年报。甬江银行理财有限责任公司成立。甬江银行行长说。"
    names = [("甬江银行股份有限公司", "COMPANY"), ("甬江银行理财有限责任公司", "COMPANY"), ("甬江银行", "COMPANY")]
    res = resolve([extraction("a1", text, names)])
    assert by_label(res, "甬江银行股份有限公司").aliases == {"甬江银行"}
    # an exchange called by its city's first character
    text = "北京证券交易所发布数据。北交所今年新增上市公司20家。"
    res = resolve([extraction("a1", text, [("北京证券交易所", "COMPANY"), ("北交所", "COMPANY")])])
    assert by_label(res, "北京证券交易所").aliases == {"北交所"}
    # a customs office is a public body, whatever the model tagged it
    res = resolve([extraction("a1", "九江海关副关长介绍。", [("九江海关", "COMPANY")])])
    assert by_label(res, "九江海关").type == "ORG"
    # so are a paper, a broadcaster and a delegation
    text = "九江晚报报道，九江电视台播出，九江市代表团出席，庐山实验室发布成果。"
    ents = [("九江晚报", "COMPANY"), ("九江电视台", "COMPANY"), ("九江市代表团", "COMPANY"), ("庐山实验室", "COMPANY")]
    res = resolve([extraction("a1", text, ents)])
    assert {e.label: e.type for e in res.entities.values() if e.type != "PLACE"} == {
        "九江晚报": "ORG", "九江电视台": "ORG", "九江市代表团": "ORG", "庐山实验室": "ORG"}
    # a factory and a hotel are enterprises; a factory's party committee is a body
    text = "九江锅炉厂扩产，九江宾馆开业，九江锅炉厂党委召开会议。"
    res = resolve([extraction("a1", text, [("九江锅炉厂", "ORG"), ("九江宾馆", "ORG"), ("九江锅炉厂党委", "ORG")])])
    assert {e.label: e.type for e in res.entities.values() if e.type != "PLACE"} == {
        "九江锅炉厂": "COMPANY", "九江宾馆": "COMPANY", "九江锅炉厂党委": "ORG"}


def test_a_unit_named_with_its_organizations_name_is_part_of_it() -> None:
    from rdflib.namespace import ORG, SDO

    from kg.graph import build_graph
    from kg.rdf import DEFAULT_BASE, Minter, to_rdf

    text = "湘江大学附属医院（附属医院）新设心脏中心。附属医院心血管外科主任王立说。石化公司与石化公司化工集团签约。"
    ents = [("湘江大学附属医院", "ORG"), ("附属医院", "ORG"), ("附属医院心血管外科", "ORG"),
            ("石化公司", "COMPANY"), ("石化公司化工集团", "COMPANY")]
    exs = [extraction("a1", text, ents)]
    exs[0].aliases.append(("附属医院", "湘江大学附属医院"))  # as the text defines it in brackets
    res = resolve(exs)
    unit, parent = by_label(res, "附属医院心血管外科"), by_label(res, "湘江大学附属医院")
    parts = {(res.entities[h].label, res.entities[t].label) for h, t, r in res.relations if r.kind == "part_of"}
    # by the parent's alias; a company's own name (…化工集团) is no unit of the other
    assert parts == {("附属医院心血管外科", "湘江大学附属医院")}
    g = to_rdf(build_graph(exs))
    iri = Minter(DEFAULT_BASE)
    u, p = iri.node(unit.id, {"type": "ORG"}), iri.node(parent.id, {"type": "ORG"})
    assert (u, ORG.subOrganizationOf, p) in g and (u, SDO.parentOrganization, p) in g


def test_a_province_written_short_at_the_head_of_a_name_locates_it_though_towns_share_the_name() -> None:
    # 江西 and 北海 are towns' short names too; only a province outranks them when the text names neither
    text = "江西绿源食品有限公司扩产。北海舰队完成训练。"
    res = resolve([extraction("a1", text, [("江西绿源食品有限公司", "COMPANY"), ("北海舰队", "ORG")])])
    located = {(res.entities[h].label, res.entities[t].label) for h, t, r in res.relations if r.kind == "located_in"}
    assert located == {("江西绿源食品有限公司", "江西省")}


def test_a_school_named_short_by_its_number_is_the_school() -> None:
    text = "长沙市第一中学入选。长沙一中校长谢永明表示将继续推进。长沙市第十一中学也入选。"
    ents = [("长沙市第一中学", "ORG"), ("长沙一中", "COMPANY"), ("长沙市第十一中学", "ORG")]
    res = resolve([extraction("a1", text, ents)])
    assert by_label(res, "长沙市第一中学").aliases == {"长沙一中"}
    assert by_label(res, "长沙市第一中学").type == "ORG" and by_label(res, "长沙市第十一中学").aliases == set()
    # a primary school written after its district, called short without it
    text = "朝阳区和平里第二小学开设冰雪课。和平里二小校长马红说，每周一节滑冰课。"
    res = resolve([extraction("a1", text, [("朝阳区和平里第二小学", "ORG"), ("和平里二小", "ORG")])])
    assert by_label(res, "朝阳区和平里第二小学").aliases == {"和平里二小"}


def test_a_persons_name_in_letters_the_text_gives_is_the_persons_alias() -> None:
    ex = extraction("a1", "傅明（Guillaume Fourier）表示。", [("傅明", "PERSON"), ("Guillaume Fourier", "PERSON")])
    ex.aliases.append(("Guillaume Fourier", "傅明"))
    res = resolve([ex])
    assert [(e.label, e.aliases) for e in res.entities.values() if e.type == "PERSON"] == [("傅明", {"Guillaume Fourier"})]


def test_a_named_countys_short_form_at_a_names_head_locates_it_unless_a_city_shares_it() -> None:
    text = "凤凰县迎来游客高峰。凤凰古城旅游有限责任公司推出夜游。衡阳县召开会议。衡阳日报报道。"
    ents = [("凤凰县", "PLACE"), ("凤凰古城旅游有限责任公司", "COMPANY"), ("衡阳县", "PLACE"), ("衡阳日报", "ORG")]
    res = resolve([extraction("a1", text, ents)])
    located = {(res.entities[h].label, res.entities[t].label) for h, t, r in res.relations if r.kind == "located_in"}
    assert ("凤凰古城旅游有限责任公司", "凤凰县") in located
    assert not any(h == "衡阳日报" and t == "衡阳县" for h, t in located)  # 衡阳 is 衡阳市's too


def test_short_forms_of_universities_academies_and_companies_by_their_words_first_characters() -> None:
    text = ("赣南师范大学举办论坛，赣南师大校长致辞。江西大学白鹿书院开讲，白鹿书院副院长主讲。"
            "中国水利建设集团有限公司签约，中国水建董事长出席。赣州航空有限公司开通航线，赣航总经理介绍。")
    ents = [("赣南师范大学", "ORG"), ("赣南师大", "ORG"), ("江西大学白鹿书院", "ORG"), ("白鹿书院", "ORG"),
            ("中国水利建设集团有限公司", "COMPANY"), ("中国水建", "COMPANY"), ("赣州航空有限公司", "COMPANY"), ("赣航", "COMPANY")]
    res = resolve([extraction("a1", text, ents)])
    assert by_label(res, "赣南师范大学").aliases == {"赣南师大"}
    assert by_label(res, "江西大学白鹿书院").aliases == {"白鹿书院"}
    assert by_label(res, "中国水利建设集团有限公司").aliases == {"中国水建"}
    assert by_label(res, "赣州航空有限公司").aliases == {"赣航"}


def test_short_forms_that_end_before_the_names_last_characters_and_leave_out_no_whole_word() -> None:
    text = ("赣省作家协会召开年会，赣省作协主席讲话。华夏师范大学建校，华夏师大校长致辞。"
            "华夏体育记者协会成立，华夏记协发来贺信。华夏工艺美术学院与华夏美术学院签约。赣省委党校开班，赣省委主持。"
            "华夏预防医学科学院与华夏科学院合作。南斯拉夫贝尔格莱德红星队迎战南斯拉夫队。")
    names = ["赣省作家协会", "赣省作协", "华夏师范大学", "华夏师大", "华夏体育记者协会", "华夏记协",
             "华夏工艺美术学院", "华夏美术学院", "赣省委党校", "赣省委", "华夏预防医学科学院", "华夏科学院",
             "南斯拉夫贝尔格莱德红星队", "南斯拉夫队"]
    res = resolve([extraction("a1", text, [(n, "ORG") for n in names])])
    assert {e.label: e.aliases for e in res.entities.values() if e.type == "ORG"} == {
        "赣省作家协会": {"赣省作协"}, "华夏师范大学": {"华夏师大"}, "华夏体育记者协会": set(), "华夏记协": set(),
        "华夏工艺美术学院": set(), "华夏美术学院": set(), "赣省委党校": set(), "赣省委": set(),
        "华夏预防医学科学院": set(), "华夏科学院": set(), "南斯拉夫贝尔格莱德红星队": set(), "南斯拉夫队": set()}


def test_two_registered_names_with_letters_in_order_are_two_companies() -> None:
    text = "中建长沙电机有限公司与中建长沙电力机械有限公司签约。"
    ents = [("中建长沙电机有限公司", "COMPANY"), ("中建长沙电力机械有限公司", "COMPANY")]
    res = resolve([extraction("a1", text, ents)])
    assert sorted(e.label for e in res.entities.values() if e.type == "COMPANY") == sorted(t for t, _ in ents)


def test_a_districts_court_named_without_its_city_and_without_people_is_that_court() -> None:
    text = "株洲市荷塘区人民法院审结一起案件。荷塘区法院院长介绍了情况。"
    res = resolve([extraction("a1", text, [("株洲市荷塘区人民法院", "ORG"), ("荷塘区法院", "ORG")])])
    court = by_label(res, "株洲市荷塘区人民法院")
    assert court.aliases == {"荷塘区法院"} and court.mentions == 2


def test_a_local_company_named_without_its_groups_brand_is_that_company() -> None:
    text = "国网邵阳供电公司组建抢修队伍。在邵阳供电公司，运维人员正在巡检。"
    res = resolve([extraction("a1", text, [("国网邵阳供电公司", "COMPANY"), ("邵阳供电公司", "COMPANY")])])
    assert by_label(res, "国网邵阳供电公司").aliases == {"邵阳供电公司"}
    # a party's committee of a city is no city committee
    res = resolve([extraction("a1", "民革邵阳市委召开会议。邵阳市委部署工作。", [("民革邵阳市委", "ORG"), ("邵阳市委", "ORG")])])
    assert by_label(res, "民革邵阳市委").aliases == set()


def test_a_companys_short_name_keeping_its_cores_first_two_and_characters_in_order_joins_it() -> None:
    text = "湖南衡岳涟源钢铁有限公司投产。衡岳涟钢董事长说。"
    res = resolve([extraction("a1", text, [("湖南衡岳涟源钢铁有限公司", "COMPANY"), ("衡岳涟钢", "COMPANY")])])
    assert by_label(res, "湖南衡岳涟源钢铁有限公司").aliases == {"衡岳涟钢"}
    text = "湖南衡岳涟源钢铁有限公司投产。衡岳湘钢董事长说。"
    res = resolve([extraction("a1", text, [("湖南衡岳涟源钢铁有限公司", "COMPANY"), ("衡岳湘钢", "COMPANY")])])
    assert by_label(res, "湖南衡岳涟源钢铁有限公司").aliases == set()

"""Relation patterns over a Doc whose entities are set by hand, so only the patterns are tested."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract import extract
from kg.records import Extraction
from kg.resolve import resolve
from kg.ingest import Source, split_articles

_NLP = spacy.blank("zh")
_NLP.add_pipe("sentencizer", config={"punct_chars": ["。", "！", "？", "\n"]})


def doc_with(text: str, ents: list[tuple[str, str]]) -> Doc:
    doc = _NLP(text)
    spans, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        pos = start + len(surface)
        spans.append(doc.char_span(start, pos, label=label))
    doc.ents = spans
    return doc


def run(text: str, ents: list[tuple[str, str]]) -> Extraction:
    [article] = split_articles(Source("t.txt", text, "utf-8"))
    return extract(article, doc_with(article.text, ents))


def affiliations(ex: Extraction) -> set[tuple[str, str, str]]:
    m = ex.mentions
    return {(m[r.head].name, r.role, m[r.tail].name) for r in ex.relations if r.kind == "affiliation"}


def test_org_title_name() -> None:
    ex = run("株洲市工信局局长孙明华表示，全市将继续为企业纾困。", [("株洲市工信局", "ORG"), ("孙明华", "PERSON")])
    assert affiliations(ex) == {("孙明华", "局长", "株洲市工信局")}


def test_several_titles_split_on_the_enumeration_comma() -> None:
    ex = run("恒远电机生产总监、安全组组长李红介绍了情况。", [("恒远电机", "COMPANY"), ("李红", "PERSON")])
    assert affiliations(ex) == {("李红", "生产总监", "恒远电机"), ("李红", "安全组组长", "恒远电机")}


def test_a_team_is_the_body_whose_team_it_is() -> None:
    ex = run("衡州大学附属医院骨科团队完成手术。株洲市团队夺冠。", [("衡州大学附属医院骨科团队", "ORG"), ("株洲市团队", "ORG")])
    assert [(m.name, m.label) for m in ex.mentions] == [("衡州大学附属医院骨科", "ORG"), ("株洲市", "PLACE")]


def test_a_part_after_a_word_referring_back_is_the_bodys() -> None:
    text = "衡州医科大学附属第一医院骨科团队完成手术。该院骨科主任韩松主刀。"
    ex = run(text, [("衡州医科大学附属第一医院骨科团队", "ORG"), ("骨科", "ORG"), ("韩松", "PERSON")])
    assert affiliations(ex) == {("韩松", "主任", "衡州医科大学附属第一医院骨科")}
    # a department named bare is the part of the hospital named before it
    text = "衡州市人民医院开通绿色通道。急诊科护士长林芳表示，通道全天开放。"
    ex = run(text, [("衡州市人民医院", "ORG"), ("急诊科", "ORG"), ("林芳", "PERSON")])
    assert affiliations(ex) == {("林芳", "护士长", "衡州市人民医院急诊科")}


def test_an_envoy_is_a_title() -> None:
    ex = run("中国气候变化事务特使钟宁率团出席会议。", [("中国", "PLACE"), ("钟宁", "PERSON")])
    assert affiliations(ex) == {("钟宁", "气候变化事务特使", "中国")}


def test_name_comma_org_title() -> None:
    ex = run("赵广林，恒远电机董事长，出席了仪式。", [("赵广林", "PERSON"), ("恒远电机", "COMPANY")])
    assert affiliations(ex) == {("赵广林", "董事长", "恒远电机")}
    ex = run("钱立群（远航动力股份有限公司总裁）：竞争是好事。", [("钱立群", "PERSON"), ("远航动力股份有限公司", "COMPANY")])
    assert affiliations(ex) == {("钱立群", "总裁", "远航动力股份有限公司")}


def test_appointed_to_an_organization_and_title() -> None:
    text = ("会议决定任命方振宇为衡阳市交通运输局局长，免去钟国庆的衡阳市交通运输局局长职务。"
            "会后，石雨桐担任衡阳港务集团总经理。大会选举郝文涛、苏曼为县政协副主席。")
    ex = run(text, [("方振宇", "PERSON"), ("衡阳市交通运输局", "ORG"), ("钟国庆", "PERSON"), ("衡阳市交通运输局", "ORG"),
                    ("石雨桐", "PERSON"), ("衡阳港务集团", "COMPANY"), ("郝文涛", "PERSON"), ("苏曼", "PERSON"),
                    ("县政协", "ORG")])
    found = affiliations(ex)
    assert {("方振宇", "局长", "衡阳市交通运输局"), ("石雨桐", "总经理", "衡阳港务集团")} <= found
    assert {(p, r) for p, r, _ in found if p in ("郝文涛", "苏曼")} == {("郝文涛", "副主席"), ("苏曼", "副主席")}
    assert not any(p == "钟国庆" for p, _, _ in found)  # removed from office: no affiliation


def test_level_committee_of_the_place_named_and_its_head_of_government() -> None:
    text = "岳阳市召开会议。市委副书记、市长钟宏伟讲话，市委书记贺启明主持。副省长邓林出席，宣传部部长杜若参加。"
    ex = run(text, [("岳阳市", "PLACE"), ("钟宏伟", "PERSON"), ("贺启明", "PERSON"), ("邓林", "PERSON"),
                    ("宣传部", "ORG"), ("杜若", "PERSON")])
    found = affiliations(ex)
    assert {("钟宏伟", "副书记", "岳阳市委"), ("钟宏伟", "市长", "岳阳市"), ("贺启明", "书记", "岳阳市委")} <= found
    # a 副省长 holds office in a province, which this text does not name: not in the 宣传部 named nearer
    assert not any(p == "邓林" for p, _, _ in found)


def test_provincial_committee_of_the_papers_province() -> None:
    text = "湖北日报讯（记者 陶然）省委书记许文海主持会议。省委常委、武汉市委书记余晓东出席。"
    ex = run(text, [("陶然", "PERSON"), ("许文海", "PERSON"), ("武汉市委", "ORG"), ("余晓东", "PERSON")])
    found = affiliations(ex)
    assert {("许文海", "书记", "湖北省委"), ("余晓东", "常委", "湖北省委"), ("余晓东", "书记", "武汉市委")} <= found
    assert not any(o == "湖北日报" and p != "陶然" for p, _, o in found)


def test_a_level_written_alone_before_a_body_the_model_read_is_the_bodys() -> None:
    text = "湖北日报讯（记者 陶然）省高级人民法院院长许文海、省人民检察院检察长余晓东列席会议。"
    ents = [("陶然", "PERSON"), ("省高级人民法院", "ORG"), ("许文海", "PERSON"), ("人民检察院", "ORG"), ("余晓东", "PERSON")]
    found = affiliations(run(text, ents))
    assert {("许文海", "院长", "湖北省高级人民法院"), ("余晓东", "检察长", "湖北省人民检察院")} <= found


def test_a_missed_body_after_a_listed_title_begins_after_the_lists_mark() -> None:
    text = "湖北日报讯（记者 陶然）驻村第一书记、省农业农村厅干部李明远说，村里建起了育秧工厂。"
    found = affiliations(run(text, [("陶然", "PERSON"), ("李明远", "PERSON")]))
    assert ("李明远", "干部", "湖北省农业农村厅") in found
    assert not any(o.startswith("驻村") for _, _, o in found)


def test_a_school_named_by_its_number_and_a_street_office_named_bare() -> None:
    text = "株洲二中校长谢永明表示，学校将继续推进五育并举。在芦淞区建宁街道，街道办事处主任曾丽华说，驿站已服务3万人次。"
    ents = [("株洲二中", "COMPANY"), ("谢永明", "PERSON"), ("芦淞区", "PLACE"), ("建宁街道", "PLACE"), ("街道办事处", "ORG"),
            ("曾丽华", "PERSON")]
    assert affiliations(run(text, ents)) == {("谢永明", "校长", "株洲二中"), ("曾丽华", "主任", "建宁街道办事处")}


def test_a_persons_name_in_letters_and_a_ministry_the_model_missed() -> None:
    text = "星际集团首席执行官傅明（Guillaume Fourier）表示，总装线已投产。农业农村部副部长张兴华参加会议。"
    ents = [("星际集团", "COMPANY"), ("傅明", "PERSON"), ("Guillaume Fourier", "PLACE"), ("张兴华", "PERSON")]
    ex = run(text, ents)
    assert affiliations(ex) == {("傅明", "首席执行官", "星际集团"), ("张兴华", "副部长", "农业农村部")}
    assert ("Guillaume Fourier", "傅明") in ex.aliases
    assert [m.label for m in ex.mentions if m.text == "Guillaume Fourier"] == ["PERSON"]


def test_a_provinces_bureau_named_by_level_is_the_papers_province_unless_the_text_names_one_before() -> None:
    text = ("赣商回归项目落地\n\n江西日报记者 周倜\n\n浙江华友钴业股份有限公司副总裁陈要忠介绍了项目。"
            "省商务厅外经处处长刘琼表示，到位资金超过1200亿元。\n\n从广东回乡创业的李勇说，环境越来越好了。")
    ents = [("浙江华友钴业股份有限公司", "COMPANY"), ("陈要忠", "PERSON"), ("省商务厅外经处", "ORG"), ("刘琼", "PERSON"),
            ("广东", "PLACE"), ("李勇", "PERSON")]
    assert ("刘琼", "处长", "江西省商务厅外经处") in affiliations(run(text, ents))
    # a province the text writes before it is that one
    text = text.replace("浙江华友钴业股份有限公司副总裁陈要忠介绍了项目。", "在浙江，陈要忠介绍了项目。")
    ents = [("浙江", "PLACE"), ("陈要忠", "PERSON"), ("省商务厅外经处", "ORG"), ("刘琼", "PERSON"), ("广东", "PLACE"), ("李勇", "PERSON")]
    assert ("刘琼", "处长", "浙江省商务厅外经处") in affiliations(run(text, ents))


def test_a_role_naming_a_body_the_model_missed_refers_back_to_none() -> None:
    text = "湖南省湘菜产业促进会会长刘国初介绍，门店已超过5万家。费大厨辣椒炒肉创始人费良勇说，今年新开门店120家。"
    ents = [("湖南省湘菜产业促进会", "ORG"), ("刘国初", "PERSON"), ("费良勇", "PERSON")]
    assert affiliations(run(text, ents)) == {("刘国初", "会长", "湖南省湘菜产业促进会")}
    # but a company's short name written into the role is the company's, and a village's first secretary the village's
    text = "华诺光电股份有限公司扩产。华诺光电生产总监、安全生产应急组组长顾明远介绍。在石门村，驻村第一书记陈骏走访农户。"
    ents = [("华诺光电股份有限公司", "COMPANY"), ("顾明远", "PERSON"), ("石门村", "PLACE"), ("陈骏", "PERSON")]
    assert affiliations(run(text, ents)) == {("顾明远", "生产总监", "华诺光电"),  # the repeat of its core
                                             ("顾明远", "安全生产应急组组长", "华诺光电"),
                                             ("陈骏", "驻村第一书记", "石门村")}


def test_a_kind_of_bank_names_no_company() -> None:
    ex = run("今年以来，城商行和农商行加大了对小微企业的支持。", [("城商行", "COMPANY"), ("农商行", "COMPANY")])
    assert ex.mentions == []


def test_an_event_held_is_no_organization() -> None:
    ex = run("全国冬季水利建设推进会在郑州召开。", [("水利建设推进会", "ORG"), ("郑州", "PLACE")])
    assert [m.text for m in ex.mentions] == ["郑州"]


def test_a_places_team_is_the_one_squad_of_that_place_the_article_names() -> None:
    text = "湘江女排以3比1击败天津女排。湘江队主教练龙海表示，队员们发挥出了水平。"
    ents = [("湘江女排", "ORG"), ("天津女排", "ORG"), ("湘江队", "ORG"), ("龙海", "PERSON")]
    assert affiliations(run(text, ents)) == {("龙海", "主教练", "湘江女排")}
    # two squads of the place: the team stays as read
    text = "湘江女排和湘江男排同日比赛。湘江队主教练龙海表示满意。"
    ents = [("湘江女排", "ORG"), ("湘江男排", "ORG"), ("湘江队", "ORG"), ("龙海", "PERSON")]
    assert affiliations(run(text, ents)) == {("龙海", "主教练", "湘江队")}


def test_a_village_committee_named_bare_after_a_village_body_is_that_villages() -> None:
    text = "衡阳县西渡镇梅林村党总支书记、村委会主任刘海英说，屋场会已开了30多场。"
    ents = [("衡阳县", "PLACE"), ("西渡镇梅林村党总支", "ORG"), ("村委会", "ORG"), ("刘海英", "PERSON")]
    found = affiliations(run(text, ents))
    assert ("刘海英", "主任", "梅林村委会") in found and ("刘海英", "书记", "西渡镇梅林村党总支") in found


def test_a_head_of_government_listed_after_a_committee_title_of_a_place_named_only_there() -> None:
    text = "衡南县委副书记、县长周海林表示，将发展新材料产业。怀化市委常委、副市长杨奎专程调研。"
    ents = [("衡南县委", "ORG"), ("周海林", "PERSON"), ("怀化市委", "ORG"), ("杨奎", "PERSON")]
    found = affiliations(run(text, ents))
    assert {("周海林", "县长", "衡南县"), ("周海林", "副书记", "衡南县委"), ("杨奎", "副市长", "怀化市"),
            ("杨奎", "常委", "怀化市委")} <= found


def test_a_web_pages_bare_author_line_beside_a_titled_byline_is_one_credit() -> None:
    text = ("岳阳：石化产业链加速成形\n2026-11-30 08:30 来源：湖南日报 作者：徐亚明\n湖南日报全媒体记者 徐亚明 通讯员 刘志强\n"
            "11月28日，岳阳市开发区举行签约仪式。")
    ex = run(text, [])
    m = ex.mentions
    authors = {(m[r.tail].text, r.role) for r in ex.relations if r.kind == "author"}
    assert authors == {("徐亚明", "全媒体记者"), ("刘志强", "通讯员")}
    assert affiliations(ex) == {("徐亚明", "全媒体记者", "湖南日报")}


def test_a_unit_read_with_its_bodys_name_is_split_when_the_text_refers_back_to_the_body() -> None:
    text = "11月26日，星城儿童医院罕见病诊疗中心揭牌。该院院长祝明华介绍，中心整合了12个学科。"
    ex = run(text, [("星城儿童医院罕见病诊疗中心", "ORG"), ("祝明华", "PERSON")])
    assert [(m.text, m.name) for m in ex.mentions][:2] == [("星城儿童医院", "星城儿童医院"),
                                                          ("罕见病诊疗中心", "星城儿童医院罕见病诊疗中心")]
    assert affiliations(ex) == {("祝明华", "院长", "星城儿童医院")}
    # without a reference back to the body, the unit stays as read
    ex = run("星城儿童医院罕见病诊疗中心揭牌。", [("星城儿童医院罕见病诊疗中心", "ORG")])
    assert [m.text for m in ex.mentions] == ["星城儿童医院罕见病诊疗中心"]


def test_a_division_and_one_within_it_read_as_one_place_are_two() -> None:
    text = "在长沙县果园镇浔龙河村，村民正忙着采茶。韶关车站今天客流创新高。"
    ex = run(text, [("长沙县果园镇", "PLACE"), ("浔龙河村", "PLACE"), ("韶关车站", "PLACE")])
    assert [m.text for m in ex.mentions] == ["长沙县", "果园镇", "浔龙河村", "韶关车站"]
    rels = {(ex.mentions[r.head].text, r.kind, ex.mentions[r.tail].text) for r in ex.relations if r.kind == "part_of"}
    assert ("果园镇", "part_of", "长沙县") in rels


def test_a_companys_board_is_the_company_and_part_of_the_title() -> None:
    text = "华夏光伏集团董事局主席梁启东发言。亚洲开发银行执行董事会审议了项目。"
    ex = run(text, [("华夏光伏集团董事局", "ORG"), ("梁启东", "PERSON"), ("亚洲开发银行执行董事会", "ORG")])
    assert affiliations(ex) == {("梁启东", "董事局主席", "华夏光伏集团")}
    assert ("华夏光伏集团", "COMPANY") in {(m.name, m.label) for m in ex.mentions}
    assert "亚洲开发银行执行董事会" in {m.name for m in ex.mentions}  # no company's organ: kept whole


def test_a_department_after_a_committee_member_is_that_committees() -> None:
    text = "湘潭市委常委、宣传部部长朱晓岚出席。"
    ex = run(text, [("湘潭市委", "ORG"), ("宣传部", "ORG"), ("朱晓岚", "PERSON")])
    assert affiliations(ex) == {("朱晓岚", "常委", "湘潭市委"), ("朱晓岚", "部长", "湘潭市委宣传部")}
    # a body named by its own name is not the committee's department
    text = "临平区委常委、未来科技城管委会主任沈立群表示。"
    ex = run(text, [("临平区委", "ORG"), ("未来科技城管委会", "ORG"), ("沈立群", "PERSON")])
    assert affiliations(ex) == {("沈立群", "常委", "临平区委"), ("沈立群", "主任", "未来科技城管委会")}


def test_a_one_character_company_name_takes_its_cut_head() -> None:
    text = "云瑞集团董事长蒋飞表示，将扩大产能。他在分公司调研。"
    ex = run(text, [("瑞集团", "COMPANY"), ("蒋飞", "PERSON"), ("分公司", "COMPANY")])
    assert affiliations(ex) == {("蒋飞", "董事长", "云瑞集团")}
    assert "分公司" in {m.name for m in ex.mentions}  # 在 is no head


def test_a_cut_name_written_whole_there_is_the_whole_name() -> None:
    text = "衡州北辰精密机械股份有限公司签下大单。近日，衡州北辰精密机械股份有限公司与客户签约。北辰精密总经理罗文介绍了情况。"
    ents = [("衡州", "PLACE"), ("辰精密机械股份有限公司", "COMPANY"), ("衡州北辰精密机械股份有限公司", "COMPANY"), ("罗文", "PERSON")]
    ex = run(text, ents)
    assert [m.name for m in ex.mentions if m.label == "COMPANY"] == ["衡州北辰精密机械股份有限公司"] * 2
    assert "衡州" not in {m.name for m in ex.mentions}  # the model's piece of the name is gone
    # the company's short name inside its core is not part of the title
    assert affiliations(ex) == {("罗文", "总经理", "衡州北辰精密机械股份有限公司")}


def test_a_place_read_on_into_a_common_word_is_the_place() -> None:
    ex = run("芦淞区建宁街道新建的服务中心投入使用。江西省军区组织官兵抢险。", [("建宁街道新建", "PLACE"), ("江西省军区", "PLACE")])
    assert [m.name for m in ex.mentions] == ["建宁街道", "江西省军区"]


def test_the_page_header_is_no_mention_and_its_paper_places_the_committee() -> None:
    text = "湖北日报 2026年3月2日 第1版\n省委常委会召开会议\n本报讯（记者 陶然）省委书记许文海主持会议。"
    ex = run(text, [("湖北日报", "ORG"), ("陶然", "PERSON"), ("许文海", "PERSON")])
    header_end = ex.article.text.index("\n") if "湖北日报 2026" in ex.article.text else 0
    assert not any(m.start < header_end for m in ex.mentions)  # the masthead is furniture
    assert ("许文海", "书记", "湖北省委") in affiliations(ex)  # 本报 is 湖北日报, of 湖北省


def test_company_title_refers_back_to_the_company_named_before() -> None:
    text = "在株洲恒远电机股份有限公司装配车间，电机正在打包。公司董事长赵广林介绍，订单增长三成。"
    ex = run(text, [("株洲恒远电机股份有限公司", "COMPANY"), ("赵广林", "PERSON")])
    assert affiliations(ex) == {("赵广林", "董事长", "株洲恒远电机股份有限公司")}  # 公司 says which, the title is 董事长
    text = "记者从舟山港务集团有限公司获悉，吞吐量创新高。集团董事长陶立波表示，将加快建设强港。"
    ex = run(text, [("舟山港务集团有限公司", "COMPANY"), ("陶立波", "PERSON")])
    assert affiliations(ex) == {("陶立波", "董事长", "舟山港务集团有限公司")}


def test_company_title_refers_to_the_company_the_sentence_is_about() -> None:
    text = "远航医疗集团股份有限公司公告，拟收购衡州远航医院有限公司部分股权。公司董事长宋启明表示，并购将完善布局。"
    ex = run(text, [("远航医疗集团股份有限公司", "COMPANY"), ("衡州远航医院有限公司", "COMPANY"), ("宋启明", "PERSON")])
    assert affiliations(ex) == {("宋启明", "董事长", "远航医疗集团股份有限公司")}


def test_bare_title_takes_the_nearest_organization_before() -> None:
    text = "在湘潭检验中心实验室里，总经理周明正在整理数据。"
    ex = run(text, [("湘潭检验中心", "ORG"), ("周明", "PERSON")])
    assert affiliations(ex) == {("周明", "总经理", "湘潭检验中心")}


def test_a_company_officer_is_not_given_to_a_city() -> None:
    text = "记者在株洲看到，总经理王立新正在整理订单。"
    ex = run(text, [("株洲", "PLACE"), ("王立新", "PERSON")])
    assert affiliations(ex) == set()


def test_a_company_officer_prefers_the_company_to_an_organization() -> None:
    text = "株洲恒远电机股份有限公司与湘潭检验中心签约。总经理王立新说，新线年底投产。"
    ex = run(text, [("株洲恒远电机股份有限公司", "COMPANY"), ("湘潭检验中心", "ORG"), ("王立新", "PERSON")])
    assert affiliations(ex) == {("王立新", "总经理", "株洲恒远电机股份有限公司")}


def test_a_division_head_serves_the_place_and_other_roles_stay() -> None:
    ex = run("株洲市副市长、恒远电机董事李强出席。", [("株洲市", "PLACE"), ("恒远电机", "COMPANY"), ("李强", "PERSON")])
    assert affiliations(ex) == {("李强", "董事", "恒远电机"), ("李强", "副市长", "株洲市")}
    ex = run("株洲市市长李强表示，全市将稳住就业。", [("株洲市", "PLACE"), ("李强", "PERSON")])
    assert affiliations(ex) == {("李强", "市长", "株洲市")}


def test_a_town_role_goes_to_the_town_not_the_nearer_county() -> None:
    text = "平江县三市镇的春耕进入高峰。在平江县城的会上，镇党委委员李华介绍了进度。"
    ex = run(text, [("平江县", "PLACE"), ("三市镇", "PLACE"), ("平江县", "PLACE"), ("李华", "PERSON")])
    assert affiliations(ex) == {("李华", "镇党委委员", "三市镇")}


def test_an_organization_the_model_missed_is_read_from_the_role_before_a_person() -> None:
    ex = run("云溪产业开发区企业服务负责人周明介绍，园区帮助企业复工。", [("周明", "PERSON")])
    assert [(m.text, m.label, m.origin) for m in ex.mentions] == [("云溪产业开发区", "ORG", "role"), ("周明", "PERSON", "ner")]
    assert affiliations(ex) == {("周明", "企业服务负责人", "云溪产业开发区")}
    for text in ("全市各区县委书记周明出席。", "他代表公司接受这一任务的技术经理周明说，订单增长。"):
        ex = run(text, [("周明", "PERSON")])
        assert [m.text for m in ex.mentions] == ["周明"] and affiliations(ex) == set(), text


def test_the_holders_short_name_is_not_part_of_the_role() -> None:
    text = "株洲恒远电机股份有限公司扩建生产线。恒远电机生产总监、安全组组长李红介绍，新线年底投产。"
    ex = run(text, [("株洲恒远电机股份有限公司", "COMPANY"), ("李红", "PERSON")])
    # the short name is a mention of its own (resolution makes it an alias of the full name)
    assert affiliations(ex) == {("李红", "生产总监", "恒远电机"), ("李红", "安全组组长", "恒远电机")}


def test_byline_gives_authors_and_the_reporters_outlet() -> None:
    text = "株洲制造业稳中有进\n\n株洲日报记者 陈晓东 通讯员 刘思远\n\n电机正在打包。"
    ex = run(text, [])
    names = {m.text: m.label for m in ex.mentions}
    assert names == {"株洲日报": "ORG", "陈晓东": "PERSON", "刘思远": "PERSON"}
    authors = {(ex.mentions[r.tail].text, r.role) for r in ex.relations if r.kind == "author"}
    assert authors == {("陈晓东", "记者"), ("刘思远", "通讯员")}
    assert affiliations(ex) == {("陈晓东", "记者", "株洲日报")}


def test_a_body_credited_as_correspondent_is_an_organization_and_this_papers_reporter_its() -> None:
    text = "秋季开学安全检查启动\n\n本报讯 9月1日，市教育局启动秋季开学安全大检查。（记者 陆晓川 通讯员 宜昌教办）"
    [article] = split_articles(Source("t.txt", text, "utf-8"))
    article.paper = "滨江晚报"
    ex = extract(article, doc_with(article.text, []))
    assert {m.text: m.label for m in ex.mentions if m.origin == "byline"} == {"本报": "ORG", "陆晓川": "PERSON", "宜昌教办": "ORG"}
    assert affiliations(ex) == {("陆晓川", "记者", "滨江晚报")}
    # the body credited is mentioned; the authors are people (schema:author)
    assert {(ex.mentions[r.tail].text, r.role) for r in ex.relations if r.kind == "author"} == {("陆晓川", "记者")}
    # a publicity office's pen name is a body too; a person's name ending in 宣 is a person
    text = "夜查酒驾\n\n滨江晚报记者 陆晓川 通讯员 邕公宣 赣金宣 李文宣\n\n本报讯 交警部门开展夜查。"
    [article] = split_articles(Source("t.txt", text, "utf-8"))
    ex = extract(article, doc_with(article.text, []))
    assert {m.text: m.label for m in ex.mentions if m.origin == "byline"} == {
        "滨江晚报": "ORG", "陆晓川": "PERSON", "邕公宣": "ORG", "赣金宣": "ORG", "李文宣": "PERSON"}


def test_a_commentarys_closing_note_says_where_its_author_works() -> None:
    text = "乡村治理需要绣花功夫\n\n文/谭雅文\n\n乡村治理是国家治理的基石。\n\n（作者系湘中师范大学公共管理学院教授）"
    ex = run(text, [("湘中师范大学公共管理学院", "ORG")])
    assert affiliations(ex) == {("谭雅文", "教授", "湘中师范大学公共管理学院")}
    text = "乡村治理需要绣花功夫\n\n文/谭雅文\n\n乡村治理是国家治理的基石。\n\n（作者单位：湘中师范大学公共管理学院）"
    ex = run(text, [("湘中师范大学公共管理学院", "ORG")])
    assert affiliations(ex) == {("谭雅文", "", "湘中师范大学公共管理学院")}


def test_a_name_alone_under_the_headline_is_the_commentarys_author() -> None:
    text = "以创新推动发展\n\n曾凡明\n\n发展新质生产力是内在要求。\n\n（作者系湘中党校经济学教研部教授）"
    ex = run(text, [("凡明", "PERSON"), ("湘中党校经济学教研部", "ORG")])  # the model cut the surname off
    assert {(ex.mentions[r.tail].text, r.role) for r in ex.relations if r.kind == "author"} == {("曾凡明", "作者")}
    assert affiliations(ex) == {("曾凡明", "教授", "湘中党校经济学教研部")}


def test_place_before_place_or_org_is_containment() -> None:
    text = "连城县新泉镇组织春耕，株洲市恒远电机扩产。"
    ex = run(text, [("连城县", "PLACE"), ("新泉镇", "PLACE"), ("株洲市", "PLACE"), ("恒远电机", "COMPANY")])
    rels = {(ex.mentions[r.head].text, r.kind, ex.mentions[r.tail].text) for r in ex.relations}
    assert rels == {("新泉镇", "part_of", "连城县"), ("恒远电机", "located_in", "株洲市")}


def test_every_relation_carries_its_sentence() -> None:
    ex = run("株洲市工信局局长孙明华表示，全市将继续为企业纾困。", [("株洲市工信局", "ORG"), ("孙明华", "PERSON")])
    [rel] = ex.relations
    assert rel.evidence.text == ex.article.text[rel.evidence.start : rel.evidence.end]
    assert "孙明华" in rel.evidence.text


def test_descriptions_and_single_characters_are_not_entities() -> None:
    ex = run("公司办公室主任潘明说，中方将继续合作。", [("公司办公室", "ORG"), ("潘明", "PERSON"), ("中", "PLACE")])
    assert [m.text for m in ex.mentions] == ["潘明"]


def test_dateline_outlet_is_an_organization_and_its_place_a_place() -> None:
    text = "港口货物吞吐量稳步增长\n新华社宁波11月5日电（记者 程立新）记者从港口管理部门获悉，吞吐量同比增长6%。"
    # the model read "新华社宁波" as one organization: the dateline's structure wins
    ex = run(text, [("新华社宁波", "ORG")])
    kinds = {(m.text, m.label) for m in ex.mentions}
    assert {("新华社", "ORG"), ("宁波", "PLACE"), ("程立新", "PERSON")} <= kinds
    assert ("新华社宁波", "ORG") not in kinds
    assert affiliations(ex) == {("程立新", "记者", "新华社")}


def test_this_paper_in_a_dateline_is_not_an_organization() -> None:
    text = "秋粮收购进入高峰\n本报嘉兴11月5日电（记者 方明远）全市秋粮收购进入高峰。"
    ex = run(text, [("本报嘉兴", "ORG")])
    kinds = {(m.text, m.label) for m in ex.mentions}
    assert ("嘉兴", "PLACE") in kinds and not any(label == "ORG" for _, label in kinds)
    assert {m.text for m in ex.mentions if m.label == "PERSON"} == {"方明远"}


def test_a_title_between_two_names_is_the_second_names() -> None:
    text = "南湖区教育局党组书记、局长周文斌，江南大学校长许建国出席签约仪式。"
    ex = run(text, [("南湖区教育局", "ORG"), ("周文斌", "PERSON"), ("江南大学", "ORG"), ("许建国", "PERSON")])
    assert affiliations(ex) == {
        ("周文斌", "党组书记", "南湖区教育局"), ("周文斌", "局长", "南湖区教育局"), ("许建国", "校长", "江南大学"),
    }


def test_names_listed_after_a_title_all_hold_it() -> None:
    text = "出席庭审的还有南湖区人大代表钱立新、孙晓梅。"
    ex = run(text, [("南湖区人大", "ORG"), ("钱立新", "PERSON"), ("孙晓梅", "PERSON")])
    assert affiliations(ex) == {("钱立新", "代表", "南湖区人大"), ("孙晓梅", "代表", "南湖区人大")}


def test_a_role_does_not_begin_with_according_to() -> None:
    text = "南湖区人民法院近日审结一起合同纠纷案。据承办法官方晓介绍，双方已达成和解。"
    ex = run(text, [("南湖区人民法院", "ORG"), ("方晓", "PERSON")])
    assert affiliations(ex) == {("方晓", "承办法官", "南湖区人民法院")}


def test_a_short_name_the_text_defines_is_the_organizations() -> None:
    text = "南湖锂能新材料股份有限公司（以下简称“南湖锂能”）昨日发布公告。南湖锂能董事长沈嘉平表示，产能将翻番。"
    # the model cut the full name and read the short name as a place
    ex = run(text, [("南湖", "PLACE"), ("锂能新材料股份有限公司", "COMPANY"), ("南湖", "PLACE"), ("南湖", "PLACE"), ("沈嘉平", "PERSON")])
    kinds = [(m.text, m.label) for m in ex.mentions]
    assert kinds == [
        ("南湖锂能新材料股份有限公司", "COMPANY"), ("南湖锂能", "COMPANY"), ("南湖锂能", "COMPANY"), ("沈嘉平", "PERSON"),
    ]
    assert ex.aliases == [("南湖锂能", "南湖锂能新材料股份有限公司")]
    assert affiliations(ex) == {("沈嘉平", "董事长", "南湖锂能")}


def test_a_short_name_in_brackets_after_the_name_is_its_alias() -> None:
    text = "市场研究机构环球数据公司（GDC）分析师周明远认为，东江大学（东大）与龙湖科技（深圳）合作密切。"
    ents = [("环球数据公司", "COMPANY"), ("GDC", "COMPANY"), ("周明远", "PERSON"), ("东江大学", "ORG"), ("东大", "ORG"),
            ("龙湖科技", "COMPANY"), ("深圳", "PLACE")]
    ex = run(text, ents)
    assert ex.aliases == [("GDC", "环球数据公司"), ("东大", "东江大学")]  # 深圳 is no short name of 龙湖科技
    assert affiliations(ex) == {("周明远", "分析师", "GDC")}  # the mention of GDC is 环球数据公司's
    # an English name in brackets, read by the model as a person
    ex = run("摩西士丹证券（Moses Stanley）分析师称。", [("摩西士丹证券", "COMPANY"), ("Moses Stanley", "PERSON")])
    assert ex.aliases == [("Moses Stanley", "摩西士丹证券")] and {m.label for m in ex.mentions} == {"COMPANY"}


def test_a_defined_short_name_needs_an_organization_before_it() -> None:
    text = "他说了一句话（以下简称“那句话”）让人印象深刻。"
    ex = run(text, [])
    assert ex.aliases == [] and ex.mentions == []


def test_heads_of_state_and_diplomats_hold_office_in_their_country() -> None:
    text = "巴西总统卢拉当天会见了智利外长范克拉韦伦。"
    ex = run(text, [("巴西", "PLACE"), ("卢拉", "PERSON"), ("智利", "PLACE"), ("范克拉韦伦", "PERSON")])
    assert affiliations(ex) == {("卢拉", "总统", "巴西"), ("范克拉韦伦", "外长", "智利")}


def test_a_nationality_is_not_an_office() -> None:
    text = "俱乐部与西班牙籍主帅罗伯托续约两年。"
    ex = run(text, [("西班牙", "PLACE"), ("罗伯托", "PERSON")])
    assert affiliations(ex) == set()


def test_a_second_title_in_a_list_is_at_the_same_body() -> None:
    text = "南湖区教育局局长周文斌、副局长钱立新出席。南湖大学党委书记许建国、校长孙晓梅也参加了活动。"
    ents = [("南湖区教育局", "ORG"), ("周文斌", "PERSON"), ("钱立新", "PERSON"), ("南湖大学党委", "ORG"),
            ("许建国", "PERSON"), ("孙晓梅", "PERSON")]
    ex = run(text, ents)
    assert affiliations(ex) == {
        ("周文斌", "局长", "南湖区教育局"), ("钱立新", "副局长", "南湖区教育局"), ("许建国", "书记", "南湖大学党委"),
    }  # the 校长 is the university's, which is not named on its own


def test_a_title_listed_before_a_body_with_its_places_written_on_is_the_names_too() -> None:
    text = "全国人大代表、长沙市雨花区圭塘街道社区卫生服务中心护士长刘晓燕说，基层待遇提高了。"
    ents = [("全国人大", "ORG"), ("长沙市", "PLACE"), ("雨花区", "PLACE"), ("圭塘街道社区卫生服务中心", "ORG"), ("刘晓燕", "PERSON")]
    assert affiliations(run(text, ents)) == {("刘晓燕", "代表", "全国人大"), ("刘晓燕", "护士长", "圭塘街道社区卫生服务中心")}


def test_a_name_read_into_a_title_or_begun_inside_a_word_is_cut_back() -> None:
    text = "沅江电机证券事务代表周立新介绍，公司控股股东沅电集团有限公司拟增持。西坪村党支部书记何明亮参加。"
    ents = [("沅江电机证券", "COMPANY"), ("周立新", "PERSON"), ("东沅电集团有限公司", "COMPANY"), ("西坪村党支部", "ORG"),
            ("何明亮", "PERSON")]
    ex = run(text, ents)
    assert [m.text for m in ex.mentions if m.label in ("ORG", "COMPANY")] == ["沅江电机", "沅电集团有限公司", "西坪村党支部"]
    assert affiliations(ex) == {("周立新", "证券事务代表", "沅江电机"), ("何明亮", "书记", "西坪村党支部")}


def test_an_age_before_the_title_is_no_part_of_the_role() -> None:
    text = "在清溪镇中心小学，52岁的语文老师钟秀梅已任教30年。"
    ents = [("清溪镇中心小学", "ORG"), ("钟秀梅", "PERSON")]
    assert affiliations(run(text, ents)) == {("钟秀梅", "语文老师", "清溪镇中心小学")}


def test_a_name_begun_inside_its_bracketed_place_begins_before_the_brackets() -> None:
    text = "　　星途汽车（安徽）有限公司副总裁吴立勇表示将扩建工厂。"
    ex = run(text, [("安徽）有限公司", "COMPANY"), ("吴立勇", "PERSON")])
    assert affiliations(ex) == {("吴立勇", "副总裁", "星途汽车（安徽）有限公司")}
    ex = run("星途汽车（安徽）有限公司投产。", [("星途汽车", "COMPANY"), ("安徽）有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["星途汽车（安徽）有限公司"]


def test_a_province_read_alone_before_a_cut_company_is_its_head_and_its_short_name_a_repeat() -> None:
    text = "福建澜泰电器股份有限公司董事长林海生说，澜泰今年新建的工厂已经投产。公司研究院院长邱志武说，自动化率超过85%。"
    ents = [("福建", "ORG"), ("泰电器股份有限公司", "COMPANY"), ("林海生", "PERSON"), ("邱志武", "PERSON")]
    ex = run(text, ents)
    assert [(m.text, m.origin) for m in ex.mentions if m.label == "COMPANY"] == [
        ("福建澜泰电器股份有限公司", "ner"), ("澜泰", "repeat")]
    # a unit after the word for the company (公司研究院) is the company's: the title is at the company
    assert affiliations(ex) == {("林海生", "董事长", "福建澜泰电器股份有限公司"), ("邱志武", "研究院院长", "福建澜泰电器股份有限公司")}
    # a province before the county before the cut name: both the name's head
    text = "四川蒲江猕猴桃现代农业发展有限公司总经理邓梅说，果子已经进入新加坡市场。"
    ex = run(text, [("四川", "PLACE"), ("猴桃现代农业发展有限公司", "COMPANY"), ("邓梅", "PERSON")])
    assert affiliations(ex) == {("邓梅", "总经理", "四川蒲江猕猴桃现代农业发展有限公司")}
    # a short name of two characters only where it stands as a word
    text = "福建澜泰电器股份有限公司扩产。波澜泰然处之。"
    ex = run(text, [("福建澜泰电器股份有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["福建澜泰电器股份有限公司"]


def test_a_unit_joining_two_fields_with_and_is_read_whole_with_its_organization() -> None:
    text = "南方大学海洋与大气科学学院教授韦明远认为，这一发现提供了新证据。"
    ex = run(text, [("南方大学", "ORG"), ("海洋", "PLACE"), ("大气科学学院", "ORG"), ("韦明远", "PERSON")])
    assert affiliations(ex) == {("韦明远", "教授", "南方大学海洋与大气科学学院")}
    text = "国家林草局湿地与荒漠管理中心副主任尹晓峰表示，数据已向公众开放。"
    ex = run(text, [("国家林草局", "ORG"), ("尹晓峰", "PERSON")])
    assert affiliations(ex) == {("尹晓峰", "副主任", "国家林草局湿地与荒漠管理中心")}
    # a bureau of two fields opening its clause, read from after 及
    text = "特区政府昨日公布方案。环境及生态局局长谢展寰表示，将加快推进。"
    ex = run(text, [("特区", "PLACE"), ("生态局", "ORG"), ("谢展寰", "PERSON")])
    assert affiliations(ex) == {("谢展寰", "局长", "环境及生态局")}
    # two bodies joined by 与, a title before it
    text = "南方大学教授与中国科学院研究员合作。"
    ex = run(text, [("南方大学", "ORG"), ("中国科学院", "ORG")])
    assert [m.text for m in ex.mentions] == ["南方大学", "中国科学院"]


def test_a_bodys_office_in_another_place_is_one_organization() -> None:
    text = "中国有色矿业集团有限公司驻赞比亚代表处首席代表孙立军说，项目运行平稳。"
    ents = [("中国有色矿业集团有限公司", "COMPANY"), ("赞比亚", "PLACE"), ("孙立军", "PERSON")]
    ex = run(text, ents)
    assert affiliations(ex) == {("孙立军", "首席代表", "中国有色矿业集团有限公司驻赞比亚代表处")}
    text = "南方日报社驻广州记者站站长何云说。"
    ex = run(text, [("南方日报社", "ORG"), ("广州记者站", "ORG"), ("何云", "PERSON")])
    assert affiliations(ex) == {("何云", "站长", "南方日报社驻广州记者站")}


def test_a_student_is_affiliated_with_the_school() -> None:
    text = "论文第一作者、西湖大学博士研究生刘晓宇介绍。滨江中学学生王浩然说，比赛很精彩。学生们说，天气很好。"
    ents = [("西湖大学", "ORG"), ("刘晓宇", "PERSON"), ("滨江中学", "ORG"), ("王浩然", "PERSON")]
    assert affiliations(run(text, ents)) == {("刘晓宇", "博士研究生", "西湖大学"), ("王浩然", "学生", "滨江中学")}
    # a student written bare is of a school of the same sentence only
    text = "他带出的学生中有12人考入清华、北大。“邓老师上课从不照本宣科。”学生刘子涵说。"
    assert affiliations(run(text, [("清华", "ORG"), ("北大", "ORG"), ("刘子涵", "PERSON")])) == set()


def test_bodies_named_by_kind_after_a_zone_and_its_other_name_in_brackets_are_the_zones() -> None:
    text = "湘潭高新区（岳塘区）党工委副书记、管委会主任谢文斌介绍，园区新引进企业26家。"
    ex = run(text, [("湘潭高新区", "PLACE"), ("党工委", "ORG"), ("管委会", "ORG"), ("谢文斌", "PERSON")])
    assert affiliations(ex) == {("谢文斌", "副书记", "湘潭高新区党工委"), ("谢文斌", "主任", "湘潭高新区管委会")}
    # a body named by its kind alone names no place for the next
    ex = run("党工委副书记、管委会主任谢文斌介绍。", [("党工委", "ORG"), ("管委会", "ORG"), ("谢文斌", "PERSON")])
    assert ("谢文斌", "主任", "党工管委会") not in affiliations(ex)
    # the zone's word left out of the place the model read
    ex = run(text, [("湘潭", "PLACE"), ("党工委", "ORG"), ("管委会", "ORG"), ("谢文斌", "PERSON")])
    assert affiliations(ex) == {("谢文斌", "副书记", "湘潭高新区党工委"), ("谢文斌", "主任", "湘潭高新区管委会")}
    # without brackets: the body of another kind listed after the first's title
    text = "湘潭新区党工委委员、管委会副主任罗文介绍，新政对人才给予支持。"
    ex = run(text, [("湘潭新区党工委", "ORG"), ("管委会", "ORG"), ("罗文", "PERSON")])
    assert affiliations(ex) == {("罗文", "委员", "湘潭新区党工委"), ("罗文", "副主任", "湘潭新区管委会")}


def test_a_reserve_read_from_its_rank_is_named_with_its_place() -> None:
    text = "湖南西洞庭湖省级自然保护区管理局局长彭建军介绍，候鸟提前了10天。"
    ex = run(text, [("湖南", "PLACE"), ("西洞庭湖", "PLACE"), ("省级自然保护区管理局", "ORG"), ("彭建军", "PERSON")])
    assert affiliations(ex) == {("彭建军", "局长", "西洞庭湖省级自然保护区管理局")}
    # a station named by its place, missed before its head's title
    ex = run("保护区青山湖管护站站长刘春说，鸟来了。", [("青山湖", "PLACE"), ("刘春", "PERSON")])
    assert affiliations(ex) == {("刘春", "站长", "青山湖管护站")}


def test_a_teams_name_read_as_a_person_is_the_team() -> None:
    text = "湘龙主教练李双庆赛后表示，队员们打出了斗志。湖南湘龙足球俱乐部总经理曹林介绍。"
    ents = [("湘龙", "PERSON"), ("李双庆", "PERSON"), ("湖南湘龙足球俱乐部", "ORG"), ("曹林", "PERSON")]
    ex = run(text, ents)
    assert affiliations(ex) == {("李双庆", "主教练", "湘龙"), ("曹林", "总经理", "湖南湘龙足球俱乐部")}
    assert ("湘龙", "湖南湘龙足球俱乐部") in ex.aliases


def test_a_unit_written_between_its_organization_and_a_title_is_part_of_the_role() -> None:
    text = "隆安种业水稻事业部总经理杨远明说，新组合已示范种植。"
    ex = run(text, [("隆安种业", "COMPANY"), ("杨远明", "PERSON")])
    assert affiliations(ex) == {("杨远明", "水稻事业部总经理", "隆安种业")}
    # a title listed after the first at a body the text names is not the organization's
    text = "省发展改革委副主任、省优化办主任谭和平介绍。"
    ex = run(text, [("省发展改革委", "ORG"), ("谭和平", "PERSON")])
    assert ("谭和平", "省优化办主任", "省发展改革委") not in affiliations(ex)


def test_a_city_read_as_a_person_is_the_city_and_names_its_bureau() -> None:
    text = "邵阳：旅游留客\n\n邵阳新宁崀山旅游公司副总经理向平介绍。邵阳市文化旅游广电体育局党组书记、局长王群说，游客增长。"
    ents = [("邵阳", "PERSON"), ("向平", "PERSON"), ("广电体育局党组", "ORG"), ("王群", "PERSON")]
    ex = run(text, ents)
    assert "邵阳" not in {m.text for m in ex.mentions if m.label == "PERSON"}
    assert ("王群", "局长", "邵阳市文化旅游广电体育局") in affiliations(ex)
    # an organization no body's word ends, right before a company, is the company's head
    text = "怀化国际陆港发展有限公司总经理杨波介绍，陆港开行班列120列。"
    ex = run(text, [("怀化国际", "ORG"), ("陆港发展有限公司", "COMPANY"), ("杨波", "PERSON")])
    assert affiliations(ex) == {("杨波", "总经理", "怀化国际陆港发展有限公司")}


def test_a_role_after_a_meeting_chaired_by_refers_back() -> None:
    text = "北方石化公司发布年报。会议由该公司主席卡尔森主持。"
    ex = run(text, [("北方石化公司", "COMPANY"), ("卡尔森", "PERSON")])
    assert affiliations(ex) == {("卡尔森", "主席", "北方石化公司")}
    assert [m.text for m in ex.mentions if m.label != "PERSON"] == ["北方石化公司"]  # no body named 会议由该公司
    # a verb of meeting before a title is no part of it
    text = "北方石化公司发布年报。在京期间，卡尔森还将会晤副总经理林海等人。"
    ex = run(text, [("北方石化公司", "COMPANY"), ("卡尔森", "PERSON"), ("林海", "PERSON")])
    assert not any("会晤" in role for _, role, _ in affiliations(ex))
    # nor is a list's 以及 and what follows it
    text = "佛罗伦萨省省督鲁弗、佛罗伦萨市长普里米奇里奥以及旅意华侨代表等200多人出席了活动。"
    ex = run(text, [("佛罗伦萨省", "PLACE"), ("鲁弗", "PERSON"), ("佛罗伦萨", "PLACE")])
    assert not any("以及" in role for _, role, _ in affiliations(ex))


def test_a_company_named_after_its_country_and_without_it_in_one_article_is_one() -> None:
    text = "美国香蕉公司9月13日发布新款手机。香蕉公司首席执行官库克说，续航提升了20%。"
    ex = run(text, [("美国香蕉公司", "COMPANY"), ("香蕉公司", "COMPANY"), ("库克", "PERSON")])
    assert ("香蕉公司", "美国香蕉公司") in ex.aliases
    ex = run("湖南香蕉公司发布新品。香蕉公司说。", [("湖南香蕉公司", "COMPANY"), ("香蕉公司", "COMPANY")])
    assert ex.aliases == []  # a province before it is where it is, not its country


def test_a_registered_name_with_its_place_in_brackets_begins_at_its_own_name() -> None:
    # the model began after the brackets, on the second character of 在线, or after the name read before
    text = "赛事运营方星澜跑团（成都）体育管理有限公司总经理魏青表示。"
    ex = run(text, [("成都", "PLACE"), ("体育管理有限公司", "COMPANY"), ("魏青", "PERSON")])
    assert affiliations(ex) == {("魏青", "总经理", "星澜跑团（成都）体育管理有限公司")}
    text = "据搜云在线网络技术（杭州）有限公司副总裁傅航介绍。"
    ex = run(text, [("搜云", "COMPANY"), ("线网络技术（杭州）有限公司", "COMPANY"), ("傅航", "PERSON")])
    assert [m.text for m in ex.mentions] == ["搜云在线网络技术（杭州）有限公司", "傅航"]
    text = "与白鹭通讯技术（武汉）有限公司、华康三七（郴州）制药有限公司签约。"
    ex = run(text, [("通讯技术（武汉）有限公司", "COMPANY"), ("华康", "PLACE"), ("三七（郴州）制药有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["白鹭通讯技术（武汉）有限公司", "华康三七（郴州）制药有限公司"]
    # a body's name too
    text = "麓谷（长沙）视频文创产业园管委会主任杨鹏介绍，园区营收增长。"
    ex = run(text, [("麓谷", "PLACE"), ("长沙", "PLACE"), ("视频文创产业园管委会", "ORG"), ("杨鹏", "PERSON")])
    assert affiliations(ex) == {("杨鹏", "主任", "麓谷（长沙）视频文创产业园管委会")}
    # a bracket that holds no place is no registered name's
    ex = run("他在（全体）体育管理有限公司工作。", [("体育管理有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["体育管理有限公司"]


def test_places_written_together_lie_within_each_other_only_as_the_divisions_say() -> None:
    text = "大众安徽工厂投产。宜宾市翠屏区白沙湾街道办事处发布通知。"
    ex = run(text, [("大众", "PLACE"), ("安徽", "PLACE"), ("宜宾市", "PLACE"), ("翠屏区", "PLACE"), ("白沙湾街道", "PLACE")])
    rels = {(ex.mentions[r.head].text, r.kind, ex.mentions[r.tail].text) for r in ex.relations}
    assert rels == {("翠屏区", "part_of", "宜宾市"), ("白沙湾街道", "part_of", "翠屏区")}


def test_the_post_a_person_holds_now_in_a_sentence_about_them() -> None:
    text = "林海平，1968年生，海南文昌人，现任椰岛食品股份有限公司董事长。"
    ents = [("林海平", "PERSON"), ("海南", "PLACE"), ("文昌", "PLACE"), ("椰岛食品股份有限公司", "COMPANY")]
    assert affiliations(run(text, ents)) == {("林海平", "董事长", "椰岛食品股份有限公司")}
    # the title is the name's after it, and the sentence is about its first person
    text = "李明和夫人王芳会见了秘鲁国会前主席、现任国会外委会主席罗哈斯。"
    ents = [("李明", "PERSON"), ("王芳", "PERSON"), ("秘鲁国会", "ORG"), ("国会外委会", "ORG")]
    assert ("王芳", "主席", "国会外委会") not in affiliations(run(text, ents))


def test_a_province_before_a_company_and_its_quoted_short_name_are_the_companys() -> None:
    text = "合作社与湖南橙之味农业科技有限公司合作。“橙之味”总经理肖立平说，今年收购5000吨。"
    ex = run(text, [("橙之味农业科技有限公司", "COMPANY"), ("肖立平", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "COMPANY"] == ["湖南橙之味农业科技有限公司", "橙之味"]
    assert affiliations(ex) == {("肖立平", "总经理", "橙之味")}


def test_a_city_committee_members_government_post_is_the_citys() -> None:
    text = "怀化市召开产业大会。怀化市委常委、副市长杨立奎到会讲话。"
    ex = run(text, [("怀化市", "PLACE"), ("怀化市委", "ORG"), ("杨立奎", "PERSON")])
    assert affiliations(ex) == {("杨立奎", "常委", "怀化市委"), ("杨立奎", "副市长", "怀化市")}


def test_a_company_read_as_its_trade_alone_begins_at_the_place_and_word_before_it() -> None:
    text = "团队与湘潭永达新能源科技股份有限公司、南岭大学化学系开展联合攻关。南岭大学化学系主任、博士生导师张立强认为成果意义重大。"
    ents = [("新能源科技股份有限公司", "COMPANY"), ("南岭大学化学系", "ORG"), ("南岭大学化学系", "ORG"), ("张立强", "PERSON")]
    ex = run(text, ents)
    assert [m.text for m in ex.mentions][:2] == ["湘潭永达新能源科技股份有限公司", "南岭大学化学系"]
    assert affiliations(ex) == {("张立强", "主任", "南岭大学化学系"), ("张立强", "博士生导师", "南岭大学化学系")}


def test_a_place_and_body_before_a_deputys_title_is_cut_where_the_title_begins() -> None:
    text = "沙雅县农业农村局副局长买买提表示，今年新建大棚200座。"
    ex = run(text, [("沙雅县", "PLACE"), ("买买提", "PERSON")])
    assert affiliations(ex) == {("买买提", "副局长", "沙雅县农业农村局")}  # not …局副局 + 局长


@pytest.mark.parametrize(
    "text, ents, orgs, affiliation",
    [
        # a school cut one character after its university, on the second character of a word (食品)
        ("南海大学食品科学与工程学院院长李从文评价说。皇家剧院和文艺剧院联合演出。",
         [("南海大学", "ORG"), ("品科学与工程学院", "ORG"), ("李从文", "PERSON"), ("皇家剧院", "ORG"), ("文艺剧院", "ORG")],
         ["南海大学食品科学与工程学院", "皇家剧院", "文艺剧院"], ("李从文", "院长", "南海大学食品科学与工程学院")),
        # a bureau joining two fields with 和, read from after the 和; a government and a ministry stay two
        ("岳阳市科学技术和工业信息化局局长刘立军介绍。北京市政府和科技部给予支持。",
         [("岳阳市", "PLACE"), ("工业信息化局", "ORG"), ("刘立军", "PERSON"), ("北京市政府", "ORG"), ("科技部", "ORG")],
         ["岳阳市科学技术和工业信息化局", "北京市政府", "科技部"], ("刘立军", "局长", "岳阳市科学技术和工业信息化局")),
        # a body read from after its rank
        ("据西洞庭湖国家级自然保护区管理局监测，候鸟增多。管理局副局长姚立说。",
         [("西洞庭湖", "PLACE"), ("自然保护区管理局", "ORG"), ("姚立", "PERSON")],
         ["西洞庭湖国家级自然保护区管理局"], ("姚立", "副局长", "西洞庭湖国家级自然保护区管理局")),
    ],
)
def test_a_body_the_model_cut_is_named_whole(text, ents, orgs, affiliation) -> None:
    ex = run(text, ents)
    assert [m.text for m in ex.mentions if m.label == "ORG"] == orgs
    assert affiliations(ex) == {affiliation}


def test_police_ranks_are_titles_at_the_police() -> None:
    text = "西湖派出所民警赵永刚、辅警钱多多巡逻时发现了走失的孩子。"
    ents = [("西湖派出所", "ORG"), ("赵永刚", "PERSON"), ("钱多多", "PERSON")]
    assert affiliations(run(text, ents)) == {("赵永刚", "民警", "西湖派出所"), ("钱多多", "辅警", "西湖派出所")}


def test_reporters_credited_at_a_paragraphs_end_are_authors() -> None:
    text = "口袋公园全部开放\n今年城区新建的口袋公园已全部开放。（记者 蔡文杰 通讯员 龙小溪）"
    ex = run(text, [])
    m = ex.mentions
    assert {(m[r.tail].text, r.role) for r in ex.relations if r.kind == "author"} == {("蔡文杰", "记者"), ("龙小溪", "通讯员")}


def test_this_hospital_refers_back_to_the_hospital_named_before() -> None:
    text = "南湖区人民医院开通胸痛中心。该院心内科主任医师何立新介绍，救治时间大大缩短。"
    ex = run(text, [("南湖区人民医院", "ORG"), ("何立新", "PERSON")])
    assert affiliations(ex) == {("何立新", "心内科主任医师", "南湖区人民医院")}


def test_concurrent_titles_and_a_party_committee_holds_party_titles_only() -> None:
    ex = run("南湖锂能公司董事长兼总经理沈嘉平表示，产能将翻番。", [("南湖锂能公司", "COMPANY"), ("沈嘉平", "PERSON")])
    assert affiliations(ex) == {("沈嘉平", "董事长", "南湖锂能公司"), ("沈嘉平", "总经理", "南湖锂能公司")}
    # the committee holds the party title, the group that holds the committee the other one
    ex = run("南湖集团党委书记、董事长钱立新出席。", [("南湖集团党委", "ORG"), ("钱立新", "PERSON")])
    assert affiliations(ex) == {("钱立新", "书记", "南湖集团党委"), ("钱立新", "董事长", "南湖集团")}
    assert [(m.text, m.name, m.label) for m in ex.mentions][:2] == [
        ("南湖集团", "南湖集团", "COMPANY"), ("党委", "南湖集团党委", "ORG"),
    ]
    # a company by its short name, which the model tagged a company with its committee
    ex = run("湘陵石化党委书记、执行董事罗祥林介绍了进展。", [("湘陵石化党委", "COMPANY"), ("罗祥林", "PERSON")])
    assert affiliations(ex) == {("罗祥林", "书记", "湘陵石化党委"), ("罗祥林", "执行董事", "湘陵石化")}
    # a city's committee is the city's, not a body and its committee
    ex = run("衡阳市委书记钱立新出席。", [("衡阳市委", "ORG"), ("钱立新", "PERSON")])
    assert affiliations(ex) == {("钱立新", "书记", "衡阳市委")}


def test_a_clause_or_a_count_before_a_title_is_no_title() -> None:
    ex = run("南湖公司即将卸任的总经理钱立新出席。", [("南湖公司", "COMPANY"), ("钱立新", "PERSON")])
    assert affiliations(ex) == set()
    ex = run("南湖队昨日抵达。比赛5日电记者孙晓梅报道，比赛明日开始。", [("南湖队", "ORG"), ("孙晓梅", "PERSON")])
    assert affiliations(ex) == set()  # 日电记者: the rest of a dateline, not a title
    ex = run("南湖登山协会名誉主席许建国出席。", [("南湖登山协会", "ORG"), ("许建国", "PERSON")])
    assert affiliations(ex) == {("许建国", "名誉主席", "南湖登山协会")}
    ex = run("据悉，南湖足球队而新任主教练何平已到任。", [("南湖足球队", "ORG"), ("何平", "PERSON")])
    assert affiliations(ex) == {("何平", "新任主教练", "南湖足球队")}


def located(ex: Extraction) -> set[tuple[str, str]]:
    m = ex.mentions
    return {(m[r.head].text, m[r.tail].text) for r in ex.relations if r.kind == "located_in"}


def test_the_text_says_where_an_organization_is() -> None:
    ex = run("南湖锂能公司总部位于嘉兴市，员工两千人。", [("南湖锂能公司", "COMPANY"), ("嘉兴市", "PLACE")])
    assert located(ex) == {("南湖锂能公司", "嘉兴市")}
    text = "南湖锂能公司昨日发布年报。该公司总部位于嘉兴市，生产基地设在海宁市。"
    ex = run(text, [("南湖锂能公司", "COMPANY"), ("嘉兴市", "PLACE"), ("海宁市", "PLACE")])
    assert ("南湖锂能公司", "嘉兴市") in located(ex)
    ex = run("南湖锂能公司的员工来自嘉兴市。", [("南湖锂能公司", "COMPANY"), ("嘉兴市", "PLACE")])
    assert located(ex) == set()


def test_a_place_with_a_body_word_before_a_title_is_that_body() -> None:
    text = "南湖市人民政府市长周文斌致辞，南湖市委书记许建国宣布开工，南湖经济技术开发区党工委书记何平介绍情况。"
    ents = [("南湖市", "PLACE"), ("周文斌", "PERSON"), ("南湖市", "PLACE"), ("许建国", "PERSON"), ("南湖", "PLACE"), ("何平", "PERSON")]
    ex = run(text, ents)
    assert affiliations(ex) == {
        ("周文斌", "市长", "南湖市人民政府"), ("许建国", "书记", "南湖市委"), ("何平", "书记", "南湖经济技术开发区党工委"),
    }
    assert {m.text for m in ex.mentions if m.label == "ORG"} == {"南湖市人民政府", "南湖市委", "南湖经济技术开发区党工委"}


def test_a_name_is_a_mention_wherever_the_article_repeats_it() -> None:
    text = "瑞丰光电股份有限公司昨日发布年报。瑞丰光电董事长吴立新说，明年将扩产。吴立新还说，订单排到了三月。"
    ex = run(text, [("瑞丰光电股份有限公司", "COMPANY"), ("吴立新", "PERSON")])
    found = [(m.text, m.label) for m in ex.mentions]
    assert found == [("瑞丰光电股份有限公司", "COMPANY"), ("瑞丰光电", "COMPANY"), ("吴立新", "PERSON"), ("吴立新", "PERSON")]
    assert affiliations(ex) == {("吴立新", "董事长", "瑞丰光电")}


def test_a_core_that_is_a_common_word_is_not_a_name() -> None:
    text = "南岭建筑工程集团有限公司承建该项目。建筑工程质量关系民生。"
    ex = run(text, [("南岭建筑工程集团有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["南岭建筑工程集团有限公司"]


def test_a_customs_chief_holds_office_at_the_customs() -> None:
    ex = run("赣南海关关长钟立平说，出口增长明显。", [("赣南海关", "ORG"), ("钟立平", "PERSON")])
    assert affiliations(ex) == {("钟立平", "关长", "赣南海关")}


def test_this_paper_is_the_paper_the_pages_header_names() -> None:
    page = (
        "江南日报 2026年11月6日 第2版\n\n秋粮收购进入高峰\n本报嘉兴11月5日电（记者 方明远）全市秋粮收购进入高峰。\n\n"
        "新桥通车\n本报记者 林雨桐\n昨日，城东新桥建成通车。"
    )
    articles = split_articles(Source("page.txt", page, "utf-8"))
    assert [a.paper for a in articles] == ["江南日报", "江南日报"]
    for article, reporter in zip(articles, ["方明远", "林雨桐"]):
        ex = extract(article, doc_with(article.text, []))
        [paper] = [m for m in ex.mentions if m.label == "ORG"]
        assert (paper.text, paper.name) == ("本报", "江南日报")
        assert affiliations(ex) == {(reporter, "记者", "江南日报")}


def test_a_records_source_names_its_paper_when_it_is_a_paper() -> None:
    text = "本报讯（记者 方明远）全市秋粮收购进入高峰。"
    [a] = split_articles(Source("r.jsonl:1", text, "utf-8", {"source": "江南日报"}))
    [b] = split_articles(Source("r.jsonl:2", text, "utf-8", {"source": "新华网"}))
    assert (a.paper, b.paper) == ("江南日报", "")


def test_a_company_the_model_cut_in_two_is_one_company() -> None:
    text = "南康区的江西华林木业家具有限公司订单排到了8月。"
    ex = run(text, [("南康区", "PLACE"), ("江西华林木业", "ORG"), ("家具有限公司", "COMPANY")])
    assert [(m.text, m.label) for m in ex.mentions] == [("南康区", "PLACE"), ("江西华林木业家具有限公司", "COMPANY")]
    ex = run("南康区鑫隆木业有限公司", [("南康区", "PLACE"), ("鑫隆木业有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["南康区鑫隆木业有限公司"]  # a registered name, as the registry writes it
    ex = run("南康区的鑫隆木业有限公司", [("南康区", "PLACE"), ("鑫隆木业有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["南康区", "鑫隆木业有限公司"]
    # a trade of several common words is no name either
    ex = run("宁德新能源科技股份有限公司", [("宁德", "PLACE"), ("新能源科技股份有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["宁德新能源科技股份有限公司"]


def test_a_body_named_by_its_level_is_that_of_the_place_named_before() -> None:
    text = "衡阳市召开体育工作会议。市体育局局长吴中平介绍，今年新建球场40个。市场监管局也派员参加。"
    ex = run(text, [("衡阳市", "PLACE"), ("市体育局", "ORG"), ("吴中平", "PERSON"), ("市场监管局", "ORG")])
    assert [(m.text, m.name) for m in ex.mentions if m.label == "ORG"] == [
        ("市体育局", "衡阳市体育局"), ("市场监管局", "市场监管局"),
    ]
    # a place that only ends like a city (a night market) qualifies nothing
    ex = run("大同夜市人头攒动。市体育局派员维持秩序。", [("大同夜市", "PLACE"), ("市体育局", "ORG")])
    assert [m.name for m in ex.mentions if m.label == "ORG"] == ["市体育局"]
    text = "桃源县人民医院开通绿色通道。患者在县医院得到救治，村委会派车送医。"
    ex = run(text, [("桃源县人民医院", "ORG"), ("县医院", "ORG"), ("村委会", "ORG")])
    assert [m.name for m in ex.mentions] == ["桃源县人民医院", "桃源县医院", "村委会"]


def test_a_city_written_whole_outranks_one_read_from_a_schools_name() -> None:
    # 福州 names the city; 漳平 only prefixes a school, in another sentence
    text = "龙岩市中学生篮球赛闭幕。漳平一中队夺得冠军。市篮球协会秘书长郑国栋为冠军颁奖。"
    ents = [("龙岩市", "PLACE"), ("漳平一中队", "ORG"), ("市篮球协会", "ORG"), ("郑国栋", "PERSON")]
    assert ("郑国栋", "秘书长", "龙岩市篮球协会") in affiliations(run(text, ents))
    # in the body's own sentence, the name's place is the one meant
    text = "龙岩市中学生篮球赛闭幕。漳平团市委、市篮球协会为冠军颁奖。"
    ex = run(text, [("龙岩市", "PLACE"), ("漳平团市委", "ORG"), ("市篮球协会", "ORG")])
    assert [m.name for m in ex.mentions if m.text == "市篮球协会"] == ["漳平市篮球协会"]


def test_a_body_named_again_without_its_place_is_the_one_named_whole() -> None:
    text = "货车在叶坪乡侧翻，瑞金市公安局交警大队民警赶到现场。交警大队大队长谢永平提醒减速慢行。"
    ents = [("叶坪乡", "PLACE"), ("瑞金市公安局交警大队", "ORG"), ("交警大队", "ORG"), ("谢永平", "PERSON")]
    assert affiliations(run(text, ents)) == {("谢永平", "大队长", "瑞金市公安局交警大队")}


def test_each_body_and_title_listed_before_a_name_is_the_names() -> None:
    text = "村党支部书记、村委会主任刘建新告诉记者，全村油茶收入突破600万元。"
    ex = run(text, [("村党支部", "ORG"), ("村委会", "ORG"), ("刘建新", "PERSON")])
    assert affiliations(ex) == {("刘建新", "书记", "村党支部"), ("刘建新", "主任", "村委会")}


def test_a_place_and_a_short_word_before_a_company_officer_is_the_company() -> None:
    ex = run("签约仪式上，宁德时代董事长曾毓群致辞。", [("宁德", "PLACE"), ("曾毓群", "PERSON")])
    assert affiliations(ex) == {("曾毓群", "董事长", "宁德时代")}
    assert [(m.text, m.label) for m in ex.mentions] == [("宁德时代", "COMPANY"), ("曾毓群", "PERSON")]
    ex = run("签约仪式上，宁德市长张华致辞。", [("宁德", "PLACE"), ("张华", "PERSON")])
    assert [(m.text, m.label) for m in ex.mentions] == [("宁德", "PLACE"), ("张华", "PERSON")]


def test_a_company_under_another_is_a_name_of_its_own() -> None:
    text = "长安汽车旗下深蓝汽车科技有限公司首席执行官邓承浩说，新车年底上市。"
    ex = run(text, [("长安汽车旗下深蓝汽车科技有限公司", "COMPANY"), ("邓承浩", "PERSON")])
    assert [m.text for m in ex.mentions] == ["长安汽车", "深蓝汽车科技有限公司", "邓承浩"]
    assert affiliations(ex) == {("邓承浩", "首席执行官", "深蓝汽车科技有限公司")}


def test_a_provincial_title_is_not_held_in_a_city() -> None:
    text = "会议在衡阳召开。副省长赵海川出席会议并讲话。衡阳市副市长李强主持。"
    ex = run(text, [("衡阳", "PLACE"), ("赵海川", "PERSON"), ("衡阳市", "PLACE"), ("李强", "PERSON")])
    assert affiliations(ex) == {("李强", "副市长", "衡阳市")}


def test_a_level_body_before_a_title_is_found_and_named_by_its_place() -> None:
    text = "全省会议召开\n江西日报9月14日讯（记者 江卉）全省工业经济运行调度会召开。省政府秘书长杨军出席。"
    ex = run(text, [("杨军", "PERSON")])
    assert affiliations(ex) == {("杨军", "秘书长", "江西省政府"), ("江卉", "记者", "江西日报")}


def test_what_the_model_finds_in_an_editor_line_is_no_mention() -> None:
    text = "园区产值增长\n2026-04-20 来源：锦江日报 作者：张明远\n园区一季度产值增长8%。\n责任编辑：李华"
    ex = run(text, [("锦江日报", "ORG"), ("张明远", "PERSON"), ("李华", "PERSON")])
    assert [(m.text, m.origin) for m in ex.mentions] == [("锦江日报", "byline"), ("张明远", "byline")]
    assert affiliations(ex) == {("张明远", "作者", "锦江日报")}
    # the time the page was posted after the author's name
    text = "园区产值增长\n来源：锦江日报 作者：张明远 2026-04-20 09:15\n园区一季度产值增长8%。"
    ex = run(text, [("锦江日报", "ORG"), ("张明远", "PERSON")])
    assert affiliations(ex) == {("张明远", "作者", "锦江日报")}


def test_a_bare_body_word_is_the_body_of_that_kind_named_before() -> None:
    text = "记者从锦江高新区管委会获悉，产值增长8%。锦江高新区党工委委员、管委会副主任陈晓东介绍了情况。"
    ents = [("锦江高新区管委会", "ORG"), ("锦江高新区党工委", "ORG"), ("管委会", "ORG"), ("陈晓东", "PERSON")]
    ex = run(text, ents)
    assert affiliations(ex) == {("陈晓东", "委员", "锦江高新区党工委"), ("陈晓东", "副主任", "锦江高新区管委会")}


def test_a_title_any_body_holds_goes_to_the_nearest_organization() -> None:
    text = "记者从锦江高新区管委会获悉，产值增长8%。在锦江电器股份有限公司研发中心，副总工程师刘芳正在调试新品。"
    ex = run(text, [("锦江高新区管委会", "ORG"), ("锦江电器股份有限公司", "COMPANY"), ("刘芳", "PERSON")])
    assert affiliations(ex) == {("刘芳", "副总工程师", "锦江电器股份有限公司")}


def test_where_the_story_stands_names_the_organization_the_model_missed() -> None:
    text = "在衡阳正信检验实验室里，总经理李超然正在整理数据。在全市各级医院里，医生们坚守岗位。"
    ex = run(text, [("衡阳", "ORG"), ("李超然", "PERSON")])
    assert [(m.text, m.label) for m in ex.mentions] == [("衡阳正信检验实验室", "ORG"), ("李超然", "PERSON")]
    assert affiliations(ex) == {("李超然", "总经理", "衡阳正信检验实验室")}


def test_a_body_the_model_read_as_a_place_is_an_organization() -> None:
    text = "湖南省科技厅将支持该技术。衡阳高新区企业加快复工。他曾在广州军区服役。"
    ex = run(text, [("湖南省科技厅", "PLACE"), ("衡阳高新区", "PLACE"), ("广州军区", "PLACE")])
    assert [(m.text, m.label) for m in ex.mentions] == [
        ("湖南省科技厅", "ORG"), ("衡阳高新区", "PLACE"), ("广州军区", "ORG"),
    ]


def test_a_place_the_model_cut_is_the_division_of_the_city_named() -> None:
    text = "武汉市推进河湖治理。东西湖区副区长方晓雯要求加强巡查。"
    ex = run(text, [("武汉市", "PLACE"), ("西湖区", "PLACE"), ("方晓雯", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PLACE"] == ["武汉市", "东西湖区"]
    assert affiliations(ex) == {("方晓雯", "副区长", "东西湖区")}
    # the cut name is a division of a city named: it stays
    ex = run("杭州市推进河湖治理。东西湖区见闻。", [("杭州市", "PLACE"), ("西湖区", "PLACE")])
    assert [m.text for m in ex.mentions if m.label == "PLACE"] == ["杭州市", "西湖区"]


def test_a_legal_representative_is_a_companys() -> None:
    text = "江夏鑫源化工有限公司法定代表人许志明表示将整改。"
    ex = run(text, [("江夏鑫源化工有限公司", "COMPANY"), ("许志明", "PERSON")])
    assert affiliations(ex) == {("许志明", "法定代表人", "江夏鑫源化工有限公司")}


def test_a_places_bureau_the_model_missed_holds_the_title_after_it() -> None:
    text = "沙雅县农业农村局副局长买买提·艾买尔介绍，全县棉花种植面积达到150万亩。"
    ex = run(text, [("买买提·艾买尔", "PERSON")])
    assert affiliations(ex) == {("买买提·艾买尔", "副局长", "沙雅县农业农村局")}


def test_the_body_word_a_role_starts_with_is_not_part_of_the_title() -> None:
    text = "记者从岳阳楼景区管理处获悉，游客量预计增长三成。管理处主任彭立说，景区已增加安保力量。"
    ex = run(text, [("岳阳楼景区管理处", "ORG"), ("彭立", "PERSON")])
    assert affiliations(ex) == {("彭立", "主任", "岳阳楼景区管理处")}


def test_a_dateline_after_according_to_names_its_outlet_and_place() -> None:
    text = "美联储按兵不动\n另据新华社纽约10月8日电（记者 徐静）美联储主席8日表示，将根据数据决定下一步行动。"
    ex = run(text, [])
    assert [(m.text, m.label) for m in ex.mentions] == [("新华社", "ORG"), ("纽约", "PLACE"), ("徐静", "PERSON")]
    assert affiliations(ex) == {("徐静", "记者", "新华社")}


def test_a_district_body_after_a_zone_is_the_zones() -> None:
    text = "衡阳高新区新签约项目18个。区经济发展局局长杨帆说，将帮助企业解决用工难题。"
    ex = run(text, [("衡阳高新区", "PLACE"), ("区经济发展局", "ORG"), ("杨帆", "PERSON")])
    assert affiliations(ex) == {("杨帆", "局长", "衡阳高新区经济发展局")}


def test_a_head_whose_title_shares_the_bodys_last_character() -> None:
    text = "美国国防部长科恩抵达汉城。"
    ex = run(text, [("美国", "PLACE"), ("科恩", "PERSON"), ("汉城", "PLACE")])
    assert affiliations(ex) == {("科恩", "部长", "美国国防部")}
    ex = run("衡阳市公安局长李明出席。", [("衡阳市公安局", "ORG"), ("李明", "PERSON")])
    assert affiliations(ex) == {("李明", "局长", "衡阳市公安局")}


def test_a_players_position_is_held_in_a_team_not_a_country() -> None:
    ex = run("鲁能泰山队前锋宿茂臻打入一球。", [("鲁能泰山队", "ORG"), ("宿茂臻", "PERSON")])
    assert affiliations(ex) == {("宿茂臻", "前锋", "鲁能泰山队")}
    ex = run("罗马尼亚前锋波佩斯库打入一球。", [("罗马尼亚", "PLACE"), ("波佩斯库", "PERSON")])
    assert affiliations(ex) == set()


def test_a_levels_bureau_before_a_title_is_named_by_its_place() -> None:
    text = "邵阳县委书记李晓明讲话。县农业农村局局长蒋文斌介绍，全县油茶面积已达72万亩。"
    ex = run(text, [("邵阳县委", "ORG"), ("李晓明", "PERSON"), ("蒋文斌", "PERSON")])
    assert ("蒋文斌", "局长", "邵阳县农业农村局") in affiliations(ex)
    # a level's committee is the committee of the place named; the city keeps its 市长
    ex = run("衡阳市召开大会。市委副书记、市长黎春明出席。", [("衡阳市", "PLACE"), ("黎春明", "PERSON")])
    assert affiliations(ex) == {("黎春明", "副书记", "衡阳市委"), ("黎春明", "市长", "衡阳市")}


def test_a_level_word_before_a_title_refers_to_a_place_before_an_organization() -> None:
    text = "益阳日报 2026年4月10日 第3版\n本报讯（记者 周晓）4月9日，益阳市赫山举行项目开工仪式，区委书记刘正良宣布开工。"
    ex = run(text, [("益阳日报", "ORG"), ("益阳市", "PLACE"), ("赫山", "PLACE"), ("刘正良", "PERSON")])
    assert ("刘正良", "书记", "赫山区委") in affiliations(ex)
    assert not any(p == "刘正良" and org == "益阳日报" for p, _, org in affiliations(ex))


def test_a_judge_serves_the_court_not_the_procuratorate_named_nearer() -> None:
    text = "记者从衡阳市中级人民法院获悉，一起诈骗案审结。衡阳市雁峰区人民检察院提起公诉。承办法官王磊提醒，购票应走正规渠道。"
    ents = [("衡阳市中级人民法院", "ORG"), ("衡阳市雁峰区人民检察院", "ORG"), ("王磊", "PERSON")]
    assert affiliations(run(text, ents)) == {("王磊", "承办法官", "衡阳市中级人民法院")}
    # and a country has no judge of its own here
    ex = run("美国法官约翰·西作出裁决。", [("美国", "PLACE"), ("约翰·西", "PERSON")])
    assert affiliations(ex) == set()


def test_a_standing_committee_member_holds_the_title_at_the_committee() -> None:
    ex = run("衡东县委常委、副县长龙秀生介绍了情况。", [("衡东县委", "ORG"), ("龙秀生", "PERSON")])
    # (and the 副县长 is the county's, not the committee's)
    assert affiliations(ex) == {("龙秀生", "常委", "衡东县委"), ("龙秀生", "副县长", "衡东县")}


def test_a_title_in_letters_ends_a_role() -> None:
    ex = run("苹果公司CEO库克表示，将加大在华投资。", [("苹果公司", "COMPANY"), ("库克", "PERSON")])
    assert affiliations(ex) == {("库克", "CEO", "苹果公司")}


def test_a_persons_name_ends_where_what_they_say_begins() -> None:
    text = ("江南纸业有限公司总经理刘建国介绍，订单排到了五月。车间主任林海还表示，今年要扩产。"
            "厂里员工曾凡明感叹，复工比预想的快。宋丽萍当天就接了四十个电话，宋丽仅午饭就推迟了两次。")
    ents = [("江南纸业有限公司", "COMPANY"), ("刘建", "PERSON"), ("林海", "PERSON"), ("凡明", "PERSON"),
            ("宋丽萍", "PERSON"), ("宋丽仅", "PERSON")]
    ex = run(text, ents)
    # a given name cut before 介绍; 还 is an adverb; 曾 after a title is a surname; 仅 is read off
    # a name only where the article reads its first two as the person elsewhere (宋丽萍 is not 宋丽)
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["刘建国", "林海", "曾凡明", "宋丽萍", "宋丽仅"]
    assert ("刘建国", "总经理", "江南纸业有限公司") in affiliations(ex)


def test_an_adverb_read_onto_a_name_the_article_gives_is_cut_off() -> None:
    text = "镇党委委员李静迅速接通电话。八天来，李静仅电话就拨打了一千多个。"
    ex = run(text, [("李静", "PERSON"), ("李静仅", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["李静", "李静"]


def test_a_company_named_again_by_its_core_and_trade_is_that_company() -> None:
    text = ("华清集团董事长周明远表示，华清制药将继续保障供应。今年以来，华清制药生产的感冒颗粒供不应求，"
            "东华清制药厂是另一家企业。")
    ex = run(text, [("华清集团", "COMPANY"), ("周明远", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "COMPANY"] == ["华清集团", "华清制药", "华清制药"]
    assert ex.aliases == [("华清制药", "华清集团")]
    [company] = [e for e in resolve([ex]).entities.values() if e.type == "COMPANY"]
    assert (company.label, company.aliases, company.mentions) == ("华清集团", {"华清制药"}, 3)


def test_a_division_before_its_government_is_that_body_and_two_words_are_no_person() -> None:
    text = "吉安市人民政府关于做好秋冬季防火工作的通知。法院审理查明，被告人共骗取资金三百万元。"
    ex = run(text, [("吉安市", "PLACE"), ("理查明", "PERSON")])
    assert [(m.text, m.label) for m in ex.mentions] == [("吉安市人民政府", "ORG")]


def test_this_papers_correspondent_is_the_papers() -> None:
    text = "江城日报 2026年4月9日 第2版\n\n护士长的一天\n\n本报通讯员 孟晓佳\n\n凌晨两点，病房的灯依旧亮着。"
    ex = run(text, [])
    assert affiliations(ex) == {("孟晓佳", "通讯员", "江城日报")}


def test_a_village_committee_title_is_the_villages_and_a_body_cut_before_its_word_is_whole() -> None:
    text = ("在昭觉县火普村，驻村干部走访了三户人家。村委会主任吉克阿呷说，草莓收入超过120万元。"
            "滨江大学第一附属医院重症医学科的灯依旧亮着。护士长孙晓丽刚刚协助完成抢救。")
    ents = [("昭觉县", "PLACE"), ("火普村", "PLACE"), ("吉克阿呷", "PERSON"), ("滨江大学第一附属", "ORG"), ("孙晓丽", "PERSON")]
    ex = run(text, ents)
    assert affiliations(ex) == {("吉克阿呷", "村委会主任", "火普村"), ("孙晓丽", "护士长", "滨江大学第一附属医院")}


def test_a_title_written_after_the_name_is_held_at_the_organization_before_it() -> None:
    text = "清华大学化学系张明远教授团队研制出新型材料。北京大学王强说，这是好事。"
    ex = run(text, [("清华大学化学系", "ORG"), ("张明远", "PERSON"), ("北京大学", "ORG"), ("王强", "PERSON")])
    assert affiliations(ex) == {("张明远", "教授", "清华大学化学系")}


def test_a_dateline_word_this_papers_reporter_or_an_order_before_a_name_is_no_title() -> None:
    text = ("国家气象中心本报讯记者李晓云报道：今年汛期降水偏多。反腐败委员会8日下令冻结前总理贝·布尔的资产。"
            "新华社厦门五月三十日电记者郅振东报道：厦门市今天举行招商会。")
    ents = [("国家气象中心", "ORG"), ("李晓云", "PERSON"), ("反腐败委员会", "ORG"), ("贝·布尔", "PERSON"),
            ("厦门", "PLACE"), ("郅振东", "PERSON"), ("厦门市", "PLACE")]
    assert affiliations(run(text, ents)) == set()


def test_a_bureaus_party_group_and_a_county_committees_listed_government_post() -> None:
    text = "省水利厅党组书记、厅长罗毅明汇报了准备情况。市委书记来到澧县调研，澧县县委书记陈爱华、县长龚德明陪同。"
    ents = [("省水利厅党组", "ORG"), ("罗毅明", "PERSON"), ("澧县", "PLACE"), ("澧县县委", "ORG"), ("陈爱华", "PERSON"),
            ("龚德明", "PERSON")]
    assert affiliations(run(text, ents)) == {
        ("罗毅明", "书记", "省水利厅党组"), ("罗毅明", "厅长", "省水利厅"), ("陈爱华", "书记", "澧县县委"), ("龚德明", "县长", "澧县"),
    }


def test_a_name_listed_between_two_persons_is_a_person() -> None:
    ex = run("省领导张迎春、秦国文、周海涛出席会议。", [("张迎春", "PERSON"), ("周海涛", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["张迎春", "秦国文", "周海涛"]


def test_a_name_the_model_missed_after_a_title_is_a_person() -> None:
    text = "市林业科学研究院副院长邓海涛评价，这批新品种抗病能力强。"
    assert affiliations(run(text, [("市林业科学研究院", "ORG")])) == {("邓海涛", "副院长", "市林业科学研究院")}
    # the last of a list after a person, ending where a common word begins
    ex = run("副市长周建平、韩立新出席仪式。", [("周建平", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["周建平", "韩立新"]
    # a two-character verb of saying is no part of the name
    ex = run("德国国防部长吕厄宣称，北约将东扩。", [("德国", "PLACE")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["吕厄"]
    # no name: a verb after a title many share, a word after the title, 某, a time or a word
    for text in ("村干部包网格、党员联系户。", "他在设计院院长任上，吃住在工地。", "药政科科长刘某说：",
                 "副委员长谢非时表示，", "他虚心向老师傅学习，", "市长高兴地说，"):
        assert not [m for m in run(text, []).mentions if m.label == "PERSON"], text


def test_a_name_read_as_a_place_before_what_only_a_company_has_is_a_company() -> None:
    ex = run("走进康源堂中药生产车间，工人们正忙着分拣药材。目前，康源堂拥有6条生产线。", [("康源堂", "PLACE"), ("康源堂", "PLACE")])
    assert [m.label for m in ex.mentions if m.text == "康源堂"] == ["COMPANY", "COMPANY"]
    # a hall where something is held keeps the model's reading
    ex = run("座谈会在芙蓉堂举行，工人们畅谈生产线的变化。", [("芙蓉堂", "PLACE")])
    assert [m.label for m in ex.mentions if m.text == "芙蓉堂"] == ["PLACE"]


def test_a_bare_title_refers_to_its_own_sentences_body_first() -> None:
    text = "华信科技公司发布了新产品。在长沙正清检测实验室里，总经理王立新正在整理数据。"
    ents = [("华信科技公司", "COMPANY"), ("长沙正清检测实验室", "ORG"), ("王立新", "PERSON")]
    assert affiliations(run(text, ents)) == {("王立新", "总经理", "长沙正清检测实验室")}


def test_a_cut_company_headed_twice_and_a_body_begun_inside_a_word() -> None:
    # 工 + 股份有限公司 takes its head (重工), then, a bare trade with an officer after it, its name (八一)
    text = "获奖者包括：八一重工股份有限公司高级技师冯建军、星城钢铁有限公司炼钢工段长龚海林。"
    ents = [("工股份有限公司", "COMPANY"), ("冯建军", "PERSON"), ("星城钢铁有限公司", "COMPANY"), ("龚海林", "PERSON")]
    assert affiliations(run(text, ents)) == {("冯建军", "高级技师", "八一重工股份有限公司"),
                                             ("龚海林", "炼钢工段长", "星城钢铁有限公司")}
    ex = run("我们将与农业大学合作，建设稻鱼产业研究院。", [("农业大学", "ORG"), ("设稻鱼产业研究院", "ORG")])
    assert [m.text for m in ex.mentions] == ["农业大学", "稻鱼产业研究院"]
    # a one-character body word before an owner's word is the name's (所 + 旗下), not as a particle (所 + 拍摄)
    ex = run("星城电车所旗下的星城电气公司营收增长。", [("星城电车", "COMPANY"), ("星城电气公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["星城电车所", "星城电气公司"]
    ex = run("这是海盗号所拍摄的照片。", [("海盗号", "ORG")])
    assert [m.text for m in ex.mentions] == ["海盗号"]


def test_a_title_whose_last_character_makes_a_word_with_the_surname() -> None:
    # 经理 + 喻: 理喻 is a word, 经理喻 none
    ex = run("星城牧业总经理喻海文说：“订单排到了明年。”", [("星城牧业", "COMPANY")])
    assert affiliations(ex) == {("喻海文", "总经理", "星城牧业")}


def test_a_company_read_as_its_core_is_named_with_the_trade_written_after_it() -> None:
    ex = run("星城牧业总经理喻海文说：“订单排到了明年。”", [("星城", "COMPANY")])
    assert affiliations(ex) == {("喻海文", "总经理", "星城牧业")}
    # not when the trade word begins the clause's own words
    ex = run("星城环保追求高标准。", [("星城", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["星城"]
    # typed an organization: when the article names the company by that core and trade
    text = "湖南星城瓷业股份有限公司参展。星城瓷业总经理许海说，订单大增。"
    ex = run(text, [("湖南星城瓷业股份有限公司", "COMPANY"), ("星城", "ORG"), ("许海", "PERSON")])
    assert affiliations(ex) == {("许海", "总经理", "星城瓷业")}


def test_a_community_after_its_street_is_a_place_and_its_committee_the_communitys() -> None:
    text = "日前，荷花区月湖街道翡翠社区的改造工程完工。社区党委书记易海英说，小区新增停车位。建宁街道新建的社区也已完工。"
    ex = run(text, [("荷花区", "PLACE"), ("月湖街道", "PLACE"), ("易海英", "PERSON"), ("建宁街道", "PLACE")])
    assert [m.text for m in ex.mentions if m.label == "PLACE"] == ["荷花区", "月湖街道", "翡翠社区", "建宁街道"]
    assert affiliations(ex) == {("易海英", "党委书记", "翡翠社区")}
    # the model read only the community's head, as a town of that name
    ex = run("在云集街道花溪社区，网格员李冬青正挨家挨户走访。", [("云集街道", "PLACE"), ("花溪", "PLACE"), ("李冬青", "PERSON")])
    assert affiliations(ex) == {("李冬青", "网格员", "花溪社区")}


def test_a_name_read_across_two_paragraphs_is_none() -> None:
    text = "近日，全县召开会议。\n县委常委、政法委书记蒋志\n强介绍，全县已建成网格2860个。"
    ex = run(text, [("蒋志\n强", "PERSON")])
    assert not [m for m in ex.mentions if m.label == "PERSON"]


def test_a_date_and_a_verb_before_a_title_referring_back_are_no_part_of_it() -> None:
    text = "星城建材股份有限公司董事会于2026年3月2日收到公司副总裁王海峰先生的辞职报告。"
    ents = [("星城建材股份有限公司", "COMPANY"), ("王海峰", "PERSON")]
    ex = run(text, ents)
    assert affiliations(ex) == {("王海峰", "副总裁", "星城建材股份有限公司")}
    assert [m.text for m in ex.mentions] == ["星城建材股份有限公司", "王海峰"]


def test_a_team_member_is_of_the_body_of_the_person_whose_team_it_is() -> None:
    text = ("湘江大学化学学院教授王志军团队研发了新材料。鉴定委员会主任、中国工程院院士李明认为，成果领先。"
            "该团队成员、副研究员刘芳告诉记者，新材料已试用。湘江女排主攻手陈文静拿下21分。")
    ents = [("湘江大学化学学院", "ORG"), ("王志军", "PERSON"), ("鉴定委员会", "ORG"), ("中国工程院", "ORG"),
            ("李明", "PERSON"), ("刘芳", "PERSON"), ("湘江女排", "ORG"), ("陈文静", "PERSON")]
    found = affiliations(run(text, ents))
    assert ("刘芳", "副研究员", "湘江大学化学学院") in found and not any(p == "刘芳" and o == "中国工程院" for p, _, o in found)
    assert ("陈文静", "主攻手", "湘江女排") in found


def test_a_name_before_a_stock_code_is_a_listed_company_named_so_again() -> None:
    text = "其中，星辰眼科（300915）营收增长12%，华信钢铁（000932）和蓝海科技（300433）净利润增长。蓝海科技董事长周海飞表示，将扩产。"
    ex = run(text, [("华信钢铁", "COMPANY"), ("周海飞", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "COMPANY"] == ["星辰眼科", "华信钢铁", "蓝海科技", "蓝海科技"]
    assert affiliations(ex) == {("周海飞", "董事长", "蓝海科技")}


def test_a_person_that_is_a_companys_core_after_a_country_is_the_company() -> None:
    text = "美国星际汽车公司宣布投产。星际汽车首席执行官约翰·史密斯致辞。"
    ex = run(text, [("美国星际汽车公司", "COMPANY"), ("星际汽车", "PERSON"), ("约翰·史密斯", "PERSON")])
    assert [m.label for m in ex.mentions if m.text == "星际汽车"] == ["COMPANY"]
    assert ("星际汽车", "美国星际汽车公司") in ex.aliases


def test_a_company_named_by_its_core_without_its_trade_though_a_town_shares_its_head() -> None:
    # 黄金 is a town's short name: it is the company's own, and 黄金智造 its short name
    text = "黄金智造装备股份有限公司副总经理王晓明说，订单饱满。据介绍，黄金智造今年海外营收过半。"
    ex = run(text, [("黄金智造装备股份有限公司", "COMPANY"), ("王晓明", "PERSON"), ("黄金", "PLACE")])
    assert [(m.text, m.label) for m in ex.mentions][-1] == ("黄金智造", "COMPANY")


def test_a_profiles_posts_between_commas_and_each_body_listed_after_a_post() -> None:
    text = "官春雷，1948年生，湘江农业大学教授、中国工程院院士，长期从事油菜育种研究。王明，曾任华信公司总经理，现已退休。"
    ents = [("官春雷", "PERSON"), ("湘江农业大学", "ORG"), ("中国工程院", "ORG"), ("王明", "PERSON"), ("华信公司", "COMPANY")]
    assert affiliations(run(text, ents)) == {("官春雷", "教授", "湘江农业大学"), ("官春雷", "院士", "中国工程院")}
    # a title the next name holds is not the listed person's
    text = "省领导张文斌、李荣华，省政府秘书长杨军出席会议。"
    ents = [("张文斌", "PERSON"), ("李荣华", "PERSON"), ("省政府", "ORG"), ("杨军", "PERSON")]
    assert affiliations(run(text, ents)) == {("杨军", "秘书长", "省政府")}


def test_a_part_begun_on_the_second_character_of_a_place_is_named_with_its_body() -> None:
    text = "长沙市公安局开福分局破获一起诈骗案。开福分局副局长唐海明提醒市民注意防范。"
    ents = [("长沙市公安局", "ORG"), ("福分局", "ORG"), ("福分局", "ORG"), ("唐海明", "PERSON")]  # as the model cut them
    ex = run(text, ents)
    assert [m.text for m in ex.mentions if m.label == "ORG"][0] == "长沙市公安局开福分局"
    assert affiliations(ex) == {("唐海明", "副局长", "长沙市公安局开福分局")}


def test_a_bureau_whose_fields_run_on_without_and_is_one_body_with_its_place() -> None:
    text = "武陵源区文化旅游广电体育局局长卓一勇介绍，游客同比增长12%。湖南省召开会议。"
    ents = [("武陵源区", "PLACE"), ("广电体育局", "ORG"), ("卓一勇", "PERSON"), ("湖南省", "PLACE")]
    assert affiliations(run(text, ents)) == {("卓一勇", "局长", "武陵源区文化旅游广电体育局")}


def test_a_surname_left_on_the_title_is_the_names_first_character() -> None:
    text = "日本银行行长植田和男在发布会上说，经济温和复苏。朝鲜人民军最高司令官金正日视察部队。陕西队教练员王振杰说，队员状态很好。"
    ents = [("日本银行", "ORG"), ("田和男", "PERSON"), ("朝鲜人民军", "ORG"), ("金正日", "PERSON"), ("陕西队", "ORG"),
            ("王振杰", "PERSON")]
    ex = run(text, ents)
    # 官 and 员 end a longer title (司令官, 教练员): no surname there
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["植田和男", "金正日", "王振杰"]
    assert ("植田和男", "行长", "日本银行") in affiliations(ex)
    # 向 stands between names, but before a name of two and a verb of saying it is the surname
    text = "星城医院急诊科主任向红英说，当晚接诊23人。星城医院院长向记者介绍了情况。"
    ex = run(text, [("星城医院急诊科", "ORG"), ("红英", "PERSON"), ("星城医院", "ORG")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["向红英"]


def test_a_company_cut_one_character_after_a_place_read_as_nothing_starts_at_the_place() -> None:
    ex = run("走进株洲中车时代电气股份有限公司的车间，副总经理李东林介绍了新品。", [("车时代电气股份有限公司", "COMPANY"), ("李东林", "PERSON")])
    assert affiliations(ex) == {("李东林", "副总经理", "株洲中车时代电气股份有限公司")}
    # a place the model read stays a place
    ex = run("他在长沙建华锐科技有限公司工作。", [("长沙", "PLACE"), ("华锐科技有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["长沙", "华锐科技有限公司"]


def test_a_commentarys_marked_author_and_an_author_line_with_where_they_work() -> None:
    text = ("湘江日报 2026年5月6日 星期三 07 理论\n\n以新质生产力推动高质量发展\n\n□ 刘建文\n\n"
            "发展新质生产力是推动高质量发展的内在要求。\n\n（作者系湘江省社会科学院党组书记、院长）\n\n"
            "让乡村振兴的路子越走越宽\n\n作者：李明华，湘江师范大学马克思主义学院教授\n\n乡村振兴，关键在人。")
    [first, second] = split_articles(Source("p.txt", text, "utf-8"))
    assert (first.headline, [b.names for b in first.bylines]) == ("以新质生产力推动高质量发展", [["刘建文"]])
    ex = extract(first, doc_with(first.text, [("刘建文", "PERSON"), ("系湘江省社会科学院党组", "ORG")]))
    assert affiliations(ex) == {("刘建文", "书记", "湘江省社会科学院党组"), ("刘建文", "院长", "湘江省社会科学院")}
    ex = extract(second, doc_with(second.text, [("李明华", "PERSON"), ("湘江师范大学马克思主义学院", "ORG")]))
    assert affiliations(ex) == {("李明华", "教授", "湘江师范大学马克思主义学院")}
    assert [(r.kind, ex.mentions[r.tail].text) for r in ex.relations if r.kind == "author"] == [("author", "李明华")]


def test_a_listed_title_at_another_body_and_a_provincial_bureau_named_by_its_level() -> None:
    text = ("湖北日报 2026年7月8日 第3版\n\n大会召开\n\n本报记者 王晓明\n\n"
            "省发展改革委主任、省优化办主任胡贺明主持会议。省市场监管局局长周桂兰出席。")
    ex = run(text, [("省发展改革委", "ORG"), ("胡贺明", "PERSON"), ("省市场监管局", "ORG"), ("周桂兰", "PERSON")])
    # 省优化办 is another body: its 主任 is not the commission's; 省市场监管局 is the province's
    assert affiliations(ex) == {("胡贺明", "主任", "湖北省发展改革委"), ("周桂兰", "局长", "湖北省市场监管局"),
                                ("王晓明", "记者", "湖北日报")}


def test_a_person_read_only_in_the_headline_is_no_person() -> None:
    text = "三一重工海外收入占比超六成\n\n本报记者 彭雅文\n\n公司海外收入首次超过六成。李晓静的热线\n\n李晓静接通了电话。"
    ex = run(text, [("比超", "PERSON"), ("李晓静", "PERSON"), ("李晓静", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["彭雅文", "李晓静", "李晓静"]
    # a headline's name the story names again stays
    text = "李晓静的「深夜热线」\n\n本报记者 吴晓明\n\n凌晨一点，李晓静接通电话。"
    ex = run(text, [("李晓静", "PERSON"), ("李晓静", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["李晓静", "吴晓明", "李晓静"]


def test_a_word_opening_the_clause_before_a_bare_company_with_an_officer_and_a_committee_named_short() -> None:
    text = "远达科技集团有限公司董事长张一跃表示，新建的研发中心将于年底投用。他们成立科技有限公司。"
    ex = run(text, [("科技集团有限公司", "COMPANY"), ("张一跃", "PERSON"), ("科技有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions if m.label == "COMPANY"] == ["远达科技集团有限公司", "科技有限公司"]
    text = "湘江新区管理委员会党工委副书记、管委会常务副主任黄晓明介绍了情况。"
    ex = run(text, [("湘江新区管理委员会党工委", "ORG"), ("管委会", "ORG"), ("黄晓明", "PERSON")])
    assert ("黄晓明", "常务副主任", "湘江新区管理委员会") in affiliations(ex)


def test_a_head_of_government_named_by_the_level_alone_is_the_papers_divisions() -> None:
    text = ("湖北日报 2026年7月8日 第3版\n\n会议召开\n\n本报记者 王晓明\n\n"
            "7月7日，省长王忠林主持召开会议。省委常委、常务副省长李殿明出席。副省长张文兵讲话。武汉市市长李明说。")
    ents = [("王忠林", "PERSON"), ("李殿明", "PERSON"), ("张文兵", "PERSON"), ("武汉市", "PLACE"), ("李明", "PERSON")]
    ex = run(text, ents)
    assert affiliations(ex) == {
        ("王晓明", "记者", "湖北日报"), ("王忠林", "省长", "湖北省"), ("李殿明", "常委", "湖北省委"), ("李殿明", "常务副省长", "湖北省"),
        ("张文兵", "副省长", "湖北省"), ("李明", "市长", "武汉市"),
    }
    # also after a word that stands before a name (会议由副省长 X 主持)
    text = "湖北日报 2026年7月8日 第3版\n\n会议召开\n\n本报记者 王晓明\n\n会议由副省长张文兵主持。"
    assert ("张文兵", "副省长", "湖北省") in affiliations(run(text, [("张文兵", "PERSON")]))
    # without a paper naming a province, nothing is made up
    ex = run("省长王忠林主持召开会议。", [("王忠林", "PERSON")])
    assert affiliations(ex) == set() and [m.text for m in ex.mentions] == ["王忠林"]


def test_a_transcribed_name_cut_at_its_dot_is_one_name_and_a_bureau_after_its_county_is_the_countys() -> None:
    text = ("温宿县林业和草原局局长买买提江·吐尔逊介绍，全县今年新增造林3万亩。"
            "阿克苏地区行政公署副专员艾尔肯·吐尼亚孜在调研时强调，要守住生态红线。王明李华也参加了调研。")
    ents = [("温宿县", "PLACE"), ("林业和草原局", "COMPANY"), ("买买提", "PERSON"), ("江·吐尔逊", "PERSON"),
            ("阿克苏", "PLACE"), ("艾尔肯", "PERSON"), ("王明", "PERSON"), ("李华", "PERSON")]
    ex = run(text, ents)
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["买买提江·吐尔逊", "艾尔肯·吐尼亚孜", "王明", "李华"]
    assert affiliations(ex) == {("买买提江·吐尔逊", "局长", "温宿县林业和草原局"), ("艾尔肯·吐尼亚孜", "副专员", "阿克苏地区行政公署")}
    # a body with a name of its own after a place stays that body
    ex = run("温宿县天山红果业公司经理王明介绍了情况。", [("温宿县", "PLACE"), ("天山红果业公司", "COMPANY"), ("王明", "PERSON")])
    assert ("王明", "经理", "天山红果业公司") in affiliations(ex)


def test_a_body_named_by_its_level_is_that_of_the_dateline_places_division() -> None:
    text = "座谈会召开\n\n本报成都5月6日讯（记者 王晓明）省委书记李强今天主持召开座谈会。省工商联主席赵刚参加。"
    ex = run(text, [("李强", "PERSON"), ("省工商联", "ORG"), ("赵刚", "PERSON")])
    assert {("李强", "书记", "四川省委"), ("赵刚", "主席", "四川省工商联")} <= affiliations(ex)
    # a place of the level the article names comes first
    text = "座谈会召开\n\n本报成都5月6日讯（记者 王晓明）贵州省代表团来访。省工商联主席赵刚参加。"
    ex = run(text, [("贵州省", "PLACE"), ("省工商联", "ORG"), ("赵刚", "PERSON")])
    assert ("赵刚", "主席", "贵州省工商联") in affiliations(ex)


def test_chief_officers_and_chief_engineers_of_a_trade_are_titles() -> None:
    text = "远航医疗器械（集团）有限公司首席财务官孙亦婷说，海外收入增长明显。胜利油田总地质师王凤芝介绍了新发现。"
    ex = run(text, [("远航医疗器械（集团）有限公司", "COMPANY"), ("孙亦婷", "PERSON"), ("胜利油田", "COMPANY"), ("王凤芝", "PERSON")])
    assert affiliations(ex) == {("孙亦婷", "首席财务官", "远航医疗器械（集团）有限公司"), ("王凤芝", "总地质师", "胜利油田")}
    ex = run("据衡州市气象台首席预报员许霞介绍，本周以晴好天气为主。", [("衡州市气象台", "ORG"), ("许霞", "PERSON")])
    assert affiliations(ex) == {("许霞", "首席预报员", "衡州市气象台")}
    # a profession after a country is no post there
    ex = run("美国作家马克写了新书。", [("美国", "PLACE"), ("马克", "PERSON")])
    assert affiliations(ex) == set()


def test_a_court_named_short_holds_its_judges_and_a_name_after_a_title_ends_before_a_preposition() -> None:
    text = "本案审判长、衡州中院刑二庭庭长顾建兵在庭后说，企业应核实对方的履约能力。"
    ex = run(text, [("衡州中院", "ORG"), ("顾建兵", "PERSON")])
    assert affiliations(ex) == {("顾建兵", "刑二庭庭长", "衡州中院")}
    ex = run("衡州农业大学党委书记高翅在接受采访时说，学校将改善条件。", [("衡州农业大学党委", "ORG")])
    assert affiliations(ex) == {("高翅", "书记", "衡州农业大学党委")}


def test_a_body_begun_inside_a_word_begins_at_the_division_before_it() -> None:
    text = "和田地区文化体育广播电视和旅游局党组书记王刚说，将推动文旅融合发展。"
    ex = run(text, [("和田", "PLACE"), ("播电视和旅游局党组", "ORG"), ("王刚", "PERSON")])
    assert affiliations(ex) == {("王刚", "书记", "和田地区文化体育广播电视和旅游局党组")}
    ex = run("湘江经济技术开发区党工委书记王强作发言。", [("湘江", "PLACE"), ("济技术开发区党工委", "ORG"), ("王强", "PERSON")])
    assert affiliations(ex) == {("王强", "书记", "湘江经济技术开发区党工委")}


def test_a_company_of_a_two_character_trade_name_the_model_missed_is_found_from_its_officer() -> None:
    ex = run("座谈会上，鑫旺集团董事长王刚首先发言。", [("王刚", "PERSON")])
    assert affiliations(ex) == {("王刚", "董事长", "鑫旺集团")}
    ex = run("会上，郡雅中学校长彭为表示，学校将结对帮扶。", [("彭为", "PERSON")])
    assert affiliations(ex) == {("彭为", "校长", "郡雅中学")}
    # not a count of companies
    ex = run("座谈会上，两家集团董事长李强首先发言。", [("李强", "PERSON")])
    assert affiliations(ex) == set()
    # a name that is also a word, listed with a company the model read, with the same title
    text = "座谈会上，传化集团董事长徐冠巨、正泰集团董事长南存辉先后发言。"
    ex = run(text, [("徐冠巨", "PERSON"), ("正泰集团", "COMPANY"), ("南存辉", "PERSON")])
    assert affiliations(ex) == {("徐冠巨", "董事长", "传化集团"), ("南存辉", "董事长", "正泰集团")}


def test_a_company_cut_after_its_head_begins_at_its_clause_or_at_the_short_name_the_article_uses() -> None:
    text = "科创板公司已达570家。华芯国际集成电路制造有限公司联合首席执行官赵海峰表示，产能利用率回升。"
    ex = run(text, [("制造有限公司", "COMPANY"), ("赵海峰", "PERSON")])
    assert affiliations(ex) == {("赵海峰", "联合首席执行官", "华芯国际集成电路制造有限公司")}
    # a clause that opens with a word referring back names no company by it
    for opening in ("这家", "该集团下属"):
        ex = run(f"{opening}制造有限公司董事长赵海峰表示，产能回升。", [("制造有限公司", "COMPANY"), ("赵海峰", "PERSON")])
        assert [m.text for m in ex.mentions if m.label == "COMPANY"] == ["制造有限公司"]
    text = "在长鸿光纤光缆股份有限公司，研发中心主任罗杰带领团队调试新型光纤。长鸿公司今年研发投入超过6亿元。"
    ex = run(text, [("光纤光缆股份有限公司", "COMPANY"), ("研发中心", "ORG"), ("罗杰", "PERSON"), ("长鸿公司", "COMPANY")])
    assert affiliations(ex) == {("罗杰", "主任", "长鸿光纤光缆股份有限公司研发中心")}
    # without the officer, the short name the article uses is the sign
    text = "长鸿光纤光缆股份有限公司发布年报。长鸿公司今年研发投入超过6亿元。"
    ex = run(text, [("光纤光缆股份有限公司", "COMPANY"), ("长鸿公司", "COMPANY")])
    assert [m.text for m in ex.mentions if m.label == "COMPANY"] == ["长鸿光纤光缆股份有限公司", "长鸿公司"]


def test_a_legal_form_read_alone_after_a_place_and_a_short_name_is_the_registered_name() -> None:
    text = "在湘中建工集团有限公司的施工现场，项目经理王刚正在检查质量。"
    ex = run(text, [("湘中", "PLACE"), ("集团有限公司", "COMPANY"), ("王刚", "PERSON")])
    assert [(m.text, m.label) for m in ex.mentions] == [("湘中建工集团有限公司", "COMPANY"), ("王刚", "PERSON")]
    # a description referring back stays none (湘中 + 的 + 集团有限公司)
    ex = run("在湘中的集团有限公司工作。", [("湘中", "PLACE"), ("集团有限公司", "COMPANY")])
    assert [(m.text, m.label) for m in ex.mentions] == [("湘中", "PLACE")]


def test_a_person_read_before_a_zones_word_is_the_zones_name() -> None:
    ex = run("管委会主任王刚表示，鹭江科学城今年新增企业600家。", [("王刚", "PERSON"), ("鹭江", "PERSON")])
    assert [(m.text, m.label) for m in ex.mentions] == [("王刚", "PERSON"), ("鹭江科学城", "ORG")]


def test_a_head_of_government_by_the_level_is_that_of_the_paper_its_dateline_names() -> None:
    text = "常委会召开会议\n\n四川日报5月6日讯（全媒体记者 王晓明）今天，省长赵刚主持召开常务会议。"
    ex = run(text, [("赵刚", "PERSON")])
    assert ("赵刚", "省长", "四川省") in affiliations(ex)


def test_a_committee_and_its_body_each_take_their_title() -> None:
    text = "江西日报5月6日讯（记者 王晓明）省卫健委党组书记、主任李大成在会上讲话。赣能建设党委书记、董事长丁一峰，赣能建设总经理王斌出席。"
    ents = [("省卫健委党组", "ORG"), ("李大成", "PERSON"), ("赣能建设党委", "ORG"), ("丁一峰", "PERSON"),
            ("赣能建设", "COMPANY"), ("王斌", "PERSON")]
    ex = run(text, ents)
    assert {("李大成", "书记", "江西省卫健委党组"), ("李大成", "主任", "江西省卫健委"), ("丁一峰", "书记", "赣能建设党委"),
            ("丁一峰", "董事长", "赣能建设"), ("王斌", "总经理", "赣能建设")} <= affiliations(ex)


def test_a_coach_and_a_captain_are_the_teams_not_the_bureau_named_nearer() -> None:
    text = "江西女排获得铜牌。江西省体育局局长刘海波为队员颁奖。主教练汪嘉明说，姑娘们打出了精气神。队长刘晏表示，将继续努力。"
    ents = [("江西女排", "ORG"), ("江西省体育局", "ORG"), ("刘海波", "PERSON"), ("汪嘉明", "PERSON"), ("刘晏", "PERSON")]
    assert affiliations(run(text, ents)) == {
        ("刘海波", "局长", "江西省体育局"), ("汪嘉明", "主教练", "江西女排"), ("刘晏", "队长", "江西女排")}


def test_a_registered_name_read_from_the_place_inside_it_begins_at_its_trade_name() -> None:
    text = "本报讯（记者 邹娜）中车衡阳电力机车有限公司日前交付首批机车。日前衡阳电力机车有限公司发布年报。"
    ex = run(text, [("衡阳电力机车有限公司", "COMPANY"), ("衡阳电力机车有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions if m.label == "COMPANY"] == ["中车衡阳电力机车有限公司", "衡阳电力机车有限公司"]


def test_a_division_before_its_heads_title_that_the_model_missed_is_a_place() -> None:
    ex = run("深圳市南山区区长黄强表示，南山将打造科技创新中心。", [("黄强", "PERSON")])
    assert affiliations(ex) == {("黄强", "区长", "南山区")}
    assert [(m.text, m.label) for m in ex.mentions if m.label == "PLACE"] == [("深圳市", "PLACE"), ("南山区", "PLACE")]
    # not where the place is no division of the title's level
    ex = run("深圳市南山区市长黄强表示，将打造科技创新中心。", [("黄强", "PERSON")])
    assert [m.label for m in ex.mentions] == ["PERSON"]


def test_company_defined_as_the_announcers_short_name_refers_to_it_not_to_the_company_named_nearer() -> None:
    text = "江西华锂集团股份有限公司（以下简称“公司”）与湖南长远新材料有限公司签订协议。公司董事会秘书欧阳明表示，合作有利于公司发展。"
    ex = run(text, [("江西华锂集团股份有限公司", "COMPANY"), ("湖南长远新材料有限公司", "COMPANY"), ("欧阳明", "PERSON")])
    assert affiliations(ex) == {("欧阳明", "董事会秘书", "江西华锂集团股份有限公司")}
    assert "湖南长远新材料有限公司" in [m.text for m in ex.mentions]  # its own 公司 is no mention of the other


def test_a_name_cut_where_the_article_writes_it_whole_is_that_name() -> None:
    text = "走进花垣县十八洞村，游客络绎不绝。图为游客在十八洞村参观。"
    ex = run(text, [("花垣县十八洞村", "PLACE"), ("洞村", "PLACE")])
    assert [m.text for m in ex.mentions] == ["花垣县", "十八洞村", "十八洞村"]  # the county and its village, then the village


def test_credits_ending_the_text_after_organizations() -> None:
    text = "产业园主体完工\n\n园区管委会副主任杨智勇表示，园区将引进企业。\n\n文/图 江城晚报全媒体记者 李鹏"
    ex = run(text, [("园区管委会", "ORG"), ("杨智勇", "PERSON")])
    assert ("李鹏", "全媒体记者", "江城晚报") in affiliations(ex)


def test_two_bodies_acting_together_are_two() -> None:
    text = "11月24日，武冈县消防救援大队联合县应急管理局开展检查。大队长李军介绍，共排查隐患86处。全省总工会联合会召开会议。"
    ex = run(text, [("武冈县消防救援大队联合县应急管理局", "ORG"), ("李军", "PERSON"), ("全省总工会联合会", "ORG")])
    assert [m.text for m in ex.mentions if m.label == "ORG"][:2] == ["武冈县消防救援大队", "县应急管理局"]
    assert "全省总工会联合会" in [m.text for m in ex.mentions]
    assert affiliations(ex) == {("李军", "大队长", "武冈县消防救援大队")}


def test_a_company_called_by_its_words_first_characters_and_its_committee_each_take_their_title() -> None:
    text = "衡阳钢铁集团有限公司获评质量标杆企业。衡钢党委书记、董事长杨建华表示，将继续提升质量。"
    ex = run(text, [("衡阳钢铁集团有限公司", "COMPANY"), ("衡钢党委", "COMPANY"), ("杨建华", "PERSON")])
    assert affiliations(ex) == {("杨建华", "书记", "衡钢党委"), ("杨建华", "董事长", "衡钢")}


def test_the_title_of_a_person_listed_after_and_leaves_out_the_and() -> None:
    text = "赛区通报了江城国力队教练员王振杰及队医郑伟违反比赛纪律的处分。"
    ex = run(text, [("江城国力队", "ORG"), ("王振杰", "PERSON"), ("郑伟", "PERSON")])
    assert affiliations(ex) == {("王振杰", "教练员", "江城国力队"), ("郑伟", "队医", "江城国力队")}


def test_a_datelines_outlet_with_its_app_is_one_mention_of_the_outlet() -> None:
    text = "签署协议\n\n四川日报·川观新闻成都5月6日讯（记者 王晓明）今天，两家企业签署协议。"
    ex = run(text, [("川观", "PLACE")])
    assert [(m.text, m.name, m.label) for m in ex.mentions] == [
        ("四川日报·川观新闻", "四川日报", "ORG"), ("成都", "成都", "PLACE"), ("王晓明", "王晓明", "PERSON")]
    assert affiliations(ex) == {("王晓明", "记者", "四川日报")}


def test_a_head_of_government_first_in_a_list_of_titles_is_the_levels_too() -> None:
    text = "会议召开\n\n四川日报5月6日讯（记者 王晓明）副省长、省公安厅厅长赵刚出席会议。副市长、市卫健委主任李强讲话。"
    ex = run(text, [("省公安厅", "ORG"), ("赵刚", "PERSON"), ("市卫健委", "ORG"), ("李强", "PERSON")])
    assert {("赵刚", "副省长", "四川省"), ("赵刚", "厅长", "四川省公安厅")} <= affiliations(ex)
    assert not any(p == "李强" and r == "副市长" for p, r, _ in affiliations(ex))  # no city of the paper's named
    # a committee's secretary-general is the committee's; a title at a body the text does not name
    # goes to none, not to the place whose committee it is
    text = "会议召开\n\n四川日报5月6日讯（记者 王晓明）省委常委、秘书长兼省委办公厅主任王成主持会议。副省长、省公安厅厅长赵刚出席。"
    ex = run(text, [("王成", "PERSON"), ("省公安厅", "ORG"), ("赵刚", "PERSON")])
    assert {(r, o) for p, r, o in affiliations(ex) if p == "王成"} == {("常委", "四川省委"), ("秘书长", "四川省委")}


def test_a_places_government_by_its_word_alone_after_a_title_at_its_committee_is_that_places() -> None:
    text = "衡山县开云街道党工委书记、办事处主任李明说，街道将加强服务。"
    ex = run(text, [("衡山县开云街道党工委", "ORG"), ("李明", "PERSON")])
    assert affiliations(ex) == {("李明", "书记", "衡山县开云街道党工委"), ("李明", "主任", "衡山县开云街道办事处")}


def test_a_prefectures_committee_named_by_its_level_is_that_of_the_prefecture_named_before() -> None:
    text = "在湘西州吉首市，州委书记张正贵调研了乡村振兴工作。"
    ex = run(text, [("湘西州", "PLACE"), ("吉首市", "PLACE"), ("张正贵", "PERSON")])
    assert affiliations(ex) == {("张正贵", "书记", "湘西土家族苗族自治州委")}


def test_a_title_referring_back_listed_before_a_departments_title_is_held_where_it_refers() -> None:
    text = "连日来，衡山县开云镇组织干部下村入户。镇党委委员、武装部部长王强带队走访。"
    ex = run(text, [("衡山县", "PLACE"), ("开云镇", "PLACE"), ("武装部", "ORG"), ("王强", "PERSON")])
    assert affiliations(ex) == {("王强", "镇党委委员", "开云镇"), ("王强", "部长", "开云镇武装部")}


def test_a_place_read_before_a_schools_number_is_the_school_and_its_students_and_groups() -> None:
    text = "衡州市一中高三（5）班学生李明获得数学竞赛金牌。该校数学教研组组长王红说，学校将继续培养人才。"
    ex = run(text, [("衡州市", "PLACE"), ("李明", "PERSON"), ("数学教研组", "ORG"), ("王红", "PERSON")])
    assert affiliations(ex) == {("李明", "学生", "衡州市一中"), ("王红", "组长", "衡州市一中数学教研组")}
    # a place before 中学 or 中国 is no school's number
    ex = run("衡州市一中学习小组成立。", [("衡州市", "PLACE")])
    assert [m.text for m in ex.mentions] == ["衡州市"]


def test_a_papers_bare_dateline_names_the_papers_place_for_bodies_by_level() -> None:
    text = "会议召开\n\n株洲日报讯 会议由市委副书记、市长李斌主持，市委常委、市纪委书记王海出席。"
    ex = run(text, [("李斌", "PERSON"), ("市纪委", "ORG"), ("王海", "PERSON")])
    assert {("李斌", "市长", "株洲市"), ("李斌", "副书记", "株洲市委"), ("王海", "书记", "株洲市纪委")} <= affiliations(ex)


def test_a_trade_read_alone_after_its_place_is_named_from_the_place() -> None:
    text = "在常德盛瑞新材料科技股份有限公司，总经理唐立明介绍，订单增长三成。"
    ents = [("常德", "PLACE"), ("材料科技股份有限公司", "COMPANY"), ("唐立明", "PERSON")]
    ex = run(text, ents)
    assert [(m.text, m.label) for m in ex.mentions][0] == ("常德盛瑞新材料科技股份有限公司", "COMPANY")
    assert affiliations(ex) == {("唐立明", "总经理", "常德盛瑞新材料科技股份有限公司")}
    # a word that ends before a name (的), or more than three characters, is no name between them
    for text in ("在常德的材料科技股份有限公司，总经理唐立明介绍。", "在常德投资兴建材料科技股份有限公司，总经理唐立明介绍。"):
        ex = run(text, ents)
        assert ("常德", "PLACE") in [(m.text, m.label) for m in ex.mentions]


def test_a_name_of_three_before_said_is_not_cut_where_its_last_character_makes_a_word_with_it() -> None:
    ex = run("该公司总经理彭建文说，订单增长三成。", [("彭建", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["彭建文"]
    ex = run("王建听说，订单增长三成。", [("王建", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["王建"]


def test_the_team_of_a_person_named_in_the_article_is_that_person() -> None:
    text = "中南林业科技大学教授吴立新介绍了成果。长丰种业有限公司与吴立新团队合作推出新品种。"
    ents = [("中南林业科技大学", "ORG"), ("吴立新", "PERSON"), ("长丰种业有限公司", "COMPANY"), ("吴立新团队", "COMPANY")]
    ex = run(text, ents)
    assert [m.label for m in ex.mentions if m.text == "吴立新"] == ["PERSON", "PERSON"]
    assert ("吴立新", "教授", "中南林业科技大学") in affiliations(ex)


def test_names_before_a_brands_word_are_no_persons() -> None:
    text = "湘北粮油集团有限公司总经理周立平介绍，集团旗下的洞庭香、湘溪米品牌销往全国。"
    ents = [("湘北粮油集团有限公司", "COMPANY"), ("周立平", "PERSON"), ("洞庭香", "PERSON"), ("湘溪米", "PERSON")]
    assert [m.text for m in run(text, ents).mentions if m.label == "PERSON"] == ["周立平"]


def test_a_retirees_role_refers_back_to_no_body() -> None:
    text = "在株洲市医疗保障局服务大厅，退休职工陈桂英办好了备案。"
    assert affiliations(run(text, [("株洲市医疗保障局", "ORG"), ("陈桂英", "PERSON")])) == set()
    text = "湘中钢铁集团有限公司退休职工陈桂英说，待遇提高了。"
    ex = run(text, [("湘中钢铁集团有限公司", "COMPANY"), ("陈桂英", "PERSON")])
    assert affiliations(ex) == {("陈桂英", "退休职工", "湘中钢铁集团有限公司")}


def test_a_body_the_model_missed_after_another_person_listed_is_read_from_after_the_mark() -> None:
    text = "市中级法院院长郭建平、市检察院检察长孙丽萍出席会议。"
    ex = run(text, [("市中级法院", "ORG"), ("郭建平", "PERSON"), ("孙丽萍", "PERSON")])
    assert ("孙丽萍", "检察长", "市检察院") in affiliations(ex)


def test_a_ministrys_department_joining_two_fields_is_read_with_the_ministry() -> None:
    text = "教育部教师工作和师范教育司副司长林红梅表示，将扩大试点。"
    ex = run(text, [("教育部", "ORG"), ("林红梅", "PERSON")])
    assert affiliations(ex) == {("林红梅", "副司长", "教育部教师工作和师范教育司")}


def test_a_prefecture_cut_inside_its_bodys_name_is_read_with_the_body() -> None:
    text = "延边朝鲜族自治州中级人民法院作了交流发言。"
    ex = run(text, [("延边朝鲜族", "PLACE"), ("自治州中级人民法院", "ORG")])
    assert [(m.text, m.label) for m in ex.mentions] == [("延边朝鲜族自治州中级人民法院", "ORG")]


def test_a_person_read_where_a_company_is_named_by_its_name_before_its_trade_is_the_company() -> None:
    text = "长沙经开区与湘江智驾新能源汽车股份有限公司签约。湘江智驾副总经理何建军说，项目明年投产。"
    ents = [("长沙经开区", "ORG"), ("湘江智驾新能源汽车股份有限公司", "COMPANY"), ("湘江智驾", "PERSON"), ("何建军", "PERSON")]
    ex = run(text, ents)
    assert [m.label for m in ex.mentions if m.text == "湘江智驾"] == ["COMPANY"]
    assert ("湘江智驾", "湘江智驾新能源汽车股份有限公司") in ex.aliases


def test_a_department_after_a_committee_member_is_that_committees_before_one_named_whole_earlier() -> None:
    text = "慈利县委组织部副部长田小军介绍了经验。常德市委常委、组织部部长龙建国到村里调研。"
    ents = [("慈利县委组织部", "ORG"), ("田小军", "PERSON"), ("常德市委", "ORG"), ("组织部", "ORG"), ("龙建国", "PERSON")]
    assert ("龙建国", "部长", "常德市委组织部") in affiliations(run(text, ents))


def test_a_name_of_three_before_a_verb_of_what_officials_do_is_whole() -> None:
    ex = run("市公安局局长杨志刚出席会议。", [("市公安局", "ORG"), ("杨志", "PERSON")])
    assert ("杨志刚", "局长", "市公安局") in affiliations(ex)
    ex = run("市公安局局长杨志等出席会议。", [("市公安局", "ORG"), ("杨志", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["杨志"]


def test_a_registered_name_cut_at_its_paragraphs_first_character_begins_there() -> None:
    text = "会议由市工信局主持。\n恒思科技股份有限公司、湘中新能源科技有限公司等企业负责人参加。\n而大化集团也参加了。"
    ents = [("市工信局", "ORG"), ("思科技股份有限公司", "COMPANY"), ("湘中新能源科技有限公司", "COMPANY"), ("大化集团", "COMPANY")]
    names = [m.text for m in run(text, ents).mentions if m.label == "COMPANY"]
    assert names == ["恒思科技股份有限公司", "湘中新能源科技有限公司", "大化集团"]


def test_a_groups_short_name_before_a_registered_name_beginning_with_its_place_is_the_names() -> None:
    text = "“订单排到了明年。”国网长沙电机有限公司董事长罗志军说。"
    ents = [("长沙电机有限公司", "COMPANY"), ("罗志军", "PERSON")]
    ex = run(text, ents)
    assert [m.text for m in ex.mentions if m.label == "COMPANY"] == ["国网长沙电机有限公司"]
    ex = run("今天长沙电机有限公司董事长罗志军到场。", ents)
    assert [m.text for m in ex.mentions if m.label == "COMPANY"] == ["长沙电机有限公司"]


def test_two_names_joined_by_a_dash_are_two() -> None:
    text = "2024湖南—东盟经贸合作对接会在长沙举行。"
    ex = run(text, [("湖南—东盟", "ORG"), ("长沙", "PLACE")])
    assert [(m.text, m.label) for m in ex.mentions] == [("湖南", "PLACE"), ("东盟", "ORG"), ("长沙", "PLACE")]


def test_a_banks_part_after_the_bank_is_named_back_to_its_branch() -> None:
    text = "贷款由中国农业银行湖南省分行发放。该行普惠金融事业部总经理彭立新介绍，投放超过百亿元。"
    ents = [("中国农业银行湖南省分行", "COMPANY"), ("普惠金融事业部", "ORG"), ("彭立新", "PERSON")]
    assert affiliations(run(text, ents)) == {("彭立新", "总经理", "中国农业银行湖南省分行普惠金融事业部")}


def test_a_countrys_office_the_model_read_from_after_the_country_is_the_countrys() -> None:
    text = "会上，老挝驻长沙领事馆筹备组负责人宋发·本占表示，希望加强合作。"
    ex = run(text, [("长沙领事馆", "ORG"), ("宋发·本占", "PERSON")])
    assert affiliations(ex) == {("宋发·本占", "筹备组负责人", "老挝驻长沙领事馆")}


def test_what_a_team_does_after_its_bodys_word_is_no_part_of_the_body() -> None:
    text = "湘南学院支教团队负责人谢婷说，团队已连续5年下乡。湘雅三医院肝胆外科团队完成手术。"
    ex = run(text, [("湘南学院支教团队", "ORG"), ("谢婷", "PERSON"), ("湘雅三医院肝胆外科团队", "ORG")])
    assert [m.text for m in ex.mentions if m.label == "ORG"] == ["湘南学院", "湘雅三医院肝胆外科"]


def test_a_village_read_as_a_person_where_the_article_writes_it_after_its_town_is_a_place() -> None:
    text = "双峰县井字镇石牛村党支部书记刘红介绍了情况。在她的带动下，石牛村发展了黄精种植。"
    ex = run(text, [("双峰县井字镇石牛村党支部", "ORG"), ("刘红", "PERSON"), ("石牛村", "PERSON")])
    assert [m.label for m in ex.mentions if m.text == "石牛村"] == ["PLACE"]


def test_a_named_body_the_model_missed_after_its_county_is_that_body() -> None:
    text = "村里成立了双峰县岭冲黄精种植专业合作社，发展黄精500亩。合作社理事长刘建平说，亩产值过万元。"
    ex = run(text, [("双峰县", "PLACE"), ("刘建平", "PERSON")])
    assert affiliations(ex) == {("刘建平", "理事长", "双峰县岭冲黄精种植专业合作社")}
    text = "拉萨市各大中学校开学了。"
    assert [(m.text, m.label) for m in run(text, [("拉萨市", "PLACE")]).mentions] == [("拉萨市", "PLACE")]


def test_a_federations_party_group_and_the_federation_each_take_their_title() -> None:
    text = "江西省工商业联合会党组书记、常务副主席许建国介绍，民营经济占比达六成。"
    ex = run(text, [("江西省工商业联合会党组", "ORG"), ("许建国", "PERSON")])
    assert affiliations(ex) == {("许建国", "书记", "江西省工商业联合会党组"), ("许建国", "常务副主席", "江西省工商业联合会")}


def test_a_farm_read_as_a_place_before_its_heads_title_holds_it() -> None:
    text = "石门县秀坪园艺场场长唐德明说，园艺场建成了苗木基地。"
    ex = run(text, [("石门县", "PLACE"), ("秀坪园艺场", "PLACE"), ("唐德明", "PERSON")])
    assert affiliations(ex) == {("唐德明", "场长", "秀坪园艺场")}
    assert [m.label for m in ex.mentions if m.text == "秀坪园艺场"] == ["ORG"]



def test_a_level_committees_department_before_a_listed_title_is_the_body() -> None:
    text = "省委组织部副部长、省委老干部局局长周立新介绍，全省已选派队员3万人。"
    ex = run(text, [("周立新", "PERSON")])
    assert affiliations(ex) == {("周立新", "副部长", "省委组织部"), ("周立新", "局长", "省委老干部局")}


def test_a_companys_party_committee_named_by_the_start_of_its_name() -> None:
    text = "省政府与中国宝武钢铁集团有限公司签约。中国宝武党委书记、董事长胡明远出席。"
    ents = [("省政府", "ORG"), ("中国宝武钢铁集团有限公司", "COMPANY"), ("中国宝武党委", "ORG"), ("胡明远", "PERSON")]
    assert affiliations(run(text, ents)) == {("胡明远", "书记", "中国宝武党委"), ("胡明远", "董事长", "中国宝武")}


def test_a_title_after_the_body_a_person_comes_from() -> None:
    text = "来自湘南农业大学的博士研究生林小丹是队员之一。来自湖南的游客张华说，风景很好。"
    ents = [("湘南农业大学", "ORG"), ("林小丹", "PERSON"), ("湖南", "PLACE"), ("张华", "PERSON")]
    assert affiliations(run(text, ents)) == {("林小丹", "博士研究生", "湘南农业大学")}


def test_names_listed_before_a_word_for_companies_are_companies() -> None:
    text = "来自星宇、中国华科、麒麟星软件等企业的成果亮相。轻工系统的海川、鑫江等16家企业参加。国企、民企等企业参加。"
    ents = [("华科", "PLACE"), ("麒麟星", "PLACE"), ("海川", "ORG"), ("鑫江", "ORG")]
    ex = run(text, ents)
    assert [(m.text, m.label) for m in ex.mentions] == [
        ("星宇", "COMPANY"), ("中国华科", "COMPANY"), ("麒麟星软件", "COMPANY"), ("海川", "COMPANY"), ("鑫江", "COMPANY")]


def test_a_body_begun_on_its_bodys_character_begins_at_its_level() -> None:
    text = "据介绍，全省治理项目1200余个。省生态环境厅党组书记、厅长邓立新介绍了情况。"
    ex = run(text, [("厅党组", "ORG"), ("邓立新", "PERSON")])
    assert affiliations(ex) == {("邓立新", "书记", "省生态环境厅党组"), ("邓立新", "厅长", "省生态环境厅")}


def test_a_harbour_read_as_a_person_right_after_its_city_is_a_place() -> None:
    text = "湘潭市竹埠港曾是重化工企业聚集区，这里已建成公园。"
    ex = run(text, [("湘潭市", "PLACE"), ("竹埠港", "PERSON")])
    assert [m.label for m in ex.mentions if m.text == "竹埠港"] == ["PLACE"]


def test_a_registered_name_begun_after_its_head_the_article_writes_again_with_it() -> None:
    text = "此外，芒星超媒股份有限公司会员数突破7000万。芒星超媒总经理蔡立军说，平台将加大投入。"
    ex = run(text, [("超媒股份有限公司", "COMPANY"), ("蔡立军", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "COMPANY"][0] == "芒星超媒股份有限公司"
    assert affiliations(ex) == {("蔡立军", "总经理", "芒星超媒")}


def test_a_short_name_cut_before_a_title_is_named_whole() -> None:
    text = "爱明眼科医院集团股份有限公司发布季报。爱明眼科董事长陈立邦表示，将继续推进布局。"
    ex = run(text, [("爱明眼科医院集团股份有限公司", "COMPANY"), ("爱明", "PERSON"), ("陈立邦", "PERSON")])
    assert affiliations(ex) == {("陈立邦", "董事长", "爱明眼科")}


def test_a_company_under_another_read_as_a_person_and_its_committee() -> None:
    text = "湘中钢铁股份有限公司旗下湘中钢的产品远销40多个国家。湘中钢党委书记、董事长李建明说，出口增长18%。"
    ex = run(text, [("湘中钢铁股份有限公司", "COMPANY"), ("湘中钢", "PERSON"), ("李建明", "PERSON")])
    assert affiliations(ex) == {("李建明", "书记", "湘中钢党委"), ("李建明", "董事长", "湘中钢")}


def test_a_unit_begun_inside_its_companys_short_name_begins_with_it() -> None:
    text = "在湖南华安科技股份有限公司的车间里，工人正在调试设备。据华安科技人力资源部经理周丽敏介绍，今年新招技工300名。"
    ents = [("湖南华安科技股份有限公司", "COMPANY"), ("科技人力资源部", "ORG"), ("周丽敏", "PERSON")]
    assert affiliations(run(text, ents)) == {("周丽敏", "经理", "华安科技人力资源部")}


def test_a_towns_congress_listed_after_its_committees_title_is_the_towns() -> None:
    text = "浦阳镇党委书记、人大主席杨立帆说，镇里将巩固脱贫成果。"
    ex = run(text, [("浦阳镇党委", "ORG"), ("人大", "ORG"), ("杨立帆", "PERSON")])
    assert affiliations(ex) == {("杨立帆", "书记", "浦阳镇党委"), ("杨立帆", "主席", "浦阳镇人大")}


def test_a_bracketed_note_after_a_title_is_no_part_of_it() -> None:
    text = "泸溪县地处湘西。泸溪县委常委、副县长（挂职）李文博介绍，全县共有驻村工作队138支。"
    ex = run(text, [("泸溪县", "PLACE"), ("泸溪县委", "ORG"), ("李文博", "PERSON")])
    assert affiliations(ex) == {("李文博", "常委", "泸溪县委"), ("李文博", "副县长", "泸溪县")}


def test_a_name_that_is_a_bodys_title_holds_it() -> None:
    text = "李明远是湘江大学的教授。王芳是星城第一医院的一名护士。赵强是湘江大学毕业生。"
    ents = [("李明远", "PERSON"), ("湘江大学", "ORG"), ("王芳", "PERSON"), ("星城第一医院", "ORG"), ("赵强", "PERSON")]
    assert affiliations(run(text, ents)) == {("李明远", "教授", "湘江大学"), ("王芳", "护士", "星城第一医院")}


def test_a_county_read_alone_before_a_registered_name_is_that_names_start() -> None:
    text = "在基地里，新化县鑫源农产品进出口有限公司总经理李建说，订单已排到明年。"
    ex = run(text, [("新化县", "PLACE"), ("鑫源农产品进出口有限公司", "COMPANY"), ("李建", "PERSON")])
    assert affiliations(ex) == {("李建", "总经理", "新化县鑫源农产品进出口有限公司")}
    ex = run("新化县与鑫源农产品进出口有限公司签约。", [("新化县", "PLACE"), ("鑫源农产品进出口有限公司", "COMPANY")])
    assert [m.text for m in ex.mentions] == ["新化县", "鑫源农产品进出口有限公司"]
    ex = run("新化县鑫源香菇种植专业合作社理事长李红说。", [("新化县", "PLACE"), ("鑫源香菇种植专业合作社", "COMPANY"), ("李红", "PERSON")])
    assert affiliations(ex) == {("李红", "理事长", "新化县鑫源香菇种植专业合作社")}


def test_a_special_regions_chief_executive_holds_office_in_it() -> None:
    ex = run("澳门特别行政区行政长官岑浩辉出席并致辞。", [("澳门特别行政区", "PLACE"), ("岑浩辉", "PERSON")])
    assert affiliations(ex) == {("岑浩辉", "行政长官", "澳门特别行政区")}


def test_a_unit_joining_two_fields_after_a_word_referring_back_is_the_part_of_the_body_before() -> None:
    text = "记者从衡州理工大学获悉，该校材料与化工学院教授韩立新团队取得突破。"
    ex = run(text, [("衡州理工大学", "ORG"), ("化工学院", "ORG"), ("韩立新", "PERSON")])
    assert affiliations(ex) == {("韩立新", "教授", "衡州理工大学材料与化工学院")}


def test_a_title_listed_after_a_departments_naming_a_department_of_its_own_is_held_at_their_body() -> None:
    text = "衡州市中心医院开通绿色通道。急诊科主任韩松、手术室护士长林芳介绍了流程。"
    ents = [("衡州市中心医院", "ORG"), ("急诊科", "ORG"), ("韩松", "PERSON"), ("林芳", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩松", "主任", "衡州市中心医院急诊科"), ("林芳", "手术室护士长", "衡州市中心医院")}
    text = "衡州市中心医院急诊科主任韩松、副主任林芳介绍了流程。"
    ents = [("衡州市中心医院急诊科", "ORG"), ("韩松", "PERSON"), ("林芳", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩松", "主任", "衡州市中心医院急诊科"), ("林芳", "副主任", "衡州市中心医院急诊科")}


def test_a_place_no_division_is_named_by_that_is_the_core_of_a_company_named_before_is_that_company() -> None:
    text = "沃邦集团董事长韩立表示，沃邦将在衡州新增投资。"
    ex = run(text, [("沃邦集团", "COMPANY"), ("韩立", "PERSON"), ("沃邦", "PLACE"), ("衡州", "PLACE")])
    assert [(m.text, m.label) for m in ex.mentions if m.text == "沃邦"] == [("沃邦", "COMPANY")]
    assert ("沃邦", "沃邦集团") in ex.aliases
    ex = run("湘江集团在湘江沿岸投资。", [("湘江集团", "COMPANY"), ("湘江", "PLACE")])
    assert [(m.text, m.label) for m in ex.mentions if m.text == "湘江"] == [("湘江", "PLACE")]
    ex = run("楚南村茶叶专业合作社在楚南村种茶。", [("楚南村茶叶专业合作社", "COMPANY"), ("楚南村", "PLACE")])
    assert [(m.text, m.label) for m in ex.mentions if m.text == "楚南村"] == [("楚南村", "PLACE")]


def test_a_cooperative_named_by_a_word_and_its_craft_after_its_county_is_one_company() -> None:
    text = "村民们成立了新化县锦绣蓝染专业合作社。合作社理事长韩丽介绍，产品远销海外。"
    ex = run(text, [("新化县", "PLACE"), ("韩丽", "PERSON")])
    assert affiliations(ex) == {("韩丽", "理事长", "新化县锦绣蓝染专业合作社")}
    ex = run("村民们成立了新化县蔬菜种植专业合作社。", [("新化县", "PLACE")])
    assert [(m.text, m.label) for m in ex.mentions] == [("新化县", "PLACE")]


def test_a_province_read_alone_before_a_unit_of_its_bureau_named_by_kind_is_that_bureaus_unit() -> None:
    text = "韩立新，男，1975年生，现任江西省水利厅河湖管理处处长。"
    ex = run(text, [("韩立新", "PERSON"), ("江西省", "PLACE"), ("水利厅河湖管理处", "ORG")])
    assert affiliations(ex) == {("韩立新", "处长", "江西省水利厅河湖管理处")}
    ex = run("江西省鄱阳湖管理处开放参观。", [("江西省", "PLACE"), ("鄱阳湖管理处", "ORG")])
    assert [m.text for m in ex.mentions] == ["江西省", "鄱阳湖管理处"]


def test_a_head_of_government_listed_after_a_title_at_a_committee_named_by_its_level_is_that_places() -> None:
    text = "安仁县委书记曹立军到村里调研。县委常委、副县长黄敏参加调研。"
    ents = [("安仁县委", "ORG"), ("曹立军", "PERSON"), ("县委", "ORG"), ("黄敏", "PERSON")]
    assert affiliations(run(text, ents)) == {("曹立军", "书记", "安仁县委"), ("黄敏", "常委", "安仁县委"), ("黄敏", "副县长", "安仁县")}


def test_a_title_after_the_general_word_for_a_school_is_held_at_the_school_of_any_kind_named_before() -> None:
    text = "衡州市石鼓区湘江第二小学开设了足球课。“孩子们特别喜欢。”学校体育老师韩松说。"
    ex = run(text, [("衡州市", "PLACE"), ("石鼓区", "PLACE"), ("湘江第二小学", "ORG"), ("韩松", "PERSON")])
    assert affiliations(ex) == {("韩松", "体育老师", "湘江第二小学")}


def test_a_divisions_court_written_short_is_that_court_named_whole() -> None:
    text = "江西省高院知识产权审判庭庭长韩立表示，将加大保护力度。案件由赣州市中院审理。"
    ex = run(text, [("江西省高院知识产权审判庭", "ORG"), ("韩立", "PERSON"), ("赣州市中院", "ORG")])
    assert affiliations(ex) == {("韩立", "庭长", "江西省高级人民法院知识产权审判庭")}
    assert "赣州市中级人民法院" in {m.name for m in ex.mentions}


def test_a_federation_named_by_its_level_before_its_party_group_is_split_from_it() -> None:
    text = "市科协党组书记、常务副主席韩立出席。"
    ents = [("市科协党组", "ORG"), ("韩立", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩立", "书记", "市科协党组"), ("韩立", "常务副主席", "市科协")}


def test_each_title_listed_before_a_head_of_government_named_by_the_level_is_held_too() -> None:
    text = "江西省委常委、省委政法委书记、副省长韩立出席会议。"
    ex = run(text, [("江西省委", "ORG"), ("省委", "ORG"), ("韩立", "PERSON")])
    assert {("韩立", "常委", "江西省委"), ("韩立", "副省长", "江西省")} <= affiliations(ex)


def test_a_unit_named_by_its_number_after_its_body_is_named_with_it() -> None:
    text = "衡州市人民检察院第三检察部主任韩立介绍了情况。"
    ex = run(text, [("衡州市人民检察院", "ORG"), ("检察部", "ORG"), ("韩立", "PERSON")])
    assert affiliations(ex) == {("韩立", "主任", "衡州市人民检察院第三检察部")}


def test_a_person_appointed_to_a_title_referring_back_holds_it_at_the_company_named_before() -> None:
    text = "衡岳动力股份有限公司召开董事会。经董事长韩立提名，董事会同意聘任何明先生为公司总经理，任期三年。公司经理王涛出席。"
    ents = [("衡岳动力股份有限公司", "COMPANY"), ("韩立", "PERSON"), ("何明", "PERSON"), ("王涛", "PERSON")]
    assert affiliations(run(text, ents)) == {
        ("韩立", "董事长", "衡岳动力股份有限公司"), ("何明", "总经理", "衡岳动力股份有限公司"), ("王涛", "经理", "衡岳动力股份有限公司"),
    }
    text = "董事会同意聘任何明先生为衡岳动力股份有限公司副总经理。"
    ex = run(text, [("何明", "PERSON"), ("衡岳动力股份有限公司", "COMPANY")])
    assert affiliations(ex) == {("何明", "副总经理", "衡岳动力股份有限公司")}


def test_a_photo_credit_closing_a_caption_without_brackets_credits_its_photographers() -> None:
    text = ("新年音乐会奏响\n\n12月20日，衡州市文化艺术中心，市民在观看新年音乐会。衡州日报记者 韩立 摄\n\n"
            "12月19日，衡州市一家工厂内，工人在赶制订单。 衡州日报记者 何明 通讯员 王涛 摄影报道")
    ex = run(text, [("韩立", "PERSON"), ("何明", "PERSON"), ("王涛", "PERSON")])
    authors = {(ex.mentions[r.tail].text, r.role) for r in ex.relations if r.kind == "author"}
    assert authors == {("韩立", "记者（摄影）"), ("何明", "记者（摄影）"), ("王涛", "通讯员（摄影）")}
    # a sentence ending in 摄 is no credit
    ex = run("新年音乐会奏响\n\n市民在观看音乐会。他举起相机拍摄", [])
    assert not [r for r in ex.relations if r.kind == "author"]


def test_taiwans_townships_are_read_as_towns_and_a_cooperative_named_from_one_is_its_countys() -> None:
    from kg.places import gazetteer, town_level

    gaz = gazetteer()
    assert all(town_level(code) for code, _ in gaz.candidates("梅山乡"))
    assert not town_level(next(code for code, _ in gaz.candidates("新化县")))
    text = "返乡创业者、新化县梅山香菇种植专业合作社理事长李红说，合作社今年增产。"
    ex = run(text, [("新化县", "PLACE"), ("梅山", "PLACE"), ("李红", "PERSON")])
    assert affiliations(ex) == {("李红", "理事长", "新化县梅山香菇种植专业合作社")}


def test_a_title_after_the_start_of_a_company_named_before_is_held_there_not_at_the_nearest() -> None:
    text = "湘中钢铁有限公司与衡岳动力新能源科技股份有限公司签约。湘中钢铁总经理韩立介绍了合作。衡岳动力副总裁何明表示，双方将深化合作。"
    ents = [("湘中钢铁有限公司", "COMPANY"), ("衡岳动力新能源科技股份有限公司", "COMPANY"), ("韩立", "PERSON"), ("何明", "PERSON")]
    assert ("何明", "副总裁", "衡岳动力新能源科技股份有限公司") in affiliations(run(text, ents))


def test_a_head_of_government_named_by_the_level_is_that_of_the_place_the_levels_bodies_are_of() -> None:
    text = "衡山县第十届人民代表大会开幕。县委书记韩立出席。县长王涛作报告。"
    ents = [("衡山县第十届人民代表大会", "ORG"), ("县委", "ORG"), ("韩立", "PERSON"), ("王涛", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩立", "书记", "衡山县委"), ("王涛", "县长", "衡山县")}
    # no level's body named from a place: no place made up for the title
    assert affiliations(run("县长王涛作报告。", [("王涛", "PERSON")])) == set()


def test_a_town_and_its_village_read_as_one_place_are_two() -> None:
    ex = run("在衡山县白果镇石门村，村民们在采茶。", [("衡山县", "PLACE"), ("白果镇石门村", "PLACE")])
    assert [m.text for m in ex.mentions] == ["衡山县", "白果镇", "石门村"]
    assert ("石门村", "白果镇") in {(ex.mentions[r.head].text, ex.mentions[r.tail].text) for r in ex.relations if r.kind == "part_of"}


def test_a_unit_read_without_the_level_opening_its_paragraph_is_named_with_it() -> None:
    text = "邵阳市生态环境局通报了案例。\n\n市生态环境保护综合行政执法支队支队长韩立介绍，全市立案186起。"
    ents = [("邵阳市生态环境局", "ORG"), ("生态环境保护综合行政执法支队", "ORG"), ("韩立", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩立", "支队长", "邵阳市生态环境保护综合行政执法支队")}


def test_each_post_standing_alone_between_commas_after_the_first_is_held_too() -> None:
    text = "韩立，衡岳大学机械学院教授、博士生导师，中国工程院院士。他带领团队攻克了关键技术。"
    ents = [("韩立", "PERSON"), ("衡岳大学机械学院", "ORG"), ("中国工程院", "ORG")]
    assert affiliations(run(text, ents)) == {
        ("韩立", "教授", "衡岳大学机械学院"), ("韩立", "博士生导师", "衡岳大学机械学院"), ("韩立", "院士", "中国工程院"),
    }
    text = "韩立，衡岳大学教授，何明，湘中大学教授，两人合作多年。"
    ents = [("韩立", "PERSON"), ("衡岳大学", "ORG"), ("何明", "PERSON"), ("湘中大学", "ORG")]
    assert affiliations(run(text, ents)) == {("韩立", "教授", "衡岳大学"), ("何明", "教授", "湘中大学")}


def test_a_name_read_with_a_latin_title_before_it_is_a_person() -> None:
    ex = run("衡岳集团创始人、董事长兼CEO韩立表示，将扩大投资。", [("衡岳集团", "COMPANY"), ("CEO韩立", "ORG")])
    assert affiliations(ex) == {("韩立", "创始人", "衡岳集团"), ("韩立", "董事长", "衡岳集团"), ("韩立", "CEO", "衡岳集团")}


def test_a_registered_name_begun_with_its_latin_brand_is_named_whole() -> None:
    ex = run("活动上，XYZ衡岳移动通信有限公司副总裁韩立说。", [("衡岳移动通信有限公司", "COMPANY"), ("韩立", "PERSON")])
    assert affiliations(ex) == {("韩立", "副总裁", "XYZ衡岳移动通信有限公司")}


def test_a_body_begun_inside_its_districts_short_name_at_a_clause_start_begins_at_it() -> None:
    ex = run("民警说，嫌疑人已被拘留。开福分局提醒市民加装防盗锁。", [("福分局", "ORG")])
    assert [m.text for m in ex.mentions] == ["开福分局"]


def test_a_numbered_unit_read_right_after_its_group_is_one_body() -> None:
    text = "中国衡岳科技集团有限公司第四十八研究所所长韩立介绍，该所研制的传感器通过验收。"
    ex = run(text, [("中国衡岳科技集团有限公司", "COMPANY"), ("第四十八研究所", "ORG"), ("韩立", "PERSON")])
    assert affiliations(ex) == {("韩立", "所长", "中国衡岳科技集团有限公司第四十八研究所")}


def test_a_former_post_is_no_affiliation() -> None:
    text = "湖南省人大常委会原副主任韩立同志因病逝世。省政协副主席何明出席。"
    ents = [("湖南省人大常委会", "ORG"), ("韩立", "PERSON"), ("省政协", "ORG"), ("何明", "PERSON")]
    assert affiliations(run(text, ents)) == {("何明", "副主席", "湖南省政协")}


def test_a_zones_body_after_its_citys_short_name_read_as_nothing_is_named_with_it() -> None:
    text = "园区建设提速。\n\n岳阳绿色化工高新区管委会主任韩立介绍，园区已集聚企业106家。"
    ex = run(text, [("绿色化工高新区管委会", "ORG"), ("韩立", "PERSON")])
    assert affiliations(ex) == {("韩立", "主任", "岳阳绿色化工高新区管委会")}


def test_china_read_alone_before_a_companys_name_is_its_start() -> None:
    text = "在园区里，中国石化衡岳炼化公司的新装置正在调试。衡岳炼化公司总经理韩立说，明年投产。"
    ents = [("中国", "PLACE"), ("石化衡岳炼化公司", "ORG"), ("衡岳炼化公司", "COMPANY"), ("韩立", "PERSON")]
    ex = run(text, ents)
    assert "中国石化衡岳炼化公司" in [m.text for m in ex.mentions if m.label == "COMPANY"]


def test_a_company_named_by_what_it_does_is_not_the_one_named_before() -> None:
    text = "湘中古城发展有限公司总经理韩立表示，古城今年接待游客500万人次。在山上景区，索道运营公司副经理何明介绍，国际游客增多。"
    ents = [("湘中古城发展有限公司", "COMPANY"), ("韩立", "PERSON"), ("何明", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩立", "总经理", "湘中古城发展有限公司")}


def test_a_unit_after_the_word_company_or_after_its_name_is_that_companys() -> None:
    text = "湘中智能装备有限公司的产品正在装箱。公司外贸部经理韩立说，订单增长三成。"
    ex = run(text, [("湘中智能装备有限公司", "COMPANY"), ("外贸部", "COMPANY"), ("韩立", "PERSON")])
    assert affiliations(ex) == {("韩立", "经理", "湘中智能装备有限公司外贸部")}
    text = "记者从衡岳电力有限公司获悉，负荷创新高。衡岳电力有限公司调度控制中心主任何明介绍，供应平稳。"
    ents = [("衡岳电力有限公司", "COMPANY"), ("衡岳电力有限公司", "COMPANY"), ("调度控制中心", "ORG"), ("何明", "PERSON")]
    assert affiliations(run(text, ents)) == {("何明", "主任", "衡岳电力有限公司调度控制中心")}


def test_a_prefectures_head_listed_after_its_committee_named_short_holds_office_in_it() -> None:
    text = "湘西州召开推进会。湘西州委常委、常务副州长韩立出席会议并讲话。"
    ex = run(text, [("湘西州", "PLACE"), ("湘西州委", "ORG"), ("韩立", "PERSON")])
    assert affiliations(ex) == {("韩立", "常委", "湘西州委"), ("韩立", "常务副州长", "湘西州")}


def test_a_zone_begun_inside_a_word_after_its_citys_short_name_is_named_whole() -> None:
    text = "开发区建设提速。\n\n娄底经济技术开发区管委会副主任韩立表示，开发区已引进企业45家。"
    ex = run(text, [("济技术开发区管委会", "ORG"), ("韩立", "PERSON")])
    assert affiliations(ex) == {("韩立", "副主任", "娄底经济技术开发区管委会")}


def test_a_companys_short_name_keeping_its_cores_characters_in_order_is_split_from_its_committee() -> None:
    text = "在湖南衡岳涟源钢铁有限公司，新产品下线。衡岳涟钢党委书记、董事长韩立介绍了情况。"
    ents = [("湖南衡岳涟源钢铁有限公司", "COMPANY"), ("衡岳涟钢党委", "ORG"), ("韩立", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩立", "书记", "衡岳涟钢党委"), ("韩立", "董事长", "衡岳涟钢")}


def test_a_person_read_with_the_words_and_title_before_the_name_is_the_name() -> None:
    text = "湖南衡远锂电股份有限公司发布公告。衡远锂电董秘韩立介绍，公司将择机回购。"
    ex = run(text, [("湖南衡远锂电股份有限公司", "COMPANY"), ("锂电董秘韩立", "PERSON")])
    assert [m.text for m in ex.mentions if m.label == "PERSON"] == ["韩立"]
    assert affiliations(ex) == {("韩立", "董秘", "衡远锂电")}


def test_a_name_of_two_then_one_character_before_a_speech_made_is_a_name_of_three() -> None:
    ex = run("会上，湘中重工股份有限公司董事长韩立新作交流发言。", [("湘中重工股份有限公司", "COMPANY"), ("韩立", "PERSON")])
    assert affiliations(ex) == {("韩立新", "董事长", "湘中重工股份有限公司")}


def test_a_title_after_a_company_and_de_or_as_the_company_opening_the_sentence_is_held_there() -> None:
    text = "湘中重工有限公司的总经理韩立说，订单增长。作为衡岳电气有限公司董事长，何明认为市场向好。"
    ents = [("湘中重工有限公司", "COMPANY"), ("韩立", "PERSON"), ("衡岳电气有限公司", "COMPANY"), ("何明", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩立", "总经理", "湘中重工有限公司"), ("何明", "董事长", "衡岳电气有限公司")}
    # but a comma after a title is a clause's end otherwise
    text = "湘中重工有限公司董事长，何明认为市场向好。"
    assert affiliations(run(text, [("湘中重工有限公司", "COMPANY"), ("何明", "PERSON")])) == set()


def test_a_title_listed_with_he_and_a_title_held_in_a_relative_clause() -> None:
    text = "湘中重工有限公司董事长韩立和总经理何明出席。衡岳电气有限公司董事长王涛和刘洋出席。"
    ents = [("湘中重工有限公司", "COMPANY"), ("韩立", "PERSON"), ("何明", "PERSON"), ("衡岳电气有限公司", "COMPANY"),
            ("王涛", "PERSON"), ("刘洋", "PERSON")]
    assert affiliations(run(text, ents)) == {
        ("韩立", "董事长", "湘中重工有限公司"), ("何明", "总经理", "湘中重工有限公司"), ("王涛", "董事长", "衡岳电气有限公司"),
    }
    text = "在衡岳电气有限公司担任总经理的陈敏说，市场向好。"
    assert affiliations(run(text, [("衡岳电气有限公司", "COMPANY"), ("陈敏", "PERSON")])) == {("陈敏", "总经理", "衡岳电气有限公司")}


def test_a_bracket_after_a_name_opening_with_sex_or_age_gives_the_post_after_them() -> None:
    text = "韩立（女，湘中重工有限公司员工）说，工资涨了。何明（45岁，衡岳电气有限公司工程师）介绍了技术。"
    ents = [("韩立", "PERSON"), ("湘中重工有限公司", "COMPANY"), ("何明", "PERSON"), ("衡岳电气有限公司", "COMPANY")]
    assert affiliations(run(text, ents)) == {("韩立", "员工", "湘中重工有限公司"), ("何明", "工程师", "衡岳电气有限公司")}


def test_a_discipline_commission_listed_after_a_companys_party_committee_title_is_that_companys() -> None:
    text = "湘中机械有限公司党委副书记、纪委书记韩立出席。"
    ents = [("湘中机械有限公司", "COMPANY"), ("党委", "ORG"), ("纪委", "ORG"), ("韩立", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩立", "副书记", "湘中机械有限公司党委"), ("韩立", "书记", "湘中机械有限公司纪委")}


def test_a_copula_with_a_count_word_before_the_body_and_its_title() -> None:
    text = "韩立是一名湘中重工有限公司的检测员。何明是一位衡岳大学的教授。"
    ents = [("韩立", "PERSON"), ("湘中重工有限公司", "COMPANY"), ("何明", "PERSON"), ("衡岳大学", "ORG")]
    assert affiliations(run(text, ents)) == {("韩立", "检测员", "湘中重工有限公司"), ("何明", "教授", "衡岳大学")}


def test_a_post_at_another_body_joined_with_jian_is_held_too() -> None:
    text = "衡岳集团有限公司总经理助理兼湘中电气有限公司总经理韩立介绍了情况。"
    ents = [("衡岳集团有限公司", "COMPANY"), ("湘中电气有限公司", "COMPANY"), ("韩立", "PERSON")]
    assert affiliations(run(text, ents)) == {("韩立", "总经理助理", "衡岳集团有限公司"), ("韩立", "总经理", "湘中电气有限公司")}

"""Reading files, repairing PDF line breaks and splitting a page into articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.bylines import parse_byline, parse_dateline
from kg.ingest import InputError, PartialInput, Source, decode, read_source, repair, split_articles

from conftest import FIXTURES


def articles_of(text: str):
    return split_articles(Source("page.txt", text, "utf-8"))


def test_page_splits_into_articles_with_headlines_and_bylines(page_text: str) -> None:
    arts = articles_of(page_text)
    assert [a.headline for a in arts] == ["发展新质生产力", "连城新泉镇的春耕", "春天的湘江"]
    assert arts[0].subheadline == "株洲制造业稳中有进"
    first = arts[0].bylines
    assert [(b.org, b.role, b.names) for b in first] == [
        ("株洲日报", "全媒体记者", ["陈晓东"]),
        ("", "通讯员", ["刘思远", "周小满"]),
    ]


def test_dateline_gives_place_date_and_credits(page_text: str) -> None:
    art = articles_of(page_text)[1]
    assert (art.dateline, art.date) == ("福建日报", "4月9日")
    assert [(b.org, b.role, b.names) for b in art.bylines] == [
        ("福建日报", "记者", ["林海峰"]),
        ("", "通讯员", ["黄丽娟"]),
    ]


def test_photo_story_is_its_own_article(page_text: str) -> None:
    photo = articles_of(page_text)[2]
    assert photo.kind == "photo"
    assert photo.bylines[0].names == ["王可心"] and photo.bylines[0].photo


def test_broken_line_is_joined_and_offsets_map_back(page_text: str) -> None:
    art = articles_of(page_text)[0]
    assert "工人们都在加班加点" in art.text
    k = art.text.index("都在加班")
    assert page_text[art.source_offset(k) : art.source_offset(k) + 4] == "都在加班"
    for i, ch in enumerate(art.text):
        if ch != "\n":
            assert page_text[art.source_offset(i)] == ch


def test_headlines_and_subheads_are_not_joined_to_the_body() -> None:
    text = "产业园区加快建设\n\n——记某地复工复产\n\n本报记者 张三\n\n项目建设正在加快推进。"
    groups = repair(text)
    assert len(groups) == 4
    assert articles_of(text)[0].subheadline == "——记某地复工复产"


def test_byline_parser_rejects_prose() -> None:
    assert parse_byline("记者来到现场采访了工人") is None
    assert parse_byline("新华社记者 王明 李华")[0].names == ["王明", "李华"]
    assert parse_dateline("新华社北京4月1日电(记者 王明)今天") is not None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = "湘潭市政府今天召开新闻发布会，通报一季度经济运行情况。市长在会上介绍了重点项目的进展。" * 3
    if encoding == "big5":
        text = "臺北市政府今天召開記者會，說明新的交通政策。市長表示將持續改善公共運輸。" * 3
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    [src] = read_source(path)
    if encoding == "big5":  # read as simplified, character for character (kg.script)
        assert src.encoding == "big5" and src.simplified == 3 * 10  # 臺 開 記 會 說 長 將 續 運 輸
        text = "台北市政府今天召开记者会，说明新的交通政策。市长表示将持续改善公共运输。" * 3
    assert src.text.lstrip("\ufeff") == text


def test_bad_utf8_without_other_encoding_is_an_error() -> None:
    with pytest.raises(InputError, match="x.txt"):
        decode(b"\x00\x01\x02binary", "x.txt")
    with pytest.raises(InputError, match="empty"):
        decode(b"   \n", "x.txt")


def test_html_keeps_text_and_drops_scripts(tmp_path: Path) -> None:
    page = "<html><head><style>p{}</style><script>alert('x')</script></head><body><h1>标题</h1><p>正文&amp;内容</p></body></html>"
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf8")
    [src] = read_source(path)
    assert "alert" not in src.text and "p{}" not in src.text
    assert "标题" in src.text and "正文&内容" in src.text


def test_jsonl_bad_lines_are_reported_and_good_lines_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": "第一篇", "title": "标题一"}, ensure_ascii=False), "{broken", json.dumps({"no": 1}),
             json.dumps({"text": "第二篇"}, ensure_ascii=False)]
    path.write_text("\n".join(lines), encoding="utf8")
    with pytest.raises(PartialInput) as info:
        read_source(path)
    assert "line 2" in str(info.value) and "line 3" in str(info.value)
    assert [s.text for s in info.value.sources] == ["第一篇", "第二篇"]
    assert info.value.sources[0].meta["title"] == "标题一"


def test_fixture_is_not_the_reference_page() -> None:
    ref = (Path(__file__).parents[1] / "corpus" / "hunan_daily_page.txt").read_text(encoding="utf8")
    assert (FIXTURES / "page.txt").read_text(encoding="utf8")[:50] not in ref


OTHER_PAPER = """江南日报 2025年11月6日 星期四 第3版

新能源汽车产业链加速集聚
嘉兴秀洲：一条街上的“零部件朋友圈”

本报记者 方明远 通讯员 许佳琪

本报嘉兴11月5日电 在秀洲区王店镇，一家电池壳体工厂的第三条产线刚刚投产。厂长许卫国说，今年订单翻了一番。

（图为工人在调试设备。本报记者 方明远 摄）

港口货物吞吐量稳步增长

新华社宁波11月5日电（记者 程立新）记者从港口管理部门获悉，前十个月货物吞吐量同比增长6%。
"""


def test_a_page_from_another_paper_splits_by_its_own_structure() -> None:
    arts = articles_of(OTHER_PAPER)
    assert [a.headline for a in arts] == ["新能源汽车产业链加速集聚", "港口货物吞吐量稳步增长"]
    first, second = arts
    # the running page header is neither a kicker nor an article of its own
    assert first.kicker == "" and first.subheadline == "嘉兴秀洲：一条街上的“零部件朋友圈”"
    # a dateline without credits under the byline stays in the same article
    assert (first.dateline, first.date) == ("本报嘉兴", "11月5日")
    assert [(b.role, b.names) for b in first.bylines] == [("本报记者", ["方明远"]), ("通讯员", ["许佳琪"])]
    # the photo caption is a paragraph of its own: the next headline is not joined to it
    assert "港口货物" not in first.text
    assert [(b.org, b.role, b.names) for b in second.bylines] == [("新华社", "记者", ["程立新"])]


def test_dateline_outlet_and_place() -> None:
    from kg.bylines import split_dateline_head

    assert split_dateline_head("新华社北京") == ("新华社", "北京")
    assert split_dateline_head("本报宁波") == ("本报", "宁波")
    assert split_dateline_head("湖南日报") == ("湖南日报", "")
    assert split_dateline_head("新华社烟台") == ("新华社", "烟台")  # 台 of a place is not an outlet
    assert parse_dateline("本报嘉兴11月5日电 在秀洲区王店镇") is not None
    assert parse_dateline("去年3月11日电价上调了两次") is None  # no space or credits after 电: prose


def test_dateline_without_a_date_and_a_lettered_edition() -> None:
    text = (
        "岭南晚报 2025年10月9日 星期四 A04版\n\n沿海港口吞吐量回升\n\n"
        "本报讯（记者 梁晓峰 实习生 何佩）10月8日，全省沿海港口货物吞吐量同比回升。"
    )
    [art] = articles_of(text)
    assert art.headline == "沿海港口吞吐量回升" and art.kicker == ""
    assert [(b.role, b.names) for b in art.bylines] == [("记者", ["梁晓峰"]), ("实习生", ["何佩"])]
    assert parse_dateline("他来电（电话）说明天到") is None  # no date and no credits: prose


def test_a_web_pages_menus_and_source_line_are_not_headlines(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(
        "<html><head><title>运河沿线古镇游客量创新高_新闻中心_某网</title></head><body>"
        "<div><a>首页</a> | <a>新闻</a> | <a>体育</a> | <a>财经</a></div>"
        "<h1>运河沿线古镇游客量创新高</h1><p>2025-10-02 09:15 来源：运河晚报</p>"
        "<p>本报讯（记者 韩雨桐）国庆假期，运河沿线六个古镇共接待游客120万人次。</p>"
        "<p>古镇管委会主任邵明远介绍，夜游项目最受欢迎。</p></body></html>",
        encoding="utf-8",
    )
    [src] = read_source(page)
    [art] = split_articles(src)
    assert (art.kicker, art.headline, art.subheadline) == ("", "运河沿线古镇游客量创新高", "")
    assert [b.names for b in art.bylines] == [["韩雨桐"]]
    assert "首页" not in art.text


def test_credits_closing_a_paragraph_and_text_and_photo_bylines() -> None:
    text = (
        "城区新增3处口袋公园\n\n记者从市园林局获悉，今年城区新建的3处口袋公园已全部开放。（记者 蔡文杰 通讯员 龙小溪）\n\n"
        "江边步道完成提质改造\n\n文/图 记者 彭志刚\n\n江边步道提质改造工程日前完工，全长4.2公里。"
    )
    first, second = articles_of(text)
    assert first.headline == "城区新增3处口袋公园" and second.headline == "江边步道完成提质改造"
    assert [(b.role, b.names) for b in first.bylines] == [("记者", ["蔡文杰"]), ("通讯员", ["龙小溪"])]
    assert [(b.role, b.names) for b in second.bylines] == [("记者", ["彭志刚"])]


def test_credits_on_a_line_of_their_own_in_brackets() -> None:
    [art] = articles_of("跨江大桥合龙\n\n大桥预计明年通车。\n\n（记者 孙晓梅 通讯员 何平）")
    assert [(b.role, b.names) for b in art.bylines] == [("记者", ["孙晓梅"]), ("通讯员", ["何平"])]
    assert parse_byline("（图为工人在调试设备。本报记者 方明远 摄）") is None
    # a photo in the article, credited after its caption: the photographer is the article's too
    [art] = articles_of("跨江大桥合龙\n\n大桥预计明年通车。\n\n图为合龙现场。（江城日报记者 吴东明 摄）")
    assert [(b.org, b.role, b.names, b.photo) for b in art.bylines] == [("江城日报", "记者", ["吴东明"], True)]


def test_a_caption_closed_by_its_photographer_is_not_joined_to_the_next_headline() -> None:
    page = (
        "小山村走出致富路\n记者 肖雨 通讯员 谭明\n村民去年油茶收入突破600万元。\n\n图为村民在采摘油茶果。 肖雨 摄\n\n"
        "双峰：千人培训进企业\n本报6月2日讯（记者 彭晓）近日，县人社局在企业开展技能培训。"
    )
    articles = split_articles(Source("p.txt", page, "utf-8"))
    assert [a.headline for a in articles] == ["小山村走出致富路", "双峰：千人培训进企业"]
    assert articles[0].text.endswith("肖雨 摄")


def test_a_web_pages_chrome_goes_and_its_source_line_gives_author_and_paper(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(
        "<html><head><title>园区一季度产值增长8%_某某在线</title></head><body>"
        "<div class='main-nav'>首页 | 新闻 | 财经</div><div id='breadcrumb'>当前位置：首页 > 财经</div>"
        "<div class='article share-box'><h1>园区一季度产值增长8%</h1>"
        "<p>2026-04-20 09:15 来源：锦江日报 作者：张明远</p>"
        "<p>4月19日，记者从锦江高新区管委会获悉，一季度园区实现产值806亿元，同比增长8.2%，增速居全市第一。</p>"
        "<p>责任编辑：李华</p></div>"
        "<div class='footer'>版权所有 某某在线 备案号12345</div></body></html>",
        encoding="utf-8",
    )
    [src] = read_source(page)
    assert src.meta["title"] == "园区一季度产值增长8%"
    [art] = split_articles(src)
    assert art.headline == "园区一季度产值增长8%" and art.paper == "锦江日报"
    assert [(b.org, b.role, b.names) for b in art.bylines] == [("锦江日报", "作者", ["张明远"])]
    assert "首页" not in art.text and "版权所有" not in art.text and "806亿元" in art.text


def test_a_byline_credits_transcribed_names_of_any_length() -> None:
    page = "棉田里的新农人\n本报记者 阿依努尔·买买提 通讯员 陈刚\n在沙雅县，种棉能手越来越多。"
    [art] = split_articles(Source("p.txt", page, "utf-8"))
    assert art.headline == "棉田里的新农人"
    assert [(b.role, b.names) for b in art.bylines] == [("本报记者", ["阿依努尔·买买提"]), ("通讯员", ["陈刚"])]
    # an outlet with its app after a dot: the paper credits them
    page = "苏企三季报亮眼\n江南日报·交汇点记者 付奇 徐超\n截至10月29日，已有680家公司披露三季报。"
    [art] = split_articles(Source("p.txt", page, "utf-8"))
    assert [(b.org, b.role, b.names) for b in art.bylines] == [("江南日报", "记者", ["付奇", "徐超"])]


def test_a_columns_short_label_above_the_headline_is_its_kicker() -> None:
    page = "乡村振兴\n小山村走出致富路\n记者 肖雨 通讯员 谭明\n村民去年油茶收入突破600万元。"
    [art] = split_articles(Source("p.txt", page, "utf-8"))
    assert (art.kicker, art.headline, art.subheadline) == ("乡村振兴", "小山村走出致富路", "")
    page = "长沙通报疫情防控最新情况\n新增感染者3例，部分封控区解封\n记者 肖雨\n今天下午，长沙召开发布会。"
    [art] = split_articles(Source("p.txt", page, "utf-8"))
    assert (art.kicker, art.headline) == ("", "长沙通报疫情防控最新情况")


def test_a_photo_story_right_after_a_brief_is_its_own_article() -> None:
    page = (
        "简讯\n本报讯（记者 周晓）4月9日，赫山区举行重点项目集中开工仪式。\n"
        "本报讯（记者 李敏）4月8日，高新区与一家企业签订投资协议。\n"
        "春日茶香\n4月9日，江南镇的茶农在采摘春茶。\n记者 周晓 摄"
    )
    articles = split_articles(Source("p.txt", page, "utf-8"))
    assert [(a.headline, a.kind) for a in articles] == [("简讯", "article"), ("", "article"), ("春日茶香", "photo")]


def test_a_bare_this_paper_dateline_starts_an_article_and_reported_closes_a_byline() -> None:
    text = (
        "滨江晚报 2025年9月2日 星期二 A03版\n\n老旧小区加装电梯\n\n本报记者 谭一鸣 报道\n\n"
        "全市今年已为86个老旧小区加装电梯。\n\n秋季开学安全检查启动\n\n"
        "本报讯 9月1日，市教育局启动秋季开学安全大检查。（记者 陆晓川 通讯员 滨江教办）"
    )
    first, second = articles_of(text)
    assert [(b.role, b.names) for b in first.bylines] == [("本报记者", ["谭一鸣"])]
    assert second.headline == "秋季开学安全检查启动"
    assert [(b.role, b.names) for b in second.bylines] == [("记者", ["陆晓川"]), ("通讯员", ["滨江教办"])]
    assert parse_dateline("本报讯 9月1日，市教育局启动检查。") is not None
    assert parse_dateline("本报讯息灵通") is None  # a bare 本报讯 needs a space or colon after it
    for head, outlet in (("本报综合消息", "本报"), ("据新华社电", "新华社"), ("综合消息：", "")):
        dl = parse_dateline(head + " 美国一家公司9月13日发布新款手机。")
        assert dl is not None and dl.outlet == outlet, head
    text = "欧盟峰会闭幕\n\n据新华社电 欧盟峰会14日闭幕。\n\n新款手机发布\n\n本报综合消息 一家公司发布新款手机。"
    assert [a.headline for a in articles_of(text)] == ["欧盟峰会闭幕", "新款手机发布"]


def test_an_interview_under_its_dash_subheadline_and_a_notice_after_closing_credits_are_articles() -> None:
    text = (
        "新材料企业扩产\n\n本报记者 罗文静\n\n园区内的新材料企业今年扩产两成。\n\n"
        "对话\n\n“把实验室搬进车间”\n\n——访清源新材料有限公司总经理孟长青\n\n"
        "记者：扩产的底气从哪来？\n\n孟长青：订单排到了明年。\n\n（本报记者 罗文静 整理）\n\n"
        "市人民政府关于任免工作人员的通知\n\n经研究决定：任命韦晓东为市科技局局长。"
    )
    first, interview, notice = articles_of(text)
    assert first.headline == "新材料企业扩产"
    assert (interview.kicker, interview.headline, interview.subheadline) == (
        "对话", "“把实验室搬进车间”", "——访清源新材料有限公司总经理孟长青",
    )
    assert [(b.role, b.names) for b in interview.bylines] == [("本报记者", ["罗文静"])]  # 整理 names no one
    assert notice.headline == "市人民政府关于任免工作人员的通知" and notice.bylines == []


def test_a_dotted_column_label_is_a_kicker_and_a_byline_may_end_with_where_it_was_filed() -> None:
    text = "两会·声音\n\n代表委员热议乡村振兴\n\n本报记者 汤雨桐 北京3月5日电\n\n代表们围绕乡村振兴展开讨论。"
    [art] = articles_of(text)
    assert (art.kicker, art.headline) == ("两会·声音", "代表委员热议乡村振兴")
    assert [(b.role, b.names) for b in art.bylines] == [("本报记者", ["汤雨桐"])]


def test_briefs_opened_by_a_bullet_are_articles_under_their_sections_label() -> None:
    text = (
        "乡村书屋开到家门口\n\n本报记者 符晓丽\n\n全县今年新建乡村书屋40家。\n\n短讯\n\n"
        "△县人民法院日前审结一起合同纠纷案。（记者 李雯）\n\n△县文旅局透露，今年接待游客200万人次。（记者 吴东）"
    )
    first, court, tourism = articles_of(text)
    assert [(b.role, b.names) for b in first.bylines] == [("本报记者", ["符晓丽"])]
    assert (court.kicker, court.headline) == ("短讯", "")
    assert [b.names for b in court.bylines] == [["李雯"]] and [b.names for b in tourism.bylines] == [["吴东"]]


def test_a_commentarys_written_by_line_is_its_byline_and_a_closing_note_is_no_headline() -> None:
    text = (
        "以创新推动发展\n\n曾凡明\n\n发展新质生产力是推动高质量发展的内在要求。\n\n（作者系省委党校教授）\n\n"
        "乡村治理需要“绣花功夫”\n\n文/谭雅文\n\n乡村治理是国家治理的基石。"
    )
    first, second = articles_of(text)
    assert second.headline == "乡村治理需要“绣花功夫”"
    assert [(b.role, b.names) for b in second.bylines] == [("作者", ["谭雅文"])]
    assert parse_byline("文/图 记者 彭志刚")[0].names == ["彭志刚"]


def test_a_notices_salutation_issuer_and_date_are_its_text_not_headlines() -> None:
    text = (
        "吉安市人民政府关于罗建华等同志职务任免的通知\n\n各县（市、区）人民政府，市政府各部门：\n\n经市政府研究决定：\n\n"
        "任命罗建华为吉安市商务局局长；\n\n免去彭志勇的吉安市商务局局长职务。\n\n吉安市人民政府\n\n2026年10月9日\n\n"
        "山村里的电商直播间\n\n本报记者 胡晓燕\n\n傍晚时分，村里的直播间亮起了灯。"
    )
    notice, story = articles_of(text)
    assert (notice.kicker, notice.headline, notice.subheadline) == ("", "吉安市人民政府关于罗建华等同志职务任免的通知", "")
    assert notice.text.endswith("吉安市人民政府\n2026年10月9日")
    assert (story.kicker, story.headline, story.subheadline) == ("", "山村里的电商直播间", "")
    assert [(b.role, b.names) for b in story.bylines] == [("本报记者", ["胡晓燕"])]


def test_credits_without_a_role_in_a_datelines_brackets_and_a_byline_closed_by_text_and_photos() -> None:
    assert [(b.role, b.names) for b in parse_byline("本报记者 何晓勇 文/图")] == [("本报记者", ["何晓勇"])]
    dl = parse_dateline("本报讯（杨一帆 记者 王潇潇）8月4日，社区网格员开始巡查。")
    assert [(b.role, b.names) for b in dl.bylines] == [("", ["杨一帆"]), ("记者", ["王潇潇"])]
    assert [(b.role, b.names) for b in parse_dateline("本报讯（杨一帆 王潇潇）8月4日，").bylines] == [("", ["杨一帆", "王潇潇"])]
    # brackets after 电 that are no outlet's, or hold no names, are no dateline
    assert parse_dateline("他来电（电话）说明天到。") is None
    assert parse_dateline("本报讯（电话会议）8月4日，") is None
    text = ("江城日报 2026年8月5日 第6版\n\n社区里的“夜间课堂”\n\n本报记者 何晓勇 文/图\n\n晚上七点，社区活动室坐满了人。\n\n"
            "（图为志愿者在辅导孩子。）\n\n网格员守护小区平安\n\n本报讯（杨一帆 记者 王潇潇）8月4日，社区网格员一大早就开始巡查。")
    first, second = articles_of(text)
    assert (first.headline, first.kind, [b.names for b in first.bylines]) == ("社区里的“夜间课堂”", "article", [["何晓勇"]])
    assert (second.headline, [b.names for b in second.bylines]) == ("网格员守护小区平安", [["杨一帆"], ["王潇潇"]])


def test_a_photographers_credit_line_opens_a_photo_story() -> None:
    assert [(b.role, b.names, b.photo) for b in parse_byline("摄影/童晓迪")] == [("摄影", ["童晓迪"], True)]
    text = ("益阳稻田里长出新产业\n\n本报记者 罗晓徽\n\n种养大户正在投放饲料。\n\n（全媒体记者 李秉文）\n\n"
            "摄影/童晓迪\n\n图为9月1日，游客在稻田里体验收割。")
    story, photo = articles_of(text)
    assert (photo.kind, [(b.role, b.names) for b in photo.bylines]) == ("photo", [("摄影", ["童晓迪"])])
    assert photo.text.endswith("游客在稻田里体验收割。") and "摄影" not in story.text


def test_a_byline_whose_spaces_were_lost_is_still_two_credits() -> None:
    assert [(b.org, b.role, b.names) for b in parse_byline("记者王晓明通讯员李华")] == [
        ("", "记者", ["王晓明"]), ("", "通讯员", ["李华"])]
    assert [(b.org, b.role, b.names) for b in parse_byline("新华社记者董践真本报记者杨明方")] == [
        ("新华社", "记者", ["董践真"]), ("", "本报记者", ["杨明方"])]


def test_a_running_header_with_a_lettered_page_number_is_no_headline() -> None:
    text = ("星城晚报 2026年10月22日 星期四 A05 城事\n\n冒充客服骗走8万元 两名嫌疑人落网\n\n"
            "星城晚报全媒体记者 陈晓昂\n\n10月20日，警方破获一起冒充电商客服诈骗案。")
    [article] = articles_of(text)
    assert (article.kicker, article.headline, article.paper) == ("", "冒充客服骗走8万元 两名嫌疑人落网", "星城晚报")
    from kg.ingest import is_page_header

    assert not is_page_header("2026年3月5日，G20峰会举行") and not is_page_header("会议于3月5日在B12会议室举行")
    # a paper's name and a full date open a header, whatever the page number looks like; a dateline does not
    assert is_page_header("星城日报 2026年4月15日 星期三 05")
    assert not is_page_header("星城日报4月14日讯(全媒体记者 张建)") and not is_page_header("星城日报 2026年4月15日讯 记者")


def test_a_paper_and_its_app_in_a_dateline_and_where_a_byline_was_filed() -> None:
    dl = parse_dateline("湘江日报·新湘江客户端3月30日讯（全媒体记者 王晓明 通讯员 李华）今天，")
    assert (dl.outlet, dl.where, dl.date) == ("湘江日报", "", "3月30日")
    assert [(b.org, b.role, b.names) for b in dl.bylines] == [("湘江日报", "全媒体记者", ["王晓明"]), ("", "通讯员", ["李华"])]
    dl = parse_dateline("红网时刻3月30日讯（记者 王晓明）")
    assert (dl.outlet, dl.where) == ("红网时刻", "")
    credits = parse_byline("湘江日报全媒体记者 王晓明 通讯员 李华 长沙报道")
    assert [(b.role, b.names) for b in credits] == [("全媒体记者", ["王晓明"]), ("通讯员", ["李华"])]


def test_a_bullet_before_a_name_marks_an_author_but_not_before_a_sections_label() -> None:
    assert [(b.role, b.names) for b in parse_byline("□ 刘建文")] == [("作者", ["刘建文"])]
    assert parse_byline("■ 短讯") is None and parse_byline("● 聚焦") is None


def test_a_sections_label_and_one_brief_with_its_credits_after_an_article_are_an_article() -> None:
    text = (
        "在泥土里写诗\n\n□ 龚海东\n\n这部散文集写下了故乡的草木与人事。\n\n（作者系省作家协会副主席）\n\n"
        "简讯\n\n11月27日，湘潭大学举办艺术节，师生创作了50余幅作品。（通讯员 胡冬青）\n\n"
        "快讯\n\n11月28日，株洲举办车展。（记者 王明）"
    )
    review, brief, second = articles_of(text)
    assert review.text.endswith("（作者系省作家协会副主席）")
    assert [(b.role, b.names) for b in review.bylines] == [("作者", ["龚海东"])]
    assert (brief.headline, [(b.role, b.names) for b in brief.bylines]) == ("简讯", [("通讯员", ["胡冬青"])])
    assert [(b.role, b.names) for b in second.bylines] == [("记者", ["王明"])]


def test_a_brief_with_its_credits_after_an_article_credited_at_its_top_is_an_article() -> None:
    text = (
        "益阳：南县稻虾产业提质\n\n湖南日报全媒体记者 杨壹清 通讯员 周志刚\n\n南县稻虾共作面积已突破60万亩。\n\n"
        "种粮大户张建军说，一亩田既收稻又收虾。\n\n"
        "娄底：新化县开展河道清理\n\n新化县组织党员志愿者清理河道垃圾50余公里。（通讯员 曾志高 肖国庆）"
    )
    first, brief = articles_of(text)
    assert [(b.role, b.names) for b in first.bylines] == [("全媒体记者", ["杨壹清"]), ("通讯员", ["周志刚"])]
    assert (brief.headline, [(b.role, b.names) for b in brief.bylines]) == ("娄底：新化县开展河道清理", [("通讯员", ["曾志高", "肖国庆"])])
    # an article credited only at its end keeps its subheads
    text = "南县稻虾产业提质\n\n南县稻虾共作面积已突破60万亩。\n\n打造稻虾品牌\n\n南县注册了稻虾商标。（通讯员 周志刚）"
    [article] = articles_of(text)
    assert [(b.role, b.names) for b in article.bylines] == [("通讯员", ["周志刚"])]


def test_a_byline_after_a_mark_and_a_brief_under_a_related_news_label() -> None:
    text = (
        "产业园主体完工\n\n■江城晚报全媒体记者 周和平 实习生 李想\n\n11月27日，产业园主体工程全部完工。\n\n"
        "相关新闻\n\n江城举办农民丰收节\n\n第七届农民丰收节日前开幕。（记者 周勇军）"
    )
    first, brief = articles_of(text)
    assert [(b.role, b.names) for b in first.bylines] == [("全媒体记者", ["周和平"]), ("实习生", ["李想"])]
    assert (brief.headline, [(b.role, b.names) for b in brief.bylines]) == ("江城举办农民丰收节", [("记者", ["周勇军"])])


def test_a_brief_after_a_photo_story_closed_by_its_photographer_is_an_article() -> None:
    text = (
        "春耕备耕忙\n\n江城日报记者 刘笑雪 摄影报道\n\n11月27日，农机手驾驶旋耕机翻耕农田。\n\n江城日报记者 刘笑雪 摄\n\n"
        "南县：柑橘丰收\n\n11月26日，果农在采摘柑橘。镇长曾伟说，今年柑橘总产量达3万吨。（通讯员 伍俊）"
    )
    photo, brief = articles_of(text)
    assert photo.kind == "photo" and (brief.headline, [b.names for b in brief.bylines]) == ("南县：柑橘丰收", [["伍俊"]])


def test_a_photographer_named_alone_under_a_caption_is_credited() -> None:
    for line, names in (("（陈自明 摄）", ["陈自明"]), ("肖霞 摄", ["肖霞"]), ("（王浩 李明 摄）", ["王浩", "李明"])):
        [credit] = parse_byline(line)
        assert credit.names == names and credit.photo and credit.role == "摄影"
    assert parse_byline("（资料图片 摄）") is None and parse_byline("（图为 摄）") is None


def test_a_writer_and_a_photographer_credited_on_one_line() -> None:
    words, photos = parse_byline("文/刘永涛 图/曾庆林")
    assert (words.names, words.role, words.photo) == (["刘永涛"], "作者", False)
    assert (photos.names, photos.role, photos.photo) == (["曾庆林"], "摄影", True)
    [both] = parse_byline("文·图/刘永涛")
    assert both.names == ["刘永涛"] and both.photo

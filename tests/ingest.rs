//! Ingestion on the real seed files and on synthetic inputs: decoding, cleaning, paragraph
//! repair and article splitting.

use wenxi::ingest::{article, articles, articles_from_bytes, decode::decode, Article};

fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    let entry = std::fs::read_dir(dir)
        .expect("../shared/seeds")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    decode(&std::fs::read(entry.path()).expect("readable seed")).expect("seed is text")
}

fn titles(list: &[Article]) -> Vec<&str> {
    list.iter()
        .map(|a| a.title.as_deref().unwrap_or(""))
        .collect()
}

/// Lines of a Markdown seed that start with `marks` + space, without the marks.
fn headings(text: &str, marks: &str) -> Vec<String> {
    let prefix = format!("{marks} ");
    text.lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .map(|h| h.trim().to_string())
        .collect()
}

/// Clean-text rules every article of every input must keep.
fn assert_clean(name: &str, list: &[Article]) {
    for a in list {
        let t = &a.body;
        assert!(!t.is_empty(), "{name}: empty article {:?}", a.title);
        for banned in [
            "http",
            "://",
            "www.",
            "返回首页",
            "责编",
            "版权",
            "layout:",
            "title:",
            "categories:",
            "tags:",
            "date:",
        ] {
            assert!(
                !t.contains(banned),
                "{name}: {banned:?} in text of {:?}",
                a.title
            );
        }
        let tag = t.char_indices().any(|(i, c)| {
            c == '<' && t[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/')
        });
        assert!(!tag, "{name}: HTML tag in text of {:?}", a.title);
        for line in t.split('\n') {
            assert!(!line.is_empty(), "{name}: blank line in {:?}", a.title);
            assert_eq!(line, line.trim(), "{name}: untrimmed line");
            assert!(!line.starts_with('#'), "{name}: heading marks kept: {line}");
            assert!(
                !line.contains(['\t', '\u{3000}', '\r', '\u{feff}']),
                "{name}: raw whitespace in {line:?}"
            );
        }
    }
}

#[test]
fn seed_000_jekyll_post_holds_two_articles() {
    let list = articles(&seed("000"));
    assert_eq!(
        titles(&list),
        [
            "株齿动力总成产业化项目竣工投产",
            "数字赋能刷新荷塘区“躬身式”政务服务"
        ]
    );
    assert_clean("000", &list);
    let [first, second] = &list[..] else {
        unreachable!()
    };
    assert!(
        first.body.starts_with("近日，在天元区栗雨工业园"),
        "lead credit removed: {}",
        &first.body[..60]
    );
    assert_eq!(first.byline.as_deref(), Some("记者/王娜 通讯员/张倩"));
    assert_eq!(first.date.as_deref(), Some("2022-01-05 08:28:48 +0800"));
    assert_eq!(first.tags, ["株洲日报新闻"]);
    assert_eq!(first.categories, ["zhuzhouribao"]);
    assert_eq!(second.byline.as_deref(), Some("记者/肖捷 通讯员/刘海燕"));
    assert_eq!(
        second.source.as_deref(),
        Some("株洲日报"),
        "the source note at the end"
    );
    assert!(
        second
            .body
            .split('\n')
            .any(|l| l == "部门联动，服务清单做加法"),
        "section heading stays in the body"
    );
    assert!(!second.body.contains("文章来源"));
}

#[test]
fn posts_pasted_one_after_another_are_read_as_if_apart() {
    // Seed 003 (a feature) with the Jekyll post of seed 000 pasted after it: the post's
    // header must not leak into the feature, and its articles must not be lost.
    for (a, b) in [("003", "000"), ("001", "000"), ("000", "000")] {
        let (first, second) = (seed(a), seed(b));
        let pasted = format!("{}\n\n{}", first.trim_end(), second);
        let mut expected = articles(&first);
        expected.extend(articles(&second));
        assert_eq!(articles(&pasted), expected, "{a} + {b}");
    }
    assert!(articles(&seed("003"))
        .iter()
        .all(|x| !x.body.contains("layout:")));
}

#[test]
fn a_newspaper_issue_after_a_web_post_in_one_file_keeps_every_article_whole() {
    // Seed 000 (a Jekyll post of HTML paragraphs) with seed 002 (a plain-text newspaper issue)
    // after it, as `cat` joins them: the whole file is read as HTML. The issue is bare text
    // (outside every element), so its lines stay lines: a byline over a credit line is not
    // one run ("旷昆红通讯员"), and the issue's masthead date is not lost.
    let (post, issue) = (seed("000"), seed("002"));
    let joined = articles(&format!("{post}{issue}"));
    let alone = articles(&issue);
    assert_eq!(
        joined.len(),
        articles(&post).len() + alone.len(),
        "{:?}",
        titles(&joined)
    );
    // The issue's masthead (株洲日报) does not end the post's last article either.
    for a in articles(&post).iter().chain(&alone) {
        let found = joined.iter().find(|j| j.title == a.title);
        let found =
            found.unwrap_or_else(|| panic!("{:?} missing from {:?}", a.title, titles(&joined)));
        assert_eq!(found.body, a.body, "{:?}", a.title);
        assert_eq!(found.byline, a.byline, "{:?}", a.title);
    }
    // The issue's articles carry the issue's date (2022年10月9日), not the post's front matter.
    for a in &alone {
        let found = joined.iter().find(|j| j.title == a.title).unwrap();
        assert_eq!(
            (&found.date, &found.source),
            (&a.date, &a.source),
            "{:?}",
            a.title
        );
    }
    assert_eq!(alone[0].date.as_deref(), Some("2022年10月9日"));
    let story = joined
        .iter()
        .find(|j| j.title.as_deref() == Some("萌娃变身“小农夫”"));
    assert!(story.is_some_and(|s| s.body.ends_with("在劳动中度过了一个收获满满的假期。")));
}

#[test]
fn a_post_joined_to_a_file_without_a_final_newline_is_still_a_post() {
    // `cat 004 000`: seed 004 does not end in a newline, so the post's `---` ends its last line.
    let (page, post) = (seed("004"), seed("000"));
    assert!(!page.ends_with('\n'));
    let mut expected = articles(&page);
    expected.extend(articles(&post));
    let joined = articles(&format!("{page}{post}"));
    assert_eq!(titles(&joined), titles(&expected));
    assert_eq!(joined, expected);
}

#[test]
fn seed_001_markdown_page_splits_at_each_h1() {
    let text = seed("001");
    let list = articles(&text);
    let expected = headings(&text, "#");
    assert_eq!(expected.len(), 8);
    assert_eq!(titles(&list), expected);
    assert_clean("001", &list);
    let all: String = list
        .iter()
        .map(|a| a.body.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all.contains("惠及企业群众4526人"));
    assert!(all.contains("污水处理系统"));
    assert!(
        all.contains("电子港澳通行证")
            && all.contains("《关于农村用水安全问题的提案》")
            && all.contains("每一个孩子")
    );
    assert!(!all.contains("李华 摄") && !all.contains("上接A1版") && !all.contains('▲'));
    assert_eq!(
        list[0].subtitle.as_deref(),
        Some("茶陵县深入推进政务服务改革工作掠影")
    );
    assert_eq!(
        list[1].byline.as_deref(),
        Some("记者/刘毅 通讯员/林德建 韩崇洁")
    );
    // Sections stay inside their article, without their marks.
    let sections = headings(&text, "###");
    let sixth = &list[6];
    for s in sections.iter().filter(|s| s.starts_with(char::is_numeric)) {
        assert!(
            sixth.body.split('\n').any(|l| l == s),
            "section {s} in the 7th article"
        );
    }
    assert!(list[0]
        .body
        .split('\n')
        .any(|l| l == "“聚合办”,政务服务更尽心"));
    assert_eq!(sixth.byline.as_deref(), Some("文/白天天"));
    assert!(!sixth.body.contains("(文/白天天)"));
}

#[test]
fn a_text_read_as_one_article_keeps_every_part_and_splits_nowhere() {
    let text = seed("001");
    let list = articles(&text);
    let one = article(&text).expect("one article");
    assert_eq!(one.title, list[0].title);
    assert_eq!(one.subtitle, list[0].subtitle);
    // Every part is there, in order; the later headlines head their sections.
    let mut from = 0;
    for (k, part) in list.iter().enumerate() {
        let first_line = part.body.split('\n').next().unwrap_or("");
        let at = one.body[from..]
            .find(first_line)
            .unwrap_or_else(|| panic!("part {k} missing or out of order: {first_line}"));
        from += at;
        if k > 0 {
            let title = part.title.as_deref().unwrap_or("");
            assert!(one.body.split('\n').any(|l| l == title), "headline {title}");
        }
    }
    assert!(!one.body.contains("李华 摄") && !one.body.contains('▲'));
    // Plain text with a --- line between two parts: one article too.
    let pasted =
        "第一篇的标题\n\n第一篇的正文，说的是一件事。\n\n---\n\n第二篇的标题\n\n第二篇的正文。";
    assert_eq!(articles(pasted).len(), 2);
    let one = article(pasted).expect("one article");
    assert_eq!(one.title.as_deref(), Some("第一篇的标题"));
    assert!(one.body.ends_with("第二篇的正文。"), "{}", one.body);
    assert!(article("  \n ").is_none());
    // A masthead stays the source, not the title, as when splitting.
    let page = "青溪日报\n\n2024年1月1日 星期一\n\n图书馆试行夜间开放\n\n本报讯 图书馆从本月起试行夜间开放，每周二至周六闭馆时间推迟到晚上九点半。";
    let split = &articles(page)[0];
    let one = article(page).expect("one article");
    assert_eq!(one.title.as_deref(), Some("图书馆试行夜间开放"));
    assert_eq!(one.title, split.title);
    assert_eq!(one.source, split.source);
    // Two posts with front matter: the second one's title heads its section, as text.
    let posts =
        "---\ntitle: 第一篇\n---\n\n第一篇的正文。\n\n---\ntitle: 第二篇\n---\n\n第二篇的正文。\n";
    let one = article(posts).expect("one article");
    assert_eq!(one.title.as_deref(), Some("第一篇"));
    assert!(!one.body.contains("title:"), "{}", one.body);
    assert!(one.body.contains("第二篇\n第二篇的正文。"), "{}", one.body);
}

#[test]
fn seed_002_newspaper_issue_with_kickers_and_subtitles() {
    let list = articles(&seed("002"));
    assert_eq!(
        titles(&list),
        [
            "“毛泽东足迹遍株洲” 临时开展",
            "市委常委会召开会议",
            "市委理论学习中心组 举行今年第11次集中学习",
            "我市启动无障碍综合服务示范区建设",
            "中车电动产业学院在湖汽职院揭牌",
            "青年干部座谈优化营商环境",
            "萌娃变身“小农夫”",
            "高新区改革创新激发新活力",
        ]
    );
    assert_clean("002", &list);
    assert_eq!(list[1].subtitle.as_deref(), Some("陈恢清主持"));
    assert_eq!(
        list[3].subtitle.as_deref(),
        Some("代表建议督办,让残障人士共享幸福株洲")
    );
    assert_eq!(
        list[5].kicker.as_deref(),
        Some("为持续优化营商环境出力流汗")
    );
    assert_eq!(
        list[7].kicker.as_deref(),
        Some("围绕企业全生命周期,深化体制机制系列改革")
    );
    assert!(list[7].categories.iter().any(|c| c == "喜迎二十大"));
    // Photo stories: one paragraph, credited.
    assert_eq!(list[0].body.split('\n').count(), 1);
    assert!(list[0].byline.as_deref().is_some_and(|b| b.ends_with('摄')));
    assert_eq!(list[6].body.split('\n').count(), 1);
    assert!(list[6].body.contains("孩子们化身“快乐小农夫”"));
    // Masthead out of every text, its date kept.
    for a in &list {
        assert!(
            !a.body.contains("第23094期")
                && !a.body.contains("出版物号")
                && !a.body.contains("星期日")
        );
        assert_eq!(a.date.as_deref(), Some("2022年10月9日"));
        assert_eq!(a.source.as_deref(), Some("株洲日报"));
        assert!(
            !a.body.contains("全媒体记者"),
            "byline left in {:?}",
            a.title
        );
    }
    assert!(list[1].body.starts_with("10月8日,市委常委会召开会议"));
    assert!(list[1]
        .body
        .contains("《习近平:新时代中国共产党的历史使命)"));
    assert!(
        list[7]
            .body
            .split('\n')
            .any(|l| l == "机构重组,建立全流程链条式服务模式"),
        "● section kept without its bullet"
    );
}

#[test]
fn seed_003_feature_keeps_its_sections() {
    let text = seed("003");
    let list = articles(&text);
    assert_eq!(titles(&list), ["湘江之滨 奋进有“数”"]);
    assert_clean("003", &list);
    let a = &list[0];
    assert_eq!(a.kicker.as_deref(), Some("奋进新征程 建功新时代"));
    // The ### line between the headline and the byline is the deck; the later ones are sections.
    let (deck, sections) = headings(&text, "###")
        .split_first()
        .map(|(d, s)| (d.clone(), s.to_vec()))
        .unwrap();
    assert_eq!(a.subtitle.as_deref(), Some(deck.as_str()));
    let body_lines: Vec<&str> = a.body.split('\n').collect();
    assert!(!body_lines.contains(&deck.as_str()));
    assert!(sections.len() >= 3, "{sections:?}");
    for section in sections {
        assert!(body_lines.contains(&section.as_str()), "section {section}");
    }
    assert_eq!(a.byline.as_deref(), Some("全媒体记者/易楚瞳 通讯员/杨清"));
    assert!(!a.body.contains("本版图片"));
    assert!(a.body.contains("利用基站铁塔安装摄像头"));
    assert_eq!(
        a.body.matches("服务平台即可在这些医院预约挂号").count(),
        1,
        "repeated paragraph kept once"
    );
    // The numbered list right above "(本版图片均由…提供)" captions the page's seven photos.
    assert!(
        !a.body.contains("社区智慧监管,精准到位"),
        "photo captions dropped"
    );
    assert!(a.body.ends_with("市行政审批服务局党组书记姜衡湘说。"));
}

#[test]
fn seed_004_scraped_page_loses_its_chrome() {
    let text = seed("004");
    let list = articles(&text);
    let title = "长春汽开区:以高质量服务打造新“引擎” 加速推进汽车产业升级";
    assert_eq!(titles(&list), [title]);
    assert_clean("004", &list);
    let a = &list[0];
    assert!(a.body.matches(title).count() <= 1);
    // The outlet opening the lead's credit is the source, not an author.
    assert_eq!(a.source.as_deref(), Some("中国吉林网"));
    assert_eq!(a.byline.as_deref(), Some("吉刻APP记者 贾子尧/文"));
    for chrome in [
        "四平",
        "辽源",
        "热线",
        "0431",
        "邮箱",
        "@",
        "国际在线",
        "声明",
        "罗浩",
        "原题",
        "关东黑土",
    ] {
        assert!(!a.body.contains(chrome), "{chrome} left in the text");
    }
    assert_eq!(a.date.as_deref(), Some("2019-12-20 15:56:19"));
    assert_eq!(a.source.as_deref(), Some("中国吉林网"));
    assert!(a.body.starts_with("当前,长春全面振兴发展"));
    assert!(a
        .body
        .split('\n')
        .any(|l| l == "深化窗口服务改革 单件办结时间缩短50%以上"));
}

#[test]
fn seed_004_with_text_dump_bullets_loses_the_same_chrome() {
    // A page saved as text by a terminal browser or converted to GBK marks list items with
    // "o", "+" or "*" instead of "•"; the copyright notice must still go.
    let text = seed("004");
    let expected = articles(&text);
    for bullet in ["o", "+", "*"] {
        let dump = text.replace('•', bullet);
        assert_ne!(dump, text);
        let list = articles(&dump);
        assert_eq!(titles(&list), titles(&expected), "bullet {bullet:?}");
        assert!(!list[0].body.contains("国际在线"), "bullet {bullet:?}");
        assert_eq!(list[0].body, expected[0].body, "bullet {bullet:?}");
    }
}

#[test]
fn a_text_of_one_short_line_is_the_body_not_a_masthead() {
    // A headline with nothing under it names the publication only when an article follows
    // (seed 002's masthead, tested above).
    for text in ["今天天气不错", "123", "今天天气不错\n\n明天下雨"] {
        let list = articles(text);
        assert_eq!(list.len(), 1, "{text}");
        assert_eq!(list[0].source, None, "{text}");
        assert_eq!(list[0].body, text.replace("\n\n", "\n"), "{text}");
    }
}

#[test]
fn credits_in_brackets_or_after_a_box_are_bylines() {
    // Our own texts: a credit in brackets without an outlet, and a columnist's name after □.
    let news = "星辰科技发布折叠屏手机\n\n（记者 陈思琪）9月12日晚，星辰科技在深圳举行发布会。\n";
    let a = &articles(news)[0];
    assert_eq!(a.byline.as_deref(), Some("记者 陈思琪"));
    assert_eq!(a.body, "9月12日晚，星辰科技在深圳举行发布会。");
    let column = "别让打卡消解了阅读\n\n□ 苏文博\n\n最近，一些单位开展读书活动，要求每天打卡。\n";
    let a = &articles(column)[0];
    assert_eq!(a.byline.as_deref(), Some("苏文博"));
    assert_eq!(a.body, "最近，一些单位开展读书活动，要求每天打卡。");
}

#[test]
fn line_endings_spaces_and_tabs_do_not_change_the_result() {
    let lf = "市政府召开常务会议\n\n本报讯（记者 王明）8月3日，市政府召开常务会议，研究部署秋粮生产。\n\n会议要求，各地要抓好田间管理，\n\n确保颗粒归仓。\n";
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let spaced = lf
        .replace("本报讯", "\u{3000}\u{3000}本报讯")
        .replace("会议要求", "\t会议要求")
        .replace("确保", "  确保");
    let expected = articles(lf);
    assert_eq!(expected.len(), 1);
    assert_eq!(expected[0].title.as_deref(), Some("市政府召开常务会议"));
    assert_eq!(expected[0].byline.as_deref(), Some("记者 王明"));
    assert_eq!(expected[0].body, "8月3日，市政府召开常务会议，研究部署秋粮生产。\n会议要求，各地要抓好田间管理，确保颗粒归仓。");
    for variant in [crlf, cr, spaced] {
        assert_eq!(articles(&variant), expected, "{variant:?}");
    }
}

#[test]
fn encodings_and_byte_order_marks() {
    let text =
        "河道治理见成效\n\n本报记者 赵青\n\n今年以来，全县完成河道清淤四十公里，沿岸群众拍手称快。";
    let expected = articles(text);
    assert_eq!(expected[0].title.as_deref(), Some("河道治理见成效"));

    let mut utf8_bom = vec![0xef, 0xbb, 0xbf];
    utf8_bom.extend_from_slice(text.as_bytes());
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    let (gb18030, _, _) = encoding_rs::GB18030.encode(text);
    let utf16 = |big_endian: bool| {
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    for (name, bytes) in [
        ("utf8-bom", utf8_bom),
        ("gbk", gbk.into_owned()),
        ("gb18030", gb18030.into_owned()),
        ("utf16le", utf16(false)),
        ("utf16be", utf16(true)),
    ] {
        assert_eq!(articles_from_bytes(&bytes).unwrap(), expected, "{name}");
    }
    // A BOM inside text that was already decoded is invisible too.
    assert_eq!(articles(&format!("\u{feff}{text}")), expected);
}

#[test]
fn seeds_saved_as_utf16_without_a_byte_order_mark() {
    // Mostly Chinese, so few NUL bytes: the byte order in which the file reads as Chinese wins.
    for prefix in ["000", "002", "004"] {
        let text = seed(prefix);
        for big_endian in [false, true] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| {
                    if big_endian {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect();
            assert_eq!(
                decode(&bytes).as_deref(),
                Ok(text.as_str()),
                "seed {prefix}, big endian {big_endian}"
            );
        }
    }
}

#[test]
fn undecodable_and_binary_bytes() {
    let mut bytes = "标题\n\n正文一句话。".as_bytes().to_vec();
    bytes.insert(8, 0xff);
    let list = articles_from_bytes(&bytes).unwrap();
    assert!(list.iter().any(|a| a.body.contains("正文")));
    assert_eq!(
        decode(&[
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R'
        ]),
        Err(wenxi::Error::NotText)
    );
    assert!(articles_from_bytes(&(0u8..=255).cycle().take(4096).collect::<Vec<u8>>()).is_err());
}

#[test]
fn nested_html_page() {
    let html = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>乡村书屋开门迎客_某某新闻网</title>
<style>.a { color: red }</style><script>var s = "<p>不是正文</p>";</script></head>
<body><nav><ul><li><a href="/">首页</a></li><li><a href="/n">新闻</a></li></ul></nav>
<div class="wrap"><div><article><header><h1>乡村书屋<span>开门迎客</span></h1>
<p class="meta">2023-04-02 09:30 | 来源：某某日报 | 编辑：李雷</p></header>
<section><div><p>村里的老人和孩子&nbsp;有了看书的地方。<b>书屋</b>藏书<em>三千</em>册，</p>
<p>每天开放八小时。<br>志愿者轮流值守&amp;整理图书。</p>
<figure><img src="a.jpg"><figcaption>书屋一角</figcaption></figure>
<p>详见 <a href="https://example.com/more">https://example.com/more</a></p></div></section></article></div></div>
<footer><p>Copyright © 2023 某某新闻网 版权所有</p><p><a href="/">返回首页</a></p></footer></body></html>"#;
    let list = articles(html);
    assert_clean("html", &list);
    assert_eq!(titles(&list), ["乡村书屋开门迎客"]);
    let a = &list[0];
    assert_eq!(a.date.as_deref(), Some("2023-04-02 09:30"));
    assert_eq!(a.source.as_deref(), Some("某某日报"));
    assert_eq!(a.body, "村里的老人和孩子 有了看书的地方。书屋藏书三千册，每天开放八小时。\n志愿者轮流值守&整理图书。\n详见");
}

#[test]
fn html_fragment_without_headline_uses_the_page_title() {
    let html = "<html><head><title>春耕时节 - 农业频道</title></head><body><div><div><p>田里的拖拉机来回忙碌。</p><p>农户们抓紧播种。</p></div></div></body></html>";
    let list = articles(html);
    assert_eq!(titles(&list), ["春耕时节"]);
    assert_eq!(list[0].body, "田里的拖拉机来回忙碌。\n农户们抓紧播种。");
}

#[test]
fn single_article_without_a_title() {
    let text = "早上七点，公交站台已经排起了长队。\n\n司机说，今年新开的线路让通勤时间少了一半。\n\n乘客们也觉得方便多了。";
    let list = articles(text);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, None);
    assert_eq!(list[0].body, "早上七点，公交站台已经排起了长队。\n司机说，今年新开的线路让通勤时间少了一半。\n乘客们也觉得方便多了。");
}

#[test]
fn page_of_fifty_short_items() {
    let digest: String = (1..=50).map(|i| format!("第{i}个社区完成改造\n\n本报讯（记者 周明）第{i}个社区的管网改造已于本周完工，居民用水更稳定。\n\n")).collect();
    let list = articles(&digest);
    assert_eq!(list.len(), 50);
    for (i, a) in list.iter().enumerate() {
        assert_eq!(
            a.title.as_deref(),
            Some(format!("第{}个社区完成改造", i + 1).as_str())
        );
        assert!(a.body.ends_with("居民用水更稳定。"));
        assert_eq!(a.byline.as_deref(), Some("记者 周明"));
    }
    // Fifty short lines with no structure are one article that loses none of them.
    let list_page: String = (1..=50).map(|i| format!("- 便民事项{i}\n")).collect();
    let list = articles(&format!("便民服务清单\n\n{list_page}"));
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title.as_deref(), Some("便民服务清单"));
    assert_eq!(list[0].body.split('\n').count(), 50);
}

#[test]
fn pasted_articles_separated_by_a_rule_stay_apart() {
    let a = "北京地铁新线开通\n\n北京地铁17号线北段今天开通运营，沿线居民出行时间大幅缩短。";
    let b = "秋粮收购全面展开\n\n今年秋粮收购工作全面展开，各地粮食部门加强市场监测。";
    for rule in ["---", "***", "＊＊＊", "———", "==========", "* * *"] {
        let list = articles(&format!("{a}\n\n{rule}\n\n{b}\n"));
        assert_eq!(
            titles(&list),
            ["北京地铁新线开通", "秋粮收购全面展开"],
            "separator {rule:?}"
        );
        assert!(list[1].body.starts_with("今年秋粮"), "{rule:?}");
    }
    // Without a separator a short line between paragraphs reads as a section heading.
    assert_eq!(articles(&format!("{a}\n\n{b}")).len(), 1);
    // A line of hyphens is the separator the paste box asks for: it separates articles even
    // without headlines. Other rules between paragraphs separate sections of one article.
    let (p, q) = (
        "北京地铁17号线北段今天开通运营，沿线居民出行时间大幅缩短。",
        "今年秋粮收购工作全面展开，各地粮食部门加强市场监测。",
    );
    for rule in ["---", "- - -", "------"] {
        let list = articles(&format!("{p}\n\n{rule}\n\n{q}\n"));
        let bodies: Vec<&str> = list.iter().map(|x| x.body.as_str()).collect();
        assert_eq!(bodies, [p, q], "separator {rule:?}");
    }
    for rule in ["***", "＊＊＊", "==="] {
        let list = articles(&format!(
            "{a}\n\n{rule}\n\n后来，地铁公司又增开了夜间班次。"
        ));
        assert_eq!(list.len(), 1, "{rule:?}");
        assert!(list[0].body.ends_with("夜间班次。"));
    }
}

#[test]
fn markdown_post_with_front_matter() {
    let text = "---\ntitle: 夜市重新开张\ndate: 2023-06-01\ntags: [夜经济, 消费]\n---\n\n# 夜市重新开张\n\n记者/孙悦\n\n![夜市](night.jpg)\n\n周五晚上，**老街夜市**重新开张，[摊位](https://example.com)排满了整条街。\n\n## 摊主说\n\n* 生意比去年好。\n* 游客也多了。\n";
    let list = articles(text);
    assert_clean("markdown", &list);
    assert_eq!(titles(&list), ["夜市重新开张"]);
    let a = &list[0];
    assert_eq!(a.byline.as_deref(), Some("记者/孙悦"));
    assert_eq!(a.date.as_deref(), Some("2023-06-01"));
    assert_eq!(a.tags, ["夜经济", "消费"]);
    assert_eq!(
        a.body,
        "周五晚上，老街夜市重新开张，摊位排满了整条街。\n摊主说\n生意比去年好。\n游客也多了。"
    );
}

#[test]
fn repeated_captions_and_paragraphs_are_kept_once() {
    let text = "江边步道全线贯通\n\n本报记者 何平\n\n沿江步道今天全线贯通，全长十二公里，沿途设有多个观景台。\n\n市民在步道上散步\n\n步道沿线设置了休息点。\n\n市民在步道上散步\n\n好。\n\n好。\n\n沿江步道今天全线贯通，全长十二公里，沿途设有多个观景台。";
    let list = articles(text);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].body, "沿江步道今天全线贯通，全长十二公里，沿途设有多个观景台。\n市民在步道上散步\n步道沿线设置了休息点。\n好。\n好。");
}

#[test]
fn signature_under_a_notice() {
    let text = "停水通知\n\n各位居民：\n\n因管道检修，本周六上午停水。\n\n特此通知。\n\n                  城东自来水公司\n                  2023年11月20日\n";
    let list = articles(text);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title.as_deref(), Some("停水通知"));
    assert_eq!(
        list[0].body,
        "各位居民：\n因管道检修，本周六上午停水。\n特此通知。"
    );
    assert_eq!(list[0].source.as_deref(), Some("城东自来水公司"));
    assert_eq!(list[0].date.as_deref(), Some("2023年11月20日"));
}

#[test]
fn empty_and_noise_only_inputs() {
    assert!(articles("").is_empty());
    assert!(articles(" \n\t\u{3000}\r\n").is_empty());
    assert!(articles("http://example.com\n返回首页").is_empty());
    let list = articles("only English words and 123 digits.");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].body, "only English words and 123 digits.");
    assert_eq!(articles("标题")[0].body, "标题");
}

/// Pathological inputs finish (timing belongs to the bench) and never panic.
#[test]
fn pathological_inputs_complete() {
    let mut big = String::new();
    let page = seed("002");
    while big.len() < 10_000_000 {
        big.push_str(&page);
    }
    let list = articles(&big);
    assert!(list.len() >= 8 * (10_000_000 / page.len()));

    let line: String = "长句子没有标点一直写下去".repeat(5_000_000 / 36 + 1);
    assert_eq!(articles(&line).len(), 1);
    let broken = "他说，这件事要从头说起"
        .repeat(200_000)
        .replace("起", "起\n\n");
    assert!(!articles(&broken).is_empty());

    let nested = "<div><span>".repeat(100_000) + "深处的文字。" + &"</span></div>".repeat(100_000);
    assert_eq!(articles(&nested)[0].body, "深处的文字。");
    let unclosed = "<div>".repeat(100_000) + "没有结束的标签。";
    assert_eq!(articles(&unclosed)[0].body, "没有结束的标签。");

    let front = format!("---\ntitle: 未闭合\n{}", "tags: a\n".repeat(100_000));
    assert!(articles(&front).is_empty());
    let front = format!(
        "---\ntitle: 未闭合\n正文从这里开始。\n{}",
        "正文继续。\n".repeat(100_000)
    );
    let list = articles(&front);
    assert_eq!(list[0].title.as_deref(), Some("未闭合"));
    assert_clean("unclosed front matter", &list);

    let brackets = "[".repeat(1_000_000) + &"](".repeat(1_000_000) + "# x";
    let _ = articles(&format!("# 标题\n{brackets}"));
    let _ = articles(&"<a href=x>".repeat(200_000));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<h1>",
        "</h1>",
        "<li>",
        "<a href=x>",
        "</a>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&#",
        "# ",
        "## ",
        "### ",
        "- ",
        "1. ",
        "---\n",
        "title: 标题\n",
        "[",
        "](",
        ")",
        "![",
        "<http://",
        ">",
        "*",
        "_",
        "`",
        "\n",
        "\n\n",
        "\r\n",
        "\u{3000}",
        "\t",
        "\u{feff}",
        "标题",
        "正文内容",
        "。",
        "，",
        "、",
        "“",
        "”",
        "（",
        "）",
        "！",
        "？",
        "记者/王娜",
        "通讯员/李华 摄",
        "株洲日报讯(记者/甲)",
        "(文/乙)",
        "来源：某报",
        "2023-01-02 10:00",
        "http://x.cn/a",
        "版权所有",
        "声明:",
        "●",
        "▲",
        "一、",
        "上接A1版",
        "第12期",
        "返回首页",
        "😀",
        "a",
        "The end.",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn any_text(s in "(?s).{0,300}") {
            for a in articles(&s) {
                prop_assert!(!a.body.is_empty());
            }
        }

        #[test]
        fn markup_soup(parts in prop::collection::vec(prop::sample::select(PIECES), 0..120)) {
            let text: String = parts.concat();
            for a in articles(&text) {
                prop_assert!(!a.body.is_empty());
                prop_assert!(a.body.split('\n').all(|l| !l.is_empty() && l == l.trim()), "{:?}", a.body);
            }
        }

        #[test]
        fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            let _ = articles_from_bytes(&bytes);
        }
    }
}

#[test]
fn traditional_credits_are_bylines_in_their_own_characters() {
    let text = "臺北捷運環狀線北環段動工\n\n【記者林怡君／台北報導】臺北市政府捷運工程局今日舉行動土典禮，市長表示通車後通勤時間將大幅縮短。\n\n---\n\n\
        港府公布新一份施政報告\n\n【本報訊】行政長官昨日在立法會發表施政報告，提出多項措施增加房屋供應。\n\n---\n\n\
        颱風逼近東部海面\n\n（中央社記者王小明台東5日電）中央氣象署今天上午發布海上颱風警報。\n\n---\n\n\
        市議會通過預算案\n\n〔記者陳大文／台中報導〕台中市議會今天三讀通過明年度總預算案。\n\n---\n\n\
        香港舉辦國際書展\n\n本報記者 李文 報道：香港國際書展昨日開幕，吸引大批市民入場。";
    let list = articles(text);
    let got: Vec<(Option<&str>, &str)> = list
        .iter()
        .map(|a| (a.byline.as_deref(), a.body.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("記者林怡君／台北報導"),
                "臺北市政府捷運工程局今日舉行動土典禮，市長表示通車後通勤時間將大幅縮短。"
            ),
            (
                None,
                "行政長官昨日在立法會發表施政報告，提出多項措施增加房屋供應。"
            ),
            (
                Some("記者王小明台東5日電"),
                "中央氣象署今天上午發布海上颱風警報。"
            ),
            (
                Some("記者陳大文／台中報導"),
                "台中市議會今天三讀通過明年度總預算案。"
            ),
            (
                Some("本報記者 李文"),
                "香港國際書展昨日開幕，吸引大批市民入場。"
            ),
        ]
    );
    // The wire service named in its dispatch is the article's source; 本報 (本报) names none.
    let sources: Vec<Option<&str>> = list.iter().map(|a| a.source.as_deref()).collect();
    assert_eq!(sources, [None, None, Some("中央社"), None, None]);
}

#[test]
fn comments_related_links_and_closing_calls_after_the_article_are_left_out() {
    // A news page copied from the browser: the article, then related links and comments.
    let page = "首页 | 新闻 | 本地 | 体育 | 科技 | 登录\n本市新建三十所中小学\n\
        2023-02-14 09:12　来源：晚报　作者：王佳　【字号 大 中 小】　打印　关闭\n\
        记者昨天从市教委获悉，今年本市将新建中小学三十所，新增学位约四万个。\n\
        市教委有关负责人介绍，新城地区适龄入学人口持续增长，学位供需矛盾较为突出。\n\
        相关新闻\n新区今年计划新开办学校十二所\n义务教育阶段招生政策发布\n\
        网友评论（共128条）\n网友 小雨 2023-02-14 10:15\n学位真的太紧张了，家长都很焦虑。\n回复 顶(21) 踩(0)\n\
        查看更多评论>>\n我也说两句\n违法和不良信息举报电话：021-12345678 举报邮箱：jubao@example.com";
    let list = articles(page);
    assert_eq!(titles(&list), ["本市新建三十所中小学"]);
    let a = &list[0];
    assert_eq!(a.byline.as_deref(), Some("王佳"));
    assert_eq!(a.source.as_deref(), Some("晚报"));
    assert!(a.body.ends_with("学位供需矛盾较为突出。"), "{}", a.body);

    // A WeChat post: its account line, the call to follow, and everything after "- END -".
    let post = "重磅！个税汇算开始了\n\n原创 财税小助手 财税小助手 2024-03-01 08:00 发表于北京\n\n\
        点击上方蓝字“财税小助手”关注我们，获取更多财税干货！\n\n\
        3月1日起，年度个税汇算正式开始，将持续至6月30日。\n\n\
        纳税人可以通过个税APP办理，也可以委托单位代为办理。\n\n- END -\n\n往期推荐\n\n\
        ▶ 这些税收优惠政策延续实施！\n\n长按二维码关注我们\n\n精选留言\n\n张三：终于等到了！";
    let list = articles(post);
    assert_eq!(titles(&list), ["重磅！个税汇算开始了"]);
    assert_eq!(list[0].date.as_deref(), Some("2024-03-01 08:00"));
    assert_eq!(
        list[0].body,
        "3月1日起，年度个税汇算正式开始，将持续至6月30日。\n纳税人可以通过个税APP办理，也可以委托单位代为办理。"
    );

    // After the related links of one article, the next article with a byline is kept.
    let two = "第一篇新闻标题\n\n记者/王娜\n\n第一篇的正文内容，写得很完整。\n\n相关阅读\n\n另一条链接标题\n\n\
        第二篇新闻标题\n\n记者/李华\n\n第二篇的正文内容，同样完整。";
    assert_eq!(titles(&articles(two)), ["第一篇新闻标题", "第二篇新闻标题"]);
}

#[test]
fn running_heads_and_page_numbers_of_a_pdf_copy_are_left_out() {
    let head = "城市发展报告（2023）                    第三章 城市更新";
    let pages = [
        "第三章 城市更新与存量空间再利用\n一、背景\n改革开放以来，我国经历了规模最大、速度最快的城镇化进\n程。城市发展由大规模增量建设转为存量提质改造。\n城市更新是推动高质量发展的重要抓手，一方面老旧小区普遍存在基础设施老化、公共服务不\n",
        "足等问题。各地在改造中坚持先民生后提升，优先实施水电气\n",
        "热等基础类改造，同步推进加装电梯、增设停车位等完\n善类改造。\n",
    ];
    let text: String = pages
        .iter()
        .enumerate()
        .map(|(i, page)| format!("{head}\n{}\n{page}", [" 12", "- 13 -", "第14页"][i]))
        .collect();
    let list = articles(&text);
    assert_eq!(titles(&list), ["第三章 城市更新与存量空间再利用"]);
    let body = &list[0].body;
    assert!(
        !body.contains("城市发展报告") && !body.contains("13"),
        "{body}"
    );
    assert!(body.contains("公共服务不足等问题。各地"), "{body}");
    assert!(body.contains("优先实施水电气热等基础类改造"), "{body}");
}

#[test]
fn a_press_releases_media_contacts_are_left_out() {
    let text = "华南科技发布年度业绩\n\n新闻稿\n\n2024年3月28日，华南科技集团发布2023年度业绩，营业收入同比增长18.6%。\n\n\
        关于华南科技\n\n华南科技集团成立于1998年，总部位于深圳。\n\n媒体联系人：\n\n陈小姐\n\n电话：0755-12345678\n\n网址：";
    let list = articles(text);
    assert_eq!(titles(&list), ["华南科技发布年度业绩"]);
    assert!(list[0].body.ends_with("总部位于深圳。"), "{}", list[0].body);
}

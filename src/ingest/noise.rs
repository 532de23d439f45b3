//! What is on a page but not part of an article: bare URLs, navigation, contact lines,
//! mastheads, page-continuation notes, captions, copyright and disclaimer blocks.
//!
//! Each test looks at one line; all are linear in its length and most only look at short lines.

use super::lines::{is_terminal, visible_len};
use crate::text::is_han;
use std::borrow::Cow;

/// Removes URLs (`http://…`, `https://…`, `ftp://…`, `www.…`) and the brackets they leave empty.
pub(crate) fn strip_urls(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let starts_at = |i: usize| {
        let rest = bytes.get(i..).unwrap_or_default();
        let prefixed = |p: &[u8]| {
            rest.len() >= p.len()
                && rest
                    .get(..p.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(p))
        };
        let boundary = i == 0 || !bytes.get(i - 1).is_some_and(|b| b.is_ascii_alphanumeric());
        boundary
            && (prefixed(b"http://")
                || prefixed(b"https://")
                || prefixed(b"ftp://")
                || (prefixed(b"www.") && rest.get(4).is_some_and(|b| b.is_ascii_alphanumeric())))
    };
    let first = (0..bytes.len()).find(|&i| {
        bytes
            .get(i)
            .is_some_and(|b| matches!(b, b'h' | b'H' | b'f' | b'F' | b'w' | b'W'))
            && starts_at(i)
    });
    let Some(first) = first else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(s.get(..first).unwrap_or_default());
    let mut i = first;
    while i < bytes.len() {
        if starts_at(i) {
            // A URL runs over ASCII characters that URLs use; it stops at spaces, CJK text and
            // the quotes or brackets around it.
            while bytes.get(i).is_some_and(|&b| {
                b.is_ascii_graphic()
                    && !matches!(b, b'<' | b'>' | b'"' | b'\'' | b')' | b']' | b'}')
            }) {
                i += 1;
            }
            continue;
        }
        let ch_len = s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        out.push_str(s.get(i..i + ch_len).unwrap_or_default());
        i += ch_len;
    }
    for empty in ["()", "（）", "<>", "[]", "【】", "《》"] {
        if out.contains(empty) {
            out = out.replace(empty, "");
        }
    }
    Cow::Owned(out)
}

/// Words that only web-page chrome uses.
const NAV_WORDS: [&str; 27] = [
    "返回首页",
    "返回顶部",
    "返回列表",
    "返回目录",
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "分享到",
    "扫一扫",
    "打印本页",
    "关闭窗口",
    "当前位置",
    "您的位置",
    "所在位置",
    "收藏本页",
    "设为首页",
    "加入收藏",
    "网站地图",
    "【打印】",
    "【关闭】",
    "【字体",
    "阅读原文",
    "相关阅读",
    "相关新闻",
    "延伸阅读",
    "推荐阅读",
];

/// Headings of what web pages put after the article: comments, related and recommended
/// links, a WeChat post's closing calls ("- END -", "往期推荐", "精选留言"), a press release's
/// media contacts.
const PAGE_END: [&str; 32] = [
    "end",
    "媒体联系人",
    "媒体联络",
    "媒体垂询",
    "新闻联络",
    "网友评论",
    "全部评论",
    "热门评论",
    "最新评论",
    "精彩评论",
    "读者评论",
    "精选留言",
    "写下你的留言",
    "我也说两句",
    "发表评论",
    "我要评论",
    "查看更多评论",
    "查看全部评论",
    "相关新闻",
    "相关阅读",
    "相关文章",
    "相关推荐",
    "延伸阅读",
    "推荐阅读",
    "往期推荐",
    "往期回顾",
    "往期精选",
    "热门推荐",
    "猜你喜欢",
    "更多精彩",
    "更多阅读",
    "阅读原文",
];

/// A line that opens the part of a page after the article ("网友评论（共128条）", "- END -",
/// "往期推荐"). Only letters count: marks, digits and counts around the words do not.
pub(crate) fn is_page_end(s: &str) -> bool {
    if visible_len(s, 31) > 30 {
        return false;
    }
    let words: String = s
        .chars()
        .filter(|&c| is_han(c) || c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let words = words
        .strip_suffix("共条")
        .or_else(|| words.strip_suffix('条'))
        .unwrap_or(&words);
    PAGE_END.contains(&words)
}

/// A page number on its own line, as text copied from a PDF or a print layout keeps it: "12",
/// "- 12 -", "第12页", "12 / 30".
pub(crate) fn is_page_number(s: &str) -> bool {
    if s.len() > 24 {
        return false;
    }
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '—' | '–'))
        .collect();
    let t = t
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix('页'))
        .unwrap_or(&t);
    let number = |x: &str| (1..=4).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
    number(t)
        || t.split_once('/')
            .is_some_and(|(a, b)| number(a) && number(b))
}

/// A WeChat account's calls to follow it ("点击上方蓝字关注我们", "长按二维码关注").
fn is_follow_call(s: &str, n: usize) -> bool {
    n <= 60
        && (s.contains("关注我们")
            || s.contains("点击上方")
            || s.contains("二维码")
            || s.contains("扫码关注")
            || s.contains("点个“在看”")
            || s.contains("点个\"在看\""))
}

/// Navigation: menus, breadcrumbs, "返回首页" links.
pub(crate) fn is_navigation(s: &str) -> bool {
    let n = visible_len(s, 201);
    if is_follow_call(s, n) {
        return true;
    }
    if (n <= 100 && NAV_WORDS.iter().any(|w| s.contains(w))) || is_advert(s, n) {
        return true;
    }
    if n > 200 {
        return false;
    }
    let separators = s
        .chars()
        .filter(|&c| matches!(c, '|' | '｜' | '丨' | '>' | '»' | '›'))
        .count();
    let tokens: Vec<&str> = s
        .split([' ', '|', '｜', '丨', '>', '»', '›'])
        .filter(|t| !t.is_empty())
        .collect();
    let prose = s
        .chars()
        .any(|c| is_terminal(c) || matches!(c, '，' | ',' | '：' | ':' | '、'));
    if prose || tokens.len() < 3 {
        return false;
    }
    let short = |limit: usize| tokens.iter().all(|t| t.chars().count() <= limit);
    let han = s.chars().filter(|&c| is_han(c)).count();
    // A row of four or more short words: a menu of sections or places.
    (tokens.len() >= 4 && short(8) && han * 10 >= n * 6) || (separators >= 2 && short(12))
}

/// Calls to action of app and shop adverts; in a sentence they are news ("可下载APP预约").
const AD_CALLS: [&str; 6] = [
    "立即下载",
    "下载APP",
    "下载客户端",
    "打开APP",
    "点击领取",
    "立即领取",
];

/// An advert: a line labelled "广告", or a short call to download or claim without a sentence.
fn is_advert(s: &str, n: usize) -> bool {
    let labelled = s
        .strip_prefix("广告")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', '：', '|', '丨']));
    let sentence = s.chars().any(is_terminal);
    n <= 60 && (labelled || (!sentence && AD_CALLS.iter().any(|w| s.contains(w))))
}

/// Contact lines: hotline, phone, email, fax, address.
pub(crate) fn is_contact(s: &str) -> bool {
    if visible_len(s, 81) > 80 {
        return false;
    }
    const LABELS: [&str; 20] = [
        "热线",
        "新闻热线",
        "服务热线",
        "投诉热线",
        "举报电话",
        "电话",
        "联系电话",
        "联系方式",
        "邮箱",
        "电子邮箱",
        "投稿邮箱",
        "邮件",
        "E-mail",
        "Email",
        "email",
        "传真",
        "地址",
        "邮编",
        "QQ",
        "微信号",
    ];
    // The label before the first colon, after at most a few words ("违法和不良信息举报电话：…").
    let labelled = s.find([':', '：']).is_some_and(|colon| {
        let before = s.get(..colon).unwrap_or_default().trim_end();
        LABELS.iter().any(|l| {
            before
                .strip_suffix(l)
                .is_some_and(|words| words.chars().count() <= 8)
        })
    });
    // A number to call or an address to write to; a street address in a notice stays.
    let reachable = s.contains('@') || s.chars().filter(char::is_ascii_digit).count() >= 5;
    let bare = !s.contains(' ') && s.contains('@') && s.contains('.') && !s.chars().any(is_han);
    (labelled && reachable) || bare
}

/// Masthead lines of a printed paper: issue number, page count, registration numbers.
pub(crate) fn is_masthead(s: &str) -> bool {
    if visible_len(s, 81) > 80 {
        return false;
    }
    if ["出版物号", "刊号", "邮发代号", "国内统一"]
        .iter()
        .any(|w| s.contains(w))
    {
        return true;
    }
    let pages = numbered(s, "今日", "版") || numbered(s, "本期", "版") || numbered(s, "共", "版");
    // An issue number alone may be a headline ("第3期培训班开班"); with a page count or a
    // weekday it is the masthead.
    pages || (numbered(s, "第", "期") && (s.contains("星期") || s.contains('版')))
}

/// `before` + digits + `after` somewhere in `s`.
fn numbered(s: &str, before: &str, after: &str) -> bool {
    s.match_indices(before).any(|(i, _)| {
        let rest = s.get(i + before.len()..).unwrap_or_default();
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && rest.get(digits..).is_some_and(|r| r.starts_with(after))
    })
}

/// Page continuation notes: "上接A1版", "(下转第3版)".
pub(crate) fn is_continuation(s: &str) -> bool {
    let t = s.trim_matches(['(', ')', '（', '）', '【', '】', ' ']);
    visible_len(t, 21) <= 20
        && ["上接", "下转", "转第", "接第", "续第"]
            .iter()
            .any(|p| t.starts_with(p))
        && t.contains('版')
}

/// Strong marks of a copyright or disclaimer statement.
const COPYRIGHT: [&str; 20] = [
    "版权所有",
    "版权声明",
    "版权归",
    "版权均属",
    "版权属于",
    "版权与",
    "免责声明",
    "Copyright",
    "COPYRIGHT",
    "©",
    "All rights reserved",
    "All Rights Reserved",
    "不代表本网观点",
    "不代表本站观点",
    "侵权必究",
    "转载请注明",
    "ICP备",
    "ICP证",
    "公网安备",
    "新闻信息服务许可证",
];

/// Copyright or disclaimer line. Returns `Some(true)` when it heads a block ("…声明:") whose
/// list items follow.
pub(crate) fn copyright(s: &str) -> Option<bool> {
    let n = visible_len(s, 301);
    if n > 300 {
        return None;
    }
    let strong = COPYRIGHT.iter().any(|w| s.contains(w));
    let weak = n <= 120
        && (s.contains("版权")
            || s.contains("未经授权")
            || s.contains("不得转载")
            || s.contains("禁止转载"))
        && (s.contains("声明") || s.contains("所有") || s.contains("转载"));
    if !(strong || weak) {
        return None;
    }
    let heads_block = n <= 40 && (s.ends_with(':') || s.ends_with('：') || s.contains("声明"));
    Some(heads_block)
}

/// Captions: lines pointing at a picture (▲, 图为…).
pub(crate) fn is_caption(s: &str) -> bool {
    visible_len(s, 121) <= 120
        && (s.starts_with(['▲', '△', '▼', '▽', '↑', '↓'])
            || ["图为", "上图", "下图", "左图", "右图", "图片说明", "图注"]
                .iter()
                .any(|p| s.starts_with(p) && !s.starts_with("图为了")))
}

/// "原题:…" / "原标题：…": the headline once more.
pub(crate) fn is_original_title(s: &str) -> bool {
    visible_len(s, 81) <= 80
        && ["原题", "原标题"].iter().any(|p| {
            s.strip_prefix(p)
                .is_some_and(|r| r.starts_with([':', '：']))
        })
}

/// How a plain-text line is marked at its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    None,
    /// ● ■ ◆ • - o …: removed from the text.
    Bullet,
    /// 一、 (一) 1、 1. 1 …: kept in the text.
    Number,
}

/// Splits off a bullet, or recognises a numbering, at the start of a line.
pub(crate) fn marker(s: &str) -> (Marker, &str) {
    let Some(first) = s.chars().next() else {
        return (Marker::None, s);
    };
    if matches!(
        first,
        '●' | '○'
            | '◎'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '★'
            | '☆'
            | '▶'
            | '►'
            | '▸'
            | '•'
            | '▪'
            | '·'
            | '※'
            | '◉'
    ) {
        return (
            Marker::Bullet,
            s.get(first.len_utf8()..).unwrap_or_default().trim_start(),
        );
    }
    if let Some(rest) = s
        .strip_prefix(['-', '*', '+'])
        .and_then(|r| r.strip_prefix(' '))
    {
        return (Marker::Bullet, rest.trim_start());
    }
    // Terminal browsers (lynx, w3m) dump nested list items as "o …", and converting "•" to GBK
    // (which lacks it) gives the same; before Chinese text it cannot be an English word.
    if let Some(rest) = s.strip_prefix("o ") {
        let rest = rest.trim_start();
        if rest.starts_with(|c: char| !c.is_ascii_alphabetic()) {
            return (Marker::Bullet, rest);
        }
    }
    const HAN_DIGITS: &str = "一二三四五六七八九十";
    let lead: String = s
        .chars()
        .take_while(|&c| c.is_ascii_digit() || HAN_DIGITS.contains(c))
        .collect();
    let after = s.get(lead.len()..).unwrap_or_default();
    if !lead.is_empty() && lead.chars().count() <= 3 {
        let han_number = lead.chars().all(|c| HAN_DIGITS.contains(c));
        let next = after.chars().next();
        let numbered = match next {
            Some('、') => true,
            Some('.' | '．') => {
                !han_number && !after.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
            }
            Some(' ') => !han_number && after.chars().nth(1).is_some_and(is_han),
            _ => false,
        };
        if numbered {
            return (Marker::Number, s);
        }
    }
    if let Some(open) = s.strip_prefix(['(', '（']) {
        let inner: String = open
            .chars()
            .take_while(|&c| c.is_ascii_digit() || HAN_DIGITS.contains(c))
            .collect();
        if !inner.is_empty()
            && inner.chars().count() <= 3
            && open
                .get(inner.len()..)
                .is_some_and(|r| r.starts_with([')', '）']))
        {
            return (Marker::Number, s);
        }
    }
    (Marker::None, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_go_with_their_empty_brackets() {
        assert_eq!(strip_urls("见 <http://finews.x.com/a?b=1> 页"), "见  页");
        assert_eq!(
            strip_urls("网址：www.example.cn，欢迎访问"),
            "网址：，欢迎访问"
        );
        assert_eq!(strip_urls("链接（https://a.cn/x）结束"), "链接结束");
        assert_eq!(strip_urls("没有链接的句子"), "没有链接的句子");
        assert_eq!(strip_urls("awww.x 不是"), "awww.x 不是");
    }

    #[test]
    fn navigation_rows() {
        assert!(is_navigation(
            "长春 江城 四平 辽源 通化 白城 白山 松原 延边 长白山保护开发区"
        ));
        assert!(is_navigation("首页 > 新闻中心 > 正文"));
        assert!(is_navigation("Home | News | Sports"));
        assert!(is_navigation("返回株洲日报新闻｜返回首页"));
        assert!(!is_navigation("市委理论学习中心组 举行今年第11次集中学习"));
        assert!(!is_navigation("only English words and 123 digits."));
        assert!(is_navigation("广告 点击领取新人红包 立即下载APP"));
        assert!(is_navigation("打开APP，阅读全文"));
        assert!(!is_navigation("广告业迎来新变化"));
        assert!(!is_navigation("市民可以下载APP预约挂号。"));
    }

    #[test]
    fn page_furniture() {
        assert!(is_contact("热线:0431-81126178"));
        assert!(is_contact("邮箱:jilin@cri.cn"));
        assert!(!is_contact("电话响了，他接起来。"));
        assert!(is_masthead("第23094期 今日4版"));
        assert!(is_masthead(
            "中共株洲市委主管、主办 国内统一连续出版物号CN 43-0005"
        ));
        assert!(!is_masthead("第一期工程已经完工"));
        assert!(!is_masthead("第3期培训班开班"));
        assert!(!is_contact("地址：市民中心三楼"));
        assert!(is_continuation("上接A1版"));
        assert!(is_continuation("(下转第3版)"));
        assert_eq!(
            copyright("国际在线版权与信息产品内容销售的声明:"),
            Some(true)
        );
        assert_eq!(
            copyright("Copyright © 2024 Example. All rights reserved."),
            Some(false)
        );
        assert_eq!(copyright("他们讨论了知识产权保护的新办法。"), None);
        assert!(is_caption("▲开幕式现场。"));
        assert!(is_original_title("原题:长春汽开区加速推进汽车产业升级"));
    }

    #[test]
    fn markers() {
        assert_eq!(marker("● 机构重组"), (Marker::Bullet, "机构重组"));
        assert_eq!(marker("- 便民事项"), (Marker::Bullet, "便民事项"));
        assert_eq!(marker("-5度").0, Marker::None);
        assert_eq!(marker("o 1、版权声明"), (Marker::Bullet, "1、版权声明"));
        assert_eq!(marker("o my god").0, Marker::None);
        assert_eq!(marker("ok 好的").0, Marker::None);
        assert_eq!(marker("1 以上率下带头示范").0, Marker::Number);
        assert_eq!(marker("一、总体要求").0, Marker::Number);
        assert_eq!(marker("（二）主要任务").0, Marker::Number);
        assert_eq!(marker("1.5亿元投资").0, Marker::None);
        assert_eq!(marker("2021年4月25日").0, Marker::None);
        assert_eq!(marker("一个孩子").0, Marker::None);
    }
}

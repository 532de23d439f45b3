//! Who wrote it, when and where it came from: bylines, photo credits, lead credits
//! ("…讯(记者/…)"), trailing credits ("(文/…)") and meta lines ("来源 | 编辑 | 责编").
//!
//! The rules use newsroom vocabulary only (记者, 通讯员, 摄, 供图, 来源, 编辑 …), never names of
//! particular papers.

use super::lines::{is_terminal, visible_len};
use crate::text::is_han;

/// Roles that introduce a name in a credit.
const ROLES: [&str; 10] = [
    "记者",
    "通讯员",
    "实习生",
    "撰稿",
    "撰文",
    "作者",
    "摄影",
    "编译",
    "特约",
    "供稿",
];

/// Characters after which a role word is part of a publication's credit ("本报记者",
/// "新华社记者", "全媒体记者"), so a name may follow without a separator.
const OUTLET_ENDINGS: [char; 8] = ['报', '社', '台', '网', '体', '站', '刊', '端'];

/// Metadata read from a meta line or a source note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
}

impl Meta {
    /// Carries what identifies an article (not just an editor's name).
    pub fn is_identifying(&self) -> bool {
        self.date.is_some() || self.source.is_some() || self.author.is_some()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Date,
    Source,
    Author,
    Ignored,
}

/// Labels of meta lines, longest first so that "责任编辑" wins over "编辑".
const LABELS: [(&str, Field); 26] = [
    ("责任编辑", Field::Ignored),
    ("文章来源", Field::Source),
    ("本文来源", Field::Source),
    ("新闻来源", Field::Source),
    ("信息来源", Field::Source),
    ("发布时间", Field::Date),
    ("发布日期", Field::Date),
    ("更新时间", Field::Date),
    ("浏览次数", Field::Ignored),
    ("来源", Field::Source),
    ("稿源", Field::Source),
    ("出处", Field::Source),
    ("作者", Field::Author),
    ("记者", Field::Author),
    ("通讯员", Field::Author),
    ("编辑", Field::Ignored),
    ("责编", Field::Ignored),
    ("审核", Field::Ignored),
    ("校对", Field::Ignored),
    ("编审", Field::Ignored),
    ("时间", Field::Date),
    ("日期", Field::Date),
    ("浏览", Field::Ignored),
    ("阅读", Field::Ignored),
    ("点击", Field::Ignored),
    ("字号", Field::Ignored),
];

/// A line made only of labelled fields and dates: "2019-12-20 15:56:19 | 来源:X | 编辑:Y",
/// "（文章来源：X）", "2022年10月9日 星期日".
pub(crate) fn meta_line(s: &str) -> Option<Meta> {
    if s.len() > 300 {
        return None;
    }
    if let Some(meta) = post_meta_line(s) {
        return Some(meta);
    }
    let s = strip_brackets(s);
    let mut meta = Meta::default();
    let mut date_parts: Vec<&str> = Vec::new();
    let mut current: Option<(Field, String)> = None;
    let mut labelled = false;
    let mut unlabelled: Vec<&str> = Vec::new();
    let mut valid = true;
    let mut finish = |current: &mut Option<(Field, String)>, meta: &mut Meta| {
        if let Some((field, value)) = current.take() {
            let value = value.trim().to_string();
            if value.is_empty() {
                return;
            }
            // Values are names and dates; a clause means this is prose that starts with a label
            // ("时间：10月8日上午，地点…" is a notice, not a meta line).
            if visible_len(&value, 41) > 40
                || value
                    .chars()
                    .any(|c| is_terminal(c) || matches!(c, '，' | ','))
            {
                valid = false;
            }
            if field == Field::Date && !value.split(' ').all(date_token) {
                valid = false;
            }
            match field {
                Field::Source => meta.source = meta.source.take().or(Some(value)),
                Field::Author => meta.author = meta.author.take().or(Some(value)),
                Field::Date => meta.date = meta.date.take().or(Some(value)),
                Field::Ignored => {}
            }
        }
    };
    for token in s.split(['|', '｜', '丨', ' ']).filter(|t| !t.is_empty()) {
        if is_page_tool(token) {
            continue;
        }
        let token = strip_brackets(token);
        // "来源：某报 记者 周晓": a role word alone starts the author's field.
        if matches!(token, "记者" | "作者" | "通讯员" | "文") && current.is_some() {
            finish(&mut current, &mut meta);
            labelled = true;
            current = Some((Field::Author, String::new()));
            continue;
        }
        if let Some((field, value)) = labelled_field(token) {
            finish(&mut current, &mut meta);
            labelled = true;
            current = Some((field, value.to_string()));
        } else if date_token(token) {
            if matches!(current, Some((Field::Date, _))) {
                if let Some((_, v)) = current.as_mut() {
                    v.push(' ');
                    v.push_str(token);
                }
            } else {
                finish(&mut current, &mut meta);
                date_parts.push(token);
            }
        } else if let Some((_, value)) = current.as_mut() {
            // A value with a space in it ("作者：张三 李四") or given after a bare label.
            if !value.is_empty() {
                value.push(' ');
            }
            value.push_str(token);
        } else {
            unlabelled.push(token);
        }
    }
    // Next to a full date, a few short words are the outlet or place ("原创 某某发布 2023-05-06
    // 08:00 发表于湖南"); without one they are a sentence.
    let full_date = date_parts
        .iter()
        .any(|t| t.contains(['-', '/']) || (t.contains('月') && t.contains('日')));
    let words_ok = unlabelled.len() <= 3
        && unlabelled
            .iter()
            .all(|t| t.chars().count() <= 10 && t.chars().all(|c| c.is_alphanumeric()));
    if !(unlabelled.is_empty() || full_date && words_ok) {
        return None;
    }
    finish(&mut current, &mut meta);
    if !valid {
        return None;
    }
    if meta.date.is_none() && !date_parts.is_empty() {
        let date: Vec<&str> = date_parts.into_iter().filter(|t| !is_weekday(t)).collect();
        meta.date = (!date.is_empty()).then(|| date.join(" "));
    }
    (labelled || meta.date.is_some()).then_some(meta)
}

/// Separators of the fields of a blog post's meta line.
const POST_META_SEPARATORS: [char; 6] = ['·', '•', '・', '|', '｜', '丨'];

/// A blog post's meta line under its title: "发表于 2026-10-03 · 标签：Rust, 博客 · 阅读约 5
/// 分钟", "2026-10-20 · 旅行 · 杭州", "分类：技术 · 3 条评论", "作者：小张 · 2026-10-03",
/// "阅读约 5 分钟". Every field is a date, a reading time, a count, a labelled list or
/// author, or — beside one of those — a short word (a category, a place).
fn post_meta_line(s: &str) -> Option<Meta> {
    // Prose (most lines) has a full stop somewhere; a meta line has none.
    if s.contains(['。', '！', '？', '；']) {
        return None;
    }
    let fields: Vec<&str> = s
        .split(POST_META_SEPARATORS)
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let mut meta = Meta::default();
    let (mut known, mut words) = (0usize, 0usize);
    for field in &fields {
        if let Some(date) = dated(field) {
            meta.date = meta.date.take().or(Some(date.to_string()));
            known += 1;
        } else if let Some(name) = ["作者：", "作者:", "文："]
            .iter()
            .find_map(|l| field.strip_prefix(l))
            .map(str::trim)
            .filter(|n| !n.is_empty() && n.chars().count() <= 20)
        {
            meta.author = meta.author.take().or(Some(name.to_string()));
            known += 1;
        } else if is_post_field(field) {
            known += 1;
        } else if field.chars().count() <= 10 && field.chars().all(char::is_alphanumeric) {
            words += 1;
        } else {
            return None;
        }
    }
    // Words alone are a headline ("旅行 · 杭州"); one field alone must be a reading time or a
    // count, not a date line (meta_line reads those).
    let alone_ok = fields.len() > 1 || (known == 1 && meta.date.is_none() && meta.author.is_none());
    (known > 0 && words <= 3 && alone_ok).then_some(meta)
}

/// "发表于 2026-10-03", "2026-10-20", "2026年10月3日 08:00": the date of a post-meta field.
fn dated(field: &str) -> Option<&str> {
    let rest = ["发表于", "发布于", "更新于", "写于", "Posted on", "Posted"]
        .iter()
        .find_map(|l| field.strip_prefix(l))
        .unwrap_or(field)
        .trim();
    (!rest.is_empty() && rest.split(' ').all(date_token)).then_some(rest)
}

/// Reading times, counts and labelled lists of a post's meta line.
fn is_post_field(field: &str) -> bool {
    let digits = field.chars().any(|c| c.is_ascii_digit());
    let compact: String = field.chars().filter(|c| !c.is_whitespace()).collect();
    let reading_time = digits
        && (compact.ends_with("分钟")
            || compact.ends_with("分钟读完")
            || compact.ends_with("分钟阅读")
            || compact.ends_with("min"))
        && compact.chars().count() <= 12;
    let count = digits
        && [
            "条评论",
            "次阅读",
            "次浏览",
            "人阅读",
            "个赞",
            "评论",
            "阅读",
            "浏览",
            "点赞",
            "字",
        ]
        .iter()
        .any(|w| compact.ends_with(w) || compact.starts_with(w))
        && compact.chars().count() <= 12;
    let listed = [
        "标签",
        "分类",
        "Tags",
        "Tag",
        "Category",
        "Categories",
        "关键词",
        "字数",
    ]
    .iter()
    .any(|l| {
        field
            .strip_prefix(l)
            .is_some_and(|r| r.trim_start().starts_with(['：', ':']))
    });
    reading_time || count || listed
}

/// Buttons and marks a web page puts in its meta line: "【字号 大 中 小】", "打印", "关闭",
/// and a WeChat post's "原创" and "发表于北京".
fn is_page_tool(token: &str) -> bool {
    let t = token.trim_matches(['【', '】', '[', ']', '(', ')', '（', '）']);
    matches!(
        t,
        "字号" | "大" | "中" | "小" | "打印" | "关闭" | "收藏" | "分享" | "纠错" | "原创" | "转载"
    ) || t
        .strip_prefix("字号")
        .is_some_and(|r| r.starts_with(['：', ':']))
        || ["发表于", "发布于"].iter().any(|p| {
            t.strip_prefix(p).is_some_and(|place| {
                let n = place.chars().count();
                (1..=6).contains(&n) && place.chars().all(is_han)
            })
        })
}

fn labelled_field(token: &str) -> Option<(Field, &str)> {
    LABELS.iter().find_map(|(label, field)| {
        let rest = token.strip_prefix(label)?;
        let value = rest.strip_prefix(['：', ':'])?;
        Some((*field, value))
    })
}

fn strip_brackets(s: &str) -> &str {
    let s = s.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.trim();
        }
    }
    s
}

fn is_weekday(t: &str) -> bool {
    let t = t.trim_matches(['(', ')', '（', '）']);
    // "周" alone is also a surname ("记者 周晓"): only 周一…周日 are days.
    t.strip_prefix("星期")
        .or_else(|| t.strip_prefix('周'))
        .is_some_and(|d| matches!(d, "一" | "二" | "三" | "四" | "五" | "六" | "日" | "天"))
}

/// A date, a time, a weekday or a UTC offset: "2019-12-20", "2022年10月9日", "15:56:19",
/// "星期日", "+0800".
pub(crate) fn date_token(t: &str) -> bool {
    if t.is_empty() || t.len() > 40 {
        return false;
    }
    if is_weekday(t) {
        return true;
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    if t.starts_with(['+', '-']) && digits == 4 && t.len() == 5 {
        return true;
    }
    let all = |allowed: &str| t.chars().all(|c| c.is_ascii_digit() || allowed.contains(c));
    (all("-/.") && (t.contains('-') || t.contains('/') || t.contains('.')) && digits >= 6)
        || (all(":") && t.contains(':') && digits >= 3)
        || (all("年月日号")
            && (t.contains('月') || t.contains('年'))
            && !t.starts_with(['年', '月', '日']))
}

/// Marks that set a columnist's name apart on the page ("□ 苏文博").
const COLUMN_MARKS: [char; 5] = ['□', '■', '◎', '○', '●'];

/// `s` without a leading column mark and the space after it.
pub(crate) fn without_column_mark(s: &str) -> &str {
    s.strip_prefix(COLUMN_MARKS).map_or(s, str::trim_start)
}

/// A credit line: "株洲日报全媒体记者/王娜", "通讯员/刘海燕", "本报记者 张三", "(文/白天天)".
pub(crate) fn is_byline(s: &str) -> bool {
    let s = strip_brackets(s);
    let n = visible_len(s, 61);
    if !(2..=60).contains(&n) || s.chars().any(|c| is_terminal(c) || c == '，') {
        return false;
    }
    if [
        "文/", "文／", "图/文", "图文/", "文图/", "撰文/", "文:", "文：",
    ]
    .iter()
    .any(|p| s.starts_with(p))
    {
        return true;
    }
    if s.ends_with("/文") || s.ends_with("／文") {
        return true;
    }
    // A columnist's name after a box or circle ("□ 苏文博", "◎ 李华").
    let name = without_column_mark(s);
    if name.len() < s.len() {
        return (2..=3).contains(&name.chars().count()) && name.chars().all(is_han);
    }
    // "By Jane Smith", "by Li Hua and Zhang Wei".
    if let Some(name) = s.strip_prefix("By ").or_else(|| s.strip_prefix("by ")) {
        let words: Vec<&str> = name.split(' ').collect();
        return words.len() <= 6
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase()) || matches!(*w, "and" | "&")
            });
    }
    ROLES.iter().any(|role| {
        s.match_indices(role).any(|(pos, _)| {
            let after = s.get(pos + role.len()..).and_then(|r| r.chars().next());
            let before = s.get(..pos).and_then(|r| r.chars().last());
            match after {
                Some('/' | '／' | ':' | '：' | ' ' | '|') => true,
                Some(c) if is_han(c) => before.is_some_and(|b| OUTLET_ENDINGS.contains(&b)),
                _ => false,
            }
        })
    })
}

/// Where a photo credit sits in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Credit {
    /// The whole line is a credit ("李华 摄", "记者/周嵩 通讯员/胡琼 摄", "罗浩/图").
    Line,
    /// A short caption ending in a credit that starts at this byte offset: the caption goes
    /// with it.
    Caption(usize),
    /// A long paragraph ending in a credit that starts at this byte offset.
    Trailing(usize),
}

/// Finds a photo credit.
pub(crate) fn photo_credit(s: &str) -> Option<Credit> {
    let inner = strip_brackets(s);
    if inner.len() < s.len()
        && s.len() <= 200
        && inner.contains("图片")
        && (inner.contains("提供") || inner.contains("来源"))
    {
        return Some(Credit::Line);
    }
    if s.len() <= 60
        && ["图/", "图／", "图：", "图:", "摄影/", "摄影：", "图片来源"]
            .iter()
            .any(|p| s.starts_with(p))
    {
        return Some(Credit::Line);
    }
    let head = ["摄影", "摄", "供图", "/图", "／图"]
        .iter()
        .find_map(|suffix| s.strip_suffix(suffix).map(|h| (h, *suffix)))?;
    let (head, suffix) = head;
    // The credit runs back to the end of the last sentence.
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_terminal(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let credit = head.get(start..).unwrap_or_default();
    let credit_len = visible_len(credit, 61);
    if credit_len > 60 || credit_len == 0 {
        return None;
    }
    let credit_like = match suffix {
        "摄" | "摄影" => {
            head.ends_with(' ')
                || credit.contains('/')
                || credit.contains('／')
                || ROLES.iter().any(|r| credit.contains(r))
        }
        "供图" => true,
        _ => credit_len <= 12 && !credit.contains(' '),
    };
    if !credit_like {
        return None;
    }
    if start == 0 {
        return Some(Credit::Line);
    }
    Some(if visible_len(s, 121) <= 120 {
        Credit::Caption(start)
    } else {
        Credit::Trailing(start)
    })
}

/// A credit opening a lead paragraph: "株洲日报讯(全媒体记者/胡文洁) 10月8日，…".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lead {
    /// The credit in brackets, if any.
    pub byline: Option<String>,
    /// The outlet before 讯/电, without date ("本报" gives none).
    pub source: Option<String>,
    /// Byte offset where the paragraph's text starts.
    pub rest: usize,
}

/// Finds a lead credit at the start of a paragraph: "株洲日报讯(记者/胡文洁) …", "新华社北京
/// 1月5日电 …", or a credit in brackets alone ("（记者 陈思琪）9月12日晚，…").
pub(crate) fn lead(s: &str) -> Option<Lead> {
    bracketed_lead(s)
        .or_else(|| outlet_lead(s))
        .or_else(|| reported_lead(s))
}

/// "本报记者 李文 报道：…": a credit that ends in 报道 (报导) and a colon.
fn reported_lead(s: &str) -> Option<Lead> {
    let (k, colon) = s
        .char_indices()
        .take(30)
        .find(|&(_, c)| c == '：' || c == ':')?;
    let credit = s.get(..k)?.trim_end();
    let who = credit
        .strip_suffix("报道")
        .or_else(|| credit.strip_suffix("报导"))?
        .trim_end();
    if !ROLES.iter().any(|r| who.contains(r))
        || who
            .chars()
            .any(|c| is_terminal(c) || matches!(c, '，' | ','))
    {
        return None;
    }
    let rest_at = k + colon.len_utf8();
    let rest = s.get(rest_at..)?;
    Some(Lead {
        byline: Some(who.to_string()),
        source: None,
        rest: rest_at + (rest.len() - rest.trim_start().len()),
    })
}

/// "（记者 陈思琪）…", "(记者 杨帆 通讯员 许静) …", "〔记者陈大文／台中报导〕…",
/// "（中央社记者王小明台东5日电）…", "【本报讯】…": a credit in brackets that opens the paragraph.
fn bracketed_lead(s: &str) -> Option<Lead> {
    let open = s
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '（' | '【' | '[' | '〔' | '［'))?;
    let (end, close) = s
        .char_indices()
        .take(40)
        .find(|&(_, c)| matches!(c, ')' | '）' | '】' | ']' | '〕' | '］'))?;
    let inner = s.get(open.len_utf8()..end)?.trim();
    if inner.contains(['，', ',', '。', '：', ':']) {
        return None;
    }
    // "本报讯", "新华社讯": an outlet's mark alone.
    if let Some(outlet) = inner.strip_suffix('讯') {
        if outlet.chars().count() >= 2 && outlet.ends_with(OUTLET_ENDINGS) {
            let rest_at = end + close.len_utf8();
            let rest = s.get(rest_at..)?;
            return Some(Lead {
                byline: None,
                source: outlet_name(outlet),
                rest: rest_at + (rest.len() - rest.trim_start().len()),
            });
        }
    }
    let dispatch = inner.ends_with('电') || inner.ends_with("报导") || inner.ends_with("报道");
    let credit = ROLES.iter().any(|r| inner.starts_with(r))
        || (dispatch && ROLES.iter().any(|r| inner.contains(r)));
    if !credit {
        return None;
    }
    let rest_at = end + close.len_utf8();
    let rest = s.get(rest_at..)?;
    let skipped = rest.len() - rest.trim_start_matches([' ', '：', ':', '—', '-']).len();
    // A wire dispatch names its outlet before the role ("中央社记者…电"): the source.
    Some(Lead {
        byline: Some(spaced_credits(without_outlet(inner))).filter(|b| !b.is_empty()),
        source: outlet_of_byline(inner),
        rest: rest_at + skipped,
    })
}

fn outlet_lead(s: &str) -> Option<Lead> {
    let (k, marker) = s
        .char_indices()
        .take(40)
        .find(|&(_, c)| c == '讯' || c == '电')?;
    let prefix = s.get(..k)?;
    if prefix.chars().count() < 2
        || prefix
            .chars()
            .any(|c| is_terminal(c) || matches!(c, '，' | ',' | '：' | ':' | ' ' | '“' | '"'))
    {
        return None;
    }
    let outlet = prefix
        .chars()
        .any(|c| OUTLET_ENDINGS.contains(&c) || c == '闻' || c == '媒')
        || prefix.ends_with('日');
    if !outlet {
        return None;
    }
    let after_at = k + marker.len_utf8();
    let after = s.get(after_at..)?;
    let (byline, rest_at) = match after.chars().next() {
        Some(open @ ('(' | '（' | '【' | '[')) => {
            let close = match open {
                '(' => ')',
                '（' => '）',
                '【' => '】',
                _ => ']',
            };
            let (end, _) = after
                .char_indices()
                .take(60)
                .find(|&(_, c)| c == close || (c == ')' || c == '）'))?;
            let inner = after.get(open.len_utf8()..end)?.trim();
            if marker == '电' && !(ROLES.iter().any(|r| inner.contains(r)) || inner.contains('/'))
            {
                return None;
            }
            (
                Some(spaced_credits(inner)).filter(|b| !b.is_empty()),
                after_at + end + close.len_utf8(),
            )
        }
        Some(' ' | '：' | ':') if marker == '讯' || prefix.ends_with('日') => (None, after_at),
        None if marker == '讯' => (None, after_at),
        _ => return None,
    };
    let rest = s.get(rest_at..)?;
    let skipped = rest.len() - rest.trim_start_matches([' ', '：', ':', '—', '-']).len();
    Some(Lead {
        byline,
        source: outlet_name(prefix),
        rest: rest_at + skipped,
    })
}

/// Credits run together in print ("记者/王娜通讯员/张倩") with a space between them: a role
/// followed by '/' starts a new credit when the text before it already holds a '/' (a role in
/// a title such as "全媒体记者/…" is not split off).
fn spaced_credits(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len() + 4);
    let mut rest = inner;
    while let Some((at, role)) = ROLES
        .iter()
        .filter_map(|r| {
            let tail = format!("{r}/");
            rest.match_indices(tail.as_str())
                .map(|(i, _)| i)
                .find(|&i| {
                    i > 0
                        && rest[..i]
                            .rsplit(' ')
                            .next()
                            .is_some_and(|c| c.contains('/'))
                })
                .map(|i| (i, *r))
        })
        .min()
    {
        out.push_str(&rest[..at]);
        out.push(' ');
        out.push_str(role);
        rest = &rest[at + role.len()..];
    }
    out.push_str(rest);
    out
}

/// "中国吉林网12月20日" → "中国吉林网"; "本报" → none.
fn outlet_name(prefix: &str) -> Option<String> {
    let mut name = prefix.trim();
    // Drop a trailing date: digits and 年月日.
    let cut = name
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || matches!(c, '年' | '月' | '日'))
        .last()
        .map(|(i, _)| i);
    if let Some(i) = cut {
        if name
            .get(i..)
            .is_some_and(|d| d.chars().any(|c| c.is_ascii_digit()))
        {
            name = name.get(..i).unwrap_or(name);
        }
    }
    let mut name = name.trim();
    // A dateline names the place after the outlet: "新华社北京" → "新华社". Only a short place
    // (up to four characters) is cut, so "南方报业传媒集团" stays whole.
    if let Some((i, c)) = name
        .char_indices()
        .rev()
        .find(|&(_, c)| OUTLET_ENDINGS.contains(&c))
    {
        let place = &name[i + c.len_utf8()..];
        if i > 0 && (1..=4).contains(&place.chars().count()) && place.chars().all(is_han) {
            name = &name[..i + c.len_utf8()];
        }
    }
    if name.is_empty() || name.starts_with('本') && name.chars().count() <= 2 {
        return None;
    }
    Some(name.to_string())
}

/// The outlet named before a role in a byline: "株洲日报全媒体记者/王娜" → "株洲日报".
pub(crate) fn outlet_of_byline(s: &str) -> Option<String> {
    let pos = ROLES.iter().filter_map(|r| s.find(r)).min()?;
    let mut prefix = s.get(..pos)?.trim();
    for adjective in ["全媒体", "融媒体", "首席", "见习", "驻站", "本报"] {
        prefix = prefix.strip_suffix(adjective).unwrap_or(prefix).trim();
    }
    let prefix = prefix.trim_end_matches(['·', ' ', '/']);
    (prefix.chars().count() >= 2
        && prefix
            .chars()
            .all(|c| is_han(c) || c == '·' || c.is_ascii_alphanumeric()))
    .then(|| prefix.to_string())
}

/// A byline without the outlet named before its role, which is the article's source rather
/// than its author: "株洲日报·掌上株洲记者/肖捷" → "记者/肖捷", "株洲日报全媒体记者/王娜" →
/// "全媒体记者/王娜"; "本报记者/李华" stays.
pub(crate) fn without_outlet(s: &str) -> &str {
    outlet_of_byline(s)
        .and_then(|outlet| after_outlet(s, &outlet))
        .unwrap_or(s)
}

/// What follows `outlet` at the start of a byline, without the separators after it; `None`
/// when the byline does not start with it or names no one after it.
pub(crate) fn after_outlet<'a>(s: &'a str, outlet: &str) -> Option<&'a str> {
    let people = s.strip_prefix(outlet)?.trim_start_matches(['·', ' ', '/']);
    (!people.is_empty()).then_some(people)
}

/// A credit in brackets closing a paragraph: "…实现高质量发展。(文/白天天)". Returns the byte
/// offset where the bracket opens and the credit.
pub(crate) fn tail(s: &str) -> Option<(usize, String)> {
    let close = s.chars().last()?;
    let open = match close {
        ')' => '(',
        '）' => '（',
        _ => return None,
    };
    let (start, _) = s
        .char_indices()
        .rev()
        .take(40)
        .find(|&(_, c)| c == open || c == '(' || c == '（')?;
    let inner = s.get(start..)?.get(open.len_utf8()..)?;
    let inner = inner
        .get(..inner.len().saturating_sub(close.len_utf8()))?
        .trim();
    let credit = [
        "文/",
        "文／",
        "图/",
        "图／",
        "/文",
        "记者",
        "通讯员",
        "作者",
        "摄",
        "供稿",
        "编辑",
    ]
    .iter()
    .any(|m| inner.contains(m));
    (credit && !inner.chars().any(is_terminal) && visible_len(inner, 31) <= 30)
        .then(|| (start, inner.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_word_after_a_source_names_the_author_and_zhou_is_a_surname() {
        let m = meta_line("2023-10-28 09:30 来源：深圳特区报 记者 周晓").unwrap();
        assert_eq!(
            (m.date.as_deref(), m.source.as_deref(), m.author.as_deref()),
            (Some("2023-10-28 09:30"), Some("深圳特区报"), Some("周晓"))
        );
        let m = meta_line("2023-02-14 09:12 来源：晚报 作者：王佳 【字号 大 中 小】 打印 关闭")
            .unwrap();
        assert_eq!(m.author.as_deref(), Some("王佳"));
        assert!(is_weekday("周日") && is_weekday("星期三") && !is_weekday("周晓"));
    }

    #[test]
    fn a_blog_posts_meta_line_is_meta() {
        let date = |s: &str| meta_line(s).map(|m| (m.date, m.author));
        let some =
            |d: Option<&str>, a: Option<&str>| Some((d.map(str::to_string), a.map(str::to_string)));
        assert_eq!(
            date("发表于 2026-10-03 · 标签：Rust, WebAssembly, 博客 · 阅读约 5 分钟"),
            some(Some("2026-10-03"), None)
        );
        assert_eq!(
            date("2026-10-20 · 旅行 · 杭州"),
            some(Some("2026-10-20"), None)
        );
        assert_eq!(
            date("作者：小张 · 2026-10-03"),
            some(Some("2026-10-03"), Some("小张"))
        );
        assert_eq!(date("分类：技术 · 3 条评论"), some(None, None));
        assert_eq!(date("阅读约 5 分钟"), some(None, None));
        assert_eq!(date("Tags: Rust, WebAssembly"), some(None, None));
        // Headlines and sentences are not.
        for s in [
            "旅行 · 杭州",
            "这是一行没有标点的普通文字",
            "学生 · 老师 · 家长 · 校长 · 记者",
            "2026年是关键的一年 · 展望",
        ] {
            assert_eq!(meta_line(s), None, "{s}");
        }
    }

    #[test]
    fn meta_lines() {
        let m = meta_line("2019-12-20 15:56:19  |  来源:中国吉林网  |  编辑:田东艳   |  责编:李玥")
            .unwrap();
        assert_eq!(m.date.as_deref(), Some("2019-12-20 15:56:19"));
        assert_eq!(m.source.as_deref(), Some("中国吉林网"));
        let m = meta_line("（文章来源：株洲日报）").unwrap();
        assert_eq!(m.source.as_deref(), Some("株洲日报"));
        assert_eq!(
            meta_line("2022年10月9日 星期日").unwrap().date.as_deref(),
            Some("2022年10月9日")
        );
        assert_eq!(
            meta_line("作者：张三 李四").unwrap().author.as_deref(),
            Some("张三 李四")
        );
        assert!(meta_line("责任编辑：王五").is_some_and(|m| !m.is_identifying()));
        assert_eq!(meta_line("2022年全市经济工作会议召开"), None);
        assert_eq!(meta_line("2023年 全市 经济"), None);
        assert_eq!(
            meta_line("原创 某某发布 2023-05-06 08:00 发表于湖南")
                .unwrap()
                .date
                .as_deref(),
            Some("2023-05-06 08:00")
        );
        assert_eq!(meta_line("时间都去哪了"), None);
        assert_eq!(
            meta_line("时间：10月8日上午，地点在市民中心，请大家准时参加。"),
            None
        );
        assert_eq!(meta_line("时间：10月8日上午"), None);
        assert_eq!(
            meta_line("发布时间：2023-03-08 10:20")
                .unwrap()
                .date
                .as_deref(),
            Some("2023-03-08 10:20")
        );
    }

    #[test]
    fn bylines() {
        for b in [
            "株洲日报全媒体记者/邓伟勇",
            "通讯员/刘海燕",
            "株洲日报全媒体记者/易楚瞳 通讯员/杨清",
            "本报记者张三",
            "(文/白天天)",
            "记者 李四",
            "By Jane Smith",
            "□ 苏文博",
            "◎李华",
        ] {
            assert!(is_byline(b), "{b}");
        }
        for b in [
            "记者走基层",
            "市委常委会召开会议",
            "记者/王娜在现场看到，工人正在作业。",
            "By the river we sat",
            "□ 社区食堂开业了",
            "■ 新闻链接",
        ] {
            assert!(!is_byline(b), "{b}");
        }
    }

    #[test]
    fn photo_credits() {
        assert_eq!(
            photo_credit("株洲日报全媒体记者/周嵩 通讯员/胡琼 摄"),
            Some(Credit::Line)
        );
        assert_eq!(photo_credit("通讯员/张敬尧 摄"), Some(Credit::Line));
        assert_eq!(photo_credit("罗浩/图"), Some(Credit::Line));
        assert_eq!(
            photo_credit("株洲日报·掌上株洲 记者/邹怡敏 通讯员/肖霜 供图"),
            Some(Credit::Line)
        );
        assert_eq!(
            photo_credit("(本版图片均由市行政审批服务局提供)"),
            Some(Credit::Line)
        );
        assert_eq!(
            photo_credit("攸县尹先生在茶陵办理跨境通办业务。李华 摄"),
            Some(Credit::Caption(51))
        );
        assert_eq!(photo_credit("游客们纷纷拿出手机拍摄"), None);
        assert_eq!(photo_credit("这张照片由他拍摄"), None);
    }

    #[test]
    fn lead_credits() {
        let s = "株洲日报讯(全媒体记者/胡文洁) 10月8日，市委常委会召开会议。";
        let l = lead(s).unwrap();
        assert_eq!(l.byline.as_deref(), Some("全媒体记者/胡文洁"));
        assert_eq!(l.source.as_deref(), Some("株洲日报"));
        assert_eq!(&s[l.rest..], "10月8日，市委常委会召开会议。");
        let s = "中国吉林网12月20日讯(中国吉林网 吉刻APP记者 贾子尧/文):当前，长春全面振兴。";
        let l = lead(s).unwrap();
        assert_eq!(l.source.as_deref(), Some("中国吉林网"));
        assert_eq!(&s[l.rest..], "当前，长春全面振兴。");
        // Credits run together are spaced apart (seed 000).
        let l = lead("株洲日报·掌上株洲讯(记者/王娜通讯员/张倩) 近日，项目竣工。").unwrap();
        assert_eq!(l.byline.as_deref(), Some("记者/王娜 通讯员/张倩"));
        let l = lead("本报讯(全媒体记者/王娜 通讯员/张倩) 近日，项目竣工。").unwrap();
        assert_eq!(l.byline.as_deref(), Some("全媒体记者/王娜 通讯员/张倩"));
        let l = lead("本报讯 近日，某地举行活动。").unwrap();
        assert_eq!((l.byline, l.source), (None, None));
        // A credit in brackets alone.
        let s = "（记者 杨帆 通讯员 许静）骑手在送餐途中受伤。";
        let l = lead(s).unwrap();
        assert_eq!(l.byline.as_deref(), Some("记者 杨帆 通讯员 许静"));
        assert_eq!(&s[l.rest..], "骑手在送餐途中受伤。");
        assert_eq!(lead("（记者注：此为化名）他说。"), None);
        assert_eq!(lead("（图为展览现场）观众很多。"), None);
        assert_eq!(lead("通讯录显示，他来电三次。"), None);
        assert_eq!(lead("他通过电话联系了对方。"), None);
        // The dateline's place is not part of the outlet.
        let l = lead("新华社北京1月5日电 记者从有关部门获悉。").unwrap();
        assert_eq!(l.source.as_deref(), Some("新华社"));
        let l = lead("中新网上海3月2日电 当地举行活动。").unwrap();
        assert_eq!(l.source.as_deref(), Some("中新网"));
        assert_eq!(
            outlet_name("南方报业传媒集团").as_deref(),
            Some("南方报业传媒集团")
        );
        assert_eq!(
            outlet_name("中国吉林网12月20日").as_deref(),
            Some("中国吉林网")
        );
    }

    #[test]
    fn trailing_credits_and_outlets() {
        let s = "实现高质量发展。(文/白天天)";
        let (at, credit) = tail(s).unwrap();
        assert_eq!(
            (&s[..at], credit.as_str()),
            ("实现高质量发展。", "文/白天天")
        );
        assert_eq!(tail("这是一句话（注释）"), None);
        assert_eq!(
            outlet_of_byline("株洲日报全媒体记者/王娜").as_deref(),
            Some("株洲日报")
        );
        assert_eq!(
            outlet_of_byline("株洲日报·掌上株洲记者/肖捷").as_deref(),
            Some("株洲日报·掌上株洲")
        );
        assert_eq!(outlet_of_byline("通讯员/刘海燕"), None);
        assert_eq!(without_outlet("株洲日报·掌上株洲记者/肖捷"), "记者/肖捷");
        assert_eq!(without_outlet("株洲日报全媒体记者/王娜"), "全媒体记者/王娜");
        assert_eq!(
            without_outlet("株洲日报·掌上株洲 记者/邹怡敏 通讯员/肖霜 供图"),
            "记者/邹怡敏 通讯员/肖霜 供图"
        );
        assert_eq!(without_outlet("本报记者/李华"), "本报记者/李华");
        assert_eq!(without_outlet("通讯员/刘海燕"), "通讯员/刘海燕");
    }
}

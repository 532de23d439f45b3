//! Items → articles.
//!
//! An article starts at a headline group: one to four consecutive short lines without sentence
//! punctuation (kicker, title, subtitle, column banner) that is
//! - followed by a byline, a meta line, or a paragraph opening with a credit ("…讯(记者/…)");
//! - or followed by a paragraph or two and a photo credit (a photo story);
//! - or the first text of the input;
//! - or a level-1 heading (`#`, `<h1>`) with the deeper headings right under it, except levels
//!   the article also uses for its sections.
//!
//! Any other short line is a section heading and stays in the body.

use super::byline::{self, Meta};
use super::classify::{Item, Role, Text};
use super::lines::squeeze;
use super::Article;
use std::collections::HashSet;
use std::ops::Range;

/// What the input as a whole says about its articles (front matter, `<title>`, masthead).
#[derive(Debug, Clone, Default)]
pub(crate) struct Defaults {
    /// Title for the first article when it has none of its own.
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
}

/// Headline groups longer than this are lists of short lines, not headlines.
const MAX_GROUP: usize = 4;

/// Splits classified, repaired items into articles.
pub(crate) fn split(items: Vec<Item>, mut defaults: Defaults) -> Vec<Article> {
    let starts = find_starts(&items);
    let first_start = starts.first().map_or(items.len(), |g| g.start);
    let preamble = items.get(..first_start).unwrap_or_default();
    let mut drafts: Vec<Article> = Vec::new();
    if preamble.iter().any(|i| matches!(i, Item::Text(_))) {
        drafts.push(build(&[], preamble));
    } else {
        for item in preamble {
            if let Item::Meta(m) = item {
                defaults.date = defaults.date.take().or_else(|| m.date.clone());
                defaults.source = defaults.source.take().or_else(|| m.source.clone());
            }
        }
    }
    for (k, group) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(items.len(), |g| g.start);
        let heads: Vec<&Text> = items
            .get(group.clone())
            .unwrap_or_default()
            .iter()
            .filter_map(as_text)
            .collect();
        drafts.push(build(&heads, items.get(group.end..end).unwrap_or_default()));
    }

    // A headline with nothing under it names the publication at the top of a page (masthead)
    // and the issuer at the end of an article (signature: "某某局" over a date). Elsewhere it
    // is a picture whose caption was dropped.
    let last_full = drafts.iter().rposition(|d| !d.body.is_empty());
    let mut articles: Vec<Article> = Vec::with_capacity(drafts.len());
    // Masthead name and date: applied only if an article follows them.
    let (mut masthead, mut masthead_date) = (None, None);
    // A dated masthead between articles starts another issue (two papers in one file, or a
    // paper after a post): it dates and sources the articles after it, not the input's.
    let mut issue: Option<(Option<String>, String)> = None;
    for (k, mut draft) in drafts.into_iter().enumerate() {
        if !draft.body.is_empty() {
            if let Some((name, date)) = &issue {
                draft.date = draft.date.take().or_else(|| Some(date.clone()));
                draft.source = draft.source.take().or_else(|| name.clone());
            }
            articles.push(draft);
            continue;
        }
        let name = draft.title.filter(|t| t.chars().count() <= 20);
        match articles.last_mut() {
            None => {
                masthead = masthead.or(name);
                masthead_date = masthead_date.or(draft.date);
            }
            Some(previous) if last_full.is_some_and(|l| k > l) => {
                previous.source = previous.source.take().or(name);
                previous.date = previous.date.take().or(draft.date);
                previous.byline = previous.byline.take().or(draft.byline);
            }
            Some(_) => {
                if let Some(date) = draft.date {
                    issue = Some((name, date));
                }
            }
        }
    }
    if articles.is_empty() {
        // No headline has a body under it: the lines are the text itself ("今天天气不错"), not a
        // masthead over nothing.
        let body: Vec<&str> = items
            .iter()
            .filter_map(as_text)
            .map(|t| t.text.as_str())
            .collect();
        if body.is_empty() {
            return Vec::new();
        }
        articles.push(Article {
            body: body.join("\n"),
            ..Article::default()
        });
    } else {
        defaults.source = defaults.source.take().or(masthead);
        defaults.date = defaults.date.take().or(masthead_date);
    }
    if let Some(first) = articles.first_mut() {
        if first.title.is_none() {
            first.title = defaults.title.clone();
            if let Some(title) = &first.title {
                // The fallback headline may open the body as well.
                let squeezed = squeeze(title);
                if let Some((head, rest)) = first.body.split_once('\n') {
                    if squeeze(head) == squeezed {
                        first.body = rest.to_string();
                    }
                }
            }
        }
    }
    for a in &mut articles {
        a.date = a.date.take().or_else(|| defaults.date.clone());
        a.source = a.source.take().or_else(|| defaults.source.clone());
        a.byline = a.byline.take().or_else(|| defaults.author.clone());
        a.tags = defaults.tags.clone();
        let own = std::mem::take(&mut a.categories);
        a.categories = defaults.categories.iter().cloned().chain(own).collect();
    }
    articles
}

fn as_text(item: &Item) -> Option<&Text> {
    match item {
        Item::Text(t) => Some(t),
        _ => None,
    }
}

/// Headline groups that start articles, in order.
fn find_starts(items: &[Item]) -> Vec<Range<usize>> {
    let has_h1 = items
        .iter()
        .any(|i| matches!(i, Item::Text(t) if t.role == Role::Heading(1)));
    // Without a level-1 heading, the top heading level is read like plain headline lines.
    let top = items.iter().filter_map(|i| match i {
        Item::Text(Text {
            role: Role::Heading(l),
            ..
        }) => Some(*l),
        _ => None,
    });
    let top = if has_h1 { None } else { top.min() };
    let candidate = |t: &Text| {
        t.headline_like() || (top.is_some() && t.role == Role::Heading(top.unwrap_or(0)))
    };
    let h1: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i, Item::Text(t) if t.role == Role::Heading(1)))
        .map(|(k, _)| k)
        .collect();

    let mut starts = Vec::new();
    let mut seen_text = false;
    let mut next_h1 = 0;
    let mut i = 0;
    while let Some(item) = items.get(i) {
        let Item::Text(t) = item else {
            i += 1;
            continue;
        };
        if t.role == Role::Heading(1) {
            while h1.get(next_h1).is_some_and(|&p| p <= i) {
                next_h1 += 1;
            }
            let end = h1.get(next_h1).copied().unwrap_or(items.len());
            let sections = section_levels(items.get(i + 1..end).unwrap_or_default());
            let mut j = i + 1;
            while let Some(Item::Text(Text {
                role: Role::Heading(level),
                ..
            })) = items.get(j)
            {
                if *level <= 1 {
                    break;
                }
                if sections & (1 << level) != 0 {
                    // Unless it sits between the headline and the byline: then it is the deck.
                    if matches!(items.get(j + 1), Some(Item::Byline(_)))
                        || matches!(items.get(j + 1), Some(Item::Meta(m)) if m.is_identifying())
                    {
                        j += 1;
                    }
                    break;
                }
                j += 1;
            }
            starts.push(i..j);
            seen_text = true;
            i = j;
            continue;
        }
        if candidate(t) {
            let mut j = i;
            while matches!(items.get(j), Some(Item::Text(u)) if candidate(u) && u.role != Role::Heading(1))
            {
                j += 1;
            }
            let run = j - i;
            let first = !seen_text && run <= MAX_GROUP;
            let after_rule = run <= MAX_GROUP && after_rule(items, i, j, &candidate);
            if first || after_rule || confirmed(items, j, &candidate) {
                let from = if run <= MAX_GROUP {
                    i
                } else {
                    j - (MAX_GROUP - 1)
                };
                starts.push(from..j);
            }
            seen_text = true;
            i = j;
            continue;
        }
        seen_text = true;
        i += 1;
    }
    starts
}

/// Heading levels used after the first body line of an H1 article (bit `1 << level`).
fn section_levels(region: &[Item]) -> u32 {
    let body_at = region.iter().position(|i| {
        !matches!(
            i,
            Item::Text(Text {
                role: Role::Heading(_),
                ..
            })
        )
    });
    let Some(body_at) = body_at else { return 0 };
    region.iter().skip(body_at).fold(0, |mask, i| match i {
        Item::Text(Text {
            role: Role::Heading(l),
            ..
        }) if *l < 32 => mask | (1 << l),
        _ => mask,
    })
}

/// A headline group `from..to` right after a thematic break (dropped noise between them aside)
/// and followed by a paragraph: how people separate articles they paste one after another.
fn after_rule(items: &[Item], from: usize, to: usize, candidate: &dyn Fn(&Text) -> bool) -> bool {
    let before = items
        .get(..from)
        .unwrap_or_default()
        .iter()
        .rev()
        .find(|i| !matches!(i, Item::Break));
    matches!(before, Some(Item::Rule))
        && matches!(items.get(to), Some(Item::Text(t)) if t.role == Role::Para && !candidate(t))
}

/// What follows a headline group at `at` marks it as an article's head.
fn confirmed(items: &[Item], at: usize, candidate: &dyn Fn(&Text) -> bool) -> bool {
    let is_credit = |k: usize| matches!(items.get(k), Some(Item::Credit(_)));
    match items.get(at) {
        Some(Item::Byline(_)) => true,
        Some(Item::Meta(m)) => m.is_identifying(),
        Some(Item::Text(t)) if t.lead.is_some() => true,
        Some(Item::Text(t)) if t.role == Role::Para && !candidate(t) => {
            is_credit(at + 1)
                || (matches!(items.get(at + 1), Some(Item::Text(u)) if u.role == Role::Para)
                    && is_credit(at + 2))
        }
        _ => false,
    }
}

/// Title, kicker, subtitle and extra banner lines of a headline group.
#[derive(Debug, Default, PartialEq, Eq)]
struct Heads {
    title: Option<String>,
    kicker: Option<String>,
    subtitle: Option<String>,
    extra: Vec<String>,
}

/// The title is the line that looks most like one: not a dash-led subtitle, not a quotation,
/// no comma, neither tiny nor long, and not a banner opening the group over a deeper heading.
/// Ties go to the first. The line above it is the kicker, the line below the subtitle; others
/// are banners.
fn choose(group: &[&Text]) -> Heads {
    let penalty = |k: usize| -> u32 {
        let Some(t) = group.get(k) else {
            return u32::MAX;
        };
        if dash_led(&t.text) {
            return 100;
        }
        let mut p = 0;
        if quoted(&t.text).is_some() {
            p += 2;
        }
        if t.has_comma {
            p += 2;
        }
        if t.chars <= 5 {
            p += 2;
        }
        if t.chars > 28 {
            p += 1;
        }
        // A banner opens the group over deeper headings ("# 奋进新征程 / ## 湘江之滨 …").
        if let (0, Role::Heading(l), Some(next)) = (k, t.role, group.get(k + 1)) {
            if matches!(next.role, Role::Heading(m) if m > l) && !dash_led(&next.text) {
                p += 1;
            }
        }
        p
    };
    let Some(best) = (0..group.len()).min_by_key(|&k| (penalty(k), k)) else {
        return Heads::default();
    };
    let line = |k: usize| group.get(k).map(|t| clean_head(&t.text));
    let mut extra: Vec<String> = Vec::new();
    for k in (0..group.len()).filter(|&k| k + 1 < best || k > best + 1) {
        extra.extend(line(k));
    }
    Heads {
        title: line(best),
        kicker: best.checked_sub(1).and_then(line),
        subtitle: line(best + 1),
        extra,
    }
}

fn dash_led(s: &str) -> bool {
    s.starts_with(['—', '-', '－'])
}

/// The inside of a line that is one quotation from end to end.
fn quoted(s: &str) -> Option<&str> {
    for (open, close) in [('“', '”'), ('「', '」'), ('"', '"'), ('『', '』')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.contains([open, close]) {
                return Some(inner);
            }
        }
    }
    None
}

/// A headline line as metadata: leading dashes and an all-enclosing quotation removed.
fn clean_head(s: &str) -> String {
    let s = s.trim_start_matches(['—', '-', '－', ' ']);
    let s = ["标题", "题目"]
        .iter()
        .find_map(|l| s.strip_prefix(l)?.strip_prefix(['：', ':']))
        .unwrap_or(s)
        .trim();
    quoted(s).unwrap_or(s).trim().to_string()
}

/// How sure we are of an article's source: a labelled source beats a lead credit's outlet,
/// which beats a byline's.
#[derive(PartialEq, PartialOrd, Clone, Copy)]
enum SourceRank {
    None,
    Byline,
    Lead,
    Labelled,
}

/// One article from its headline group and the items under it.
fn build(group: &[&Text], body: &[Item]) -> Article {
    let heads = choose(group);
    let mut a = Article {
        title: heads.title,
        kicker: heads.kicker,
        subtitle: heads.subtitle,
        categories: heads.extra,
        ..Article::default()
    };
    let head_lines: Vec<String> = [&a.title, &a.kicker, &a.subtitle]
        .into_iter()
        .flatten()
        .map(|s| squeeze(s))
        .collect();
    let mut rank = SourceRank::None;
    let mut set_source = |a: &mut Article, source: Option<String>, r: SourceRank| {
        if source.is_some() && r > rank {
            a.source = source;
            rank = r;
        }
    };
    let mut lines: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut credits: Vec<&str> = Vec::new();
    let mut previous_was_byline = false;
    for item in body {
        let is_byline = matches!(item, Item::Byline(_));
        match item {
            Item::Byline(b) => {
                // The outlet before the role is the source (set below), not an author.
                let people = byline::without_outlet(b);
                match &mut a.byline {
                    None => a.byline = Some(people.to_string()),
                    // A byline spread over consecutive lines ("记者/…", "通讯员/…").
                    Some(existing) if previous_was_byline => {
                        existing.push(' ');
                        existing.push_str(people);
                    }
                    Some(_) => {}
                }
                set_source(&mut a, byline::outlet_of_byline(b), SourceRank::Byline);
            }
            Item::Credit(c) => credits.push(c),
            Item::Meta(m) => fill(&mut a, m, &mut set_source),
            Item::Text(t) => {
                if let Some(lead) = &t.lead {
                    a.byline = a.byline.take().or_else(|| lead.byline.clone());
                    set_source(&mut a, lead.source.clone(), SourceRank::Lead);
                }
                if let Some(tail) = &t.tail {
                    a.byline = a.byline.take().or_else(|| Some(tail.clone()));
                }
                // Headline repeated as a caption or section line.
                if t.role != Role::Item
                    && t.chars <= 60
                    && head_lines.iter().any(|h| *h == squeeze(&t.text))
                {
                    continue;
                }
                // The same paragraph or caption twice is a layout or copy error, not emphasis.
                let repeatable = t.role == Role::Item
                    || (t.chars < 20
                        && !(t.headline_like()
                            || matches!(t.role, Role::Section | Role::Heading(_))));
                if !repeatable && t.chars >= 4 && !seen.insert(t.text.as_str()) {
                    continue;
                }
                lines.push(&t.text);
            }
            Item::Break | Item::Rule => {}
        }
        previous_was_byline = is_byline;
    }
    if a.byline.is_none() && !credits.is_empty() {
        let credit = credits.join(" ");
        set_source(
            &mut a,
            byline::outlet_of_byline(&credit),
            SourceRank::Byline,
        );
        a.byline = Some(byline::without_outlet(&credit).to_string());
    }
    // A lead's credit may open with the outlet too ("(中国吉林网 吉刻APP记者 贾子尧/文)"): the
    // source, named once.
    // Only where a separator follows: 株洲 is not the outlet of 株洲日报记者.
    let people = match (&a.byline, &a.source) {
        (Some(b), Some(source))
            if b.get(source.len()..)
                .is_some_and(|r| r.starts_with(['·', ' ', '/'])) =>
        {
            byline::after_outlet(b, source).map(str::to_string)
        }
        _ => None,
    };
    if people.is_some() {
        a.byline = people;
    }
    // A line that is only the outlet's name, after the story, is the masthead of whatever
    // follows (a newspaper issue joined after a web post: "…改革红利。" + "株洲日报").
    if lines.len() > 1 && a.source.as_deref() == lines.last().map(|l| l.trim()) {
        lines.pop();
    }
    a.body = lines.join("\n");
    a
}

fn fill(
    a: &mut Article,
    m: &Meta,
    set_source: &mut dyn FnMut(&mut Article, Option<String>, SourceRank),
) {
    a.date = a.date.take().or_else(|| m.date.clone());
    a.byline = a.byline.take().or_else(|| m.author.clone());
    set_source(a, m.source.clone(), SourceRank::Labelled);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, role: Role) -> Text {
        Text::new(s.to_string(), role)
    }

    #[test]
    fn title_choice() {
        let lines = [
            text("喜迎二十大", Role::Para),
            text("围绕企业全生命周期,深化体制机制系列改革", Role::Para),
            text("高新区改革创新激发新活力", Role::Para),
        ];
        let heads = choose(&lines.iter().collect::<Vec<_>>());
        assert_eq!(heads.title.as_deref(), Some("高新区改革创新激发新活力"));
        assert_eq!(
            heads.kicker.as_deref(),
            Some("围绕企业全生命周期,深化体制机制系列改革")
        );
        assert_eq!(heads.extra, ["喜迎二十大"]);

        let lines = [
            text("“为持续优化营商环境出力流汗”", Role::Para),
            text("青年干部座谈优化营商环境", Role::Para),
        ];
        let heads = choose(&lines.iter().collect::<Vec<_>>());
        assert_eq!(heads.title.as_deref(), Some("青年干部座谈优化营商环境"));
        assert_eq!(heads.kicker.as_deref(), Some("为持续优化营商环境出力流汗"));

        let lines = [
            text("政务服务便捷化 营商环境再优化", Role::Heading(1)),
            text("——茶陵县深入推进政务服务改革工作掠影", Role::Heading(2)),
        ];
        let heads = choose(&lines.iter().collect::<Vec<_>>());
        assert_eq!(
            heads.title.as_deref(),
            Some("政务服务便捷化 营商环境再优化")
        );
        assert_eq!(
            heads.subtitle.as_deref(),
            Some("茶陵县深入推进政务服务改革工作掠影")
        );

        let lines = [
            text("奋进新征程 建功新时代", Role::Heading(1)),
            text("湘江之滨 奋进有“数”", Role::Heading(2)),
        ];
        let heads = choose(&lines.iter().collect::<Vec<_>>());
        assert_eq!(heads.title.as_deref(), Some("湘江之滨 奋进有“数”"));
        assert_eq!(heads.kicker.as_deref(), Some("奋进新征程 建功新时代"));
    }

    #[test]
    fn quotations() {
        assert_eq!(quoted("“小农夫”"), Some("小农夫"));
        assert_eq!(quoted("“毛泽东足迹遍株洲” 临时开展"), None);
        assert_eq!(quoted("“甲”和“乙”"), None);
    }
}

//! Paragraph repair: print layout cuts sentences, even words, across line and paragraph breaks
//! ("惠及企\n\n业群众4526人"). Two neighbouring paragraph lines are one paragraph again when
//! the first stops mid-clause and reads as prose, and the second goes on with text.
//!
//! "Reads as prose" keeps headlines apart: the first line must hold sentence punctuation, or a
//! comma and some length, or end on a comma. A headline ("市委常委会召开会议") or a short
//! sub-headline with a comma ("代表建议督办,让残障人士共享幸福株洲") stays a line of its own.

use super::classify::{Item, Role, Text, STAT_CAP};
use super::lines::{is_comma, is_terminal};
use crate::text::is_han;

/// A line this long with a comma in it is prose even without a full stop.
const PROSE_WITH_COMMA: usize = 24;

/// A paragraph this short that ends a sentence reads as the rest of the line before it.
const SHORT_TAIL: usize = 12;

/// Joins paragraphs broken by layout. Linear: each line is appended at most once.
pub(crate) fn repair(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let (Some(Item::Text(previous)), Item::Text(next)) = (out.last_mut(), &item) {
            if continues(previous, next) {
                join(previous, next);
                continue;
            }
        }
        out.push(item);
    }
    out
}

/// The first line stops mid-sentence and the second carries it on.
fn continues(a: &Text, b: &Text) -> bool {
    if a.role != Role::Para || b.role != Role::Para || b.lead.is_some() || a.tail.is_some() {
        return false;
    }
    let (Some(last), Some(first)) = (a.text.chars().last(), b.text.chars().next()) else {
        return false;
    };
    let open_end = is_han(last)
        || last.is_alphanumeric()
        || is_comma(last)
        || matches!(last, '（' | '(' | '“' | '‘' | '《' | '—' | '·');
    let goes_on = is_han(first)
        || first.is_alphanumeric()
        || is_comma(first)
        || is_terminal(first)
        || matches!(
            first,
            '”' | '’' | '）' | ')' | '」' | '』' | '》' | '%' | '％' | '“' | '《' | '（' | '：'
        );
    let mid_clause = is_comma(last) || matches!(last, '（' | '(' | '“' | '‘' | '《');
    // "重磅！…" and "…吗？" open headlines; only a long line is prose by them alone.
    let prose = a.has_stop
        || (a.has_comma && a.chars >= PROSE_WITH_COMMA)
        || (a.has_exclamation && a.chars > 40);
    // A short clause after a comma-bearing line: the tail of a cut sentence ("…，降低" + "融资成本。").
    let tail =
        a.has_comma && b.chars <= SHORT_TAIL && b.text.chars().last().is_some_and(is_terminal);
    open_end && goes_on && (mid_clause || prose || tail)
}

fn join(a: &mut Text, b: &Text) {
    // Words of Latin script were separated by the break; ideographs were not.
    let spaced = a
        .text
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && b.text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if spaced {
        a.text.push(' ');
    }
    a.text.push_str(&b.text);
    a.chars = (a.chars + b.chars).min(STAT_CAP);
    a.has_stop |= b.has_stop;
    a.has_exclamation |= b.has_exclamation;
    a.has_comma |= b.has_comma;
    a.tail = b.tail.clone();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(s: &str) -> Item {
        Item::Text(Text::new(s.to_string(), Role::Para))
    }

    fn texts(items: Vec<Item>) -> Vec<String> {
        items
            .into_iter()
            .filter_map(|i| {
                if let Item::Text(t) = i {
                    Some(t.text)
                } else {
                    None
                }
            })
            .collect()
    }

    #[test]
    fn broken_words_and_sentences_rejoin() {
        let out = repair(vec![
            para("截至11月底,跨省(域)通办已办3131件,惠及企"),
            para("业群众4526人。"),
            para("下一段。"),
        ]);
        assert_eq!(
            texts(out),
            [
                "截至11月底,跨省(域)通办已办3131件,惠及企业群众4526人。",
                "下一段。"
            ]
        );
        let out = repair(vec![para("鼓励银行扩大信贷投放，降低"), para("融资成本。")]);
        assert_eq!(texts(out), ["鼓励银行扩大信贷投放，降低融资成本。"]);
        let out = repair(vec![
            para("改革后的高新区,设立了产业发展局、"),
            para("企业服务局。"),
        ]);
        assert_eq!(
            texts(out),
            ["改革后的高新区,设立了产业发展局、企业服务局。"]
        );
        let out = repair(vec![
            para("The report was written in plain words, then cut by the"),
            para("printer."),
        ]);
        assert_eq!(
            texts(out),
            ["The report was written in plain words, then cut by the printer."]
        );
    }

    #[test]
    fn headlines_and_finished_paragraphs_stay_apart() {
        let kept = [
            "重磅！我市出台新政支持小微企业发展",
            "原创 某某发布",
            "市委常委会召开会议",
            "陈恢清主持",
            "代表建议督办,让残障人士共享幸福株洲",
            "深入践行 全过程人民民主",
            "会议还研究了其他事项。",
            "部门联动，服务清单做加法",
            "为了随时满足需求，中心开辟了主战场。",
        ];
        let out = repair(kept.iter().map(|s| para(s)).collect());
        assert_eq!(texts(out), kept);
    }

    #[test]
    fn breaks_stop_joins() {
        let out = repair(vec![
            para("他说，这件事要从"),
            Item::Break,
            para("头说起。"),
        ]);
        assert_eq!(texts(out).len(), 2);
    }
}

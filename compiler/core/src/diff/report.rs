//! `notice diff` output: plain text for terminals; the pieces the pull-request comment
//! ([`super::comment`]) shares with it.

use std::fmt::Write;

use super::phrases;
use super::words::{Op, Segment, with_context};
use super::{Change, Class, is_material};
use crate::diagnostic::escape_controls;
use crate::model::Lang;

/// Words kept on each side of a change in shortened text diffs.
const CONTEXT_WORDS: usize = 8;

/// How a site differs between the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteStatus {
    /// The site is only on the newer side: a new notice, which counts as material.
    Added,
    /// The site is only on the older side: its notice was removed.
    Removed,
    /// The site is on both sides and its notice changed.
    Changed,
}

impl SiteStatus {
    pub(super) fn id(self) -> &'static str {
        match self {
            SiteStatus::Added => "added",
            SiteStatus::Removed => "removed",
            SiteStatus::Changed => "changed",
        }
    }
}

/// The changes of one site. Sites without changes are left out of a report.
#[derive(Debug, Clone)]
pub struct SiteDiff {
    /// The site's name, its folder under `content/`.
    pub site: String,
    /// Whether the site is new, gone or changed.
    pub status: SiteStatus,
    /// The languages of the newer side (the older side's for a removed site), primary first.
    pub languages: Vec<Lang>,
    /// The changes in page order; for a new site every item shows as added, for a removed one
    /// there are none.
    pub changes: Vec<Change>,
    /// The site's own source file (`content/<site>/notice.toml`), when the diff was of loaded
    /// sources: a change set elsewhere came from a layer.
    pub own_file: Option<String>,
}

impl SiteDiff {
    /// Whether the site needs advance notice: it is new, or a change is material.
    pub fn is_material(&self) -> bool {
        self.status == SiteStatus::Added || is_material(&self.changes)
    }

    /// Material changes first; otherwise in page order.
    pub(super) fn ordered(&self) -> Vec<&Change> {
        let mut changes: Vec<&Change> = self.changes.iter().collect();
        changes.sort_by_key(|c| c.class());
        changes
    }
}

fn totals(sites: &[SiteDiff], lang: Lang) -> String {
    let material = sites.iter().filter(|s| s.is_material()).count();
    match (sites.len(), lang) {
        (0, Lang::Fi) => "Ei muutoksia tietosuojaselosteisiin.".to_string(),
        (0, Lang::Sv) => "Inga ändringar i dataskyddsbeskrivningarna.".to_string(),
        (0, Lang::En) => "No changes to any notice.".to_string(),
        (n, Lang::Fi) => format!(
            "{n} {} muuttui, {material} olennaisesti",
            if n == 1 { "seloste" } else { "selostetta" }
        ),
        (n, Lang::Sv) => format!(
            "{n} {} ändrades, {material} väsentligt",
            if n == 1 {
                "beskrivning"
            } else {
                "beskrivningar"
            }
        ),
        (n, Lang::En) => format!(
            "{n} {} changed, {material} material",
            if n == 1 { "site" } else { "sites" }
        ),
    }
}

fn site_heading(site: &SiteDiff, lang: Lang) -> String {
    let material = site
        .changes
        .iter()
        .filter(|c| c.class() == Class::Material)
        .count();
    site_heading_counts(site.status, site.changes.len(), material, lang)
}

/// A site's status and how many of its `n` changes there are and how many are material.
pub(super) fn site_heading_counts(
    status: SiteStatus,
    n: usize,
    material: usize,
    lang: Lang,
) -> String {
    let status_text = match (status, lang) {
        (SiteStatus::Added, Lang::Fi) => "uusi seloste; ",
        (SiteStatus::Added, Lang::Sv) => "ny beskrivning; ",
        (SiteStatus::Added, Lang::En) => "new notice; ",
        (SiteStatus::Removed, Lang::Fi) => "seloste poistettu",
        (SiteStatus::Removed, Lang::Sv) => "beskrivningen borttagen",
        (SiteStatus::Removed, Lang::En) => "notice removed",
        (SiteStatus::Changed, _) => "",
    };
    if status == SiteStatus::Removed {
        return status_text.to_string();
    }
    let counts = match lang {
        Lang::Fi => format!(
            "{n} {}, {material} {}",
            if n == 1 { "muutos" } else { "muutosta" },
            if material == 1 {
                "olennainen"
            } else {
                "olennaista"
            }
        ),
        Lang::Sv => format!(
            "{n} {}, {material} {}",
            if n == 1 { "ändring" } else { "ändringar" },
            if material == 1 {
                "väsentlig"
            } else {
                "väsentliga"
            }
        ),
        Lang::En => format!(
            "{n} {}, {material} material",
            if n == 1 { "change" } else { "changes" }
        ),
    };
    format!("{status_text}{counts}")
}

/// The summary line of a change, with its language when it concerns one language only.
pub(super) fn summary(change: &Change, lang: Lang, primary: Lang) -> String {
    let mut line = phrases::summary(change, lang, primary);
    if let Some(only) = change.lang {
        let _ = write!(line, " [{only}]");
    }
    line
}

/// The report for a terminal, in `lang`: per site, material changes first, then a total.
pub fn text(sites: &[SiteDiff], lang: Lang) -> String {
    let mut out = String::new();
    for site in sites {
        let primary = site.languages[0];
        line(
            &mut out,
            &format!("{}: {}", site.site, site_heading(site, lang)),
        );
        for change in site.ordered() {
            let anchor = change
                .section
                .anchor()
                .map(|a| format!("  #{a}"))
                .unwrap_or_default();
            let class = change.class().id();
            let summary = summary(change, lang, primary);
            line(&mut out, &format!("  {class:<9}  {summary}{anchor}"));
            let reason = phrases::reason(change.reason, lang);
            line(&mut out, &format!("             {reason}"));
            if let Some(before_after) = phrases::before_after(change, lang) {
                line(&mut out, &format!("             {before_after}"));
            }
            for words in &change.words {
                let tag = language_tag(change, words, "[", "] ");
                let words =
                    inline_words(&words.segments, "[-", "-]", "{+", "+}", |s| s.to_string());
                line(&mut out, &format!("             {tag}{words}"));
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", totals(sites, lang));
    out
}

/// Writes one line of the terminal report, control characters escaped: a value holding a line
/// break or an escape sequence can neither forge a line nor drive the terminal.
fn line(out: &mut String, text: &str) {
    out.push_str(&escape_controls(text));
    out.push('\n');
}

/// Names the language of a word diff, unless the change line already does.
fn language_tag(change: &Change, words: &super::LangWords, open: &str, close: &str) -> String {
    match (change.lang, words.lang) {
        (None, Some(lang)) => format!("{open}{lang}{close}"),
        _ => String::new(),
    }
}

pub(super) fn inline_words(
    segments: &[Segment],
    del_open: &str,
    del_close: &str,
    ins_open: &str,
    ins_close: &str,
    escape: impl Fn(&str) -> String,
) -> String {
    with_context(segments, CONTEXT_WORDS)
        .iter()
        .map(|segment| match segment.op {
            Op::Equal => escape(&segment.text),
            Op::Delete => format!("{del_open}{}{del_close}", escape(&segment.text)),
            Op::Insert => format!("{ins_open}{}{ins_close}", escape(&segment.text)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escapes text for GitHub Markdown, so no value of a notice can inject markup into the
/// comment or start a block of its own (a heading, a code block, a list, a quote) and so forge
/// text outside its list item: HTML-significant characters become entities, Markdown
/// punctuation gets a backslash, every run of white space (line breaks included) becomes one
/// space, and a leading marker that could still open a block (`-`, `+`, `=`, `1.`) is escaped.
pub(super) fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !after_space {
                out.push(' ');
            }
            after_space = true;
            continue;
        }
        after_space = false;
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' | '@' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.extend(c.escape_debug()),
            c => out.push(c),
        }
    }
    escape_leading_marker(out)
}

/// Backslash-escapes the list, setext-heading or thematic-break marker `text` would start
/// with; a line's other characters cannot open a block once line breaks are gone.
fn escape_leading_marker(mut text: String) -> String {
    let start = text.len() - text.trim_start_matches(' ').len();
    let rest = &text[start..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = match rest[digits..].chars().next() {
        Some('.' | ')') if (1..=9).contains(&digits) => Some(start + digits),
        Some('-' | '+' | '=') if digits == 0 => Some(start),
        _ => None,
    };
    if let Some(at) = marker {
        text.insert(at, '\\');
    }
    text
}

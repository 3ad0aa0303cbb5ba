//! Inline text as the readers build it: runs of text with emphasis and links, reduced to the
//! Markdown a [`Block`](super::Block) holds, and the rules every reader shares.

/// A paragraph no longer than this, all of it bold, is a label heading ("**Rekisterin
/// tietosisältö**"); a longer one is emphasised running text.
pub(crate) const LABEL_MAX_CHARS: usize = 120;

/// How a run of text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Marks {
    /// `<strong>`/`<b>`, or a bold Word run.
    pub(crate) bold: bool,
    /// `<em>`/`<i>`, or an italic Word run.
    pub(crate) italic: bool,
}

/// One run: text with its marks, and the link it belongs to, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    text: String,
    marks: Marks,
    link: Option<String>,
}

/// The inline content of one block, run by run, until it is rendered as Markdown.
#[derive(Debug, Default)]
pub(crate) struct Inline {
    runs: Vec<Run>,
}

impl Inline {
    /// Adds text; runs of whitespace (newlines included) become one space, as a browser shows
    /// them. Tabs stay when `keep_tabs` (Word's `w:tab`, a column separator in old notices).
    pub(crate) fn push(&mut self, text: &str, marks: Marks, link: Option<&str>) {
        if text.is_empty() {
            return;
        }
        let link = link.map(str::to_string);
        match self.runs.last_mut() {
            Some(last) if last.marks == marks && last.link == link => last.text.push_str(text),
            _ => self.runs.push(Run {
                text: text.to_string(),
                marks,
                link,
            }),
        }
    }

    /// Adds a line break (`<br>`, `w:br`), kept as a newline in the block's text.
    /// Consecutive breaks make one: an empty line has no text to keep.
    pub(crate) fn line_break(&mut self) {
        if self.runs.last().is_some_and(|run| run.text.ends_with('\n')) {
            return;
        }
        self.push("\n", Marks::default(), None);
    }

    /// Whether nothing but whitespace has been added.
    pub(crate) fn is_blank(&self) -> bool {
        self.runs.iter().all(|run| run.text.trim().is_empty())
    }

    /// Whether every visible character is bold: a label paragraph.
    pub(crate) fn all_bold(&self) -> bool {
        !self.is_blank()
            && self
                .runs
                .iter()
                .all(|run| run.marks.bold || run.text.trim().is_empty())
    }

    /// The plain text, without Markdown marks: for label headings.
    pub(crate) fn plain(&self) -> String {
        let text: String = self.runs.iter().map(|run| run.text.as_str()).collect();
        tidy(&text)
    }

    /// The text as Markdown: emphasis as `**`/`*`, links as `[text](href)`.
    pub(crate) fn markdown(&self) -> String {
        let mut out = String::new();
        let mut index = 0;
        while index < self.runs.len() {
            // Consecutive runs of one link become one link, whatever their emphasis.
            let link = self.runs[index].link.clone();
            let mut end = index + 1;
            while link.is_some() && end < self.runs.len() && self.runs[end].link == link {
                end += 1;
            }
            let mut text = String::new();
            for run in &self.runs[index..end] {
                text.push_str(&emphasised(&run.text, run.marks));
            }
            match link {
                Some(href) => out.push_str(&markdown_link(&text, &href)),
                None => out.push_str(&text),
            }
            index = end;
        }
        tidy(&out)
    }

    /// Empties the buffer, for the next block.
    pub(crate) fn clear(&mut self) {
        self.runs.clear();
    }
}

/// `text` with Markdown emphasis, its surrounding whitespace left outside the marks (so that
/// `**Label: **text` cannot happen: CommonMark would not close that emphasis).
fn emphasised(text: &str, marks: Marks) -> String {
    let marker = match (marks.bold, marks.italic) {
        (false, false) => return text.to_string(),
        (true, false) => "**",
        (false, true) => "*",
        (true, true) => "***",
    };
    let core = text.trim();
    if core.is_empty() {
        return text.to_string();
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    format!("{}{marker}{core}{marker}{}", &text[..start], &text[end..])
}

/// A link as Markdown, for the addresses a notice means a reader to follow (web, e-mail,
/// telephone); other targets (`javascript:`, page anchors, relative paths) keep only the text.
pub(crate) fn markdown_link(text: &str, href: &str) -> String {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    let followable = ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    if !followable || text.trim().is_empty() {
        return text.to_string();
    }
    let core = text.trim();
    let start = text.len() - text.trim_start().len();
    let href = href
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29");
    format!(
        "{}[{core}]({href}){}",
        &text[..start],
        &text[start + core.len()..]
    )
}

/// Whitespace as a browser shows it: runs of spaces and newlines from the source become one
/// space, explicit line breaks (`\n` from `<br>`) and tabs stay, no space around them, and
/// none at either end.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let cells: Vec<String> = line
            .split('\t')
            .map(|cell| cell.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        out.push_str(&cells.join("\t"));
    }
    out.trim_matches(|c: char| c.is_whitespace()).to_string()
}

/// Whether `text` is short enough to be a label heading.
pub(crate) fn is_label(text: &str) -> bool {
    let count = text.chars().count();
    count > 0 && count <= LABEL_MAX_CHARS && !text.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_keeps_whitespace_outside_the_marks() {
        let mut inline = Inline::default();
        inline.push(
            "Rekisterin ",
            Marks {
                bold: true,
                italic: false,
            },
            None,
        );
        inline.push(
            "tietosisältö: ",
            Marks {
                bold: true,
                italic: false,
            },
            None,
        );
        inline.push("Nimi", Marks::default(), None);
        assert_eq!(inline.markdown(), "**Rekisterin tietosisältö:** Nimi");
        assert_eq!(inline.plain(), "Rekisterin tietosisältö: Nimi");
        assert!(!inline.all_bold());
    }

    #[test]
    fn only_followable_links_become_markdown_links() {
        assert_eq!(
            markdown_link("Tietosuojavaltuutettu", "https://tietosuoja.fi"),
            "[Tietosuojavaltuutettu](https://tietosuoja.fi)"
        );
        assert_eq!(
            markdown_link("Soita", "tel:+358 9 123"),
            "[Soita](tel:+358%209%20123)"
        );
        assert_eq!(markdown_link("ylös", "#top"), "ylös");
        assert_eq!(markdown_link("x", "javascript:void(0)"), "x");
    }

    #[test]
    fn tidy_collapses_spaces_but_keeps_breaks_and_tabs() {
        assert_eq!(tidy("  a \n  b\t c  \n\n"), "a\nb\tc");
    }
}

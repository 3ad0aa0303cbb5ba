//! `notice diff --format markdown`: the pull-request comment. A change made in a shared layer
//! is shown once under the layer's file with the sites it reaches, not once per site; a header
//! says whether the changes are released; and the comment is cut by whole blocks to fit
//! GitHub's size limit, saying what was left out and where the full report is.

use std::fmt::Write;

mod release;

use super::inputs::Releases;
use super::phrases;
use super::report::{SiteDiff, SiteStatus, inline_words, md_escape, summary};
use super::{Change, Class};
use crate::labels::pick;
use crate::model::{Date, Lang};

/// Marks the comment so a workflow can find and update it instead of adding another.
pub const MARKDOWN_MARKER: &str = "<!-- notice-diff -->";

/// Room kept for the note that says what was left out.
const NOTE_ROOM: usize = 600;

/// Up to this many affected sites are listed openly; more are collapsed.
const OPEN_SITE_LIST: usize = 10;

/// How to write the comment.
#[derive(Debug, Clone)]
pub struct CommentOptions<'a> {
    /// The language of the comment.
    pub lang: Lang,
    /// How many sites were compared, changed or not.
    pub total_sites: usize,
    /// The project's `base_url`: anchors become links to the published pages.
    pub base_url: Option<&'a str>,
    /// The sites whose newer side has a release the older side had not (their changes are
    /// released); `None` when that is unknown, as between two snapshot files.
    pub releases: Option<&'a Releases>,
    /// The day days of notice are counted from: the day of the release.
    pub today: Date,
    /// The longest comment, in bytes (never fewer characters); `None` for no limit.
    pub max_chars: Option<usize>,
    /// Where the full report is, for the note on a cut comment (e.g. "the job summary").
    pub full_report: &'a str,
}

impl<'a> CommentOptions<'a> {
    /// Options with no links, no release information and no size limit.
    pub fn new(lang: Lang, total_sites: usize, today: Date) -> CommentOptions<'a> {
        CommentOptions {
            lang,
            total_sites,
            base_url: None,
            releases: None,
            today,
            max_chars: None,
            full_report: "the full report",
        }
    }
}

/// A change made in a layer, with every site it reaches.
struct LayerChange<'a> {
    file: &'a str,
    change: &'a Change,
    primary: Lang,
    sites: Vec<&'a str>,
}

/// Splits the changes into those made in layers, merged across the sites that share them, and
/// each site's own (all of a new site's, which are not edits of the layer).
fn split(sites: &[SiteDiff]) -> (Vec<LayerChange<'_>>, Vec<(&SiteDiff, Vec<&Change>)>) {
    let mut layers: Vec<LayerChange<'_>> = Vec::new();
    let mut own = Vec::new();
    for site in sites {
        let mut mine = Vec::new();
        for change in site.ordered() {
            let file = change.source.as_ref().map(|s| s.file.as_str());
            // Without the site's own file (two snapshot files) nothing is known to be a layer's.
            let from_layer = site.status == SiteStatus::Changed
                && site
                    .own_file
                    .as_deref()
                    .is_some_and(|own| file.is_some_and(|file| file != own));
            match file.filter(|_| from_layer) {
                Some(file) => match layers
                    .iter_mut()
                    .find(|l| l.file == file && l.change == change)
                {
                    Some(layer) => layer.sites.push(&site.site),
                    None => layers.push(LayerChange {
                        file,
                        change,
                        primary: site.languages[0],
                        sites: vec![&site.site],
                    }),
                },
                None => mine.push(change),
            }
        }
        if !mine.is_empty() || site.status != SiteStatus::Changed {
            own.push((site, mine));
        }
    }
    layers.sort_by(|a, b| {
        a.file
            .cmp(b.file)
            .then(a.change.class().cmp(&b.change.class()))
    });
    (layers, own)
}

/// The comment: title, summary, release state, then one block per layer file and per site,
/// cut by whole blocks to `max_chars`.
pub fn comment(sites: &[SiteDiff], options: &CommentOptions<'_>) -> String {
    let lang = options.lang;
    let (layers, own) = split(sites);
    let changes = layers
        .iter()
        .map(|l| l.change)
        .chain(own.iter().flat_map(|(_, c)| c.iter().copied()));
    let material = changes
        .clone()
        .filter(|c| c.class() == Class::Material)
        .count();
    let editorial = changes.count() - material;
    let mut head = format!("{MARKDOWN_MARKER}\n");
    let title = pick(
        lang,
        "Tietosuojaselosteiden muutokset",
        "Ändringar i dataskyddsbeskrivningarna",
        "Privacy notice changes",
    );
    let _ = writeln!(head, "### {title}\n");
    let counts = totals(sites.len(), options.total_sites, material, editorial, lang);
    let _ = writeln!(head, "**{counts}**\n");
    if !sites.is_empty() {
        release::release_lines(&mut head, sites, options, material > 0);
    }
    let mut blocks = Vec::new();
    let mut files: Vec<&str> = layers.iter().map(|l| l.file).collect();
    files.dedup();
    for (i, file) in files.into_iter().enumerate() {
        let in_file: Vec<&LayerChange<'_>> = layers.iter().filter(|l| l.file == file).collect();
        let mut block = String::new();
        if i == 0 {
            let heading = pick(
                lang,
                "Muutokset jaetuissa kerroksissa",
                "Ändringar i delade lager",
                "Changes in shared layers",
            );
            let _ = writeln!(block, "### {heading}\n");
        }
        block.push_str(&layer_block(file, &in_file, options));
        blocks.push((Block::Layer, block));
    }
    for (i, (site, changes)) in own.iter().enumerate() {
        let mut block = String::new();
        if i == 0 && !layers.is_empty() {
            let heading = pick(
                lang,
                "Muutokset selosteiden omissa tiedostoissa",
                "Ändringar i beskrivningarnas egna filer",
                "Changes in the sites' own files",
            );
            let _ = writeln!(block, "### {heading}\n");
        }
        block.push_str(&site_block(site, changes, options));
        blocks.push((Block::Site, block));
    }
    fit(head, blocks, options)
}

#[derive(Clone, Copy, PartialEq)]
enum Block {
    Layer,
    Site,
}

/// Joins `head` and as many whole `blocks` as fit in `max_chars`, then a note on the rest.
fn fit(mut out: String, blocks: Vec<(Block, String)>, options: &CommentOptions<'_>) -> String {
    let total: usize = out.len() + blocks.iter().map(|(_, b)| b.len()).sum::<usize>();
    let limit = options.max_chars.unwrap_or(usize::MAX);
    if total <= limit {
        blocks.iter().for_each(|(_, block)| out.push_str(block));
        return out;
    }
    let budget = limit.saturating_sub(NOTE_ROOM);
    let mut left_out = (0, 0);
    for (kind, block) in &blocks {
        let skipped = left_out != (0, 0);
        if !skipped && out.len() + block.len() <= budget {
            out.push_str(block);
        } else if *kind == Block::Layer {
            left_out.0 += 1;
        } else {
            left_out.1 += 1;
        }
    }
    let note = truncation_note(left_out, options);
    let _ = writeln!(out, "> [!NOTE]\n> {}", md_escape(&note));
    if out.len() > limit {
        // Only a limit smaller than the head itself gets here: cut at a line, never mid-word.
        let cut = out[..limit].rfind('\n').unwrap_or(0);
        out.truncate(cut + 1);
    }
    out
}

fn truncation_note((layers, sites): (usize, usize), options: &CommentOptions<'_>) -> String {
    let place = options.full_report;
    match options.lang {
        Lang::Fi => format!(
            "Kommentista jätettiin pois GitHubin kokorajoituksen vuoksi selosteita {sites} ja kerroksia {layers}. Koko raportti: {place}."
        ),
        Lang::Sv => format!(
            "På grund av GitHubs storleksgräns utelämnades {sites} beskrivningar och {layers} lager ur kommentaren. Hela rapporten: {place}."
        ),
        Lang::En => format!(
            "Left out to fit GitHub's comment size limit: {sites} site(s) and {layers} layer file(s). The full report: {place}."
        ),
    }
}

fn totals(changed: usize, total: usize, material: usize, editorial: usize, lang: Lang) -> String {
    match lang {
        Lang::Fi => format!(
            "Muuttuneita selosteita {changed}/{total}; olennaisia muutoksia {material}, toimituksellisia {editorial}"
        ),
        Lang::Sv => format!(
            "{changed} av {total} beskrivningar ändrades; {material} {}, {editorial} {}",
            if material == 1 {
                "väsentlig ändring"
            } else {
                "väsentliga ändringar"
            },
            if editorial == 1 {
                "redaktionell"
            } else {
                "redaktionella"
            }
        ),
        Lang::En => format!(
            "{changed} of {total} {} changed; {material} material {}, {editorial} editorial",
            if total == 1 { "site" } else { "sites" },
            if material == 1 { "change" } else { "changes" }
        ),
    }
}

fn layer_block(file: &str, changes: &[&LayerChange<'_>], options: &CommentOptions<'_>) -> String {
    let lang = options.lang;
    let mut out = String::new();
    // A code span shows its text as is: only a backtick or a line break could leave it.
    let file = file.replace(['`', '\n', '\r'], "");
    let _ = writeln!(out, "#### `{file}`\n");
    let mut current = None;
    for layer in changes {
        class_heading(&mut out, &mut current, layer.change.class(), lang);
        change_lines(&mut out, layer.change, lang, layer.primary, None);
        let affects = pick(
            lang,
            "Koskee selosteita",
            "Gäller beskrivningarna",
            "Affects these sites",
        );
        let names: Vec<String> = layer
            .sites
            .iter()
            .map(|site| site_name(site, options))
            .collect();
        let count = names.len();
        if count <= OPEN_SITE_LIST {
            let _ = writeln!(out, "  - {affects} ({count}): {}", names.join(", "));
        } else {
            let _ = writeln!(
                out,
                "  - <details><summary>{affects} ({count})</summary>\n\n    {}\n\n    </details>",
                names.join(", ")
            );
        }
    }
    out.push('\n');
    out
}

/// A site's name, linked to its published page when the project has a `base_url`.
fn site_name(site: &str, options: &CommentOptions<'_>) -> String {
    match options.base_url {
        Some(base) => format!(
            "[{}](<{}/{site}/>)",
            md_escape(site),
            base.trim_end_matches('/')
        ),
        None => md_escape(site),
    }
}

fn site_block(site: &SiteDiff, changes: &[&Change], options: &CommentOptions<'_>) -> String {
    let lang = options.lang;
    let primary = site.languages[0];
    let material = changes
        .iter()
        .filter(|c| c.class() == Class::Material)
        .count();
    let open = if site.status == SiteStatus::Added || material > 0 {
        " open"
    } else {
        ""
    };
    let mut out = format!("<details{open}>\n");
    let heading = super::report::site_heading_counts(site.status, changes.len(), material, lang);
    let _ = writeln!(
        out,
        "<summary><strong>{}</strong>: {}</summary>\n",
        md_escape(&site.site),
        md_escape(&heading)
    );
    let mut current = None;
    for change in changes {
        class_heading(&mut out, &mut current, change.class(), lang);
        let link = options
            .base_url
            .zip(change.section.anchor())
            .map(|(base, anchor)| {
                let lang_dir = if lang != primary && site.languages.contains(&lang) {
                    format!("{lang}/")
                } else {
                    String::new()
                };
                format!(
                    "{}/{}/{lang_dir}#{anchor}",
                    base.trim_end_matches('/'),
                    site.site
                )
            });
        change_lines(&mut out, change, lang, primary, link);
    }
    out.push_str("\n</details>\n\n");
    out
}

fn class_heading(out: &mut String, current: &mut Option<Class>, class: Class, lang: Lang) {
    if *current != Some(class) {
        *current = Some(class);
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
        let _ = writeln!(out, "**{}**\n", phrases::class(class, lang));
    }
}

/// One change: its summary and reason, with its anchor (a link to the page when `link` is
/// given), its values before and after, and its word diffs.
fn change_lines(
    out: &mut String,
    change: &Change,
    lang: Lang,
    primary: Lang,
    link: Option<String>,
) {
    let anchor = match (change.section.anchor(), link) {
        (Some(anchor), Some(url)) => format!(" · [`#{anchor}`](<{url}>)"),
        (Some(anchor), None) => format!(" · `#{anchor}`"),
        (None, _) => String::new(),
    };
    let _ = writeln!(
        out,
        "- {} — {}{anchor}",
        md_escape(&summary(change, lang, primary)),
        md_escape(phrases::reason(change.reason, lang))
    );
    if let Some(line) = phrases::before_after(change, lang) {
        let _ = writeln!(out, "  - {}", md_escape(&line));
    }
    for words in &change.words {
        let tag = words
            .lang
            .map(|l| format!("\\[{l}\\] "))
            .unwrap_or_default();
        let diff = inline_words(
            &words.segments,
            "<del>",
            "</del>",
            "<ins>",
            "</ins>",
            md_escape,
        );
        let _ = writeln!(out, "  - {tag}{diff}");
    }
}

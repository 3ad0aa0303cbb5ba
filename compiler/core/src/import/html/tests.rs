use super::furniture::cloudflare_email;
use super::*;

fn blocks(input: &str) -> Vec<(BlockKind, String)> {
    read_html(input)
        .blocks
        .into_iter()
        .map(|block| (block.kind, block.text))
        .collect()
}

fn texts(input: &str) -> Vec<String> {
    blocks(input).into_iter().map(|(_, text)| text).collect()
}

#[test]
fn main_content_is_chosen_and_page_furniture_dropped() {
    let page = r##"<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>
<a class="skip-link screen-reader-text" href="#content">Siirry sisältöön</a>
<header id="masthead"><p class="site-title">Kauneushoitola Helmi</p><nav><ul><li>Etusivu</li></ul></nav></header>
<div id="cookie-notice"><p>Käytämme evästeitä.</p><button>OK</button></div>
<main id="main"><article>
<header class="entry-header"><h1 class="entry-title">Tietosuojaseloste</h1></header>
<div class="entry-content"><p>Teksti.</p>
<div class="sfsi_widget"><p>Wordpress Social Share Plugin powered by Ultimatelysocial</p></div>
<script>var x = "<p>no</p>";</script><noscript><img alt="fbpx" src="x"></noscript>
<form><label>Hae</label></form><a href="#top">Takaisin ylös</a></div>
<footer class="entry-footer">Kategoriat</footer></article></main>
<aside>Viimeisimmät</aside><footer>© 2024</footer></body></html>"##;
    assert_eq!(texts(page), ["Tietosuojaseloste", "Teksti."]);
}

#[test]
fn without_main_the_body_is_read_without_its_site_header() {
    let page = "<html><body><header><h1>Site</h1></header><h2>Seloste</h2><p>a</p></body></html>";
    assert_eq!(texts(page), ["Seloste", "a"]);
}

#[test]
fn wordpress_entry_content_is_found_without_main_or_article() {
    let page = r#"<body><div class="menu">Valikko</div><div class="entry-content"><p>Sisältö</p></div></body>"#;
    assert_eq!(texts(page), ["Sisältö"]);
}

#[test]
fn headings_lists_with_depth_and_labels() {
    let page = "<main><h2>1. Rekisterinpitäjä</h2><p><strong>Yhteyshenkilö</strong></p>\
        <ul><li>Nimi<ul><li>Etunimi</li></ul></li><li><p>Osoite</p></li></ul>\
        <p><strong>Peruste:</strong> sopimus</p></main>";
    assert_eq!(
        blocks(page),
        [
            (
                BlockKind::Heading { level: 2 },
                "1. Rekisterinpitäjä".to_string()
            ),
            (BlockKind::Heading { level: 3 }, "Yhteyshenkilö".to_string()),
            (BlockKind::ListItem { depth: 0 }, "Nimi".to_string()),
            (BlockKind::ListItem { depth: 1 }, "Etunimi".to_string()),
            (BlockKind::ListItem { depth: 0 }, "Osoite".to_string()),
            (BlockKind::Paragraph, "**Peruste:** sopimus".to_string()),
        ]
    );
}

#[test]
fn table_rows_have_their_cells() {
    let page = "<main><table><thead><tr><th>Tieto</th><th>Aika</th></tr></thead>\
        <tbody><tr><td><p>Nimi</p><p>Osoite</p></td><td>2 v</td></tr><tr><td></td><td></td></tr></tbody></table></main>";
    assert_eq!(
        blocks(page),
        [
            (
                BlockKind::TableRow {
                    cells: vec!["Tieto".into(), "Aika".into()]
                },
                "Tieto | Aika".to_string()
            ),
            (
                BlockKind::TableRow {
                    cells: vec!["Nimi\nOsoite".into(), "2 v".into()]
                },
                "Nimi\nOsoite | 2 v".to_string()
            ),
        ]
    );
}

#[test]
fn links_entities_whitespace_and_breaks() {
    let page = "<main><p>Katso  <a href=\"https://tietosuoja.fi/\">tietosuoja.fi</a>,\n \
        <a href=\"mailto:a@b.example\">a@b.example</a> &amp; <a href=\"/sivu\">sivu</a><br>\
        Puh. <a href=\"tel:+358501234567\">050&nbsp;123</a></p></main>";
    assert_eq!(
        texts(page),
        [
            "Katso [tietosuoja.fi](https://tietosuoja.fi/), [a@b.example](mailto:a@b.example) & sivu\nPuh. [050 123](tel:+358501234567)"
        ]
    );
}

#[test]
fn cloudflare_obfuscated_email_is_decoded() {
    // "tietosuoja@pikselitupa.example" XOR 0x42, as Cloudflare writes it.
    let encoded = encode("tietosuoja@pikselitupa.example", 0x42);
    let page = format!(
        "<main><p>Sähköposti: <a href=\"/cdn-cgi/l/email-protection#{encoded}\"><span class=\"__cf_email__\" data-cfemail=\"{encoded}\">[email&#160;protected]</span></a></p></main>"
    );
    assert_eq!(texts(&page), ["Sähköposti: tietosuoja@pikselitupa.example"]);
    // Without the attribute, the placeholder is kept as the page wrote it.
    let kept = "<main><p>Sähköposti: <span>[email&#160;protected]</span></p></main>";
    assert_eq!(texts(kept), ["Sähköposti: [email protected]"]);
    assert_eq!(cloudflare_email("zz"), None);
    assert_eq!(cloudflare_email(""), None);
}

fn encode(address: &str, key: u8) -> String {
    std::iter::once(key)
        .chain(address.bytes().map(|byte| byte ^ key))
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[test]
fn lines_are_the_source_lines_of_each_block() {
    let page = "<html>\n<body>\n<h1>Otsikko</h1>\n<p>Eka\nrivi</p>\n<ul>\n<li>a</li>\n</ul>\n</body></html>";
    let lines: Vec<_> = read_html(page)
        .blocks
        .into_iter()
        .map(|block| block.lines)
        .collect();
    assert_eq!(lines, [3..4, 4..6, 7..8]);
}

#[test]
fn deeply_nested_markup_keeps_its_text_without_exhausting_the_stack() {
    let depth = 5_000;
    let page = format!(
        "<main>{}<p>syvällä</p>{}<p>lopuksi</p></main>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert_eq!(texts(&page), ["syvällä", "lopuksi"]);
}

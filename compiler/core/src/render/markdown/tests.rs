//! Unit tests of Markdown rendering: allowed links, heading ids, escapes and the memo.

use super::*;

fn md(text: &str) -> Result<String, MarkdownError> {
    render(
        text,
        &Mutex::new(IdAllocator::default()),
        2,
        &Memo::default(),
    )
}

#[test]
fn raw_html_is_dropped() {
    let html = md("Hei <script>alert(1)</script> <b>x</b>").unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
}

#[test]
fn disallowed_links_and_images_are_errors() {
    assert!(md("[x](javascript:alert(1))").is_err());
    assert!(md("[x](ftp://example.com)").is_err());
    assert!(md("[x](/relative)").is_err());
    assert!(md("![logo](https://cdn.example/logo.png)").is_err());
    for ok in [
        "[a](https://a.example)",
        "[b](mailto:a@b.example)",
        "[c](tel:+358295666700)",
        "[d](#oikeudet)",
    ] {
        assert!(md(ok).is_ok(), "{ok}");
    }
}

#[test]
fn headings_get_unique_ascii_ids_below_the_section_level() {
    let ids = Mutex::new(IdAllocator::default());
    ids.lock().unwrap().reserve("evasteet");
    let html = render(
        "# Evästeet\n\n## Yhteydenotot ja sähköpostit\n\n## Yhteydenotot ja sähköpostit\n",
        &ids,
        2,
        &Memo::default(),
    )
    .unwrap();
    assert!(
        html.contains("<h3 id=\"evasteet-2\">Evästeet</h3>"),
        "{html}"
    );
    assert!(
        html.contains("<h4 id=\"yhteydenotot-ja-sahkopostit\">"),
        "{html}"
    );
    assert!(
        html.contains("<h4 id=\"yhteydenotot-ja-sahkopostit-2\">"),
        "{html}"
    );
}

#[test]
fn gfm_tables_and_autolinks() {
    let html = md("| a | b |\n|---|---|\n| 1 | 2 |\n\nSee www.example.com").unwrap();
    assert!(html.contains("<table>"), "{html}");
    assert!(html.contains("href=\"http://www.example.com\""), "{html}");
}

#[test]
fn toml_code_is_highlighted_with_classes_only() {
    let html = md("```toml\n[controller]\nname = \"Oy\" # x\n```\n").unwrap();
    assert!(
        html.contains("<pre class=\"code\"><code class=\"language-toml\">"),
        "{html}"
    );
    assert!(html.contains("class=\"hl-"), "{html}");
    assert!(!html.contains("style="), "{html}");
}

#[test]
fn link_urls_include_autolinks() {
    assert_eq!(
        link_urls("[a](#oikeudet), www.example.fi and <mailto:a@b.fi>; ![i](x.png)"),
        ["#oikeudet", "http://www.example.fi", "mailto:a@b.fi"]
    );
}

#[test]
fn plain_sentences_skip_the_parser_with_the_same_html() {
    let comrak = |text: &str| {
        render_with_comrak(text, &Mutex::new(IdAllocator::default()), 2)
            .unwrap()
            .html
    };
    for plain in [
        "Asiakas itse",
        "Kaksi vuotta asiakassuhteen päättymisestä.",
        "Six years from the end of the financial year (Accounting Act).",
        "The controller's legitimate interest: keeping the website secure, 100 % of the time.",
        "Ääni – ja kuva/ääni; 13 kk?",
    ] {
        assert_eq!(plain_paragraph(plain), Some(comrak(plain)), "{plain}");
    }
    for syntax in [
        "12. joulukuuta",
        "- lista",
        "*tärkeä*",
        "a_b_c",
        "Katso www.example.fi",
        "Katso https://example.fi",
        "a@b.fi",
        "A & B",
        "Sano \"hei\"",
        "rivi\ntoinen",
        "kaksi  väliä",
        "loppuväli ",
        "# Otsikko",
        "a | b",
        "~~pois~~",
        "<b>x</b>",
        "x\\y",
        "[linkki](#oikeudet)",
        "",
    ] {
        assert_eq!(plain_paragraph(syntax), None, "{syntax}");
    }
}

#[test]
fn inline_rendering_drops_the_paragraph() {
    let ids = Mutex::new(IdAllocator::default());
    assert_eq!(
        render_inline("13 kk *ensimmäisestä*", &ids, &Memo::default()).unwrap(),
        "13 kk <em>ensimmäisestä</em>"
    );
}

#[test]
fn the_memo_gives_what_rendering_gives_and_never_keeps_headings() {
    let memo = Memo::default();
    let page = || Mutex::new(IdAllocator::default());
    let list = "- **nimi**\n- sähköposti\n";
    let first = render(list, &page(), 2, &memo).unwrap();
    assert_eq!(memo.get(list).as_deref(), Some(first.as_str()));
    assert_eq!(render(list, &page(), 2, &memo).unwrap(), first);

    let heading = "## Evästeet\n\nTeksti *tässä*.";
    let ids = page();
    let once = render(heading, &ids, 2, &memo).unwrap();
    assert_eq!(memo.get(heading), None);
    let twice = render(heading, &ids, 2, &memo).unwrap();
    assert!(once.contains("id=\"evasteet\""), "{once}");
    assert!(
        twice.contains("id=\"evasteet-2\""),
        "the page's ids: {twice}"
    );

    for i in 0..Memo::CAPACITY + 10 {
        render(&format!("*{i}*"), &page(), 2, &memo).unwrap();
    }
    assert_eq!(memo.kept.lock().unwrap().html.len(), Memo::CAPACITY);
}

#[test]
fn the_memo_keeps_at_most_its_budget_of_bytes() {
    let memo = Memo::default();
    let page = || Mutex::new(IdAllocator::default());
    // Texts of 200 KiB: the budget holds a few dozen, not a copy of each.
    let long = |i: usize| format!("*{i}* {}", "sana ".repeat(40 * 1024));
    for i in 0..200 {
        render(&long(i), &page(), 2, &memo).unwrap();
    }
    let kept = memo.kept.lock().unwrap();
    assert!(kept.bytes <= Memo::BUDGET, "{} bytes kept", kept.bytes);
    assert!(kept.html.len() < 200 && !kept.html.is_empty());
}

#[test]
fn a_huge_markdown_text_is_refused_before_it_is_parsed() {
    let at_limit = format!("*a* {}", "b".repeat(MAX_TEXT_BYTES - 4));
    assert!(md(&at_limit).is_ok());
    let over = format!("{at_limit}c");
    let err = md(&over).unwrap_err();
    assert_eq!(
        err.message,
        "this text is 257 KiB of Markdown, more than the 256 KiB a text may have"
    );
    assert!(err.help.contains("[[sections]]"), "{}", err.help);
    assert_eq!(
        link_urls(&format!("[x](https://a.example) {over}")),
        Vec::<String>::new()
    );
}

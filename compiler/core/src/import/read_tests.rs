use std::path::{Path, PathBuf};

use super::*;
use crate::error::FailureKind;
use crate::import::document::{Block, BlockKind};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name)
}

/// The failure's kind and its one diagnostic's message and help.
fn refusal(path: &Path) -> (FailureKind, String, String) {
    let failure = read_document(path).expect_err("refused");
    let diagnostic = &failure.diagnostics[0];
    let rendered = failure.to_string();
    let help = rendered
        .lines()
        .find(|l| l.contains("help:"))
        .unwrap_or("")
        .to_string();
    (failure.kind, diagnostic.message.clone(), help)
}

#[test]
fn missing_file_is_no_input_66() {
    let dir = tempfile::tempdir().unwrap();
    let (kind, message, help) = refusal(&dir.path().join("seloste.docx"));
    assert_eq!((kind, kind.exit_code()), (FailureKind::NoInput, 66));
    assert_eq!(message, "no such file");
    assert!(help.contains("check the path"), "{help}");
    let (kind, message, _) = refusal(dir.path());
    assert_eq!(
        (kind, message.as_str()),
        (FailureKind::NoInput, "this is a directory, not a file")
    );
}

#[test]
fn unreadable_path_is_io_74() {
    // A path through a file: the system cannot open it (ENOTDIR), which is not "missing".
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file.txt");
    std::fs::write(&file, "x").unwrap();
    let (kind, message, _) = refusal(&file.join("inside.txt"));
    assert_eq!((kind, kind.exit_code()), (FailureKind::Io, 74));
    assert!(message.starts_with("cannot read the file:"), "{message}");
}

#[test]
fn empty_and_blank_files_are_refused() {
    let (kind, message, help) = refusal(&fixture("empty.txt"));
    assert_eq!(
        (kind, message.as_str()),
        (FailureKind::Data, "the file is empty")
    );
    assert!(help.contains(".txt, .md, .html or .docx"), "{help}");
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.html");
    std::fs::write(&blank, " \n\t\r\n").unwrap();
    assert_eq!(refusal(&blank).1, "the file is empty");
}

#[test]
fn binary_junk_is_refused() {
    let (kind, message, _) = refusal(&fixture("binary-junk.bin"));
    assert_eq!(kind, FailureKind::Data);
    assert_eq!(
        message,
        "the file is binary data, not text, HTML or a Word document"
    );
    // Text with a NUL in it is binary too, whatever its name.
    let dir = tempfile::tempdir().unwrap();
    let nul = dir.path().join("notice.txt");
    std::fs::write(&nul, b"Rekisterinpit\xc3\xa4j\xc3\xa4\0\0\0").unwrap();
    assert_eq!(refusal(&nul).1, message);
}

#[test]
fn a_50_mb_file_is_refused_quickly_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.txt");
    // Sparse: 50 MB that take no disk and no time to make.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let started = std::time::Instant::now();
    let (kind, message, _) = refusal(&big);
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert_eq!(kind, FailureKind::Data);
    assert_eq!(
        message,
        "the file is over 10 MB, far more than a privacy notice"
    );
}

#[test]
fn a_renamed_zip_of_something_else_is_not_a_word_document() {
    let (kind, message, help) = refusal(&fixture("renamed-zip.docx"));
    assert_eq!(kind, FailureKind::Data);
    assert_eq!(
        message,
        "this ZIP archive is not a Word document: it has no word/document.xml"
    );
    assert!(help.contains("as .docx"), "{help}");
}

#[test]
fn a_corrupt_zip_is_refused() {
    let (kind, message, help) = refusal(&fixture("corrupt.docx"));
    assert_eq!(kind, FailureKind::Data);
    assert!(
        message.starts_with("the file is a damaged ZIP archive, not a readable Word document"),
        "{message}"
    );
    assert!(help.contains("save it again"), "{help}");
}

#[test]
fn pdf_and_old_word_files_get_their_own_hint() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("seloste.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").unwrap();
    assert_eq!(
        refusal(&pdf).1,
        "the file is a PDF, which `notice import` does not read"
    );
    let doc = dir.path().join("seloste.doc");
    std::fs::write(&doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let (_, message, help) = refusal(&doc);
    assert_eq!(
        message,
        "the file is an old Word (.doc) or other Office binary document"
    );
    assert!(help.contains("save it as .docx"), "{help}");
}

fn read_bytes(name: &str, bytes: &[u8]) -> Document {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    read_document(&path).expect("reads")
}

#[test]
fn windows_1252_utf8_bom_and_utf16_are_decoded() {
    let latin = read_bytes("a.txt", b"Henkil\xf6tiedot \x96 rekisterinpit\xe4j\xe4");
    assert_eq!(latin.blocks[0].text, "Henkilötiedot – rekisterinpitäjä");
    // UTF-8 with a Windows-1252 paragraph pasted in: both read right.
    let mixed = read_bytes("m.txt", b"P\xc3\xa4ivitetty 1.2.2023. Henkil\xf6tiedot");
    assert_eq!(mixed.blocks[0].text, "Päivitetty 1.2.2023. Henkilötiedot");
    let bom = read_bytes("b.txt", "\u{feff}Päivitetty 1.2.2023".as_bytes());
    assert_eq!(bom.blocks[0].text, "Päivitetty 1.2.2023");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Tietosuoja".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(read_bytes("c.txt", &utf16).blocks[0].text, "Tietosuoja");
}

#[test]
fn format_is_found_by_content_first_and_extension_second() {
    let page = b"<!DOCTYPE html><html><body><main><h1>Seloste</h1></main></body></html>";
    assert_eq!(read_bytes("copied.txt", page).format, Format::Html);
    assert_eq!(
        read_bytes("s.html", b"<h2>Seloste</h2><p>a</p>").format,
        Format::Html
    );
    assert_eq!(
        read_bytes("s.md", b"Seloste\n\nteksti").format,
        Format::Markdown
    );
    assert_eq!(
        read_bytes("s.txt", b"## Rekisterinpitaja\n\nteksti").format,
        Format::Markdown
    );
    // A stray tag in copied text does not make it a page.
    assert_eq!(
        read_bytes("s.txt", b"Seloste <br> teksti").format,
        Format::Text
    );
    assert_eq!(
        read_bytes("s", b"1. Rekisterinpitaja\n").format,
        Format::Text
    );
    let docx = std::fs::read(fixture("seed-000.docx")).unwrap();
    assert_eq!(read_bytes("renamed.txt", &docx).format, Format::Docx);
}

#[test]
fn a_page_that_is_not_a_notice_still_reads() {
    // Whether a document is a notice at all is the importer's call, on its sections.
    let recipe = read_document(&fixture("recipe.html")).unwrap();
    assert_eq!(recipe.format, Format::Html);
    assert_eq!(recipe.blocks[0].text, "Mummon mustikkapiirakka");
    assert!(recipe.blocks.iter().all(|b| !b.text.contains("Etusivu")));
}

/// Block texts compared across formats: Markdown emphasis and links reduced to their text,
/// whitespace collapsed.
fn normalised(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find("](")
            .and_then(|mid| Some((mid, after[mid..].find(')')? + mid)))
        {
            Some((mid, close)) => {
                out.push_str(&after[..mid]);
                rest = &after[close + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace('*', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const PAGE_ARTEFACTS: &[&str] = &[
    "fbpx",
    "Wordpress Social Share Plugin powered by Ultimatelysocial",
];

/// The words of all blocks in order, without page artefacts and list numbers ("1."), which a
/// page generates and copied text spells out.
fn words(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|block| normalised(&block.text))
        .filter(|text| !PAGE_ARTEFACTS.contains(&text.as_str()))
        .flat_map(|text| text.split(' ').map(str::to_string).collect::<Vec<_>>())
        .filter(|word| !(word.ends_with('.') && word[..word.len() - 1].parse::<u32>().is_ok()))
        .collect()
}

fn kinds_and_texts(blocks: &[Block]) -> Vec<(BlockKind, String)> {
    blocks
        .iter()
        .map(|b| (b.kind.clone(), normalised(&b.text)))
        .collect()
}

#[test]
fn seeds_read_to_the_same_blocks_as_text_html_and_docx() {
    for seed in ["seed-000", "seed-001", "seed-002"] {
        let text = read_document(&fixture(&format!("{seed}.txt"))).unwrap();
        let html = read_document(&fixture(&format!("{seed}.html"))).unwrap();
        let docx = read_document(&fixture(&format!("{seed}.docx"))).unwrap();
        assert_eq!(
            (text.format, html.format, docx.format),
            (Format::Text, Format::Html, Format::Docx)
        );
        // The page and the Word document mark the same structure.
        assert_eq!(
            kinds_and_texts(&html.blocks),
            kinds_and_texts(&docx.blocks),
            "{seed}"
        );
        // And say, word for word, what the copied text says.
        assert_eq!(words(&text.blocks), words(&html.blocks), "{seed}");
        // Every section is marked: a heading, or a bold label opening its paragraph.
        let sections = html
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading { .. }) || b.text.starts_with("**"));
        assert!(sections.count() >= 9, "{seed}: sections");
    }
}

#[test]
fn seed_000_html_recovers_the_cloudflare_hidden_address_and_drops_the_page() {
    let html = read_document(&fixture("seed-000.html")).unwrap();
    let all: Vec<&str> = html.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(
        all.contains(&"Pikselitupa Digital\nSähköposti: tietosuoja@pikselitupa.example"),
        "{all:#?}"
    );
    for furniture in [
        "Etusivu",
        "evästeitä parantaaksemme",
        "Jaa tämä",
        "Muokkaa",
        "Uusimmat",
        "Takaisin ylös",
        "Siirry sisältöön",
        "© 2025",
    ] {
        assert!(
            all.iter().all(|text| !text.contains(furniture)),
            "{furniture}"
        );
    }
    let docx = read_document(&fixture("seed-000.docx")).unwrap();
    let email = docx
        .blocks
        .iter()
        .find(|b| b.text.contains("Sähköposti"))
        .unwrap();
    assert_eq!(
        email.text,
        "Pikselitupa Digital\nSähköposti: [tietosuoja@pikselitupa.example](mailto:tietosuoja@pikselitupa.example)"
    );
}

#[test]
fn truncated_and_damaged_inputs_never_panic() {
    let docx = std::fs::read(fixture("seed-002.docx")).unwrap();
    for cut in (0..docx.len()).step_by(401) {
        let _ = docx::read_docx(&docx[..cut], "cut.docx");
        let mut flipped = docx.clone();
        flipped[cut] ^= 0x55;
        let _ = docx::read_docx(&flipped, "flipped.docx");
    }
    let page = std::fs::read_to_string(fixture("seed-002.html")).unwrap();
    for cut in (0..page.len())
        .filter(|&i| page.is_char_boundary(i))
        .step_by(149)
    {
        let _ = html::read_html(&page[..cut]);
    }
}

#[test]
fn seed_lines_point_into_the_source() {
    let html = read_document(&fixture("seed-000.html")).unwrap();
    let first: Vec<_> = html
        .blocks
        .iter()
        .take(4)
        .map(|b| b.lines.clone())
        .collect();
    let docx = read_document(&fixture("seed-000.docx")).unwrap();
    let paragraphs: Vec<_> = docx
        .blocks
        .iter()
        .take(4)
        .map(|b| b.lines.clone())
        .collect();
    // The page's title is on line 26, the notice's paragraphs follow; Word counts paragraphs.
    assert_eq!(first, [26..27, 28..29, 29..30, 30..32]);
    assert_eq!(paragraphs, [1..2, 2..3, 3..4, 4..5]);
}

#[test]
fn a_page_nested_past_any_real_one_is_refused_quickly() {
    let depth = 200_000;
    let page = format!(
        "<html><body>{}x{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.html");
    std::fs::write(&path, page).unwrap();
    let started = std::time::Instant::now();
    let (kind, message, _) = refusal(&path);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(kind, FailureKind::Data);
    assert_eq!(
        message,
        "the page nests its elements more than 2000 deep, which no real page does"
    );
    // Unclosed paragraphs and list items, as old pages leave them, are not nesting.
    let old = format!(
        "<html><body><ul>{}</ul></body></html>",
        "<li><p>kohta".repeat(5000)
    );
    assert!(html::nesting(&old) < 10);
}

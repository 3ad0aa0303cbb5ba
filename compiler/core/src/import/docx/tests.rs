use std::io::Write;

use zip::write::SimpleFileOptions;

use super::*;
use crate::error::FailureKind;
use crate::import::document::BlockKind;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// A ZIP archive of `parts`, deflated as Word writes them.
pub(crate) fn archive(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        writer.start_file(*name, options).expect("start part");
        writer.write_all(bytes).expect("write part");
    }
    writer.finish().expect("finish archive").into_inner()
}

fn document(body: &str, styles: Option<&str>, rels: Option<&str>) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let styles = styles.map(|s| format!(r#"<w:styles {W}>{s}</w:styles>"#));
    let rels = rels.map(|r| format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{r}</Relationships>"#));
    let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", xml.as_bytes())];
    if let Some(styles) = &styles {
        parts.push(("word/styles.xml", styles.as_bytes()));
    }
    if let Some(rels) = &rels {
        parts.push(("word/_rels/document.xml.rels", rels.as_bytes()));
    }
    archive(&parts)
}

fn blocks(body: &str, styles: Option<&str>, rels: Option<&str>) -> Vec<(BlockKind, String)> {
    read_docx(&document(body, styles, rels), "notice.docx")
        .expect("reads")
        .blocks
        .into_iter()
        .map(|block| (block.kind, block.text))
        .collect()
}

fn p(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

#[test]
fn headings_by_style_name_also_localized_and_based_on() {
    let styles = r#"<w:style w:type="paragraph" w:styleId="Otsikko"><w:name w:val="Title"/></w:style>
        <w:style w:type="paragraph" w:styleId="Otsikko1"><w:name w:val="heading 1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Oma"><w:name w:val="Oma otsikko"/><w:basedOn w:val="Otsikko1"/></w:style>"#;
    let body = [
        p("Otsikko", "Tietosuojaseloste"),
        p("Otsikko1", "1. Rekisterinpitäjä"),
        p("Rubrik2", "Kontaktperson"),
        p("Oma", "Oikeudet"),
        p("Heading3", "Without styles.xml entry"),
    ]
    .concat();
    assert_eq!(
        blocks(&body, Some(styles), None),
        [
            (BlockKind::Heading { level: 1 }, "Tietosuojaseloste".into()),
            (
                BlockKind::Heading { level: 2 },
                "1. Rekisterinpitäjä".into()
            ),
            (BlockKind::Heading { level: 3 }, "Kontaktperson".into()),
            (BlockKind::Heading { level: 2 }, "Oikeudet".into()),
            (
                BlockKind::Heading { level: 4 },
                "Without styles.xml entry".into()
            ),
        ]
    );
}

#[test]
fn numbering_and_list_styles_make_list_items_with_depth() {
    let styles = r#"<w:style w:type="paragraph" w:styleId="Luettelokappale"><w:name w:val="List Paragraph"/></w:style>"#;
    let body = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Nimi</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Etunimi</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Luettelokappale"/></w:pPr><w:r><w:t>Osoite</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Luettelokappale"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Ei luettelo</w:t></w:r></w:p>"#;
    assert_eq!(
        blocks(body, Some(styles), None),
        [
            (BlockKind::ListItem { depth: 0 }, "Nimi".into()),
            (BlockKind::ListItem { depth: 1 }, "Etunimi".into()),
            (BlockKind::ListItem { depth: 0 }, "Osoite".into()),
            (BlockKind::Paragraph, "Ei luettelo".into()),
        ]
    );
}

#[test]
fn tables_become_rows_counted_in_paragraphs() {
    let body = r#"<w:p><w:r><w:t>Ennen</w:t></w:r></w:p><w:tbl><w:tblPr/>
        <w:tr><w:tc><w:p><w:r><w:t>Tieto</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Aika</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>Nimi</w:t></w:r></w:p><w:p><w:r><w:t>Osoite</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
        </w:tbl>"#;
    let read = read_docx(&document(body, None, None), "t.docx").expect("reads");
    let rows: Vec<_> = read
        .blocks
        .iter()
        .map(|b| (b.kind.clone(), b.lines.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            (BlockKind::Paragraph, 1..2),
            (
                BlockKind::TableRow {
                    cells: vec!["Tieto".into(), "Aika".into()]
                },
                2..4
            ),
            (
                BlockKind::TableRow {
                    cells: vec!["Nimi\nOsoite".into(), String::new()]
                },
                4..7
            ),
        ]
    );
}

#[test]
fn hyperlinks_tabs_breaks_and_bold_runs() {
    let rels = r#"<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://tietosuoja.fi/" TargetMode="External"/>"#;
    let body = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Valvova </w:t></w:r><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>viranomainen:</w:t></w:r>
        <w:r><w:t xml:space="preserve"> </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>tietosuoja.fi</w:t></w:r></w:hyperlink>
        <w:r><w:br/><w:t>Nimi</w:t><w:tab/><w:t>Puh &amp; 1</w:t></w:r><w:r><w:delText>poistettu</w:delText></w:r></w:p>
        <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Rekisterin nimi</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Ei lihava</w:t></w:r></w:p>"#;
    assert_eq!(
        blocks(body, None, Some(rels)),
        [
            (
                BlockKind::Paragraph,
                "**Valvova viranomainen:** [tietosuoja.fi](https://tietosuoja.fi/)\nNimi\tPuh & 1"
                    .into()
            ),
            (BlockKind::Heading { level: 3 }, "Rekisterin nimi".into()),
            (BlockKind::Paragraph, "Ei lihava".into()),
        ]
    );
}

#[test]
fn a_zip_bomb_is_refused_at_the_limit() {
    // 2 MB of zeros deflate to a few kilobytes; with a 1 MB limit this is the bomb in small.
    let zeros = vec![b'0'; 2 * 1024 * 1024];
    let bomb = archive(&[("word/document.xml", &zeros)]);
    assert!(bomb.len() < 20_000);
    let failure = read_docx_within(&bomb, "bomb.docx", 1024 * 1024).expect_err("refused");
    assert_eq!(failure.kind, FailureKind::Data);
    assert_eq!(
        failure.diagnostics[0].message,
        "word/document.xml would unpack to more than 1 MB, far more than a privacy notice"
    );
}

#[test]
fn malformed_document_xml_is_refused() {
    let broken = archive(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
    let failure = read_docx(&broken, "broken.docx").expect_err("refused");
    assert_eq!(failure.kind, FailureKind::Data);
    let message = &failure.diagnostics[0].message;
    assert!(
        message.starts_with("word/document.xml in this Word document is not well-formed XML"),
        "{message}"
    );
}

#[test]
fn hyperlink_fields_link_their_shown_text() {
    let body = r#"<w:p><w:r><w:t xml:space="preserve">Lue </w:t></w:r>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://tietosuoja.fi/" </w:instrText></w:r>
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>tietosuoja.fi</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
        <w:r><w:t xml:space="preserve"> ja </w:t></w:r>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    assert_eq!(
        blocks(body, None, None),
        [(
            BlockKind::Paragraph,
            "Lue [tietosuoja.fi](https://tietosuoja.fi/) ja 3".into()
        )]
    );
}

//! Word (`.docx`) into a [`Document`]: the ZIP archive opened with `zip`, its XML parts read
//! with `quick-xml`. Headings come from paragraph styles (resolved through `styles.xml`, so a
//! Finnish Word's "Otsikko1" is the heading it is), list items from numbering, rows from
//! tables, links from the document's relationships.

mod body;
mod styles;

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::document::{Document, Format};
use super::read::refuse;
use crate::error::Failure;

/// The most `word/document.xml` may unpack to: some hundred times a long notice's, and a limit
/// on what a ZIP bomb (a small file inflating to gigabytes) can make the importer allocate.
const MAX_DOCUMENT_XML: u64 = 32 * 1024 * 1024;

/// The most the styles and relationships parts may unpack to.
const MAX_PART: u64 = 4 * 1024 * 1024;

/// Reads a `.docx` file's bytes; `shown` names the file in errors.
pub(crate) fn read_docx(bytes: &[u8], shown: &str) -> Result<Document, Failure> {
    read_docx_within(bytes, shown, MAX_DOCUMENT_XML)
}

/// [`read_docx`] with the limit on `word/document.xml` given, for tests.
fn read_docx_within(bytes: &[u8], shown: &str, limit: u64) -> Result<Document, Failure> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|err| corrupt(shown, &err))?;
    let Some(document) = part(&mut archive, "word/document.xml", limit, shown)? else {
        return Err(refuse(
            shown,
            "this ZIP archive is not a Word document: it has no word/document.xml",
            "save the notice from Word or LibreOffice as .docx (an .odt, .xlsx or other archive will not do)",
        ));
    };
    let styles = match part(&mut archive, "word/styles.xml", MAX_PART, shown)? {
        Some(xml) => styles::Styles::parse(&xml).map_err(|err| bad_xml(shown, "styles", &err))?,
        None => styles::Styles::default(),
    };
    let links = match part(
        &mut archive,
        "word/_rels/document.xml.rels",
        MAX_PART,
        shown,
    )? {
        Some(xml) => {
            styles::links(&xml).map_err(|err| bad_xml(shown, "_rels/document.xml", &err))?
        }
        None => Default::default(),
    };
    let blocks =
        body::read(&document, &styles, &links).map_err(|err| bad_xml(shown, "document", &err))?;
    Ok(Document {
        format: Format::Docx,
        blocks,
    })
}

/// One part of the archive as text, None when the archive has no such part. Refuses a part
/// that would unpack to more than `limit` bytes, whatever its header claims.
fn part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
    shown: &str,
) -> Result<Option<String>, Failure> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(err) => return Err(corrupt(shown, &err)),
    };
    if file.size() > limit {
        return Err(bomb(shown, name, limit));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| corrupt(shown, &ZipError::Io(err)))?;
    if bytes.len() as u64 > limit {
        return Err(bomb(shown, name, limit));
    }
    String::from_utf8(bytes).map(Some).map_err(|_| {
        refuse(
            shown,
            &format!("{name} in this Word document is not UTF-8 XML"),
            "open the document in Word or LibreOffice and save it again as .docx",
        )
    })
}

fn corrupt(shown: &str, err: &ZipError) -> Failure {
    refuse(
        shown,
        &format!("the file is a damaged ZIP archive, not a readable Word document ({err})"),
        "open the document in Word or LibreOffice and save it again as .docx",
    )
}

fn bomb(shown: &str, name: &str, limit: u64) -> Failure {
    refuse(
        shown,
        &format!(
            "{name} would unpack to more than {} MB, far more than a privacy notice",
            limit / (1024 * 1024)
        ),
        "save the notice alone as a new .docx (or as .txt) and import that",
    )
}

fn bad_xml(shown: &str, part: &str, err: &quick_xml::Error) -> Failure {
    refuse(
        shown,
        &format!("word/{part}.xml in this Word document is not well-formed XML ({err})"),
        "open the document in Word or LibreOffice and save it again as .docx",
    )
}

#[cfg(test)]
mod tests;

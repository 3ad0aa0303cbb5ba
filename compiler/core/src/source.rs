//! Source files and their parsed TOML trees, where every key and value remembers the file:line:col it came from.

use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

use indexmap::IndexMap;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;
use crate::error::Failure;
pub use crate::origin::{Origin, SourceFile, display_path};

/// A TOML value with its origin. Merging layers keeps each value's own origin.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    /// Kept as its TOML text (e.g. `2025-12-01`); the model validates what it needs.
    Datetime(String),
    Array(Vec<Node>),
    Table(Table),
}

impl Value {
    /// The TOML type name, for "expected …, found …" messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer(_) => "integer",
            Value::Float(_) => "float",
            Value::Boolean(_) => "boolean",
            Value::Datetime(_) => "date",
            Value::Array(_) => "array",
            Value::Table(_) => "table",
        }
    }
}

/// A table keeps its keys in source order; merged tables keep the order keys first appeared in.
pub type Table = IndexMap<String, Entry>;

/// A key with its own origin, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key_origin: Origin,
    pub node: Node,
}

impl Node {
    pub fn as_table(&self) -> Option<&Table> {
        match &self.value {
            Value::Table(table) => Some(table),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// The largest source file (and template) read, in bytes: 10 MB. A privacy notice is a few
/// kilobytes; the limit keeps a stray huge file from costing memory a hundred times its size.
pub const MAX_SOURCE_BYTES: u64 = 10_000_000;

/// Reads a file for parsing: UTF-8 text of at most [`MAX_SOURCE_BYTES`]. I/O failures are
/// reported with the path (exit 74); a file too large or not UTF-8 is bad data (exit 65), at
/// the first byte that is not UTF-8.
pub fn read(path: &Path, display: String) -> Result<Arc<SourceFile>, Failure> {
    let io = |err: std::io::Error| {
        Failure::io(Diagnostic::error(format!("cannot read file: {err}")).at_path(display.clone()))
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let too_large = |size: u64| -> Failure {
        Diagnostic::error(format!(
            "file is too large: {size} bytes, over the limit of {MAX_SOURCE_BYTES} (10 MB)"
        ))
        .at_path(display.clone())
        .help("a notice's sources are a few kilobytes: split the file, or remove what is not notice text")
        .into()
    };
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_SOURCE_BYTES {
        return Err(too_large(size));
    }
    // The length can change between the check and the read: never read more than the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    decode(display, bytes).map_err(Failure::from)
}

/// The file's text, or an error at the first byte that makes it something other than UTF-8
/// text: an invalid sequence, or the byte-order mark or NUL bytes of UTF-16 and UTF-32.
fn decode(display: String, bytes: Vec<u8>) -> Result<Arc<SourceFile>, Diagnostic> {
    const HELP: &str = "save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)";
    let wide = [
        (&[0x00, 0x00, 0xfe, 0xff][..], "UTF-32"),
        (&[0xff, 0xfe, 0x00, 0x00][..], "UTF-32"),
        (&[0xfe, 0xff][..], "UTF-16"),
        (&[0xff, 0xfe][..], "UTF-16"),
    ];
    if let Some((_, encoding)) = wide.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        // Its text cannot be shown as UTF-8: the diagnostic quotes an empty line.
        let file = SourceFile::new(display, String::new());
        return Err(Diagnostic::error(format!("file is {encoding}, not UTF-8"))
            .at(&Origin::new(&file, 0..0))
            .help(HELP));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let byte = err.as_bytes()[at];
            // The valid prefix is kept as it is, so line and column of `at` are exact; the bad
            // sequence becomes one U+FFFD (3 bytes) in the quoted line.
            let file = SourceFile::new(display, String::from_utf8_lossy(err.as_bytes()).into());
            return Err(Diagnostic::error(format!(
                "file is not UTF-8: byte 0x{byte:02X} is not text"
            ))
            .at(&Origin::new(&file, at..at + '\u{fffd}'.len_utf8()))
            .help(HELP));
        }
    };
    let nul = text.find('\0');
    let file = SourceFile::new(display, text);
    match nul {
        Some(at) => Err(Diagnostic::error(
            "file is not UTF-8 text: it holds a NUL byte, as UTF-16 and binary files do",
        )
        .at(&Origin::new(&file, at..at + 1))
        .help(HELP)),
        None => Ok(file),
    }
}

/// Parses a TOML file into a [`Node`] tree.
pub fn parse(file: &Arc<SourceFile>) -> Result<Node, Diagnostic> {
    let parsed = DeTable::parse(&file.text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        Diagnostic::error(format!("invalid TOML: {}", err.message().trim_end()))
            .at(&Origin::new(file, span))
            .help("see https://toml.io/en/v1.0.0 for the TOML syntax")
    })?;
    let root = parsed.into_inner();
    Ok(Node {
        value: Value::Table(convert_table(file, root)?),
        origin: Origin::new(file, 0..0),
    })
}

fn convert_table(file: &Arc<SourceFile>, table: DeTable<'_>) -> Result<Table, Diagnostic> {
    let mut converted = Table::with_capacity(table.len());
    for (key, value) in table {
        let key_origin = Origin::new(file, key.span());
        refuse_controls(key.get_ref(), &key_origin, "a key", &[])?;
        let origin = Origin::new(file, value.span());
        let node = Node {
            value: convert_value(file, value.into_inner(), &origin)?,
            origin,
        };
        converted.insert(key.into_inner().into_owned(), Entry { key_origin, node });
    }
    Ok(converted)
}

fn convert_value(
    file: &Arc<SourceFile>,
    value: DeValue<'_>,
    origin: &Origin,
) -> Result<Value, Diagnostic> {
    Ok(match value {
        DeValue::String(s) => {
            refuse_controls(&s, origin, "a string", &['\t', '\n', '\r'])?;
            Value::String(s.into_owned())
        }
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let digits = digits.trim_start_matches("0x").trim_start_matches("0o");
            let digits = digits.trim_start_matches("0b").trim_start_matches('+');
            let parsed = i64::from_str_radix(digits, i.radix()).map_err(|_| {
                let written = file.text.get(origin.span.clone()).unwrap_or(i.as_str());
                Diagnostic::error(format!("integer `{written}` is too large"))
                    .at(origin)
                    .note("integers are 64-bit; no setting of a notice is a number")
                    .help("write text in quotes, or a date as YYYY-MM-DD")
            })?;
            Value::Integer(parsed)
        }
        DeValue::Float(f) => Value::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(d) => Value::Datetime(d.to_string()),
        DeValue::Array(items) => {
            let mut nodes = Vec::with_capacity(items.len());
            for item in items {
                let origin = Origin::new(file, item.span());
                let value = convert_value(file, item.into_inner(), &origin)?;
                nodes.push(Node { value, origin });
            }
            Value::Array(nodes)
        }
        DeValue::Table(table) => Value::Table(convert_table(file, table)?),
    })
}

/// Refuses control characters other than `allowed` in `text`, `what` of the source at
/// `origin`. They are invisible in an editor, make XML output ill-formed and can drive a
/// terminal: no notice needs them. History snapshots are parsed here too, so they are held to
/// the same rule.
fn refuse_controls(
    text: &str,
    origin: &Origin,
    what: &str,
    allowed: &[char],
) -> Result<(), Diagnostic> {
    if !may_hold_control(text, allowed) {
        return Ok(());
    }
    let Some(control) = text
        .chars()
        .find(|c| c.is_control() && !allowed.contains(c))
    else {
        return Ok(());
    };
    Err(Diagnostic::error(format!(
        "{what} holds the control character U+{:04X}",
        u32::from(control)
    ))
    .at(origin)
    .note("control characters are invisible in an editor and break the XML and terminal output")
    .help(if allowed.is_empty() {
        "remove it"
    } else {
        "remove it: the only ones allowed in a value are line breaks and tabs"
    }))
}

/// Whether `text` may hold a control character other than `allowed`, from its bytes alone:
/// every string of every source and snapshot is checked, and decoding each to chars to look
/// was 2.7% of a full build. Control characters are C0 (below 0x20), DEL (0x7F) and
/// C1 (U+0080–U+009F, encoded as 0xC2 0x80–0x9F); a false positive only costs the exact scan.
fn may_hold_control(text: &str, allowed: &[char]) -> bool {
    let bytes = text.as_bytes();
    // Most strings hold none of these bytes: a loop the compiler vectorises says so first.
    if !bytes.iter().copied().any(may_start_control) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &byte)| match byte {
        0x00..=0x1f => !allowed.contains(&char::from(byte)),
        0x7f => true,
        0xc2 => bytes
            .get(i + 1)
            .is_some_and(|next| (0x80..=0x9f).contains(next)),
        _ => false,
    })
}

/// Whether `byte` may start a control character: C0 or DEL, or 0xC2, the lead byte of the C1
/// controls (and of the printable U+00A0 to U+00BF). Every other byte of UTF-8 text is part of
/// a character that is no control.
pub(crate) fn may_start_control(byte: u8) -> bool {
    byte < 0x20 || byte == 0x7f || byte == 0xc2
}

/// Finds where a value was set, following a path of keys; list items are addressed by `id`.
/// A language table is entered for the page language when the path ends on it.
pub fn find_origin(root: &Node, path: &[&str]) -> Option<Origin> {
    let mut node = root;
    for segment in path {
        node = match &node.value {
            Value::Table(table) => &table.get(*segment)?.node,
            Value::Array(items) => items.iter().find(|item| {
                item.as_table()
                    .and_then(|t| t.get("id"))
                    .and_then(|e| e.node.as_str())
                    == Some(segment)
            })?,
            _ => return None,
        };
    }
    Some(node.origin.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_and_value_origins() {
        let file = SourceFile::new("n.toml", "[controller]\nname = \"Oy\"\n".into());
        let root = parse(&file).unwrap();
        let controller = &root.as_table().unwrap()["controller"];
        assert_eq!(controller.key_origin.to_string(), "n.toml:1:2");
        let name = &controller.node.as_table().unwrap()["name"];
        assert_eq!(name.key_origin.to_string(), "n.toml:2:1");
        assert_eq!(name.node.origin.to_string(), "n.toml:2:8");
    }

    fn decode_error(bytes: &[u8]) -> String {
        decode("n.toml".into(), bytes.to_vec())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn text_that_is_not_utf8_is_an_error_at_its_first_bad_byte() {
        let text = decode_error(b"a = 1\nb = \"x\xffy\"\n");
        assert!(
            text.starts_with("error: file is not UTF-8: byte 0xFF"),
            "{text}"
        );
        assert!(text.contains("--> n.toml:2:7\n"), "{text}");
        let text = decode_error(b"\xff\xfea\0");
        assert!(
            text.starts_with("error: file is UTF-16, not UTF-8"),
            "{text}"
        );
        assert!(text.contains("--> n.toml:1:1\n"), "{text}");
        let text = decode_error(b"\0\0\xfe\xff\0\0\0a");
        assert!(
            text.starts_with("error: file is UTF-32, not UTF-8"),
            "{text}"
        );
        let text = decode_error(b"a\0=\0");
        assert!(text.contains("NUL byte"), "{text}");
        assert!(text.contains("--> n.toml:1:2\n"), "{text}");
        assert!(decode("n.toml".into(), b"\xef\xbb\xbfa = 1".to_vec()).is_ok());
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_SOURCE_BYTES + 1).unwrap();
        let failure = read(&path, "big.toml".into()).unwrap_err();
        assert_eq!(failure.kind, crate::error::FailureKind::Data);
        assert!(
            failure.to_string().contains("file is too large"),
            "{failure}"
        );
        file.set_len(MAX_SOURCE_BYTES).unwrap();
        // At the limit it is read (and then not UTF-8: all NUL bytes).
        let failure = read(&path, "big.toml".into()).unwrap_err();
        assert!(failure.diagnostics[0].message.contains("NUL byte"));
    }

    /// Bytes from a fixed-seed generator, biased towards TOML punctuation, line breaks and
    /// bytes that are not UTF-8: reading, parsing and printing the error never panic.
    #[test]
    fn arbitrary_bytes_are_read_parsed_and_reported_without_panicking() {
        const ALPHABET: &[u8] = b"a=\"'[]{}.,#\\\n\r\t 1-:\xff\xc3\xa4\x80\xe6\xbc\x22\0\x1bu";
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let len = (next() % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                .collect();
            let shown = match decode("n.toml".into(), bytes) {
                Ok(file) => match parse(&file) {
                    Ok(_) => continue,
                    Err(err) => err.to_string(),
                },
                Err(err) => err.to_string(),
            };
            assert!(shown.contains("--> n.toml:"), "{shown}");
        }
    }

    #[test]
    fn the_byte_scan_finds_every_control_character() {
        let allowed = ['\t', '\n', '\r'];
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let control = c.is_control() && !allowed.contains(&c);
            assert_eq!(
                may_hold_control(&text, &allowed),
                control,
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn control_characters_in_values_and_keys_are_refused_where_they_are() {
        let error = |text: &str| parse(&SourceFile::new("n.toml", text.into())).unwrap_err();
        let err = error("a = 1\ntitle = \"S\\u001b\\u0008\"\n");
        assert_eq!(err.message, "a string holds the control character U+001B");
        assert_eq!(err.location().unwrap(), "n.toml:2:9");
        for value in ["\\u007f", "\\u0085", "\\u0000", "\\b", "\\f"] {
            let err = error(&format!("[t]\nx = [\"ok\", {{ y = \"{value}\" }}]\n"));
            assert_eq!(err.location().unwrap(), "n.toml:2:18", "{value}");
        }
        let err = error("\"k\\u0007\" = 1\n");
        assert_eq!(err.message, "a key holds the control character U+0007");
        let text = "t = \"a\\tb\\r\\nc\"\nm = \"\"\"\r\nx\r\ny\"\"\"\n";
        assert!(parse(&SourceFile::new("n.toml", text.into())).is_ok());
    }

    #[test]
    fn an_integer_too_large_is_reported_as_written() {
        let file = SourceFile::new("n.toml", "updated = 99_999_999_999_999_999_999\n".into());
        let err = parse(&file).unwrap_err();
        assert_eq!(
            err.message,
            "integer `99_999_999_999_999_999_999` is too large"
        );
        assert_eq!(err.location().unwrap(), "n.toml:1:11");
        let file = SourceFile::new(
            "n.toml",
            "a = -9223372036854775808\nb = 0x7fff_ffff_ffff_ffff\n".into(),
        );
        assert!(parse(&file).is_ok());
    }

    #[test]
    fn syntax_error_has_a_location() {
        let file = SourceFile::new("n.toml", "a = 1\nb = \n".into());
        let err = parse(&file).unwrap_err();
        assert_eq!(err.location().unwrap(), "n.toml:2:5");
    }
}

//! One entry of the page cache as bytes: the files a site rendered from its released versions,
//! with what the build needs besides them, read back only when every byte of it is there.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::model::{Lang, Text};
use crate::render::IndexSite;

/// The first bytes of an entry; a new layout changes the number, so an old entry is a miss.
pub(super) const MAGIC: &[u8] = b"notice-pages 1\n";
/// The last bytes of an entry: an entry cut short by a full disk never reads as whole.
const END: &[u8] = b"\nend\n";

/// What an entry holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry<'a> {
    /// The hash of the latest version's `[notice]` table, as a release of the sources would
    /// write it: equal to the sources' means nothing is unreleased.
    pub(crate) latest_table: u128,
    /// The site as the index lists it.
    pub(crate) index: IndexSite,
    /// HTML pages among the files.
    pub(crate) pages: usize,
    /// `(output path, bytes)` of every file of the site: borrowed from the render when stored,
    /// so a site's pages are not copied only to be written.
    pub(crate) files: Cow<'a, [(String, Vec<u8>)]>,
}

/// `entry` as bytes, under `key`.
pub(super) fn encode(key: u128, entry: &Entry<'_>) -> Vec<u8> {
    let size: usize = entry
        .files
        .iter()
        .map(|(p, b)| p.len() + b.len() + 16)
        .sum();
    let mut out = Vec::with_capacity(size + 256);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&entry.latest_table.to_le_bytes());
    number(&mut out, entry.pages);
    let index = &entry.index;
    bytes(&mut out, index.name.as_bytes());
    match &index.title {
        None => out.push(0),
        Some(Text::Plain(text)) => {
            out.push(1);
            bytes(&mut out, text.as_bytes());
        }
        Some(Text::Localized(texts)) => {
            out.push(2);
            number(&mut out, texts.len());
            for (lang, text) in texts {
                bytes(&mut out, lang.code().as_bytes());
                bytes(&mut out, text.as_bytes());
            }
        }
    }
    match &index.controller {
        None => out.push(0),
        Some(name) => {
            out.push(1);
            bytes(&mut out, name.as_bytes());
        }
    }
    number(&mut out, index.languages.len());
    for lang in &index.languages {
        bytes(&mut out, lang.code().as_bytes());
    }
    number(&mut out, entry.files.len());
    for (path, content) in entry.files.iter() {
        bytes(&mut out, path.as_bytes());
        bytes(&mut out, content);
    }
    out.extend_from_slice(END);
    out
}

/// The entry in `data`, if it is a whole entry of this layout stored under `key`.
pub(super) fn decode(key: u128, data: &[u8]) -> Option<Entry<'static>> {
    let mut reader = Reader { data };
    if reader.take(MAGIC.len())? != MAGIC || reader.u128()? != key {
        return None;
    }
    let latest_table = reader.u128()?;
    let pages = reader.number()?;
    let name = reader.string()?;
    let title = match reader.take(1)?[0] {
        0 => None,
        1 => Some(Text::Plain(reader.string()?)),
        2 => {
            let mut texts = BTreeMap::new();
            for _ in 0..reader.number()? {
                let lang = reader.lang()?;
                texts.insert(lang, reader.string()?);
            }
            Some(Text::Localized(texts))
        }
        _ => return None,
    };
    let controller = match reader.take(1)?[0] {
        0 => None,
        1 => Some(reader.string()?),
        _ => return None,
    };
    let languages = (0..reader.number()?)
        .map(|_| reader.lang())
        .collect::<Option<Vec<Lang>>>()?;
    let count = reader.number()?;
    // A count no entry could hold is damage, not a reason to reserve memory for it.
    let mut files = Vec::with_capacity(count.min(data.len() / 16));
    for _ in 0..count {
        let path = reader.string()?;
        files.push((path, reader.take_len()?.to_vec()));
    }
    if reader.data != END {
        return None;
    }
    Some(Entry {
        latest_table,
        index: IndexSite {
            name,
            title,
            controller,
            languages,
        },
        pages,
        files: Cow::Owned(files),
    })
}

fn number(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

fn bytes(out: &mut Vec<u8>, data: &[u8]) {
    number(out, data.len());
    out.extend_from_slice(data);
}

/// Reads an entry front to back; every method is `None` past the end.
struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.data.len() {
            return None;
        }
        let (head, rest) = self.data.split_at(n);
        self.data = rest;
        Some(head)
    }

    fn number(&mut self) -> Option<usize> {
        let raw = u64::from_le_bytes(self.take(8)?.try_into().ok()?);
        usize::try_from(raw).ok()
    }

    fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }

    fn take_len(&mut self) -> Option<&'a [u8]> {
        let n = self.number()?;
        self.take(n)
    }

    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.take_len()?.to_vec()).ok()
    }

    fn lang(&mut self) -> Option<Lang> {
        Lang::from_code(std::str::from_utf8(self.take_len()?).ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry<'static> {
        Entry {
            latest_table: 0x0123_4567_89ab_cdef_0011_2233_4455_6677,
            index: IndexSite {
                name: "kahvila".to_string(),
                title: Some(Text::Localized(BTreeMap::from([
                    (Lang::Fi, "Tietosuojaseloste".to_string()),
                    (Lang::En, "Privacy notice".to_string()),
                ]))),
                controller: Some("Kahvila Oy".to_string()),
                languages: vec![Lang::Fi, Lang::En],
            },
            pages: 2,
            files: Cow::Owned(vec![
                (
                    "kahvila/index.html".to_string(),
                    b"<!doctype html>".to_vec(),
                ),
                ("kahvila/feed.xml".to_string(), Vec::new()),
            ]),
        }
    }

    #[test]
    fn an_entry_reads_back_as_it_was_written() {
        let key = 42;
        assert_eq!(decode(key, &encode(key, &entry())), Some(entry()));
        let plain = Entry {
            index: IndexSite {
                title: Some(Text::Plain("Seloste".to_string())),
                controller: None,
                ..entry().index
            },
            ..entry()
        };
        assert_eq!(decode(key, &encode(key, &plain)), Some(plain));
    }

    #[test]
    fn an_entry_under_another_key_or_layout_is_a_miss() {
        let bytes = encode(42, &entry());
        assert_eq!(decode(43, &bytes), None);
        let mut other_layout = bytes.clone();
        other_layout[MAGIC.len() - 2] = b'9';
        assert_eq!(decode(42, &other_layout), None);
    }

    #[test]
    fn a_cut_or_lengthened_entry_is_a_miss_at_every_length() {
        let bytes = encode(42, &entry());
        for len in 0..bytes.len() {
            assert_eq!(decode(42, &bytes[..len]), None, "cut at {len}");
        }
        let mut longer = bytes.clone();
        longer.push(b'x');
        assert_eq!(decode(42, &longer), None);
    }

    #[test]
    fn a_length_beyond_the_data_is_a_miss_not_an_allocation() {
        let mut bytes = encode(42, &entry());
        // The file count sits before the first path; claim more files than there are bytes.
        let count_at = bytes.len()
            - END.len()
            - entry()
                .files
                .iter()
                .map(|(p, b)| 16 + p.len() + b.len())
                .sum::<usize>()
            - 8;
        bytes[count_at..count_at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(decode(42, &bytes), None);
    }
}
